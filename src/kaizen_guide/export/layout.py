"""The layout of the SME Agency sample form (【別紙2-1】経営改善計画サンプル様式), as tables.

This is the ONE place that says which sheets exist, in which order, and which rows and columns
each sheet has. Much of the cell-level layout of the 2023 sample form is unconfirmed (marked
[U] in plan-reference.md §1.1); where that is so the entry below says ``[U]``, and correcting it
is an edit here, not in the sheet writers. The numeric sheets' rows are in their own modules
(:mod:`.layout_statements`: 損益計画・資金計画・貸借対照表計画; :mod:`.layout_schedules`: 資金実績表,
タックスプラン, 金融機関別, 資産保全表, 月次資金繰り表), re-exported here so writers read ``layout.X``.

Numeric rows are ``Row`` records: a key, the label printed in column A, where the engine's number
comes from (``src``, read by ``sources.Sources``), and either nothing (the number is written as an
input value) or a formula template over other rows' keys in the same column, e.g.
``"{sales}-{cost_of_sales}"``; ``{seg*}`` expands to the range of the per-segment rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import styles
from .layout_row import BANKS, SEGMENTS, H, R, Row
from .layout_schedules import (
    BANK_BLOCK_ROWS,
    BANK_SUMMARY_COLUMNS,
    BASIS_NAMES,
    CAPACITY_ROWS,
    CASH_ACTUAL_ROWS,
    COLLATERAL_COLUMNS,
    CONTRACT_NOTE,
    COVERAGE_COLUMNS,
    EXPIRED_NOTE,
    MONTHLY_BALANCE_ROWS,
    MONTHLY_ROWS,
    MONTHLY_TOTAL_LABEL,
    TAX_ROWS,
    TAX_USED_FORMULAS,
)
from .layout_statements import (
    BS_BORROWINGS,
    BS_BORROWINGS_NO_BANKS,
    BS_DEBT_WITH_OFFICER,
    BS_ROWS,
    CF_ROWS,
    DEBT_SERVICE_CF_FORMULAS,
    DEBT_TO_REPAY_FORMULAS,
    DEBT_TO_REPAY_NOTES,
    DEBT_YEARS_FORMULA,
    HELD,
    INTEREST_NOTE,
    MONTHS_FMT,
    NOT_COMPUTABLE,
    PL_CHART_ROWS,
    PL_ROWS,
    SIMPLE_CF_FORMULAS,
    SIMPLE_CF_LABELS,
)

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


# ---- 実施計画 (§1.1 #8 [C: 時期・内容・担当者; Gantt in practice]) ------------------------------
ACTION_COLUMNS: tuple[tuple[str, float], ...] = (  # (heading, width); 課題 heads each group of rows
    ("対策", 18),
    ("実施項目・方法", 32),
    ("責任者", 12),
    ("開始", 8),
    ("期限", 8),
    ("KPI 目標", 18),
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
    "sales",
    "cost_of_sales",
    "personnel",
    "other_sga",
    "non_operating_income",
    "non_operating_expenses",
    "extraordinary",
)

# ---- 債務者概況表 (§1.1 #2 [U]) -----------------------------------------------------------------
DEBTOR_BASIC_FIELDS: tuple[tuple[str, str], ...] = (
    ("商号", "name"),
    ("代表者", "representative"),
    ("所在地", "address"),
    ("設立", "established"),
    ("資本金 (千円)", "capital"),
    ("業種", "industry"),
    ("事業内容", "business"),
    ("従業員数", "employees"),
    ("決算期", "fiscal_month"),
)
# ⑥ 業績推移: (label, sheet, row key, format); each cell links to that sheet's actual-year cell.
DEBTOR_RESULTS: tuple[tuple[str, str, str, str], ...] = (
    ("売上高", "pl", "sales", styles.NUM),
    ("営業利益", "pl", "operating_income", styles.NUM),
    ("経常利益", "pl", "ordinary_income", styles.NUM),
    ("当期純利益", "pl", "net_income", styles.NUM),
    ("減価償却費", "pl", "depreciation_total", styles.NUM),
    ("簡易CF", "pl", "simple_cf", styles.NUM),
    ("有利子負債", "pl", "interest_bearing_debt", styles.NUM),
    ("純資産 (簿価)", "bs", "net_assets", styles.NUM),
    ("実質純資産", "bs", "real_net_assets", styles.NUM),
    ("債務償還年数", "pl", "debt_years", styles.YEARS),
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
    "monthly": "毎月",
    "quarterly": "四半期ごと",
    "half_yearly": "半期ごと",
    "yearly": "決算時 (年1回)",
}
MONITORING_COMPARE_COLUMNS: tuple[str, ...] = (
    "項目",
    "計画",
    "実績",
    "差異 (実績−計画)",
    "達成率",
    "前年実績",
    "前年比",
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
    "実施項目",
    "責任者",
    "予定時期",
    "実施状況 (済/実施中/未着手)",
    "評価 (○△×)",
    "KPI 目標",
    "KPI 実績",
    "効果額 計画",
    "効果額 実績",
    "コメント",
)


# Every table of the form, including the rows re-exported from the sheet-row modules.
__all__ = [
    "ACTION_COLUMNS",
    "ACTUAL_YEARS_SHOWN",
    "AP_PROGRESS_COLUMNS",
    "BANKS",
    "BANK_BLOCK_ROWS",
    "BANK_SUMMARY_COLUMNS",
    "BASIS_NAMES",
    "BRIDGE_LINES",
    "BS_BORROWINGS",
    "BS_BORROWINGS_NO_BANKS",
    "BS_DEBT_WITH_OFFICER",
    "BS_ROWS",
    "CAPACITY_ROWS",
    "CASH_ACTUAL_ROWS",
    "CF_ROWS",
    "COLLATERAL_COLUMNS",
    "CONTRACT_NOTE",
    "COVERAGE_COLUMNS",
    "DEBTOR_BASIC_FIELDS",
    "DEBTOR_RESULTS",
    "DEBT_SERVICE_CF_FORMULAS",
    "DEBT_TO_REPAY_FORMULAS",
    "DEBT_TO_REPAY_NOTES",
    "DEBT_YEARS_FORMULA",
    "EXPIRED_NOTE",
    "FIRST_BODY_ROW",
    "FIRST_YEAR_COL",
    "GANTT_COL_WIDTH",
    "GANTT_MIN_MONTHS",
    "GANTT_STEPS",
    "HEADER_ROW",
    "HELD",
    "INTEREST_NOTE",
    "LABEL_COL",
    "LABEL_WIDTH",
    "MONITORING_COMPARE_COLUMNS",
    "MONITORING_COMPARE_ROWS",
    "MONITORING_FREQUENCY_LABELS",
    "MONTHLY_BALANCE_ROWS",
    "MONTHLY_ROWS",
    "MONTHLY_TOTAL_LABEL",
    "MONTHS_FMT",
    "NOTE_WIDTH",
    "NOT_COMPUTABLE",
    "PL_CHART_ROWS",
    "PL_ROWS",
    "REAL_BS_CATEGORIES",
    "SEGMENTS",
    "SHEET",
    "SHEETS",
    "SIMPLE_CF_FORMULAS",
    "SIMPLE_CF_LABELS",
    "SUMMARY_ROWS",
    "TAX_ROWS",
    "TAX_USED_FORMULAS",
    "YEAR_WIDTH",
    "H",
    "R",
    "Row",
    "SheetSpec",
]
