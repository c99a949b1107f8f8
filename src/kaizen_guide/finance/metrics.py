"""Bank metrics (債務者概況表 ⑥, 損益計画の指標行) and ロカベン 6つの指標, for actual and plan years.

Formulas (plan-reference §4.3, §5.2):
- 簡易CF: FinanceSettings.simple_cf_variant (default 当期純利益 + 減価償却費)
- 正常運転資金 = 受取手形 + 売掛金 + 棚卸資産 − 支払手形 − 買掛金
- 有利子負債 = 短期 + 長期借入金 (+ 役員借入金 if include_officer_borrowings_in_debt)
- 要償還債務 / 債務償還年数: FinanceSettings.debt_years_variant (default
  (有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)).
  要償還債務 is floored at 0 (→ 0年); a denominator ≤ 0 → None (算出不能). Never negative.
- 債務償還年数 (簡易, gross) beside it = 有利子負債 ÷ 簡易CF (None when 簡易CF ≤ 0).
- 実質純資産 = 簿価純資産 + Σ 実態BS修正 (the adjustments on the latest 決算 are carried forward
  unchanged); older actual years → None (their adjustments are not known). Shown before and after
  代表者資産 (adjustments of category ``owner_assets``: the owner's personal assets − personal
  debts); ``real_net_assets`` is the figure after them.
- EBITDA = 営業利益 + 減価償却費; EBITDA有利子負債倍率 = (借入金 − 現預金) ÷ EBITDA (None if
  EBITDA ≤ 0; negative = net cash).
- ロカベン: ① 売上高 ÷ 前期 − 1 ② 営業利益 ÷ 売上高 ③ 営業利益 ÷ 従業員数 (千円)
  ④ as above ⑤ (売上債権 + 棚卸資産 − 買入債務) ÷ (売上高 ÷ 12) ⑥ 純資産 ÷ 総資産.
Ratios: 4 decimal places; 倍・ヶ月・年: 2 decimal places (ROUND_HALF_UP, see rounding).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..model.plan import Plan
from .results import LocalBenchmark, MetricsYear
from .rounding import Q2, Q4, div, ratio
from .settings import FinanceSettings


@dataclass
class MetricInputs:
    offset: int
    kind: Literal["actual", "plan"]
    label: str
    sales: int
    prev_sales: int | None
    operating_income: int
    ordinary_income: int
    net_income: int
    depreciation: int
    income_taxes: int
    employees: int | None
    cash: int
    receivables: int
    inventory: int
    payables: int
    borrowings: int
    officer_borrowings: int
    net_assets: int
    total_assets: int
    real_adjustment: int | None
    owner_assets: int = 0
    """The part of ``real_adjustment`` that is 代表者資産 (category owner_assets)."""


def simple_cf_of(variant: str, x: MetricInputs) -> int:
    if variant == "ordinary_after_tax":
        return x.ordinary_income + x.depreciation - x.income_taxes
    if variant == "operating":
        return x.operating_income + x.depreciation
    return x.net_income + x.depreciation


def debt_years(variant: str, debt: int, cash: int, nwc: int, x: MetricInputs) -> tuple[int, int, Decimal | None]:
    """(要償還債務, 分母, 債務償還年数 or None)."""
    if variant == "gross_simple_cf":
        to_repay, denom = debt, x.net_income + x.depreciation
    else:
        denom = x.ordinary_income + x.depreciation - x.income_taxes
        if variant == "gross":
            to_repay = debt
        elif variant == "net_of_wc":
            to_repay = debt - nwc
        else:
            to_repay = debt - cash - nwc
    to_repay = max(0, to_repay)
    if denom <= 0:
        return to_repay, denom, None
    return to_repay, denom, ratio(to_repay, denom, Q2)


def compute_metrics(x: MetricInputs, settings: FinanceSettings) -> MetricsYear:
    debt = x.borrowings + (x.officer_borrowings if settings.include_officer_borrowings_in_debt else 0)
    nwc = x.receivables + x.inventory - x.payables
    to_repay, denom, years = debt_years(settings.debt_years_variant, debt, x.cash, nwc, x)
    scf = simple_cf_of(settings.simple_cf_variant, x)
    gross_years = ratio(debt, scf, Q2, positive_denominator=True) if scf > 0 else None
    ebitda = x.operating_income + x.depreciation
    ebitda_ratio = ratio(x.borrowings - x.cash, ebitda, Q2, positive_denominator=True)
    lb = LocalBenchmark(
        sales_growth=(
            ratio(x.sales - x.prev_sales, x.prev_sales, Q4, positive_denominator=True)
            if x.prev_sales is not None
            else None
        ),
        operating_margin=ratio(x.operating_income, x.sales, Q4, positive_denominator=True),
        labour_productivity=div(x.operating_income, x.employees) if x.employees else None,
        ebitda_debt_ratio=ebitda_ratio,
        working_capital_months=ratio(nwc * 12, x.sales, Q2, positive_denominator=True),
        equity_ratio=ratio(x.net_assets, x.total_assets, Q4, positive_denominator=True),
    )
    return MetricsYear(
        offset=x.offset,
        kind=x.kind,
        label=x.label,
        sales=x.sales,
        operating_income=x.operating_income,
        ordinary_income=x.ordinary_income,
        net_income=x.net_income,
        depreciation=x.depreciation,
        income_taxes=x.income_taxes,
        employees=x.employees,
        simple_cf=scf,
        cash=x.cash,
        normal_working_capital=nwc,
        interest_bearing_debt=debt,
        debt_to_repay=to_repay,
        debt_service_cf=denom,
        debt_repayment_years=years,
        gross_debt_repayment_years=gross_years,
        net_assets=x.net_assets,
        real_net_assets=(x.net_assets + x.real_adjustment) if x.real_adjustment is not None else None,
        real_net_assets_before_owner=(x.net_assets + x.real_adjustment - x.owner_assets)
        if x.real_adjustment is not None
        else None,
        ebitda=ebitda,
        ebitda_debt_ratio=ebitda_ratio,
        total_assets=x.total_assets,
        local_benchmark=lb,
    )


def real_adjustments(plan: Plan) -> tuple[int, int]:
    """(Σ 実態BS修正, of which 代表者資産 (category owner_assets))."""
    adjs = plan.financials.real_bs_adjustments
    return sum(a.amount for a in adjs), sum(a.amount for a in adjs if a.category == "owner_assets")


def actual_inputs(plan: Plan) -> list[MetricInputs]:
    years = plan.financials.years
    adj, owner = real_adjustments(plan)
    out = []
    prev_sales = None
    for k, fy in enumerate(years):
        pl, bs = fy.pl, fy.bs
        out.append(
            MetricInputs(
                offset=k - len(years),
                kind="actual",
                label=fy.label,
                sales=pl.sales,
                prev_sales=prev_sales,
                operating_income=pl.operating_income,
                ordinary_income=pl.ordinary_income,
                net_income=pl.net_income,
                depreciation=fy.depreciation_total,
                income_taxes=pl.income_taxes,
                employees=fy.employees
                if fy.employees is not None
                else (plan.company.employees if k == len(years) - 1 and plan.company.employees else None),
                cash=bs.cash,
                receivables=bs.notes_receivable + bs.accounts_receivable,
                inventory=bs.inventory,
                payables=bs.notes_payable + bs.accounts_payable,
                borrowings=bs.interest_bearing_debt,
                officer_borrowings=bs.officer_borrowings,
                net_assets=bs.net_assets,
                total_assets=bs.total_assets,
                real_adjustment=adj if k == len(years) - 1 else None,
                owner_assets=owner if k == len(years) - 1 else 0,
            )
        )
        prev_sales = pl.sales
    return out


def plan_employees(plan: Plan) -> int | None:
    if plan.company.employees:
        return plan.company.employees
    latest = plan.financials.latest
    return latest.employees if latest is not None and latest.employees else None
