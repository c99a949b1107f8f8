"""The yearly simulation: P/L → 支払利息 ↔ 返済 → tax → CF → B/S, for plan years 0..N.

Used once for the plan and once per stress case (with the plan's repayments held fixed).
Internal dataclasses only; ``projection`` turns them into result models.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.plan import Plan
from .cashflow import BsState, CfCalc, WorkingCapital, opening_state, roll_forward, working_capital
from .labels import fiscal_months
from .loans import LoanState, decide_repayments, draw_new, initial_loans, interest_for
from .pl import OperatingYear, depreciation_schedule, operating_year
from .rounding import mul
from .results import TaxYear
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


def simple_cf(variant: str, net_income: int, ordinary: int, operating: int, depreciation: int,
              taxes: int) -> int:
    if variant == "ordinary_after_tax":
        return ordinary + depreciation - taxes
    if variant == "operating":
        return operating + depreciation
    return net_income + depreciation


def support_months(plan: Plan, year: int) -> int:
    """Months of plan year ``year`` on or after ``support.start`` (0 when support is not needed).
    Without a start month, the support covers plan years 1..N."""
    sup = plan.support
    if not sup.needed:
        return 0
    if not sup.start:
        return 12 if year >= 1 else 0
    months = fiscal_months(plan, year)
    if months is None:
        return 12 if year >= 1 else 0
    sy, sm = (int(x) for x in sup.start.split("-"))
    start = sy * 12 + sm
    return sum(1 for (y, m) in months if y * 12 + m >= start)


def run(plan: Plan, settings, plan_years: int, sales_change: Decimal = Decimal(0),
        cost_ratio_change: Decimal = Decimal(0), fixed_repayments: list[list[int]] | None = None) -> RunResult:
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
    prev = opening
    years: list[YearCalc] = []
    for y in range(plan_years + 1):
        shock = y >= 1
        op = operating_year(plan, y, deps[y], sales_change if shock else Decimal(0),
                            cost_ratio_change if shock else Decimal(0))
        opening_by_bank = {n: 0 for n in bank_names}
        for ln in loans:
            opening_by_bank[ln.bank] += ln.balance
        borrowing = draw_new(plan, loans, y)
        m = support_months(plan, y)

        def settle(pay: list[int]):
            interest, by_bank = interest_for(bank_names, loans, pay)
            ordinary = op.operating_income + op.non_operating_income - op.other_non_operating_expenses - interest
            pretax = ordinary + op.extraordinary
            tax, new_buckets = compute_tax(plan.drivers.tax, buckets, y, pretax)
            ni = pretax - tax.total_taxes
            scf = simple_cf(settings.simple_cf_variant, ni, ordinary, op.operating_income,
                            op.depreciation, tax.total_taxes)
            return interest, by_bank, ordinary, pretax, tax, new_buckets, ni, scf

        if fixed_repayments is not None:
            pay = list(fixed_repayments[y])
            contract = [ln.contractual(y) for ln in loans]
            bases, fallback = {n: 0 for n in bank_names}, False
            settled = settle(pay)
            capacity = mul(max(0, settled[7]), share) if m else sum(contract)
        elif m == 0:
            dec = decide_repayments(plan, settings, bank_names, loans, y, 0, 0)
            pay, contract, bases, fallback = dec.per_loan, dec.contractual, dec.bases, dec.used_fallback
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
                dec = decide_repayments(plan, settings, bank_names, loans, y, m, capacity)
                if dec.per_loan == pay or dec.per_loan in seen:
                    pay = dec.per_loan
                    break
                seen.append(pay)
                pay = dec.per_loan
            settled = settle(pay)
            contract, bases, fallback = dec.contractual, dec.bases, dec.used_fallback
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
        years.append(YearCalc(
            year=y, op=op, interest=interest, interest_by_bank=by_bank_int, ordinary_income=ordinary,
            pretax_income=pretax, tax=tax, net_income=ni, simple_cf=scf, support_months=m,
            capacity=capacity, repay_per_loan=list(pay), contract_per_loan=list(contract),
            opening_by_bank=opening_by_bank, borrowing_by_bank=borrowing_full,
            repayment_by_bank=repayment_by_bank, contractual_by_bank=contractual_by_bank,
            closing_by_bank=closing_by_bank, bases=bases, used_fallback=fallback, wc=wc, cf=cf, bs=bs,
            capex=capexes[y],
        ))
        buckets = new_buckets
        prev = bs
    return RunResult(bank_names, loans_initial, opening, years, notes)
