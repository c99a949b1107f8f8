"""Invariants on randomly generated plans (random drivers, banks, collateral, terms)."""

from decimal import Decimal as D

from finance_factories import random_plans
from hypothesis import HealthCheck, given, settings

from kaizen_guide.finance import compute_projection

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plan=random_plans())
def test_statements_balance_and_cash_is_continuous(plan):
    proj = compute_projection(plan)
    assert proj.bs_opening.imbalance == 0
    prev = proj.bs_opening
    for bs, cf, pl, tax in zip(proj.bs, proj.cf, proj.pl, proj.tax):
        assert bs.imbalance == 0, bs.year
        assert cf.cash_opening == prev.cash
        assert cf.cash_closing == bs.cash == cf.cash_opening + cf.cash_change
        assert cf.cash_change == cf.operating_cf + cf.investing_cf + cf.financing_cf
        assert bs.retained_earnings - prev.retained_earnings == pl.net_income
        assert pl.ordinary_income == pl.base_ordinary_income + sum(
            e.ordinary_income_impact for e in pl.effects_by_action.values()
        )
        assert pl.net_income == pl.pretax_income - pl.income_taxes
        assert tax.carryforward_closing == tax.carryforward_opening + tax.arising - tax.used - tax.expired
        assert tax.carryforward_closing >= 0 and tax.total_taxes >= tax.per_capita
        prev = bs
    for a, b in zip(proj.cf, proj.cf[1:]):
        assert b.cash_opening == a.cash_closing


@SETTINGS
@given(plan=random_plans())
def test_monthly_table_ties_to_year_one(plan):
    proj = compute_projection(plan)
    mt = proj.monthly
    assert len(mt.months) == 12
    assert mt.months[0].opening == proj.cf[1].cash_opening
    for prev, cur in zip(mt.months, mt.months[1:]):
        assert cur.opening == prev.closing
    for r in mt.months:
        assert r.operating_balance == r.operating_receipts - r.operating_payments
        assert r.closing == r.opening + r.operating_balance + r.non_operating_balance + r.financial_balance
    assert mt.months[-1].closing == mt.closing == proj.cf[1].cash_closing
    last = mt.months[-1]
    bs1 = proj.bs[1]
    assert (last.accounts_receivable, last.notes_receivable, last.inventory, last.payables) == (
        bs1.accounts_receivable,
        bs1.notes_receivable,
        bs1.inventory,
        bs1.payables,
    )
    assert mt.lowest_balance == min(r.closing for r in mt.months)


@SETTINGS
@given(plan=random_plans())
def test_repayments_sum_exactly_and_never_exceed_balances(plan):
    proj = compute_projection(plan)
    rp = proj.repayment
    for y, yc in enumerate(proj.cf):
        assert rp.total_repayment[y] == yc.repayment == sum(yc.repayment_by_bank.values())
        for b in rp.banks:
            by = b.years[y]
            assert 0 <= by.repayment <= by.opening + by.new_borrowing
            assert by.closing == by.opening + by.new_borrowing - by.repayment >= 0
        on_contract_loans = plan.drivers.new_borrowings or (
            plan.support.guaranteed_on_contract and any(ln.kind == "guaranteed" for bk in plan.banks for ln in bk.loans)
        )
        if rp.support_months[y] == 12 and not on_contract_loans:
            # The whole 返済原資 is allocated, except what exceeds everything owed.
            owed = sum(b.years[y].opening for b in rp.banks)
            assert rp.total_repayment[y] == min(rp.capacity[y], owed)
        if not plan.support.needed:
            assert rp.total_repayment[y] == rp.total_contractual[y]


@SETTINGS
@given(plan=random_plans())
def test_metrics_never_divide_by_zero_or_give_negative_years(plan):
    proj = compute_projection(plan)
    for m in proj.metrics:
        assert m.debt_repayment_years is None or m.debt_repayment_years >= 0
        if m.debt_service_cf <= 0:
            assert m.debt_repayment_years is None
        assert m.debt_to_repay >= 0
        if m.ebitda <= 0:
            assert m.ebitda_debt_ratio is None
        lb = m.local_benchmark
        if m.sales <= 0:
            assert lb.operating_margin is None and lb.working_capital_months is None
    t = proj.targets
    assert t.final_debt_years == proj.metrics[-1].debt_repayment_years
    for s in proj.stress.scenarios:
        assert len(s.years) == proj.plan_years
        assert s.verdict


@SETTINGS
@given(plan=random_plans())
def test_coverage_is_bounded(plan):
    cov = compute_projection(plan).coverage
    for b in cov.banks:
        assert 0 <= b.secured_total <= b.balance
        assert b.unsecured == b.balance - b.secured_total
        assert all(a.allocated <= min(a.available, a.max_amount) for a in b.collateral)
    # The value taken from a property never exceeds its 処分可能見込額.
    taken: dict[str, int] = {}
    for b in cov.banks:
        for a in b.collateral:
            taken[a.collateral] = taken.get(a.collateral, 0) + a.allocated
    for c in plan.collaterals:
        assert taken.get(c.name, 0) <= c.realizable_value or any(
            other.name == c.name for other in plan.collaterals if other is not c
        )
    shares = [b.balance_share for b in cov.banks if b.balance_share is not None]
    if shares:
        assert abs(sum(shares) - 1) <= D("0.0001") * len(shares)
