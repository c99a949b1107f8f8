"""A one-bank, one-segment plan worked through by hand; stress and the numeric checks."""

from decimal import Decimal as D

from finance_factories import small_plan

from kaizen_guide.finance import FinanceSettings, StressCase, compute_projection, evaluate_targets
from kaizen_guide.model.plan import ActionItem, SalesSegment


def test_year_zero_by_hand():
    proj = compute_projection(small_plan())
    pl, cf, bs = proj.pl[0], proj.cf[0], proj.bs[0]
    # 売上高 = 1,000円 × 100,000 ÷ 1,000 = 100,000; 原価 60% = 60,000
    assert (pl.sales, pl.cost_of_sales, pl.gross_profit) == (100000, 60000, 40000)
    # 営業利益 = 40,000 − (20,000 + 3,000 + 15,000) = 2,000
    assert pl.operating_income == 2000
    # 約定返済 500 × 12 = 6,000; 支払利息 = 2% × (40,000 + 34,000) ÷ 2 = 740
    assert cf.repayment == 6000 and pl.interest_expense == 740
    # 経常利益 1,260; 法人税等 = 1,260 × 30% = 378 + 均等割 70 = 448; 当期純利益 812
    assert (pl.ordinary_income, pl.income_taxes, pl.net_income) == (1260, 448, 812)
    # 売掛金 100,000 × 1/12 = 8,333.3 → 8,333 (+3,333); 在庫 60,000 × 0.5/12 = 2,500 (+500);
    # 買掛金 60,000 × 1/12 = 5,000 (+2,000)
    assert (bs.accounts_receivable, bs.inventory, bs.payables) == (8333, 2500, 5000)
    assert cf.working_capital_cf == -3333 - 500 + 2000
    # 営業CF = 812 + 3,000 − 1,833 = 1,979; 現預金 10,000 + 1,979 − 6,000 = 5,979
    assert cf.operating_cf == 1979
    assert bs.cash == 5979
    assert bs.tangible_fixed_assets == 47000 and bs.imbalance == 0


def test_no_support_means_contractual_repayment():
    proj = compute_projection(small_plan())
    rp = proj.repayment
    assert not rp.needed
    assert rp.total_repayment == rp.total_contractual == [6000] * 4
    assert rp.request_total == 0
    assert rp.banks[0].years[-1].closing == 40000 - 4 * 6000


def test_zero_shock_stress_reproduces_the_plan():
    settings = FinanceSettings(stress_cases=[StressCase(name="変化なし")])
    proj = compute_projection(small_plan(), settings)
    s = proj.stress.scenarios[0]
    for sy, pl, cf, bs in zip(s.years, proj.pl[1:], proj.cf[1:], proj.bs[1:]):
        # Stress cash is net of the stopgap 短期借入金 the base plan needs to keep 現預金 ≥ 0.
        assert (sy.sales, sy.ordinary_income, sy.repayment, sy.cash_closing) == (
            pl.sales,
            pl.ordinary_income,
            cf.repayment,
            cf.cash_closing - bs.shortfall_borrowings,
        )


def test_stress_keeps_repayments_and_reports_in_japanese():
    proj = compute_projection(small_plan())
    names = [s.name for s in proj.stress.scenarios]
    assert names == ["売上高10%減", "原価率2ポイント上昇", "施策の効果が半分"]
    down = proj.stress.scenarios[0]
    # Sales −10%: 100,000 → 90,000 from plan year 1; 原価 60% → 営業利益 2,000 − 4,000 = −2,000.
    assert down.years[0].sales == 90000
    assert down.years[0].repayment == proj.cf[1].repayment
    assert not down.repayment_covered
    assert "売上高10%減の場合" in down.verdict and "下回ります" in down.verdict
    check = {c.rule_id: c for c in evaluate_targets(proj)}["numeric.stress_fails"]
    assert not check.ok and check.years


def test_sales_jump_without_action_is_flagged():
    plan = small_plan()
    plan.drivers.segments = [SalesSegment(name="製品", unit_price_yen=[1000], quantity=[100000, 120000])]
    check = {c.rule_id: c for c in evaluate_targets(compute_projection(plan))}["numeric.sales_jump"]
    # Base sales 100,000 → 120,000 in 計画1年目: +20% > 10% with no action behind it.
    assert not check.ok and check.years == [1]
    # The same growth as an action effect is explained, not a jump.
    plan.drivers.segments = [SalesSegment(name="製品", unit_price_yen=[1000], quantity=[100000])]
    plan.actions = [
        ActionItem(
            id="A1",
            measure_id="M1",
            title="新規開拓",
            owner="社長",
            start="2027-04",
            due="2028-03",
            pl_line="sales",
            effects=[20000],
        )
    ]
    check = {c.rule_id: c for c in evaluate_targets(compute_projection(plan))}["numeric.sales_jump"]
    assert check.ok


def test_targets_not_met_are_reported():
    plan = small_plan()
    plan.drivers.personnel = [40000]  # 営業利益 −18,000 every year
    proj = compute_projection(plan)
    t = proj.targets
    assert t.profit_year is None and not t.profit_met
    assert t.final_debt_years is None and not t.debt_years_met  # 分母 ≤ 0 → 算出不能
    checks = {c.rule_id: c for c in evaluate_targets(proj)}
    assert not checks["numeric.profit_by_year3"].ok
    assert "算出不能" in checks["numeric.debt_years_final"].message
    assert not checks["numeric.monthly_cash_negative"].ok  # cash runs out
    assert checks["numeric.monthly_cash_negative"].severity == "error"


def test_notes_receivable_are_collected_at_maturity():
    plan = small_plan()
    plan.cash.notes_receivable_months = D("2")
    proj = compute_projection(plan)
    # 受取手形 = 100,000 × 2/12 = 16,666.7 → 16,667
    assert proj.bs[1].notes_receivable == 16667
    mt = proj.monthly
    assert sum(r.receivable_collections for r in mt.months) == 0  # collected by note
    assert sum(r.notes_collections for r in mt.months) > 0
    assert mt.closing == proj.cf[1].cash_closing


def test_new_borrowing_is_drawn_and_repaid_on_contract():
    from kaizen_guide.model.plan import NewBorrowing

    plan = small_plan()
    plan.drivers.new_borrowings = [
        NewBorrowing(year=1, bank="B銀行", amount=10000, term_years=2, interest_rate=D("0.03"))
    ]
    proj = compute_projection(plan)
    b = next(x for x in proj.repayment.banks if x.bank == "B銀行")
    assert [y.new_borrowing for y in b.years] == [0, 10000, 0, 0]
    assert [y.repayment for y in b.years] == [0, 0, 5000, 5000]
    # Drawn at the start of year 1: interest 3% × (10,000 + 10,000) ÷ 2 = 300 in year 1.
    assert proj.interest[1].by_bank["B銀行"] == 300
    assert proj.monthly.months[0].borrowing == 10000
