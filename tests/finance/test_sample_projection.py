"""The sample company (株式会社さくら亭): targets, statements that tie, the action bridge."""

import json
from decimal import Decimal as D

import pytest

from kaizen_guide.finance import FinanceSettings, compute_projection, evaluate_targets
from kaizen_guide.finance.rounding import mul


@pytest.fixture
def proj(sample_plan):
    return compute_projection(sample_plan)


def test_labels(proj):
    assert [lb.label for lb in proj.labels.actual] == ["2024年3月期", "2025年3月期", "2026年3月期"]
    assert proj.labels.plan[0].heading == "計画0年目 (2027年3月期)"
    assert proj.labels.plan[1].fiscal_label == "2028年3月期"
    assert len(proj.pl) == len(proj.bs) == len(proj.cf) == len(proj.tax) == 6


def test_sample_meets_its_targets(proj, sample_plan):
    ordinary = [p.ordinary_income for p in proj.pl]
    assert ordinary[0] < 0  # 進行期 still loss-making
    assert all(o > 0 for o in ordinary[1:])  # 黒字化 in 計画1年目 (the price increase
    t = proj.targets  # A3 carries no 原価), ahead of the target
    assert (t.profit_year, t.profit_target_year, t.profit_met) == (1, 2, True)
    assert (t.solvency_year, t.solvency_target_year, t.solvency_met) == (4, 4, True)
    assert proj.plan_metrics[3].real_net_assets < 0 <= proj.plan_metrics[4].real_net_assets
    assert t.final_debt_years is not None and t.final_debt_years <= D(10)
    assert t.debt_years_met and t.all_met
    checks = {c.rule_id: c for c in evaluate_targets(proj)}
    assert set(checks) == {
        "numeric.profit_by_year3",
        "numeric.solvency_by_year5",
        "numeric.debt_years_final",
        "numeric.monthly_cash_negative",
        "numeric.sales_jump",
        "numeric.stress_fails",
        "numeric.cash_shortfall",
    }
    for rule in (
        "numeric.profit_by_year3",
        "numeric.solvency_by_year5",
        "numeric.debt_years_final",
        "numeric.monthly_cash_negative",
        "numeric.sales_jump",
        "numeric.cash_shortfall",
    ):
        assert checks[rule].ok, checks[rule].message


def test_monthly_table_adds_up_to_year_one(proj):
    mt, cf1 = proj.monthly, proj.cf[1]
    assert mt.opening == proj.cf[0].cash_closing == cf1.cash_opening
    assert mt.closing == mt.months[-1].closing == cf1.cash_closing
    total = sum(r.operating_balance + r.non_operating_balance + r.financial_balance for r in mt.months)
    assert total == cf1.cash_change
    assert sum(r.sales for r in mt.months) == proj.pl[1].sales
    assert sum(r.repayment for r in mt.months) == cf1.repayment
    assert sum(r.interest_payments for r in mt.months) == proj.pl[1].interest_expense
    assert sum(r.tax_payments for r in mt.months) == proj.pl[1].income_taxes
    for prev, cur in zip(mt.months, mt.months[1:]):
        assert cur.opening == prev.closing
    # Cash stays positive but tight: the low is July (bonus + 労働保険料).
    assert mt.negative_months == []
    assert mt.lowest_label == "7月" and mt.lowest_year_month == "2027-07"
    assert 0 <= mt.lowest_balance < mt.minimum_cash
    assert [r.label for r in mt.months][:2] == ["4月", "5月"]


def test_balance_sheet_balances_and_ties(proj):
    assert proj.bs_opening.imbalance == 0
    prev = proj.bs_opening
    for bs, cf, pl in zip(proj.bs, proj.cf, proj.pl):
        assert bs.imbalance == 0
        assert bs.total_assets == bs.total_liabilities_and_net_assets
        assert bs.cash == cf.cash_closing and cf.cash_opening == prev.cash
        assert bs.retained_earnings - prev.retained_earnings == pl.net_income
        assert bs.borrowings - prev.borrowings == cf.borrowing - cf.repayment + cf.shortfall_borrowing
        assert sum(bs.borrowings_by_bank.values()) + bs.borrowings_unassigned == bs.borrowings
        prev = bs


def test_every_yen_of_improvement_is_traced_to_an_action(proj, sample_plan):
    assert proj.pl[0].effects_by_action == {}  # effects start in plan year 1
    assert proj.pl[0].base_ordinary_income == proj.pl[0].ordinary_income
    for pl in proj.pl[1:]:
        bridge = sum(e.ordinary_income_impact for e in pl.effects_by_action.values())
        assert pl.ordinary_income == pl.base_ordinary_income + bridge
        assert pl.sales == pl.base_sales + pl.sales_effects == sum(pl.sales_by_segment.values()) + pl.sales_effects
        assert pl.cost_of_sales == pl.base_cost_of_sales + pl.cost_of_sales_on_effects - pl.cost_of_sales_effects
        assert pl.sga == pl.personnel + pl.depreciation + pl.other_sga
    y1 = proj.pl[1].effects_by_action
    # A3 宴会価格改定 is a price increase: 8,000 of sales, no 原価 → +8,000 経常利益.
    assert (y1["A3"].amount, y1["A3"].cost_of_sales_carried, y1["A3"].ordinary_income_impact) == (8000, 0, 8000)
    # A4 仕出し is volume: 10,000 of sales carries 10,000 × 41% = 4,100 of 原価 → +5,900.
    assert (y1["A4"].amount, y1["A4"].cost_of_sales_carried, y1["A4"].ordinary_income_impact) == (10000, 4100, 5900)
    assert y1["A1"].ordinary_income_impact == 12000  # 原価 reduction counts in full
    # 計画1年目 bridge: 12,000 + 3,000 + 8,000 + 5,900 + 4,000 + 2,400 + 1,500 = 36,800
    assert sum(e.ordinary_income_impact for e in y1.values()) == 36800


def test_repayment_plan(proj, sample_plan):
    rp = proj.repayment
    assert rp.needed and rp.basis_label == "残高プロラタ"
    # 暫定リスケ from 2026-10 for 42 months: the last support month is 2030-03 (計画3年目末).
    assert rp.support_months == [6, 12, 12, 12, 0, 0]
    assert rp.after_support_months == [0, 0, 0, 0, 12, 12]
    assert rp.support_end == "2030-03" and rp.after_period == "cf_share"
    for y in range(len(proj.pl)):
        assert rp.total_repayment[y] == sum(b.years[y].repayment for b in rp.banks) == proj.cf[y].repayment
        assert rp.total_contractual[y] == 49800  # (1,000+1,200+700+300+600+350) × 12
        for b in rp.banks:
            by = b.years[y]
            assert by.closing == by.opening + by.new_borrowing - by.repayment >= 0
    for y in (1, 2, 3):
        # Full support years: everything repaid is the 返済原資 = 80% of 簡易CF.
        assert rp.capacity[y] == mul(proj.plan_metrics[y].simple_cf, D("0.8"))  # 四捨五入
        assert rp.total_repayment[y] == rp.capacity[y]
    for y in (4, 5):
        # After the period the request asks for 90% of 簡易CF (not 80%, not 約定).
        assert rp.total_repayment[y] == mul(proj.plan_metrics[y].simple_cf, D("0.9"))
    assert rp.request_total == sum(rp.total_reduction) > 0


def test_interest_from_the_loan_schedule(proj):
    for it, pl in zip(proj.interest, proj.pl):
        assert it.total == pl.interest_expense == sum(it.by_bank.values())
    # 計画0年目: 6 months of 約定 then 元金据置 (簡易CF < 0), so average balances are
    # opening − half the 約定 part; total ≈ 5,520 (vs 7,200 in 2026年3月期).
    assert 5000 < proj.interest[0].total < 6000


def test_projection_serialises_for_export(proj):
    data = json.loads(proj.model_dump_json())
    assert data["pl"][1]["sales"] == proj.pl[1].sales
    assert data["metrics"][-1]["debt_repayment_years"] == str(proj.metrics[-1].debt_repayment_years)


def test_ten_year_plan_and_settings(sample_plan):
    sample_plan.targets.plan_years = 10
    proj = compute_projection(sample_plan, FinanceSettings(debt_years_variant="gross"))
    assert len(proj.pl) == 11 and proj.labels.plan[-1].fiscal_label == "2037年3月期"
    assert all(b.imbalance == 0 for b in proj.bs)
