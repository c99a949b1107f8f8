"""Result models of the finance engine: what ``compute_projection`` returns.

Conventions (same as the plan model):
- money is ``int`` 千円; ratios, rates, multiples, months and years are ``Decimal``;
- ``None`` means 算出不能 (cannot be computed, e.g. a denominator ≤ 0) — show "—";
- per-year lists are indexed by plan year: ``projection.pl[0]`` is 計画0年目 (進行期),
  ``projection.pl[n]`` is 計画n年目. Actual years appear only in ``labels.actual`` and in
  ``metrics`` (with negative ``offset``: -1 = the latest 決算).

All models are frozen pydantic models, so ``model_dump()`` / ``model_dump_json()`` work for
export. Nothing here computes; see the sibling modules (pl, tax, cashflow, metrics, monthly,
coverage, stress) and ``rounding`` for the one place where Decimal becomes int 千円.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

# The banks' results (資産保全表, 金融機関別返済計画, 支払利息) are in bank_results.py, re-exported here.
from .bank_results import BankRepayment as BankRepayment
from .bank_results import BankRepaymentYear as BankRepaymentYear
from .bank_results import CollateralAllocation as CollateralAllocation
from .bank_results import CoverageBank as CoverageBank
from .bank_results import CoverageTable as CoverageTable
from .bank_results import InterestYear as InterestYear
from .bank_results import RepaymentPlan as RepaymentPlan
from .result_model import ResultModel as ResultModel

# ---------------------------------------------------------------------------------------------
# Labels


class YearLabel(ResultModel):
    """One column of the numeric sheets."""

    offset: int
    """Plan-year index: 0 = 計画0年目, n = 計画n年目; actual years are negative (-1 = latest 決算)."""
    kind: Literal["actual", "plan"]
    label: str
    """「実績」 column: the 決算期 label (例: 2026年3月期); plan column: 「計画1年目」."""
    fiscal_label: str
    """決算期 (例: 2028年3月期); "" when it cannot be derived."""
    heading: str
    """Column heading for sheets: 「計画1年目 (2028年3月期)」 or 「2026年3月期 (実績)」."""


class ProjectionLabels(ResultModel):
    actual: list[YearLabel]
    """Actual years, oldest first (normally 3)."""
    plan: list[YearLabel]
    """計画0年目 … 計画N年目 (N+1 entries)."""


# ---------------------------------------------------------------------------------------------
# 損益計画


class ActionEffect(ResultModel):
    """How one アクションプラン item moves the P/L in one plan year (the 計数計画・具体的施策 bridge)."""

    action_id: str
    title: str
    pl_line: str
    """sales / cost_of_sales / personnel / other_sga / non_operating_income /
    non_operating_expenses / extraordinary."""
    amount: int
    """The improvement as entered (more sales, or less cost), 千円."""
    cost_of_sales_carried: int
    """For sales effects: the 売上原価 the extra sales carry (amount × 原価率); else 0."""
    ordinary_income_impact: int
    """Effect on 経常利益 (0 for 特別損益 items)."""
    pretax_income_impact: int
    """Effect on 税引前当期純利益."""


class PlYear(ResultModel):
    """損益計画, one plan year. ``base_*`` = 成り行き (drivers only); the others include effects."""

    year: int
    label: str
    cost_ratio: Decimal
    """売上原価率 applied (driver for the year)."""
    sales_by_segment: dict[str, int]
    """単価 × 数量 by segment (base case)."""
    base_sales: int
    sales_effects: int
    """Σ action effects on 売上高."""
    sales: int
    base_cost_of_sales: int
    cost_of_sales_on_effects: int
    """売上原価 carried by sales effects."""
    cost_of_sales_effects: int
    """Σ action reductions of 売上原価 (positive = less cost)."""
    cost_of_sales: int
    gross_profit: int
    base_personnel: int
    personnel_effects: int
    personnel: int
    depreciation: int
    base_other_sga: int
    other_sga_effects: int
    other_sga: int
    """その他販管費 (excl. 減価償却費), after effects."""
    sga: int
    """販売費及び一般管理費 = personnel + depreciation + other_sga."""
    operating_income: int
    non_operating_income: int
    interest_expense: int
    other_non_operating_expenses: int
    non_operating_expenses: int
    """= interest_expense + other_non_operating_expenses."""
    ordinary_income: int
    extraordinary: int
    """特別損益 (純額)."""
    pretax_income: int
    income_taxes: int
    net_income: int
    effects_by_action: dict[str, ActionEffect]
    """Only actions with a non-zero effect in this year."""
    base_ordinary_income: int
    """経常利益 without any action effect (same 支払利息): plan = base + Σ ordinary_income_impact."""


# ---------------------------------------------------------------------------------------------
# タックスプラン


class TaxYear(ResultModel):
    year: int
    label: str
    pretax_income: int
    carryforward_opening: int
    """繰越欠損金 期首残高."""
    arising: int
    """当期発生 (a loss this year)."""
    used: int
    """当期使用 (控除額)."""
    expired: int
    """期限切れ (10年経過)."""
    carryforward_closing: int
    taxable_income: int
    """課税所得 = max(0, 税引前利益 − 使用額) (申告調整なし)."""
    corporate_tax: int
    """所得に対する税額 (課税所得 × 実効税率)."""
    per_capita: int
    """均等割 (always paid)."""
    total_taxes: int
    """法人税等 = corporate_tax + per_capita (feeds 損益計画)."""
    carryforward_by_origin: dict[int, int]
    """期末残高 by the plan-year offset in which the loss arose."""


# ---------------------------------------------------------------------------------------------
# 資金計画 (CF) and 貸借対照表計画


class CashFlowYear(ResultModel):
    year: int
    label: str
    net_income: int
    depreciation: int
    receivables_increase: int
    """Δ 売上債権 (受取手形+売掛金); positive uses cash."""
    inventory_increase: int
    """Δ 棚卸資産; positive uses cash."""
    payables_increase: int
    """Δ 仕入債務 (支払手形+買掛金); positive releases cash."""
    working_capital_cf: int
    """= −receivables_increase − inventory_increase + payables_increase."""
    operating_cf: int
    """営業CF = 当期純利益 + 減価償却費 + working_capital_cf (法人税等 paid in the year)."""
    capex: int
    investing_cf: int
    """= −capex."""
    free_cf: int
    borrowing: int
    borrowing_by_bank: dict[str, int]
    repayment: int
    repayment_by_bank: dict[str, int]
    shortfall_borrowing: int = 0
    """Δ 短期借入金 (資金不足の補填) (positive = drawn to cover a shortfall, negative = repaid)."""
    financing_cf: int
    """= borrowing − repayment + shortfall_borrowing."""
    cash_change: int
    cash_opening: int
    cash_closing: int


class BalanceSheetYear(ResultModel):
    """貸借対照表 (一部科目集約) at a year end. Balances exactly (``imbalance`` == 0)."""

    year: int
    """Plan year; -1 for the opening sheet (= the latest 決算)."""
    label: str
    cash: int
    notes_receivable: int
    accounts_receivable: int
    receivables: int
    inventory: int
    other_current_assets: int
    tangible_fixed_assets: int
    intangible_fixed_assets: int
    investments_and_other: int
    fixed_assets: int
    total_assets: int
    payables: int
    """支払手形 + 買掛金."""
    borrowings: int
    """有利子負債 (短期 + 長期借入金) = Σ borrowings_by_bank + borrowings_unassigned
    + shortfall_borrowings."""
    borrowings_by_bank: dict[str, int]
    borrowings_unassigned: int
    """Difference between the B/S 借入金 and the bank list at the start, carried unchanged."""
    shortfall_borrowings: int = 0
    """短期借入金 (資金不足の補填): what the plan must borrow so 現預金 is not negative at the year
    end (no lender is named; numeric.cash_shortfall reports it). 0 in a funded plan."""
    officer_borrowings: int
    other_liabilities: int
    """その他流動負債 + その他固定負債 (held constant)."""
    total_liabilities: int
    capital: int
    """資本金 + 資本剰余金."""
    retained_earnings: int
    net_assets: int
    total_liabilities_and_net_assets: int
    imbalance: int
    """total_assets − total_liabilities_and_net_assets (always 0)."""


# ---------------------------------------------------------------------------------------------
# Bank metrics


class LocalBenchmark(ResultModel):
    """ロカベン 6つの指標 (None = 算出不能)."""

    sales_growth: Decimal | None
    """① 売上増加率 = 売上高 ÷ 前期売上高 − 1."""
    operating_margin: Decimal | None
    """② 営業利益率 = 営業利益 ÷ 売上高."""
    labour_productivity: int | None
    """③ 労働生産性 = 営業利益 ÷ 従業員数 (千円/人)."""
    ebitda_debt_ratio: Decimal | None
    """④ EBITDA有利子負債倍率 = (借入金 − 現預金) ÷ (営業利益 + 減価償却費) (倍)."""
    working_capital_months: Decimal | None
    """⑤ 営業運転資本回転期間 = (売上債権 + 棚卸資産 − 買入債務) ÷ (売上高 ÷ 12) (ヶ月)."""
    equity_ratio: Decimal | None
    """⑥ 自己資本比率 = 純資産 ÷ 総資産."""


class MetricsYear(ResultModel):
    """債務者概況表 / 損益計画 memo rows for one actual or plan year."""

    offset: int
    kind: Literal["actual", "plan"]
    label: str
    sales: int
    operating_income: int
    ordinary_income: int
    net_income: int
    depreciation: int
    income_taxes: int
    employees: int | None
    simple_cf: int
    """簡易CF (variant: FinanceSettings.simple_cf_variant; default 当期純利益 + 減価償却費)."""
    cash: int
    normal_working_capital: int
    """正常運転資金 = 受取手形 + 売掛金 + 棚卸資産 − 支払手形 − 買掛金 (may be negative)."""
    interest_bearing_debt: int
    debt_to_repay: int
    """要償還債務 (variant: FinanceSettings.debt_years_variant), floored at 0."""
    debt_service_cf: int
    """債務償還年数の分母 (default 経常利益 + 減価償却費 − 法人税等)."""
    debt_repayment_years: Decimal | None
    """債務償還年数 (variant: FinanceSettings.debt_years_variant, defined in
    Projection.definitions.debt_years); None = 算出不能 (分母 ≤ 0); 0 when nothing is left to
    repay. Never negative."""
    gross_debt_repayment_years: Decimal | None = None
    """債務償還年数 (簡易) = 有利子負債 ÷ 簡易CF, shown beside the main variant; None when 簡易CF ≤ 0."""
    net_assets: int
    real_net_assets: int | None
    """実質純資産 = 簿価純資産 + 実態BS修正 (carried forward), after 代表者資産 (the owner's personal
    assets − debts); None for older actual years."""
    real_net_assets_before_owner: int | None = None
    """実質純資産 before 代表者資産 (all 実態BS修正 except category owner_assets)."""
    ebitda: int
    """営業利益 + 減価償却費."""
    ebitda_debt_ratio: Decimal | None
    total_assets: int
    local_benchmark: LocalBenchmark


# ---------------------------------------------------------------------------------------------
# Targets and numeric findings


class TargetsResult(ResultModel):
    """改善目標 vs the projection (§4.2 of the domain note)."""

    profit_year: int | None
    """経常黒字化年度: the first plan year from which 経常利益 > 0 in every year to the end of the
    plan (a good year followed by a loss does not count); None = not within the plan."""
    profit_target_year: int
    profit_met: bool
    solvency_year: int | None
    """First plan year (≥ 0) from which 実質純資産 (after 代表者資産) stays ≥ 0 to the end."""
    solvency_target_year: int
    solvency_met: bool
    solvency_year_before_owner: int | None = None
    """Same, for 実質純資産 before 代表者資産."""
    final_debt_years: Decimal | None
    debt_years_target: Decimal
    debt_years_met: bool
    all_met: bool
    """The three targets met in the base case (the stress test is separate: stress_passed)."""
    stress_passed: bool = True
    """Every stress case keeps the repayment covered and the cash ≥ 0."""

    def verdict(self, met: bool) -> str:
        """「達成」 only when the target is met and the stress cases hold; else say which."""
        if not met:
            return "未達"
        return "達成" if self.stress_passed else "基本ケースのみ達成 (ストレス時は未達)"

    @property
    def summary(self) -> str:
        """One sentence for the 概要: never 「達成」 while a stress case fails."""
        if self.all_met and self.stress_passed:
            return "基本ケース・ストレスケースとも、改善目標を達成する計画です。"
        if self.all_met:
            return (
                "基本ケースでは改善目標を達成しますが、ストレスケースでは返済または資金繰りが"
                "成り立ちません (ストレステストの表を参照)。"
            )
        return "改善目標のうち未達のものがあります。"


class NumericCheck(ResultModel):
    """A structured numeric result for the checks module to turn into a finding."""

    rule_id: str
    """numeric.profit_by_year3, numeric.solvency_by_year5, numeric.debt_years_final,
    numeric.monthly_cash_negative, numeric.sales_jump, numeric.stress_fails."""
    ok: bool
    severity: Literal["error", "warning", "info"]
    """Suggested severity when not ok."""
    message: str
    """Japanese, says what was found and what to do next."""
    years: list[int]
    """Plan years concerned (for sales_jump: the years with unexplained growth)."""
    data: dict[str, str | int | None]


class MetricDefinitions(ResultModel):
    """What the headline numbers mean, in Japanese, for the sheets and the reports."""

    debt_years: str
    """The 債務償還年数 definition used (depends on FinanceSettings.debt_years_variant)."""
    gross_debt_years: str
    simple_cf: str
    real_net_assets: str
    profit_year: str
    solvency_year: str
    stress: str


# ---------------------------------------------------------------------------------------------
# Stress test


class StressYear(ResultModel):
    year: int
    sales: int
    ordinary_income: int
    net_income: int
    simple_cf: int
    repayment: int
    """The plan's allocated repayment (kept fixed under stress)."""
    covered: bool
    """simple_cf ≥ repayment."""
    cash_closing: int
    """現預金 at the year end net of any stopgap 短期借入金 (negative = the cash would run out)."""


class StressScenario(ResultModel):
    """One row group of the stress-test table (ストレステスト)."""

    name: str
    sales_change: Decimal
    cost_ratio_change: Decimal
    effect_achievement: Decimal = Decimal(1)
    """Share of the action effects realised (0.5 = 施策の効果が半分)."""
    years: list[StressYear]
    """Plan years 1..N."""
    repayment_covered: bool
    cash_never_negative: bool
    min_cash: int
    min_cash_year: int
    verdict: str


class StressResult(ResultModel):
    scenarios: list[StressScenario]
    passed: bool
    verdict: str


# ---------------------------------------------------------------------------------------------
# 月次資金繰り表 (plan year 1)


class MonthlyRow(ResultModel):
    index: int
    """1..12 (1 = 期首月)."""
    year_month: str
    """"YYYY-MM" ("" when the fiscal year cannot be derived)."""
    label: str
    """「4月」."""
    sales: int
    """Memo: 売上高 (accrual)."""
    opening: int
    """前月繰越."""
    cash_sales: int
    receivable_collections: int
    notes_collections: int
    other_receipts: int
    """営業外収益."""
    operating_receipts: int
    purchase_payments: int
    other_cost_payments: int
    personnel_payments: int
    """給与 + 賞与 (in bonus months), excluding the 年払い社保 lump."""
    expense_payments: int
    """諸経費 (その他販管費 + 支払利息以外の営業外費用)."""
    interest_payments: int
    operating_payments: int
    operating_balance: int
    """経常収支 = operating_receipts − operating_payments."""
    capex: int
    tax_payments: int
    social_insurance: int
    extraordinary: int
    """特別損益 (cash, net)."""
    non_operating_balance: int
    """設備・決算収支 = −capex − tax − social_insurance + extraordinary."""
    borrowing: int
    borrowing_by_bank: dict[str, int]
    repayment: int
    repayment_by_bank: dict[str, int]
    shortfall_borrowing: int = 0
    """Δ 短期借入金 (資金不足の補填), month 12 only (the annual stopgap, see CashFlowYear)."""
    financial_balance: int
    """= borrowing − repayment + shortfall_borrowing."""
    closing: int
    """翌月繰越."""
    accounts_receivable: int
    notes_receivable: int
    inventory: int
    payables: int


class MonthlyTable(ResultModel):
    year: int
    """Always 1 (計画1年目)."""
    label: str
    months: list[MonthlyRow]
    opening: int
    closing: int
    """== cf[1].cash_closing."""
    lowest_index: int
    lowest_year_month: str
    lowest_label: str
    lowest_balance: int
    minimum_cash: int
    negative_months: list[int]
    below_minimum_months: list[int]


# ---------------------------------------------------------------------------------------------
# The projection


class Projection(ResultModel):
    labels: ProjectionLabels
    plan_years: int
    pl: list[PlYear]
    tax: list[TaxYear]
    cf: list[CashFlowYear]
    bs_opening: BalanceSheetYear
    """The latest 決算 B/S restated in the projection's layout (year -1)."""
    bs: list[BalanceSheetYear]
    metrics: list[MetricsYear]
    """Actual years (oldest first) then plan years 0..N."""
    targets: TargetsResult
    checks: list[NumericCheck]
    stress: StressResult
    monthly: MonthlyTable
    coverage: CoverageTable
    repayment: RepaymentPlan
    interest: list[InterestYear]
    definitions: MetricDefinitions
    notes: list[str]
    """Assumptions the engine made (Japanese), for the report's 前提 section."""

    @property
    def plan_metrics(self) -> list[MetricsYear]:
        return [m for m in self.metrics if m.kind == "plan"]

    @property
    def actual_metrics(self) -> list[MetricsYear]:
        return [m for m in self.metrics if m.kind == "actual"]
