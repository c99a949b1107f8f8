"""The rows and columns of the supporting sheets: 資金実績表, タックスプラン, 金融機関別返済計画,
資産保全表 and 月次資金繰り表.

Part of the form's layout (:mod:`.layout`, which re-exports what the sheet writers use).
"""

from __future__ import annotations

from . import styles
from .layout_row import BANKS, H, R, Row
from .layout_statements import INTEREST_NOTE

# ---- 資金実績表 (§1.1 #6 [U]): actual years that have the year before ------------------------
CASH_ACTUAL_ROWS: tuple[Row, ...] = (
    R("cash_begin", "期首現預金", "cfa.cash_begin", "?{bs:cash@-1}"),
    H("営業収支"),
    R("net_income", "当期純利益", "pl.net_income", "{pl:net_income}"),
    R("depreciation", "減価償却費", "pl.depreciation_total", "{pl:depreciation_total}"),
    R("simple_cf", "簡易CF (当期純利益 + 減価償却費)", "cfa.simple_cf", "{net_income}+{depreciation}", total=True),
    R(
        "receivables_change",
        "売上債権の増減 (増加は▲)",
        "cfa.receivables_change",
        "?{bs:receivables@-1}-{bs:receivables}",
        indent=1,
    ),
    R(
        "inventory_change",
        "棚卸資産の増減 (増加は▲)",
        "cfa.inventory_change",
        "?{bs:inventory@-1}-{bs:inventory}",
        indent=1,
    ),
    R(
        "payables_change",
        "仕入債務の増減 (増加は＋)",
        "cfa.payables_change",
        "?{bs:payables}-{bs:payables@-1}",
        indent=1,
    ),
    R(
        "other_wc_change",
        "その他流動資産・負債の増減",
        "cfa.other_wc_change",
        "?{bs:other_current_assets@-1}-{bs:other_current_assets}+{bs:other_liabilities}-{bs:other_liabilities@-1}",
        indent=1,
    ),
    R("operating_cf", "営業収支", "cfa.operating_cf", "SUM({simple_cf}:{other_wc_change})", total=True),
    H("設備等収支"),
    R(
        "capex_net",
        "設備投資 (純額・推定)",
        "cfa.capex_net",
        "?-(({bs:tangible_fixed_assets}+{bs:intangible_fixed_assets})-({bs:tangible_fixed_assets@-1}"
        "+{bs:intangible_fixed_assets@-1})+{depreciation})",
        indent=1,
        note="固定資産の増加 + 減価償却費 (▲は支出)",
    ),
    R(
        "investments_change",
        "投資その他の資産の増減",
        "cfa.investments_change",
        "?{bs:investments_and_other@-1}-{bs:investments_and_other}",
        indent=1,
    ),
    R("investing_cf", "設備等収支", "cfa.investing_cf", "{capex_net}+{investments_change}", total=True),
    H("財務収支"),
    R("borrowing_change", "借入金の増減", "cfa.borrowing_change", "?{bs:borrowings}-{bs:borrowings@-1}", indent=1),
    R(
        "officer_change",
        "役員借入金の増減",
        "cfa.officer_change",
        "?{bs:officer_borrowings}-{bs:officer_borrowings@-1}",
        indent=1,
    ),
    R("capital_change", "資本金・資本剰余金の増減", "cfa.capital_change", "?{bs:capital}-{bs:capital@-1}", indent=1),
    R(
        "other_equity_change",
        "利益剰余金のその他増減 (配当等)",
        "cfa.other_equity_change",
        "?{bs:retained_earnings}-{bs:retained_earnings@-1}-{net_income}",
        indent=1,
    ),
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
EXPIRED_NOTE = (
    "繰越期限 (発生から10年) を過ぎた欠損金で、発生年度別の残高から計算した値です。"
    "利益を大きく変えると、どの年度の欠損金が残るかが変わることがあります。"
)

# ---- タックスプラン (§1.1 #12 [U]): plan years --------------------------------------------------
TAX_ROWS: tuple[Row, ...] = (
    R("pretax_income", "税引前当期純利益", "tax.pretax_income", "{pl:pretax_income}"),
    H("繰越欠損金"),
    R("carryforward_opening", "期首残高", "tax.carryforward_opening", "?{carryforward_closing@-1}", indent=1),
    R("arising", "当期発生", "tax.arising", "MAX(0,-{pretax_income})", indent=1, note="税引前損失"),
    R(
        "used",
        "当期使用 (控除額)",
        "tax.used",
        TAX_USED_FORMULAS,
        variant="sme_full_loss_use",
        indent=1,
        note="MIN(期首残高, 控除限度)",
    ),
    R("expired", "期限切れ", "tax.expired", indent=1, value_note=EXPIRED_NOTE),
    R(
        "carryforward_closing",
        "期末残高",
        "tax.carryforward_closing",
        "{carryforward_opening}+{arising}-{used}-{expired}",
        total=True,
    ),
    H("税額"),
    R("taxable_income", "課税所得 (申告調整なし)", "tax.taxable_income", "MAX(0,{pretax_income}-{used})", total=True),
    R("effective_rate", "実効税率", "tax_in.effective_rate", fmt="0.00%", indent=1, note="入力"),
    R(
        "corporate_tax",
        "法人税・住民税・事業税 (所得割)",
        "tax.corporate_tax",
        "IF({taxable_income}>0,ROUND(ROUND({taxable_income}*{effective_rate},6),0),0)",
        note="課税所得 × 実効税率",
    ),
    R("per_capita", "均等割", "tax.per_capita", note="入力 (赤字でも納付)"),
    R(
        "total_taxes",
        "法人税等 計",
        "tax.total_taxes",
        "{corporate_tax}+{per_capita}",
        total=True,
        note="損益計画の法人税等へ",
    ),
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
    "金融機関",
    "業態",
    "基準日残高",
    "残高シェア",
    "保全額",
    "非保全額 (信用残)",
    "信用残シェア",
    "約定返済 (年額)",
    "計画返済 (期間計)",
    "金融支援額 (期間計)",
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
    "金融機関",
    "借入残高",
    "担保による保全額",
    "保証協会保証額",
    "預金等",
    "保全合計",
    "非保全額 (信用残)",
    "保全率",
    "残高シェア",
    "信用残シェア",
)
COLLATERAL_COLUMNS: tuple[str, ...] = (
    "担保物件",
    "所有者",
    "評価額 (時価)",
    "掛目",
    "処分可能見込額",
    "順位",
    "金融機関",
    "極度額・設定額",
    "先順位控除後の残余価値",
    "保全に充てた額",
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
    R(
        "operating_payments",
        "経常支出 計",
        "operating_payments",
        "SUM({purchase_payments}:{interest_payments})",
        total=True,
    ),
    R(
        "operating_balance",
        "経常収支 (A)",
        "operating_balance",
        "{operating_receipts}-{operating_payments}",
        total=True,
    ),
    H("設備・決算等収支"),
    R("capex", "設備投資支出", "capex", indent=1),
    R("tax_payments", "法人税等の納付", "tax_payments", indent=1),
    R("social_insurance", "労働保険料など (年払い)", "social_insurance", indent=1),
    R("extraordinary", "特別損益 (純額)", "extraordinary", indent=1),
    R(
        "non_operating_balance",
        "設備・決算等収支 (B)",
        "non_operating_balance",
        "{extraordinary}-{capex}-{tax_payments}-{social_insurance}",
        total=True,
    ),
    H("財務収支"),
    R("borrowing", "借入金", "borrowing", indent=1),
    R(BANKS, ""),  # one row per bank: 返済 (key "rep.<i>")
    R("repayment", "借入金返済 計", "repayment", "SUM({rep*})", indent=1),
    R("financial_balance", "財務収支 (C)", "financial_balance", "{borrowing}-{repayment}", total=True),
    R(
        "closing",
        "翌月繰越 (前月繰越 + A + B + C)",
        "closing",
        "{opening}+{operating_balance}+{non_operating_balance}+{financial_balance}",
        total=True,
    ),
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
