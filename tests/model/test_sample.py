"""The sample company is complete and consistent enough to show every sheet and check."""

from itertools import pairwise

from kaizen_guide.model import MEASURE_CATEGORY_LABELS


def test_sample_has_three_balanced_actual_years(sample_plan):
    years = sample_plan.financials.years
    assert len(years) >= 3
    for y in years:
        assert y.bs.imbalance == 0, y.label
    # 利益剰余金 moves by 当期純利益 from one year to the next.
    for prev, cur in pairwise(years):
        assert cur.bs.retained_earnings - prev.bs.retained_earnings == cur.pl.net_income


def test_sample_borrowings_tie_to_balance_sheet(sample_plan):
    latest = sample_plan.financials.latest
    assert sample_plan.total_borrowings == latest.bs.interest_bearing_debt


def test_sample_has_banks_with_collateral_and_full_chain(sample_plan):
    assert len(sample_plan.banks) >= 3
    lien_banks = {lien.bank for c in sample_plan.collaterals for lien in c.liens}
    assert lien_banks <= {b.name for b in sample_plan.banks}
    assert len(lien_banks) >= 2
    issue_ids = {i.id for i in sample_plan.issues}
    measure_ids = {m.id for m in sample_plan.measures}
    assert all(set(m.issue_ids) <= issue_ids for m in sample_plan.measures)
    assert all(a.measure_id in measure_ids for a in sample_plan.actions)
    assert {m.category for m in sample_plan.measures} == set(MEASURE_CATEGORY_LABELS)
    assert all(len(a.effects) >= sample_plan.targets.plan_years for a in sample_plan.actions)
