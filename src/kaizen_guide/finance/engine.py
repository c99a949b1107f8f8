"""The yearly simulation: P/L → 支払利息 ↔ 返済 → tax → CF → B/S, for plan years 0..N.

Used once for the plan and once per stress case (with the plan's repayments held fixed).
Internal dataclasses only; ``projection`` turns them into result models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ..model.plan import Plan
from .cashflow import BsState, CfCalc, WorkingCapital, opening_state, roll_forward, working_capital
from .labels import fiscal_months
from .loans import LoanState, decide_repayments, draw_new, initial_loans, interest_for
from .pl import OperatingYear, depreciation_schedule, operating_year
from .results import TaxYear
from .rounding import mul, to_int
from .settings import FinanceSettings
from .tax import compute_tax, opening_carryforwards


@dataclass
class YearCalc:
    year: int
    op: OperatingYear
    interest: int
    interest_by_bank: dict[str, int]
    ordinary_income: int
    pretax_income: int
    tax: TaxYear
    net_income: int
    simple_cf: int
    support_months: int
    after_support_months: int
    cf_months: int
    """Months whose repayment is sized from 簡易CF (support months, plus the months after the
    support when ``support.after_period`` is ``cf_share``)."""
    capacity: int
    repay_per_loan: list[int]
    contract_per_loan: list[int]
    opening_by_bank: dict[str, int]
    borrowing_by_bank: dict[str, int]
    repayment_by_bank: dict[str, int]
    contractual_by_bank: dict[str, int]
    closing_by_bank: dict[str, int]
    bases: dict[str, int]
    used_fallback: bool
    unsecured: dict[str, int] | None
    wc: WorkingCapital
    cf: CfCalc
    bs: BsState
    capex: int


@dataclass
class RunResult:
    bank_names: list[str]
    loans_initial: list[LoanState]
    opening: BsState
    years: list[YearCalc]
    notes: list[str] = field(default_factory=list)


def simple_cf(variant: str, net_income: int, ordinary: int, operating: int, depreciation: int, taxes: int) -> int:
    if variant == "ordinary_after_tax":
        return ordinary + depreciation - taxes
    if variant == "operating":
        return operating + depreciation
    return net_income + depreciation


def support_split(plan: Plan, year: int) -> tuple[int, int]:
    """(months of plan year ``year`` under the support terms, months after the support ended).

    The support runs ``support.period_months`` months from ``support.start``; without a start
    month it starts with plan year 1. Both are 0 when support is not needed.
    """
    sup = plan.support
    if not sup.needed:
        return 0, 0
    months = fiscal_months(plan, year) if sup.start else None
    if months is None or sup.start is None:
        # No calendar: count months from the start of plan year 1.
        if year < 1:
            return 0, 0
        indices = [(year - 1) * 12 + k for k in range(12)]
        start = 0
    else:
        indices = [y * 12 + m for (y, m) in months]
        sy, sm = (int(x) for x in sup.start.split("-"))
        start = sy * 12 + sm
    end = start + sup.period_months
    during = sum(1 for i in indices if start <= i < end)
    after = sum(1 for i in indices if i >= end)
    return during, after


def support_months(plan: Plan, year: int) -> int:
    """Months of plan year ``year`` under the support terms (see :func:`support_split`)."""
    return support_split(plan, year)[0]


def run(
    plan: Plan,
    settings: FinanceSettings,
    plan_years: int,
    sales_change: Decimal = Decimal(0),
    cost_ratio_change: Decimal = Decimal(0),
    fixed_repayments: list[list[int]] | None = None,
    effect_achievement: Decimal = Decimal(1),
) -> RunResult:
    notes: list[str] = []
    bank_names, loans = initial_loans(plan)
    loans_initial = [LoanState(**ln.__dict__) for ln in loans]
    bank_bal = {n: 0 for n in bank_names}
    for ln in loans:
        bank_bal[ln.bank] += ln.balance
    opening = opening_state(plan, bank_names, bank_bal, notes)
    deps, capexes = depreciation_schedule(plan, plan_years, opening.tangible_fixed_assets)
    buckets = opening_carryforwards(plan)
    share = Decimal(plan.support.repayment_share_of_cf)
    after_share = Decimal(plan.support.after_share_of_cf) if plan.support.after_share_of_cf is not None else share
    after_on_cf = plan.support.after_period == "cf_share"
    prev = opening
    years: list[YearCalc] = []
    for y in range(plan_years + 1):
        shock = y >= 1
        op = operating_year(
            plan,
            y,
            deps[y],
            sales_change if shock else Decimal(0),
            cost_ratio_change if shock else Decimal(0),
            effect_achievement,
        )
        opening_by_bank = {n: 0 for n in bank_names}
        for ln in loans:
            opening_by_bank[ln.bank] += ln.balance
        borrowing = draw_new(plan, loans, y)
        m, m_after = support_split(plan, y)
        m_after_cf = m_after if after_on_cf else 0
        cf_months = m + m_after_cf

        def pool_for(scf: int) -> int:
            # 返済原資 for the months sized from 簡易CF: the annual amount at each share, prorated
            # to its months (rounded as the workbook does: annual first, then the months).
            base = max(0, scf)
            return to_int(Fraction(mul(base, share) * m, 12)) + to_int(
                Fraction(mul(base, after_share) * m_after_cf, 12)
            )

        def settle(pay: list[int]) -> tuple[int, dict[str, int], int, int, TaxYear, dict[int, int], int, int]:
            interest, by_bank = interest_for(bank_names, loans, pay)
            ordinary = op.operating_income + op.non_operating_income - op.other_non_operating_expenses - interest
            pretax = ordinary + op.extraordinary
            tax, new_buckets = compute_tax(plan.drivers.tax, buckets, y, pretax)
            ni = pretax - tax.total_taxes
            scf = simple_cf(
                settings.simple_cf_variant, ni, ordinary, op.operating_income, op.depreciation, tax.total_taxes
            )
            return interest, by_bank, ordinary, pretax, tax, new_buckets, ni, scf

        if fixed_repayments is not None:
            pay = list(fixed_repayments[y])
            contract = [ln.contractual(y) for ln in loans]
            bases, fallback, unsecured = {n: 0 for n in bank_names}, False, None
            settled = settle(pay)
            capacity = mul(max(0, settled[7]), share) if cf_months else sum(contract)
        elif cf_months == 0:
            dec = decide_repayments(plan, settings, bank_names, loans, y, 0, 0)
            pay, contract, bases, fallback = dec.per_loan, dec.contractual, dec.bases, dec.used_fallback
            unsecured = dec.unsecured
            settled = settle(pay)
            capacity = sum(contract)
        else:
            # 支払利息 depends on the repayment (average balance) and the repayment on 簡易CF:
            # start from the contractual schedule and iterate to a fixed point.
            pay = [ln.contractual(y) for ln in loans]
            seen: list[list[int]] = []
            for _ in range(settings.interest_iterations):
                settled = settle(pay)
                capacity = mul(max(0, settled[7]), share)
                dec = decide_repayments(plan, settings, bank_names, loans, y, cf_months, pool_for(settled[7]))
                if dec.per_loan == pay or dec.per_loan in seen:
                    pay = dec.per_loan
                    break
                seen.append(pay)
                pay = dec.per_loan
            settled = settle(pay)
            contract, bases, fallback = dec.contractual, dec.bases, dec.used_fallback
            unsecured = dec.unsecured
        interest, by_bank_int, ordinary, pretax, tax, new_buckets, ni, scf = settled
        if fallback:
            notes.append(f"計画{y}年目: 全金融機関の信用残が0のため、残高プロラタで配分しています。")

        repayment_by_bank = {n: 0 for n in bank_names}
        contractual_by_bank = {n: 0 for n in bank_names}
        for ln, p, c in zip(loans, pay, contract):
            repayment_by_bank[ln.bank] += p
            contractual_by_bank[ln.bank] += c
            ln.balance -= p
        closing_by_bank = {n: 0 for n in bank_names}
        for ln in loans:
            closing_by_bank[ln.bank] += ln.balance
        borrowing_full = {n: borrowing.get(n, 0) for n in bank_names}
        wc = working_capital(plan, settings, op.sales, op.cost_of_sales)
        bs, cf = roll_forward(prev, wc, ni, op.depreciation, capexes[y], borrowing_full, repayment_by_bank)
        years.append(
            YearCalc(
                year=y,
                op=op,
                interest=interest,
                interest_by_bank=by_bank_int,
                ordinary_income=ordinary,
                pretax_income=pretax,
                tax=tax,
                net_income=ni,
                simple_cf=scf,
                support_months=m,
                after_support_months=m_after,
                cf_months=cf_months,
                capacity=capacity,
                repay_per_loan=list(pay),
                contract_per_loan=list(contract),
                opening_by_bank=opening_by_bank,
                borrowing_by_bank=borrowing_full,
                repayment_by_bank=repayment_by_bank,
                contractual_by_bank=contractual_by_bank,
                closing_by_bank=closing_by_bank,
                bases=bases,
                used_fallback=fallback,
                unsecured=unsecured,
                wc=wc,
                cf=cf,
                bs=bs,
                capex=capexes[y],
            )
        )
        buckets = new_buckets
        prev = bs
    return RunResult(bank_names, loans_initial, opening, years, notes)
