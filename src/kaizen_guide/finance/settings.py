"""FinanceSettings: the bank-view choices and engine assumptions that are not part of the plan."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SimpleCfVariant = Literal["net_income", "ordinary_after_tax", "operating"]
"""簡易CF variants (plan-reference §4.3):
- ``net_income`` (default): 当期純利益 + 減価償却費
- ``ordinary_after_tax``: 経常利益 + 減価償却費 − 法人税等
- ``operating``: 営業利益 + 減価償却費 (ignores 営業外 and tax)
"""

DebtYearsVariant = Literal["net_of_cash_and_wc", "net_of_wc", "gross", "gross_simple_cf"]
"""債務償還年数 variants (plan-reference §4.3):
- ``net_of_cash_and_wc`` (default, 協議会・銀行の一般形):
  (有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)
- ``net_of_wc``: (有利子負債 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)
- ``gross``: 有利子負債 ÷ (経常利益 + 減価償却費 − 法人税等)
- ``gross_simple_cf``: 有利子負債 ÷ (当期純利益 + 減価償却費)
In every variant 要償還債務 is floored at 0 (→ 0年) and a denominator ≤ 0 gives None (算出不能).
"""

DEBT_YEARS_DEFINITIONS: dict[str, str] = {
    "net_of_cash_and_wc": "債務償還年数 = (有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)",
    "net_of_wc": "債務償還年数 = (有利子負債 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)",
    "gross": "債務償還年数 = 有利子負債 ÷ (経常利益 + 減価償却費 − 法人税等)",
    "gross_simple_cf": "債務償還年数 = 有利子負債 ÷ (当期純利益 + 減価償却費)",
}
"""The sentence the sheets and reports print for each variant (plus :data:`DEBT_YEARS_NOTE`)."""

DEBT_YEARS_NOTE = "要償還債務がマイナスなら0年、分母が0以下なら算出不能。"

SIMPLE_CF_DEFINITIONS: dict[str, str] = {
    "net_income": "簡易CF = 当期純利益 + 減価償却費",
    "ordinary_after_tax": "簡易CF = 経常利益 + 減価償却費 − 法人税等",
    "operating": "簡易CF = 営業利益 + 減価償却費",
}


class StressCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    sales_change: Decimal = Decimal("0")
    """Relative change of 売上高 (−0.10 = −10%) applied to every plan year ≥ 1."""
    cost_ratio_change: Decimal = Decimal("0")
    """Points added to 売上原価率 (0.02 = +2pt) in every plan year ≥ 1."""
    effect_achievement: Decimal = Decimal("1")
    """Share of every アクションプラン effect realised (0.5 = actions only half achieved)."""


def _default_stress() -> list[StressCase]:
    return [
        StressCase(name="売上高10%減", sales_change=Decimal("-0.10")),
        StressCase(name="原価率2ポイント上昇", cost_ratio_change=Decimal("0.02")),
        StressCase(name="施策の効果が半分", effect_achievement=Decimal("0.5")),
    ]


class FinanceSettings(BaseModel):
    """Choices a bank or advisor may make differently; defaults follow common 協議会 practice."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    simple_cf_variant: SimpleCfVariant = "net_income"
    debt_years_variant: DebtYearsVariant = "net_of_cash_and_wc"
    include_officer_borrowings_in_debt: bool = False
    """役員借入金 is quasi-equity by default (excluded from 有利子負債)."""
    guarantee_counts_as_secured: bool = True
    """保証協会保証 counts as 保全 (some banks exclude it from the 信用残 calculation)."""
    stress_cases: list[StressCase] = Field(default_factory=_default_stress)
    credit_purchase_ratio: Decimal = Decimal("1")
    """Share of 売上原価 bought on the 買掛金 terms; the rest (外注・その他原価) is paid in the month."""
    labour_insurance_ratio: Decimal = Decimal("0.015")
    """年払い社保 (労働保険料など) as a share of 人件費, paid in CashFlowInputs.social_insurance_months
    (0 when no month is given)."""
    capex_month: int = Field(default=1, ge=1, le=12)
    """Month of the fiscal year (1 = 期首月) in which 設備投資 is paid in the monthly table."""
    borrowing_month: int = Field(default=1, ge=1, le=12)
    """Month of the fiscal year in which 新規借入 is drawn in the monthly table."""
    sales_jump_threshold: Decimal = Decimal("0.10")
    """numeric.sales_jump: base (成り行き) sales growth above this per year is flagged."""
    interest_iterations: int = Field(default=12, ge=1, le=100)
    """Fixed-point iterations for 支払利息 ↔ 返済額 (repayment depends on 簡易CF, which depends on
    interest on the average balance). Converges in 2–3 steps in practice."""
