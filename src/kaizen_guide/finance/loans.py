"""Loan schedule: contractual repayments, the planned (support) repayments, 支払利息.

Repayment policy for plan year *y*, when ``plan.support.needed``. The support covers
``support.period_months`` months from ``support.start`` (from plan year 1 without a start):
- months before the support: every loan repays its 約定 (月額 × 12, capped by the balance),
  pro rata to the months;
- months after the support: 約定 again (``support.after_period`` = ``contract``, the default), or
  the 簡易CF rule below at ``after_share_of_cf`` (``cf_share``: what the request says follows);
- support months: 返済原資 = ``repayment_share_of_cf`` × max(0, 簡易CF) × months/12. Loans repaid
  on contract (新規借入 always; 保証協会付 when ``guaranteed_on_contract``) are paid first from it;
  the rest (the pool) is split among banks by 残高 or 信用残 (プロラタ, largest remainder,
  capped by each bank's balance, excess redistributed), then within a bank by loan balance.
  If every bank's base is 0 (e.g. all fully secured), the pool is split by balance instead.
- 新規借入 (``drivers.new_borrowings``) are drawn at the start of their year; they repay
  amount ÷ term per year from the following year (the last year takes the remainder).
- ``final_due`` is not modelled as a balloon: short-term lines (当座貸越) are assumed renewed.
支払利息 per loan = 金利 × (期首残高 (after drawdown) + 期末残高) ÷ 2; the year's total is rounded
once and split by bank with largest remainder.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..model.plan import Plan
from .coverage import compute_coverage, prorata
from .rounding import allocate, div, split_weighted, to_int
from .settings import FinanceSettings


@dataclass
class LoanState:
    bank: str
    label: str
    kind: str
    balance: int
    monthly: int
    rate: Decimal
    guarantee_ratio: Decimal
    is_new: bool = False
    draw_year: int = -1
    amount: int = 0
    term: int = 0

    def contractual(self, year: int) -> int:
        if self.balance <= 0:
            return 0
        if self.is_new:
            if year <= self.draw_year:
                return 0
            if year - self.draw_year >= self.term:
                return self.balance
            return min(div(self.amount, self.term), self.balance)
        return min(self.monthly * 12, self.balance)

    def guaranteed(self) -> int:
        return int(self.balance * self.guarantee_ratio)


def initial_loans(plan: Plan) -> tuple[list[str], list[LoanState]]:
    """Bank names (plan order, then banks that appear only in 新規借入) and existing loans."""
    names = [b.name for b in plan.banks]
    loans = [
        LoanState(
            bank=b.name,
            label=loan.label,
            kind=loan.kind,
            balance=loan.balance,
            monthly=loan.monthly_repayment,
            rate=Decimal(loan.interest_rate),
            guarantee_ratio=Decimal(loan.guarantee_ratio),
        )
        for b in plan.banks
        for loan in b.loans
    ]
    for nb in plan.drivers.new_borrowings:
        if nb.bank not in names:
            names.append(nb.bank)
    return names, loans


def draw_new(plan: Plan, loans: list[LoanState], year: int) -> dict[str, int]:
    """Add this year's 新規借入 as loans; returns borrowing by bank."""
    by_bank: dict[str, int] = {}
    for nb in plan.drivers.new_borrowings:
        if nb.year != year or nb.amount <= 0:
            continue
        loans.append(
            LoanState(
                bank=nb.bank,
                label=f"新規借入 ({year}年目)",
                kind="new",
                balance=nb.amount,
                monthly=0,
                rate=Decimal(nb.interest_rate),
                guarantee_ratio=Decimal(0),
                is_new=True,
                draw_year=year,
                amount=nb.amount,
                term=nb.term_years,
            )
        )
        by_bank[nb.bank] = by_bank.get(nb.bank, 0) + nb.amount
    return by_bank


@dataclass
class RepaymentDecision:
    per_loan: list[int]
    contractual: list[int]
    bases: dict[str, int]
    used_fallback: bool
    unsecured: dict[str, int] | None = None
    """信用残 by bank at the year's opening (信用残高プロラタ only)."""


def decide_repayments(
    plan: Plan,
    settings: FinanceSettings,
    bank_names: list[str],
    loans: list[LoanState],
    year: int,
    cf_months: int,
    pool_total: int,
) -> RepaymentDecision:
    """``cf_months``: months of the year whose repayment is sized from 簡易CF (the rest repay
    約定); ``pool_total``: the 返済原資 for those months (already prorated)."""
    contract = [ln.contractual(year) for ln in loans]
    bases = {n: 0 for n in bank_names}
    if cf_months <= 0:
        return RepaymentDecision(contract, contract, bases, False)
    m = cf_months
    sup = plan.support
    on_contract = [ln.is_new or (sup.guaranteed_on_contract and ln.kind == "guaranteed") for ln in loans]
    pay = [0] * len(loans)
    # Outside the support months: 約定 pro rata.
    for i, ln in enumerate(loans):
        if on_contract[i]:
            pay[i] = contract[i]
        elif m < 12:
            pay[i] = min(to_int(Fraction(contract[i] * (12 - m), 12)), ln.balance)
    pool = pool_total
    pool -= sum(to_int(Fraction(contract[i] * m, 12)) for i in range(len(loans)) if on_contract[i])
    pool = max(0, pool)

    eligible = [i for i in range(len(loans)) if not on_contract[i] and loans[i].balance - pay[i] > 0]
    left = {i: loans[i].balance - pay[i] for i in eligible}
    bank_left = {n: 0 for n in bank_names}
    for i in eligible:
        bank_left[loans[i].bank] += left[i]
    unsecured = None
    if sup.allocation_basis == "unsecured":
        unsecured = unsecured_by_bank(plan, settings, bank_names, loans)
        base_map = {n: min(unsecured.get(n, 0), bank_left[n]) for n in bank_names}
    else:
        base_map = dict(bank_left)
    fallback = False
    if sum(base_map.values()) == 0 and sum(bank_left.values()) > 0:
        base_map = dict(bank_left)
        fallback = True
    bank_alloc = prorata(pool, [base_map[n] for n in bank_names], [bank_left[n] for n in bank_names])
    for n, amount in zip(bank_names, bank_alloc):
        if amount <= 0:
            continue
        idx = [i for i in eligible if loans[i].bank == n]
        parts = allocate(amount, [left[i] for i in idx], [left[i] for i in idx])
        for i, p in zip(idx, parts):
            pay[i] += p
    return RepaymentDecision(pay, contract, base_map, fallback, unsecured)


def unsecured_by_bank(
    plan: Plan, settings: FinanceSettings, bank_names: list[str], loans: list[LoanState]
) -> dict[str, int]:
    balances, guarantees = bank_balances_and_guarantees(settings, bank_names, loans)
    deposits = {b.name: b.pledged_deposits for b in plan.banks}
    calcs = compute_coverage(bank_names, balances, guarantees, deposits, plan.collaterals, detail=False)
    return {c.bank: c.unsecured for c in calcs}


def bank_balances_and_guarantees(
    settings: FinanceSettings, bank_names: list[str], loans: list[LoanState]
) -> tuple[dict[str, int], dict[str, int]]:
    balances = {n: 0 for n in bank_names}
    guarantees = {n: 0 for n in bank_names}
    for ln in loans:
        balances[ln.bank] += ln.balance
        if settings.guarantee_counts_as_secured:
            guarantees[ln.bank] += ln.guaranteed()
    return balances, guarantees


def interest_for(bank_names: list[str], loans: list[LoanState], pay: list[int]) -> tuple[int, dict[str, int]]:
    exact: dict[str, Decimal] = {n: Decimal(0) for n in bank_names}
    for ln, p in zip(loans, pay):
        if ln.rate and ln.balance:
            exact[ln.bank] += ln.rate * Decimal(2 * ln.balance - p) / 2
    total = to_int(sum(exact.values(), Decimal(0)))
    parts = split_weighted(total, [abs(exact[n]) for n in bank_names]) if total else [0] * len(bank_names)
    return total, dict(zip(bank_names, parts))
