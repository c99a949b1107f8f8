"""The layout of the SME Agency sample form (【別紙2-1】経営改善計画サンプル様式), as tables.

This is the ONE place that says which sheets exist, in which order, and which rows and columns
each sheet has. Much of the cell-level layout of the 2023 sample form is unconfirmed (marked
[U] in plan-reference.md §1.1); where that is so the entry below says ``[U]``, and correcting it
is an edit here, not in the sheet writers.

Numeric rows are ``Row`` records: a key, the label printed in column A, where the engine's number
comes from (``src``, read by ``sources.Sources``), and either nothing (the number is written as an
input value) or a formula template over other rows' keys in the same column, e.g.
``"{sales}-{cost_of_sales}"``; ``{seg*}`` expands to the range of the per-segment rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import styles

# ---------------------------------------------------------------------------------------------
# Sheets, in the order of the sample form ([C] oki-kyogikai / sme-support for the first part;
# 資産保全表, 月次資金繰り表 and 伴走支援計画 follow as attachments).


@dataclass(frozen=True)
class SheetSpec:
    key: str
    name: str  # worksheet name (≤31 characters, none of []:*?/\)
    title: str  # printed title on row 1


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec("cover", "表紙", "経営改善計画書"),
    SheetSpec("debtor", "債務者概況表", "債務者概況表"),
    SheetSpec("summary", "概要", "概要 (企業の概況・課題・基本方針・計画期間・改善目標)"),
    SheetSpec("group", "企業集団の状況", "企業集団の状況"),
    SheetSpec("bizmodel", "ビジネスモデル俯瞰図", "ビジネスモデル俯瞰図 (商流・業務フロー)"),
    SheetSpec("cash_actual", "資金実績表", "資金実績表"),
    SheetSpec("measures", "計数計画・具体的施策", "計数計画・具体的施策"),
    SheetSpec("actions", "実施計画", "実施計画 (アクションプラン)"),
    SheetSpec("pl", "損益計画", "損益計画"),
    SheetSpec("cf", "資金計画", "資金計画 (キャッシュフロー計画)"),
    SheetSpec("bs", "貸借対照表計画", "貸借対照表計画"),
    SheetSpec("tax", "タックスプラン", "タックスプラン (税額計算表)"),
    SheetSpec("banks", "金融機関別返済計画・金融支援計画", "金融機関別借入金返済計画・金融支援計画"),
    SheetSpec("coverage", "資産保全表", "資産保全表 (金融機関別 保全・信用残)"),
    SheetSpec("monthly", "月次資金繰り表", "月次資金繰り表 (計画1年目)"),
    SheetSpec("monitoring", "伴走支援計画", "伴走支援計画 (モニタリング計画)"),
)

SHEET = {s.key: s for s in SHEETS}

# ---------------------------------------------------------------------------------------------
# Column convention of every numeric sheet ([C] docsplayer 25638182): 項目 | 実績 (up to 3
# years, oldest first) | 計画0年目 (進行期) | 計画1年目 … 計画N年目 | 備考.

LABEL_COL = 1
FIRST_YEAR_COL = 2
ACTUAL_YEARS_SHOWN = 3
HEADER_ROW = 4  # row with the year labels; row 3 says 実績 / 計画; rows 1-2 title and company
FIRST_BODY_ROW = 5
LABEL_WIDTH = 30.0
YEAR_WIDTH = 11.5
NOTE_WIDTH = 28.0


@dataclass(frozen=True)
class Row:
    """One line of a numeric sheet.

    ``formula`` applies to every year column, ``pformula`` only to plan-year columns (actual
    years then show the entered number). A template that starts with ``?`` falls back to the
    value where a referenced cell does not exist (e.g. the year before 計画0年目). A ``dict``
    formula is chosen by a FinanceSettings variant (``variant`` names the setting).
    """

    key: str
    label: str
    src: str | None = None  # where the engine's number is (see sources.Sources); None = no number
    formula: str | dict[str, str] | None = None
    pformula: str | None = None
    fmt: str = styles.NUM
    total: bool = False  # bold with a total border
    section: bool = False  # a heading row with no numbers
    indent: int = 0
    note: str = ""
    tol: float = 0.0  # tolerance for non-integer formula results (ratios, years)
    variant: str | None = None
    none_expected: str | None = None  # what the formula shows when the engine says None
    value_note: str = ""  # plan-year numbers without a formula are computed values: why (a cell note)


def R(key, label, src=None, formula=None, **kw) -> Row:  # noqa: N802 (table-like shorthand)
    return Row(key, label, src, formula, **kw)


def H(label: str) -> Row:  # noqa: N802
    return Row(key="", label=label, section=True)


# Every ROUND of a product with a rate goes through ROUND(…,6) first: 850 × 0.41 is 348.49999… in
# floating point, while the engine (exact decimals) rounds 348.5 up.
# Placeholders in formula templates:
#   {key}          this sheet, this year        {key@-1}        this sheet, the year before
#   {pl:key}       sheet "pl", this year         {bs:cash@-1}    sheet "bs", the year before
#   {seg*}         the range of rows whose key starts with "seg" (0 when there are none)

# ---- 損益計画 (plan-reference §1.1 #9 [P]) ----------------------------------------------------
SEGMENTS = "__segments__"  # one row per 売上区分 (key "seg.<i>")
BANKS = "__banks__"  # one row per 金融機関

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
INTEREST_NOTE = '借入ごとの金利 × 平均残高で計算した値です (返済額と支払利息が互いに影響し合うため、循環参照を避けて値にしています)。返済額を大きく変えたときは計画を再計算してください。'

PL_ROWS: tuple[Row, ...] = (
    H("売上高"),
    R(SEGMENTS, ""),
    R("sales_effects", "施策による売上増加", "pl.sales_effects", pformula="{measures:eff.sales}",
      indent=1, note="計数計画・具体的施策より"),
    R("sales", "売上高 計", "pl.sales", pformula="SUM({seg*})+{sales_effects}", total=True),
    R("cost_of_sales", "売上原価", "pl.cost_of_sales", pformula="{measures:plan.cost_of_sales}",
      note="計画年度は計数計画・具体的施策より"),
    R("cost_ratio", "売上原価率 (前提)", "pl.cost_ratio", fmt=styles.PCT, indent=1,
      note="入力: 成り行き売上と施策の売上増加に掛けます"),
    R("gross_profit", "売上総利益", "pl.gross_profit", "{sales}-{cost_of_sales}", total=True),
    R("gross_margin", "売上総利益率", "pl.gross_margin", "IF({sales}=0,0,{gross_profit}/{sales})",
      fmt=styles.PCT, indent=1, tol=1e-9),
    R("personnel", "人件費", "pl.personnel", pformula="{measures:plan.personnel}", indent=1),
    R("depreciation", "減価償却費", "pl.depreciation", pformula="{cf:dep_total}", indent=1,
      note="計画年度は資金計画の償却明細より"),
    R("other_sga", "その他販管費", "pl.other_sga", pformula="{measures:plan.other_sga}", indent=1),
    R("sga", "販売費及び一般管理費 計", "pl.sga", "{personnel}+{depreciation}+{other_sga}", total=True),
    R("operating_income", "営業利益", "pl.operating_income", "{gross_profit}-{sga}", total=True),
    R("non_operating_income", "営業外収益", "pl.non_operating_income",
      pformula="{measures:plan.non_operating_income}"),
    R("interest_expense", "支払利息", "pl.interest_expense", pformula="?{banks:total.interest}", indent=1,
      note="計画年度は金融機関別返済計画より", value_note=INTEREST_NOTE),
    R("other_non_operating_expenses", "その他営業外費用", "pl.other_non_operating_expenses",
      pformula="{measures:plan.non_operating_expenses}", indent=1),
    R("non_operating_expenses", "営業外費用 計", "pl.non_operating_expenses",
      "{interest_expense}+{other_non_operating_expenses}"),
    R("ordinary_income", "経常利益", "pl.ordinary_income",
      "{operating_income}+{non_operating_income}-{non_operating_expenses}", total=True),
    R("extraordinary", "特別損益 (純額)", "pl.extraordinary", pformula="{measures:plan.extraordinary}"),
    R("pretax_income", "税引前当期純利益", "pl.pretax_income", "{ordinary_income}+{extraordinary}", total=True),
    R("income_taxes", "法人税等", "pl.income_taxes", pformula="{tax:total_taxes}", note="計画年度はタックスプランより"),
    R("net_income", "当期純利益", "pl.net_income", "{pretax_income}-{income_taxes}", total=True),
    H("返済能力の指標"),
    R("depreciation_total", "減価償却費 (製造原価分を含む)", "pl.depreciation_total", pformula="{depreciation}"),
    R("simple_cf", "簡易CF", "metrics.simple_cf", SIMPLE_CF_FORMULAS, variant="simple_cf_variant",
      total=True),
    R("debt_service_cf", "償還原資 (債務償還年数の分母)", "metrics.debt_service_cf", DEBT_SERVICE_CF_FORMULAS,
      variant="debt_years_variant"),
    R("ebitda", "EBITDA (営業利益 + 減価償却費)", "metrics.ebitda", "{operating_income}+{depreciation_total}"),
    R("interest_bearing_debt", "有利子負債残高", "metrics.interest_bearing_debt", "{bs:interest_bearing_debt}"),
    R("cash", "現預金", "metrics.cash", "{bs:cash}", indent=1),
    R("working_capital", "正常運転資金", "metrics.normal_working_capital", "{bs:working_capital}", indent=1),
    R("debt_to_repay", "要償還債務", "metrics.debt_to_repay", DEBT_TO_REPAY_FORMULAS,
      variant="debt_years_variant"),
    R("debt_years", "債務償還年数", "metrics.debt_repayment_years", DEBT_YEARS_FORMULA, fmt=styles.YEARS,
      total=True, tol=0.0051, none_expected=NOT_COMPUTABLE, note="要償還債務 ÷ 償還原資 (償還原資≦0 は算出不能)"),
    R("net_assets", "純資産 (簿価)", "metrics.net_assets", "{bs:net_assets}"),
    R("real_net_assets", "実質純資産", "metrics.real_net_assets", "{bs:real_net_assets}",
      note="0未満は実質債務超過"),
)

# Which rows of 損益計画 the chart shows (売上高・経常利益 across the years).
PL_CHART_ROWS = ("sales", "ordinary_income")

# ---- 資金計画 (§1.1 #10 [P]): plan years ------------------------------------------------------
CF_ROWS: tuple[Row, ...] = (
    H("営業活動によるキャッシュフロー"),
    R("net_income", "当期純利益", "cf.net_income", "{pl:net_income}"),
    R("depreciation", "減価償却費", "cf.depreciation", "{pl:depreciation_total}"),
    R("receivables_change", "売上債権の増減", "cf.receivables_change",
      "?{bs:receivables@-1}-{bs:receivables}", indent=1, note="増加は▲ (貸借対照表計画より)"),
    R("inventory_change", "棚卸資産の増減", "cf.inventory_change", "?{bs:inventory@-1}-{bs:inventory}",
      indent=1, note="増加は▲"),
    R("payables_change", "仕入債務の増減", "cf.payables_change", "?{bs:payables}-{bs:payables@-1}",
      indent=1, note="増加は＋"),
    R("working_capital_cf", "運転資金の増減 計", "cf.working_capital_cf",
      "{receivables_change}+{inventory_change}+{payables_change}"),
    R("operating_cf", "営業キャッシュフロー", "cf.operating_cf",
      "{net_income}+{depreciation}+{working_capital_cf}", total=True, note="法人税等は当期に支払う前提"),
    H("投資活動によるキャッシュフロー"),
    R("capex", "設備投資", "cf.capex_out", "-{capex_total}", note="支出は▲ (下の設備投資の明細より)"),
    R("investing_cf", "投資キャッシュフロー", "cf.investing_cf", "{capex}", total=True),
    R("free_cf", "フリーキャッシュフロー", "cf.free_cf", "{operating_cf}+{investing_cf}", total=True),
    H("財務活動によるキャッシュフロー"),
    R("borrowing", "借入金の増加", "cf.borrowing", "?{banks:total.new_borrowing}", note="金融機関別返済計画より"),
    R("repayment", "借入金の返済", "cf.repayment_out", "?-{banks:total.repayment}", note="支出は▲"),
    R("shortfall_borrowing", "短期借入金 (資金不足の補填)", "cf.shortfall_borrowing",
      note="期末の現預金がマイナスにならないよう補う借入 (借入先未定・返済は翌期以降)"),
    R("financing_cf", "財務キャッシュフロー", "cf.financing_cf", "{borrowing}+{repayment}+{shortfall_borrowing}",
      total=True),
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
    R("notes_receivable", "受取手形", "bs.notes_receivable",
      pformula="ROUND(ROUND({pl:sales}*(1-{wc.cash_sales})*{wc.notes_months}/12,6),0)", note="掛売上 × 手形サイト ÷ 12"),
    R("accounts_receivable", "売掛金", "bs.accounts_receivable",
      pformula="ROUND(ROUND({pl:sales}*(1-{wc.cash_sales})*{wc.collection_months}/12,6),0)", note="掛売上 × 回収サイト ÷ 12"),
    R("inventory", "棚卸資産", "bs.inventory", pformula="ROUND(ROUND({pl:cost_of_sales}*{wc.inventory_months}/12,6),0)",
      note="売上原価 × 在庫期間 ÷ 12"),
    R("other_current_assets", "その他流動資産", "bs.other_current_assets", pformula="?{other_current_assets@-1}",
      note=HELD),
    R("current_assets", "流動資産 計", "bs.current_assets", "SUM({cash}:{other_current_assets})", total=True),
    R("tangible_fixed_assets", "有形固定資産", "bs.tangible_fixed_assets",
      pformula="?{tangible_fixed_assets@-1}+{cf:capex_total}-{pl:depreciation_total}",
      note="前期末 + 設備投資 − 減価償却費"),
    R("intangible_fixed_assets", "無形固定資産", "bs.intangible_fixed_assets", pformula="?{intangible_fixed_assets@-1}",
      note=HELD),
    R("investments_and_other", "投資その他の資産", "bs.investments_and_other", pformula="?{investments_and_other@-1}",
      note=HELD),
    R("fixed_assets", "固定資産 計", "bs.fixed_assets",
      "SUM({tangible_fixed_assets}:{investments_and_other})", total=True),
    R("total_assets", "資産合計", "bs.total_assets", "{current_assets}+{fixed_assets}", total=True),
    H("負債の部"),
    R("payables", "仕入債務 (支払手形・買掛金)", "bs.payables",
      pformula="ROUND(ROUND({pl:cost_of_sales}*{wc.credit_purchase}*{wc.payment_months}/12,6),0)",
      note="売上原価 × 掛仕入の割合 × 支払サイト ÷ 12"),
    R("borrowings", "借入金 (短期・長期)", "bs.borrowings", pformula=BS_BORROWINGS, note="前期末 + 新規借入 − 返済"),
    R("officer_borrowings", "役員借入金", "bs.officer_borrowings", pformula="?{officer_borrowings@-1}", note=HELD),
    R("other_liabilities", "その他負債", "bs.other_liabilities", pformula="?{other_liabilities@-1}", note=HELD),
    R("total_liabilities", "負債合計", "bs.total_liabilities", "SUM({payables}:{other_liabilities})", total=True),
    H("純資産の部"),
    R("capital", "資本金・資本剰余金", "bs.capital", pformula="?{capital@-1}", note=HELD),
    R("retained_earnings", "利益剰余金", "bs.retained_earnings", pformula="?{retained_earnings@-1}+{pl:net_income}",
      note="前期末 + 当期純利益"),
    R("net_assets", "純資産合計", "bs.net_assets", "{capital}+{retained_earnings}", total=True),
    R("total_liabilities_and_net_assets", "負債・純資産合計", "bs.total_liabilities_and_net_assets",
      "{total_liabilities}+{net_assets}", total=True),
    R("imbalance", "貸借差額 (検算: 0 になること)", "bs.imbalance", "{total_assets}-{total_liabilities_and_net_assets}"),
    H("指標"),
    R("receivables", "売上債権 (受取手形 + 売掛金)", "bs.receivables", "{notes_receivable}+{accounts_receivable}"),
    R("interest_bearing_debt", "有利子負債", "metrics.interest_bearing_debt", "{borrowings}"),
    R("working_capital", "正常運転資金", "metrics.normal_working_capital", "{receivables}+{inventory}-{payables}",
      note="売上債権 + 棚卸資産 − 仕入債務"),
    R("equity_ratio", "自己資本比率", "bs.equity_ratio", "IF({total_assets}=0,0,{net_assets}/{total_assets})",
      fmt=styles.PCT, tol=1e-9),
    R("real_adjustments", "実態BS修正額", "bs.real_adjustments", "?{debtor:adj_total}",
      note="債務者概況表 ⑦ の修正額 (計画期間は据置)"),
    R("real_net_assets", "実質純資産", "metrics.real_net_assets", "{net_assets}+{real_adjustments}",
      total=True, note="0未満は実質債務超過"),
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

# ---- 資金実績表 (§1.1 #6 [U]): actual years that have the year before ------------------------
CASH_ACTUAL_ROWS: tuple[Row, ...] = (
    R("cash_begin", "期首現預金", "cfa.cash_begin", "?{bs:cash@-1}"),
    H("営業収支"),
    R("net_income", "当期純利益", "pl.net_income", "{pl:net_income}"),
    R("depreciation", "減価償却費", "pl.depreciation_total", "{pl:depreciation_total}"),
    R("simple_cf", "簡易CF (当期純利益 + 減価償却費)", "cfa.simple_cf", "{net_income}+{depreciation}", total=True),
    R("receivables_change", "売上債権の増減 (増加は▲)", "cfa.receivables_change",
      "?{bs:receivables@-1}-{bs:receivables}", indent=1),
    R("inventory_change", "棚卸資産の増減 (増加は▲)", "cfa.inventory_change", "?{bs:inventory@-1}-{bs:inventory}",
      indent=1),
    R("payables_change", "仕入債務の増減 (増加は＋)", "cfa.payables_change", "?{bs:payables}-{bs:payables@-1}",
      indent=1),
    R("other_wc_change", "その他流動資産・負債の増減", "cfa.other_wc_change",
      "?{bs:other_current_assets@-1}-{bs:other_current_assets}+{bs:other_liabilities}-{bs:other_liabilities@-1}",
      indent=1),
    R("operating_cf", "営業収支", "cfa.operating_cf", "SUM({simple_cf}:{other_wc_change})", total=True),
    H("設備等収支"),
    R("capex_net", "設備投資 (純額・推定)", "cfa.capex_net",
      "?-(({bs:tangible_fixed_assets}+{bs:intangible_fixed_assets})-({bs:tangible_fixed_assets@-1}"
      "+{bs:intangible_fixed_assets@-1})+{depreciation})",
      indent=1, note="固定資産の増加 + 減価償却費 (▲は支出)"),
    R("investments_change", "投資その他の資産の増減", "cfa.investments_change",
      "?{bs:investments_and_other@-1}-{bs:investments_and_other}", indent=1),
    R("investing_cf", "設備等収支", "cfa.investing_cf", "{capex_net}+{investments_change}", total=True),
    H("財務収支"),
    R("borrowing_change", "借入金の増減", "cfa.borrowing_change", "?{bs:borrowings}-{bs:borrowings@-1}", indent=1),
    R("officer_change", "役員借入金の増減", "cfa.officer_change",
      "?{bs:officer_borrowings}-{bs:officer_borrowings@-1}", indent=1),
    R("capital_change", "資本金・資本剰余金の増減", "cfa.capital_change", "?{bs:capital}-{bs:capital@-1}", indent=1),
    R("other_equity_change", "利益剰余金のその他増減 (配当等)", "cfa.other_equity_change",
      "?{bs:retained_earnings}-{bs:retained_earnings@-1}-{net_income}", indent=1),
    R("financing_cf", "財務収支", "cfa.financing_cf", "SUM({borrowing_change}:{other_equity_change})", total=True),
    R("cash_change", "現預金の増減", "cfa.cash_change", "{operating_cf}+{investing_cf}+{financing_cf}", total=True),
    R("cash_end", "期末現預金", "cfa.cash_end", "{cash_begin}+{cash_change}", total=True),
    R("check", "検算: 貸借対照表の現金預金との差 (0 になること)", "cfa.check", "{cash_end}-{bs:cash}"),
    R("borrowings_end", "借入金残高 (期末)", "bs.borrowings", "{bs:borrowings}"),
)

# 当期使用: 中小法人は所得の100%まで、それ以外は50%まで (FinanceSettings-like variant on the plan's tax drivers)
TAX_USED_FORMULAS = {
    True: "IF({pretax_income}>0,MIN({carryforward_opening},{pretax_income}),0)",
    False: "IF({pretax_income}>0,MIN({carryforward_opening},INT({pretax_income}/2)),0)",
}
EXPIRED_NOTE = ("繰越期限 (発生から10年) を過ぎた欠損金で、発生年度別の残高から計算した値です。"
                "利益を大きく変えると、どの年度の欠損金が残るかが変わることがあります。")

# ---- タックスプラン (§1.1 #12 [U]): plan years --------------------------------------------------
TAX_ROWS: tuple[Row, ...] = (
    R("pretax_income", "税引前当期純利益", "tax.pretax_income", "{pl:pretax_income}"),
    H("繰越欠損金"),
    R("carryforward_opening", "期首残高", "tax.carryforward_opening", "?{carryforward_closing@-1}", indent=1),
    R("arising", "当期発生", "tax.arising", "MAX(0,-{pretax_income})", indent=1, note="税引前損失"),
    R("used", "当期使用 (控除額)", "tax.used", TAX_USED_FORMULAS, variant="sme_full_loss_use", indent=1,
      note="MIN(期首残高, 控除限度)"),
    R("expired", "期限切れ", "tax.expired", indent=1, value_note=EXPIRED_NOTE),
    R("carryforward_closing", "期末残高", "tax.carryforward_closing",
      "{carryforward_opening}+{arising}-{used}-{expired}", total=True),
    H("税額"),
    R("taxable_income", "課税所得 (申告調整なし)", "tax.taxable_income", "MAX(0,{pretax_income}-{used})",
      total=True),
    R("effective_rate", "実効税率", "tax_in.effective_rate", fmt='0.00%', indent=1, note="入力"),
    R("corporate_tax", "法人税・住民税・事業税 (所得割)", "tax.corporate_tax",
      "IF({taxable_income}>0,ROUND(ROUND({taxable_income}*{effective_rate},6),0),0)", note="課税所得 × 実効税率"),
    R("per_capita", "均等割", "tax.per_capita", note="入力 (赤字でも納付)"),
    R("total_taxes", "法人税等 計", "tax.total_taxes", "{corporate_tax}+{per_capita}", total=True,
      note="損益計画の法人税等へ"),
)

CONTRACT_NOTE = "借入ごとの約定 (月額 × 12、残高が上限) を合計した値です。比較のための参考値です。"

# ---- 金融機関別返済計画 (§1.1 #13 [U/P]): plan years ----------------------------------------
# One block per bank; "$" in a template stands for the bank's key prefix ("b<i>."). A totals
# block (keys "total.<key>") sums the banks.
BANK_BLOCK_ROWS: tuple[Row, ...] = (
    R("opening", "期首残高", "opening", "?{$closing@-1}"),
    R("contractual", "約定返済額", "contractual", note="現行約定 (比較用)", value_note=CONTRACT_NOTE),
    R("repayment", "計画返済額", "repayment", note="入力"),
    R("reduction", "金融支援額 (約定 − 計画)", "reduction", "{$contractual}-{$repayment}"),
    R("new_borrowing", "新規借入", "new_borrowing", note="入力"),
    R("closing", "期末残高", "closing", "{$opening}+{$new_borrowing}-{$repayment}", total=True),
    R("interest", "支払利息", "interest", value_note=INTEREST_NOTE),
)
BASIS_NAMES = {"balance": "残高プロラタ", "unsecured": "信用残高プロラタ", "contract": "約定返済"}  # プロラタの配分基準
BANK_SUMMARY_COLUMNS: tuple[str, ...] = (
    "金融機関", "業態", "基準日残高", "残高シェア", "保全額", "非保全額 (信用残)", "信用残シェア",
    "約定返済 (年額)", "計画返済 (期間計)", "金融支援額 (期間計)",
)  # [U]
CAPACITY_ROWS: tuple[Row, ...] = (
    R("simple_cf", "簡易CF", "simple_cf"),
    R("share", "返済に充てる簡易CFの割合", "share", fmt=styles.PCT, note="入力"),
    R("capacity", "返済原資 (簡易CF × 返済に充てる割合)", "capacity"),
    R("total_repayment", "計画返済額 計", "total_repayment"),
    R("total_contractual", "約定返済額 計", "total_contractual"),
    R("total_reduction", "金融支援額 計", "total_reduction"),
)

# ---- 資産保全表 (§1.2 [U]) ---------------------------------------------------------------------
COVERAGE_COLUMNS: tuple[str, ...] = (
    "金融機関", "借入残高", "担保による保全額", "保証協会保証額", "預金等", "保全合計", "非保全額 (信用残)",
    "保全率", "残高シェア", "信用残シェア",
)
COLLATERAL_COLUMNS: tuple[str, ...] = (
    "担保物件", "所有者", "評価額 (時価)", "掛目", "処分可能見込額", "順位", "金融機関", "極度額・設定額",
    "先順位控除後の残余価値", "保全に充てた額",
)

# ---- 月次資金繰り表 (§6.1 three-part layout [C]) -------------------------------------------------
MONTHLY_ROWS: tuple[Row, ...] = (
    R("opening", "前月繰越 (現金預金)", "opening", "?{closing@-1}", total=True),
    H("経常収入"),
    R("cash_sales", "現金売上", "cash_sales", indent=1),
    R("receivable_collections", "売掛金回収", "receivable_collections", indent=1),
    R("notes_collections", "受取手形期日入金", "notes_collections", indent=1),
    R("other_receipts", "営業外収入", "other_receipts", indent=1),
    R("operating_receipts", "経常収入 計", "operating_receipts", "SUM({cash_sales}:{other_receipts})", total=True),
    H("経常支出"),
    R("purchase_payments", "仕入支払 (買掛金)", "purchase_payments", indent=1),
    R("other_cost_payments", "その他原価の支払", "other_cost_payments", indent=1),
    R("personnel_payments", "人件費 (給与・賞与)", "personnel_payments", indent=1),
    R("expense_payments", "諸経費", "expense_payments", indent=1),
    R("interest_payments", "支払利息", "interest_payments", indent=1),
    R("operating_payments", "経常支出 計", "operating_payments", "SUM({purchase_payments}:{interest_payments})",
      total=True),
    R("operating_balance", "経常収支 (A)", "operating_balance", "{operating_receipts}-{operating_payments}",
      total=True),
    H("設備・決算等収支"),
    R("capex", "設備投資支出", "capex", indent=1),
    R("tax_payments", "法人税等の納付", "tax_payments", indent=1),
    R("social_insurance", "労働保険料など (年払い)", "social_insurance", indent=1),
    R("extraordinary", "特別損益 (純額)", "extraordinary", indent=1),
    R("non_operating_balance", "設備・決算等収支 (B)", "non_operating_balance",
      "{extraordinary}-{capex}-{tax_payments}-{social_insurance}", total=True),
    H("財務収支"),
    R("borrowing", "借入金", "borrowing", indent=1),
    R(BANKS, ""),  # one row per bank: 返済 (key "rep.<i>")
    R("repayment", "借入金返済 計", "repayment", "SUM({rep*})", indent=1),
    R("financial_balance", "財務収支 (C)", "financial_balance", "{borrowing}-{repayment}", total=True),
    R("closing", "翌月繰越 (前月繰越 + A + B + C)", "closing",
      "{opening}+{operating_balance}+{non_operating_balance}+{financial_balance}", total=True),
    H("参考 (発生主義・月末残高)"),
    R("sales", "売上高", "sales", indent=1),
    R("accounts_receivable", "売掛金 月末残高", "accounts_receivable", indent=1),
    R("notes_receivable", "受取手形 月末残高", "notes_receivable", indent=1),
    R("inventory", "棚卸資産 月末残高", "inventory", indent=1),
    R("payables", "仕入債務 月末残高", "payables", indent=1),
)
# Rows that are balances (no 年計 sum): the 年計 column shows the first opening / last closing.
MONTHLY_BALANCE_ROWS = ("accounts_receivable", "notes_receivable", "inventory", "payables")
MONTHLY_TOTAL_LABEL = "年計"

# ---- 実施計画 (§1.1 #8 [C: 時期・内容・担当者; Gantt in practice]) ------------------------------
ACTION_COLUMNS: tuple[tuple[str, float], ...] = (  # (heading, width); 課題 heads each group of rows
    ("対策", 18), ("実施項目・方法", 32), ("責任者", 12), ("開始", 8), ("期限", 8), ("KPI 目標", 18),
    ("効果額 (平年度)", 9.5),
)
GANTT_MIN_MONTHS = 24
# The schedule spans the whole plan period; one column per month up to 3 years, else per quarter
# (up to 7.5 years), else per half year — so a 10-year plan still prints on one landscape page.
GANTT_STEPS: tuple[tuple[int, int], ...] = ((36, 1), (90, 3), (10_000, 6))  # (up to N months, months per column)
GANTT_COL_WIDTH = 2.6

# ---- 計数計画・具体的施策 (§1.1 #7 [U]) --------------------------------------------------------
# The P/L lines an action can move, in the order the sheet groups them.
BRIDGE_LINES: tuple[str, ...] = (
    "sales", "cost_of_sales", "personnel", "other_sga", "non_operating_income",
    "non_operating_expenses", "extraordinary",
)

# ---- 債務者概況表 (§1.1 #2 [U]) -----------------------------------------------------------------
DEBTOR_BASIC_FIELDS: tuple[tuple[str, str], ...] = (
    ("商号", "name"), ("代表者", "representative"), ("所在地", "address"), ("設立", "established"),
    ("資本金 (千円)", "capital"), ("業種", "industry"), ("事業内容", "business"),
    ("従業員数", "employees"), ("決算期", "fiscal_month"),
)
# ⑥ 業績推移: (label, sheet, row key, format); each cell links to that sheet's actual-year cell.
DEBTOR_RESULTS: tuple[tuple[str, str, str, str], ...] = (
    ("売上高", "pl", "sales", styles.NUM), ("営業利益", "pl", "operating_income", styles.NUM),
    ("経常利益", "pl", "ordinary_income", styles.NUM), ("当期純利益", "pl", "net_income", styles.NUM),
    ("減価償却費", "pl", "depreciation_total", styles.NUM), ("簡易CF", "pl", "simple_cf", styles.NUM),
    ("有利子負債", "pl", "interest_bearing_debt", styles.NUM), ("純資産 (簿価)", "bs", "net_assets", styles.NUM),
    ("実質純資産", "bs", "real_net_assets", styles.NUM), ("債務償還年数", "pl", "debt_years", styles.YEARS),
)
# ⑦ 実態BS: the adjustment categories, in the order of the ladder (§1.3).
REAL_BS_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("accounting", "財務会計上の修正"),
    ("unrealised", "含み損益"),
    ("sme_owner", "中小企業特性"),
    ("owner_assets", "代表者個人の資産・負債"),
)

# ---- 概要: 数値計画の概要 ([U], inferred from oki Ⅳ) ------------------------------------------
SUMMARY_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("売上高", "pl", "sales", styles.NUM),
    ("経常利益", "pl", "ordinary_income", styles.NUM),
    ("当期純利益", "pl", "net_income", styles.NUM),
    ("簡易CF", "pl", "simple_cf", styles.NUM),
    ("純資産 (簿価)", "bs", "net_assets", styles.NUM),
    ("実質純資産", "bs", "real_net_assets", styles.NUM),
    ("有利子負債", "bs", "interest_bearing_debt", styles.NUM),
    ("債務償還年数", "pl", "debt_years", styles.YEARS),
)

# ---- 伴走支援計画 (§2.3/§2.4 [P]) ---------------------------------------------------------------
MONITORING_FREQUENCY_LABELS: dict[str, str] = {
    "monthly": "毎月", "quarterly": "四半期ごと", "half_yearly": "半期ごと", "yearly": "決算時 (年1回)",
}
MONITORING_COMPARE_COLUMNS: tuple[str, ...] = (
    "項目", "計画", "実績", "差異 (実績−計画)", "達成率", "前年実績", "前年比",
)
# 数値比較表 rows (§2.4 [P]): label, and the (sheet, row key) whose 計画1年目 cell fills 計画.
MONITORING_COMPARE_ROWS: tuple[tuple[str, str, str], ...] = (
    ("売上高", "pl", "sales"),
    ("売上総利益", "pl", "gross_profit"),
    ("販管費", "pl", "sga"),
    ("うち人件費", "pl", "personnel"),
    ("営業利益", "pl", "operating_income"),
    ("経常利益", "pl", "ordinary_income"),
    ("当期純利益", "pl", "net_income"),
    ("減価償却費", "pl", "depreciation_total"),
    ("簡易CF", "pl", "simple_cf"),
    ("現預金残高", "bs", "cash"),
    ("有利子負債残高", "bs", "borrowings"),
    ("借入返済額 (約定/実績)", "banks", "total.repayment"),
    ("実質純資産", "bs", "real_net_assets"),
    ("債務償還年数", "pl", "debt_years"),
)
AP_PROGRESS_COLUMNS: tuple[str, ...] = (
    "実施項目", "責任者", "予定時期", "実施状況 (済/実施中/未着手)", "評価 (○△×)", "KPI 目標", "KPI 実績",
    "効果額 計画", "効果額 実績", "コメント",
)
