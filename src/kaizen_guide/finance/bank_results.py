"""Result models for the banks: 資産保全表 (collateral and coverage), 金融機関別返済計画, 支払利息.

Same conventions as ``results`` (money int 千円, ratios Decimal, None = 算出不能).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .result_model import ResultModel

# ---------------------------------------------------------------------------------------------
# 資産保全表


class CollateralAllocation(ResultModel):
    collateral: str
    owner: str
    rank: int
    market_value: int
    realizable_value: int
    """処分可能見込額 = 評価額 × 掛目."""
    max_amount: int
    available: int
    """Value left for this rank after the prior ranks."""
    allocated: int


class CoverageBank(ResultModel):
    bank: str
    balance: int
    collateral: list[CollateralAllocation]
    collateral_total: int
    guarantee: int
    """保証協会保証額 (0 when FinanceSettings.guarantee_counts_as_secured is False)."""
    pledged_deposits: int
    secured_total: int
    """保全合計 (≤ balance)."""
    unsecured: int
    """信用残 = balance − secured_total (≥ 0)."""
    coverage_ratio: Decimal | None
    balance_share: Decimal | None
    unsecured_share: Decimal | None


class CoverageTable(ResultModel):
    as_of: str
    banks: list[CoverageBank]
    total_balance: int
    total_secured: int
    total_unsecured: int


# ---------------------------------------------------------------------------------------------
# 金融機関別返済計画・金融支援 / 支払利息


class BankRepaymentYear(ResultModel):
    year: int
    opening: int
    contractual: int
    """約定返済額 (for comparison)."""
    repayment: int
    """Planned repayment."""
    reduction: int
    """contractual − repayment (positive = 金融支援 requested)."""
    new_borrowing: int
    closing: int
    interest: int
    base_amount: int
    """This bank's プロラタ base for the year, 0 where not pro-rata: its balance still to repay
    (残高プロラタ, or the fallback), or min(信用残, that balance) (信用残高プロラタ)."""
    unsecured: int | None = None
    """信用残 at the year's opening (信用残高プロラタ years only; recomputed from that year's
    balances, so the base moves as loans are repaid)."""


class BankRepayment(ResultModel):
    bank: str
    balance: int
    """At the start (計画0年目期首)."""
    unsecured: int
    contractual_annual: int
    """Current 約定 (月額 × 12, capped by balance)."""
    years: list[BankRepaymentYear]
    """Plan years 0..N."""
    total_repayment: int
    total_reduction: int


class RepaymentPlan(ResultModel):
    needed: bool
    allocation_basis: Literal["balance", "unsecured"]
    basis_label: str
    repayment_share_of_cf: Decimal
    guaranteed_on_contract: bool
    capacity: list[int]
    """返済原資 per plan year = share × max(0, 簡易CF), full-year amount before allocation. In a
    year only partly under support (``support_months`` m < 12) the repayment is 約定 × (12−m)/12
    + 返済原資 × m/12 (months after the period: 約定, or 簡易CF × after_share_of_cf × months/12
    under ``cf_share``). Years without support (or ``needed`` False): the 約定 total."""
    total_repayment: list[int]
    total_contractual: list[int]
    total_reduction: list[int]
    support_months: list[int]
    """Months of each plan year under the support terms (``support.period_months`` from
    ``support.start``)."""
    after_support_months: list[int] = []
    """Months of each plan year after the support period ended."""
    after_period: Literal["contract", "cf_share"] = "contract"
    """What follows the support period: 約定返済 (contract) or the 簡易CF rule (cf_share)."""
    after_share_of_cf: Decimal | None = None
    """返済に充てる簡易CFの割合 after the period (cf_share only)."""
    support_end: str = ""
    """Last month of the support period ("YYYY-MM"; "" when it cannot be dated)."""
    basis_by_year: list[Literal["balance", "unsecured", "contract"]] = []
    """The base actually used each plan year: the plan's basis, 残高 where the 信用残高プロラタ fell
    back (every base 0), or contract (no pro-rata: 約定 only)."""
    fallback_years: list[int] = []
    """Plan years where 信用残高プロラタ fell back to 残高プロラタ (every bank's 信用残 was 0)."""
    banks: list[BankRepayment]
    request_total: int
    """Σ reduction over plan years 0..N (the implied 金融支援)."""
    notes: list[str]


class InterestYear(ResultModel):
    year: int
    total: int
    by_bank: dict[str, int]
