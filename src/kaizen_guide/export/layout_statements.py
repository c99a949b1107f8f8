"""The rows of the financial-statement sheets: 損益計画, 資金計画 and 貸借対照表計画.

Part of the form's layout (:mod:`.layout`, which re-exports what the sheet writers use); formula
placeholders are described in :mod:`.layout_row`.
"""

from __future__ import annotations

from . import styles
from .layout_row import SEGMENTS, H, R, Row

# ---- 損益計画 (plan-reference §1.1 #9 [P]) ----------------------------------------------------
SIMPLE_CF_FORMULAS = {  # FinanceSettings.simple_cf_variant
    "net_income": "{net_income}+{depreciation_total}",
    "ordinary_after_tax": "{ordinary_income}+{depreciation_total}-{income_taxes}",
    "operating": "{operating_income}+{depreciation_total}",
}
SIMPLE_CF_LABELS = {
    "net_income": "簡易CF (当期純利益 + 減価償却費)",
    "ordinary_after_tax": "簡易CF (経常利益 + 減価償却費 − 法人税等)",
    "operating": "簡易CF (営業利益 + 減価償却費)",
}
DEBT_TO_REPAY_FORMULAS = {  # FinanceSettings.debt_years_variant
    "net_of_cash_and_wc": "MAX(0,{interest_bearing_debt}-{cash}-{working_capital})",
    "net_of_wc": "MAX(0,{interest_bearing_debt}-{working_capital})",
    "gross": "MAX(0,{interest_bearing_debt})",
    "gross_simple_cf": "MAX(0,{interest_bearing_debt})",
}
DEBT_TO_REPAY_NOTES = {
    "net_of_cash_and_wc": "有利子負債 − 現預金 − 正常運転資金",
    "net_of_wc": "有利子負債 − 正常運転資金",
    "gross": "有利子負債",
    "gross_simple_cf": "有利子負債",
}
DEBT_SERVICE_CF_FORMULAS = {
    "net_of_cash_and_wc": "{ordinary_income}+{depreciation_total}-{income_taxes}",
    "net_of_wc": "{ordinary_income}+{depreciation_total}-{income_taxes}",
    "gross": "{ordinary_income}+{depreciation_total}-{income_taxes}",
    "gross_simple_cf": "{net_income}+{depreciation_total}",
}
DEBT_YEARS_FORMULA = 'IF({debt_service_cf}<=0,"算出不能",{debt_to_repay}/{debt_service_cf})'
NOT_COMPUTABLE = "算出不能"
INTEREST_NOTE = "借入ごとの金利 × 平均残高で計算した値です (返済額と支払利息が互いに影響し合うため、循環参照を避けて値にしています)。返済額を大きく変えたときは計画を再計算してください。"

PL_ROWS: tuple[Row, ...] = (
    H("売上高"),
    R(SEGMENTS, ""),
    R(
        "sales_effects",
        "施策による売上増加",
        "pl.sales_effects",
        pformula="{measures:eff.sales}",
        indent=1,
        note="計数計画・具体的施策より",
    ),
    R("sales", "売上高 計", "pl.sales", pformula="SUM({seg*})+{sales_effects}", total=True),
    R(
        "cost_of_sales",
        "売上原価",
        "pl.cost_of_sales",
        pformula="{measures:plan.cost_of_sales}",
        note="計画年度は計数計画・具体的施策より",
    ),
    R(
        "cost_ratio",
        "売上原価率 (前提)",
        "pl.cost_ratio",
        fmt=styles.PCT,
        indent=1,
        note="入力: 成り行き売上と施策の売上増加に掛けます",
    ),
    R("gross_profit", "売上総利益", "pl.gross_profit", "{sales}-{cost_of_sales}", total=True),
    R(
        "gross_margin",
        "売上総利益率",
        "pl.gross_margin",
        "IF({sales}=0,0,{gross_profit}/{sales})",
        fmt=styles.PCT,
        indent=1,
        tol=1e-9,
    ),
    R("personnel", "人件費", "pl.personnel", pformula="{measures:plan.personnel}", indent=1),
    R(
        "depreciation",
        "減価償却費",
        "pl.depreciation",
        pformula="{cf:dep_total}",
        indent=1,
        note="計画年度は資金計画の償却明細より",
    ),
    R("other_sga", "その他販管費", "pl.other_sga", pformula="{measures:plan.other_sga}", indent=1),
    R("sga", "販売費及び一般管理費 計", "pl.sga", "{personnel}+{depreciation}+{other_sga}", total=True),
    R("operating_income", "営業利益", "pl.operating_income", "{gross_profit}-{sga}", total=True),
    R("non_operating_income", "営業外収益", "pl.non_operating_income", pformula="{measures:plan.non_operating_income}"),
    R(
        "interest_expense",
        "支払利息",
        "pl.interest_expense",
        pformula="?{banks:total.interest}",
        indent=1,
        note="計画年度は金融機関別返済計画より",
        value_note=INTEREST_NOTE,
    ),
    R(
        "other_non_operating_expenses",
        "その他営業外費用",
        "pl.other_non_operating_expenses",
        pformula="{measures:plan.non_operating_expenses}",
        indent=1,
    ),
    R(
        "non_operating_expenses",
        "営業外費用 計",
        "pl.non_operating_expenses",
        "{interest_expense}+{other_non_operating_expenses}",
    ),
    R(
        "ordinary_income",
        "経常利益",
        "pl.ordinary_income",
        "{operating_income}+{non_operating_income}-{non_operating_expenses}",
        total=True,
    ),
    R("extraordinary", "特別損益 (純額)", "pl.extraordinary", pformula="{measures:plan.extraordinary}"),
    R("pretax_income", "税引前当期純利益", "pl.pretax_income", "{ordinary_income}+{extraordinary}", total=True),
    R("income_taxes", "法人税等", "pl.income_taxes", pformula="{tax:total_taxes}", note="計画年度はタックスプランより"),
    R("net_income", "当期純利益", "pl.net_income", "{pretax_income}-{income_taxes}", total=True),
    H("返済能力の指標"),
    R("depreciation_total", "減価償却費 (製造原価分を含む)", "pl.depreciation_total", pformula="{depreciation}"),
    R("simple_cf", "簡易CF", "metrics.simple_cf", SIMPLE_CF_FORMULAS, variant="simple_cf_variant", total=True),
    R(
        "debt_service_cf",
        "償還原資 (債務償還年数の分母)",
        "metrics.debt_service_cf",
        DEBT_SERVICE_CF_FORMULAS,
        variant="debt_years_variant",
    ),
    R("ebitda", "EBITDA (営業利益 + 減価償却費)", "metrics.ebitda", "{operating_income}+{depreciation_total}"),
    R("interest_bearing_debt", "有利子負債残高", "metrics.interest_bearing_debt", "{bs:interest_bearing_debt}"),
    R("cash", "現預金", "metrics.cash", "{bs:cash}", indent=1),
    R("working_capital", "正常運転資金", "metrics.normal_working_capital", "{bs:working_capital}", indent=1),
    R("debt_to_repay", "要償還債務", "metrics.debt_to_repay", DEBT_TO_REPAY_FORMULAS, variant="debt_years_variant"),
    R(
        "debt_years",
        "債務償還年数",
        "metrics.debt_repayment_years",
        DEBT_YEARS_FORMULA,
        fmt=styles.YEARS,
        total=True,
        tol=0.0051,
        none_expected=NOT_COMPUTABLE,
        note="要償還債務 ÷ 償還原資 (償還原資≦0 は算出不能)",
    ),
    R("net_assets", "純資産 (簿価)", "metrics.net_assets", "{bs:net_assets}"),
    R("real_net_assets", "実質純資産", "metrics.real_net_assets", "{bs:real_net_assets}", note="0未満は実質債務超過"),
)

# Which rows of 損益計画 the chart shows (売上高・経常利益 across the years).
PL_CHART_ROWS = ("sales", "ordinary_income")

# ---- 資金計画 (§1.1 #10 [P]): plan years ------------------------------------------------------
CF_ROWS: tuple[Row, ...] = (
    H("営業活動によるキャッシュフロー"),
    R("net_income", "当期純利益", "cf.net_income", "{pl:net_income}"),
    R("depreciation", "減価償却費", "cf.depreciation", "{pl:depreciation_total}"),
    R(
        "receivables_change",
        "売上債権の増減",
        "cf.receivables_change",
        "?{bs:receivables@-1}-{bs:receivables}",
        indent=1,
        note="増加は▲ (貸借対照表計画より)",
    ),
    R(
        "inventory_change",
        "棚卸資産の増減",
        "cf.inventory_change",
        "?{bs:inventory@-1}-{bs:inventory}",
        indent=1,
        note="増加は▲",
    ),
    R(
        "payables_change",
        "仕入債務の増減",
        "cf.payables_change",
        "?{bs:payables}-{bs:payables@-1}",
        indent=1,
        note="増加は＋",
    ),
    R(
        "working_capital_cf",
        "運転資金の増減 計",
        "cf.working_capital_cf",
        "{receivables_change}+{inventory_change}+{payables_change}",
    ),
    R(
        "operating_cf",
        "営業キャッシュフロー",
        "cf.operating_cf",
        "{net_income}+{depreciation}+{working_capital_cf}",
        total=True,
        note="法人税等は当期に支払う前提",
    ),
    H("投資活動によるキャッシュフロー"),
    R("capex", "設備投資", "cf.capex_out", "-{capex_total}", note="支出は▲ (下の設備投資の明細より)"),
    R("investing_cf", "投資キャッシュフロー", "cf.investing_cf", "{capex}", total=True),
    R("free_cf", "フリーキャッシュフロー", "cf.free_cf", "{operating_cf}+{investing_cf}", total=True),
    H("財務活動によるキャッシュフロー"),
    R("borrowing", "借入金の増加", "cf.borrowing", "?{banks:total.new_borrowing}", note="金融機関別返済計画より"),
    R("repayment", "借入金の返済", "cf.repayment_out", "?-{banks:total.repayment}", note="支出は▲"),
    R(
        "shortfall_borrowing",
        "短期借入金 (資金不足の補填)",
        "cf.shortfall_borrowing",
        note="期末の現預金がマイナスにならないよう補う借入 (借入先未定・返済は翌期以降)",
    ),
    R(
        "financing_cf",
        "財務キャッシュフロー",
        "cf.financing_cf",
        "{borrowing}+{repayment}+{shortfall_borrowing}",
        total=True,
    ),
    H("現預金"),
    R("cash_change", "現預金の増減", "cf.cash_change", "{free_cf}+{financing_cf}", total=True),
    R("cash_opening", "期首現預金", "cf.cash_opening", "?{cash_closing@-1}"),
    R("cash_closing", "期末現預金", "cf.cash_closing", "{cash_opening}+{cash_change}", total=True),
)

HELD = "前期末のまま (据置)"
MONTHS_FMT = '0.0#"か月"'
BS_BORROWINGS = "?{borrowings@-1}+{banks:total.new_borrowing}-{banks:total.repayment}"
BS_BORROWINGS_NO_BANKS = "?{borrowings@-1}"

# ---- 貸借対照表計画 (§1.1 #11 [P]) -------------------------------------------------------------
BS_ROWS: tuple[Row, ...] = (
    H("資産の部"),
    R("cash", "現金預金", "bs.cash", pformula="{cf:cash_closing}", note="計画年度は資金計画の期末現預金"),
    R(
        "notes_receivable",
        "受取手形",
        "bs.notes_receivable",
        pformula="ROUND(ROUND({pl:sales}*(1-{wc.cash_sales})*{wc.notes_months}/12,6),0)",
        note="掛売上 × 手形サイト ÷ 12",
    ),
    R(
        "accounts_receivable",
        "売掛金",
        "bs.accounts_receivable",
        pformula="ROUND(ROUND({pl:sales}*(1-{wc.cash_sales})*{wc.collection_months}/12,6),0)",
        note="掛売上 × 回収サイト ÷ 12",
    ),
    R(
        "inventory",
        "棚卸資産",
        "bs.inventory",
        pformula="ROUND(ROUND({pl:cost_of_sales}*{wc.inventory_months}/12,6),0)",
        note="売上原価 × 在庫期間 ÷ 12",
    ),
    R(
        "other_current_assets",
        "その他流動資産",
        "bs.other_current_assets",
        pformula="?{other_current_assets@-1}",
        note=HELD,
    ),
    R("current_assets", "流動資産 計", "bs.current_assets", "SUM({cash}:{other_current_assets})", total=True),
    R(
        "tangible_fixed_assets",
        "有形固定資産",
        "bs.tangible_fixed_assets",
        pformula="?{tangible_fixed_assets@-1}+{cf:capex_total}-{pl:depreciation_total}",
        note="前期末 + 設備投資 − 減価償却費",
    ),
    R(
        "intangible_fixed_assets",
        "無形固定資産",
        "bs.intangible_fixed_assets",
        pformula="?{intangible_fixed_assets@-1}",
        note=HELD,
    ),
    R(
        "investments_and_other",
        "投資その他の資産",
        "bs.investments_and_other",
        pformula="?{investments_and_other@-1}",
        note=HELD,
    ),
    R(
        "fixed_assets",
        "固定資産 計",
        "bs.fixed_assets",
        "SUM({tangible_fixed_assets}:{investments_and_other})",
        total=True,
    ),
    R("total_assets", "資産合計", "bs.total_assets", "{current_assets}+{fixed_assets}", total=True),
    H("負債の部"),
    R(
        "payables",
        "仕入債務 (支払手形・買掛金)",
        "bs.payables",
        pformula="ROUND(ROUND({pl:cost_of_sales}*{wc.credit_purchase}*{wc.payment_months}/12,6),0)",
        note="売上原価 × 掛仕入の割合 × 支払サイト ÷ 12",
    ),
    R("borrowings", "借入金 (短期・長期)", "bs.borrowings", pformula=BS_BORROWINGS, note="前期末 + 新規借入 − 返済"),
    R("officer_borrowings", "役員借入金", "bs.officer_borrowings", pformula="?{officer_borrowings@-1}", note=HELD),
    R("other_liabilities", "その他負債", "bs.other_liabilities", pformula="?{other_liabilities@-1}", note=HELD),
    R("total_liabilities", "負債合計", "bs.total_liabilities", "SUM({payables}:{other_liabilities})", total=True),
    H("純資産の部"),
    R("capital", "資本金・資本剰余金", "bs.capital", pformula="?{capital@-1}", note=HELD),
    R(
        "retained_earnings",
        "利益剰余金",
        "bs.retained_earnings",
        pformula="?{retained_earnings@-1}+{pl:net_income}",
        note="前期末 + 当期純利益",
    ),
    R("net_assets", "純資産合計", "bs.net_assets", "{capital}+{retained_earnings}", total=True),
    R(
        "total_liabilities_and_net_assets",
        "負債・純資産合計",
        "bs.total_liabilities_and_net_assets",
        "{total_liabilities}+{net_assets}",
        total=True,
    ),
    R(
        "imbalance",
        "貸借差額 (検算: 0 になること)",
        "bs.imbalance",
        "{total_assets}-{total_liabilities_and_net_assets}",
    ),
    H("指標"),
    R("receivables", "売上債権 (受取手形 + 売掛金)", "bs.receivables", "{notes_receivable}+{accounts_receivable}"),
    R("interest_bearing_debt", "有利子負債", "metrics.interest_bearing_debt", "{borrowings}"),
    R(
        "working_capital",
        "正常運転資金",
        "metrics.normal_working_capital",
        "{receivables}+{inventory}-{payables}",
        note="売上債権 + 棚卸資産 − 仕入債務",
    ),
    R(
        "equity_ratio",
        "自己資本比率",
        "bs.equity_ratio",
        "IF({total_assets}=0,0,{net_assets}/{total_assets})",
        fmt=styles.PCT,
        tol=1e-9,
    ),
    R(
        "real_adjustments",
        "実態BS修正額",
        "bs.real_adjustments",
        "?{debtor:adj_total}",
        note="債務者概況表 ⑦ の修正額 (計画期間は据置)",
    ),
    R(
        "real_net_assets",
        "実質純資産",
        "metrics.real_net_assets",
        "{net_assets}+{real_adjustments}",
        total=True,
        note="0未満は実質債務超過",
    ),
    H("運転資金の前提 (入力)"),
    R("wc.cash_sales", "現金売上の割合", "wc.cash_sales_ratio", fmt=styles.PCT),
    R("wc.collection_months", "売掛金の回収サイト (月)", "wc.collection_months", fmt=MONTHS_FMT),
    R("wc.notes_months", "受取手形のサイト (月)", "wc.notes_receivable_months", fmt=MONTHS_FMT),
    R("wc.inventory_months", "在庫期間 (月)", "wc.inventory_months", fmt=MONTHS_FMT),
    R("wc.payment_months", "支払サイト (月)", "wc.payment_months", fmt=MONTHS_FMT),
    R("wc.credit_purchase", "掛仕入の割合 (仕入のうち買掛金払い)", "wc.credit_purchase_ratio", fmt=styles.PCT),
)
# When FinanceSettings.include_officer_borrowings_in_debt, 有利子負債 = 借入金 + 役員借入金.
BS_DEBT_WITH_OFFICER = "{borrowings}+{officer_borrowings}"
