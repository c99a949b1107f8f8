"""Issue 10, wrong numbers: the support period, effects past year 5, price vs volume, negative cash,
and what the headline numbers mean (gross 債務償還年数, 実質純資産 before/after 代表者資産, stress).

Hand-worked figures use ``small_plan``: 売上 100,000, 原価率 60%, 人件費 20,000, その他販管費
15,000, 減価償却 3,000 → 営業利益 2,000; A銀行 40,000 at 2%, 約定 500/月 = 6,000/年; 税率 30% +
均等割 70.
"""

from decimal import Decimal as D

from finance_factories import small_plan, three_bank_plan

from kaizen_guide.finance import FinanceSettings, compute_projection
from kaizen_guide.finance.rounding import mul, to_int
from kaizen_guide.model.plan import ActionItem, CapexItem, FinancialSupport, RealBalanceAdjustment


def _supported(**kw) -> FinancialSupport:
    return FinancialSupport(needed=True, repayment_share_of_cf=D("0.5"), **kw)


def _action(line: str, effects: list[int], **kw) -> ActionItem:
    return ActionItem(
        id="X1",
        measure_id="M1",
        title="施策",
        owner="担当",
        start="2026-04",
        due="2027-03",
        pl_line=line,
        effects=effects,
        **kw,
    )


# --------------------------------------------------------------------------- support period


def test_repayment_returns_to_contract_after_the_support_period():
    # Support 2027-04 (計画1年目の期首) for 12 months: only 計画1年目 is sized from 簡易CF.
    plan = small_plan(support=_supported(start="2027-04", period_months=12))
    rp = compute_projection(plan).repayment
    assert rp.support_months == [0, 12, 0, 0]
    assert rp.after_support_months == [0, 0, 12, 12]
    assert rp.support_end == "2028-03"
    assert rp.total_repayment[0] == 6000  # before the support: 約定
    assert rp.total_repayment[1] < 6000  # 50% of a ~3,900 簡易CF
    assert rp.total_repayment[2] == rp.total_repayment[3] == 6000  # 約定 again, not 50% of 簡易CF
    assert rp.basis_by_year == ["contract", "balance", "contract", "contract"]


def test_a_period_ending_mid_year_splits_the_year():
    # 18 months from 2027-04: 計画2年目 has 6 support months and 6 months back on 約定.
    plan = small_plan(support=_supported(start="2027-04", period_months=18))
    proj = compute_projection(plan)
    rp = proj.repayment
    assert rp.support_months[2] == 6 and rp.after_support_months[2] == 6
    scf = proj.plan_metrics[2].simple_cf
    # 約定 6,000 × 6/12 = 3,000 plus the 返済原資 50% × 簡易CF × 6/12.
    assert rp.total_repayment[2] == 3000 + to_int(D(mul(scf, D("0.5"))) / 2)


def test_what_follows_the_period_can_be_the_cf_rule_the_request_states():
    plan = small_plan(
        support=_supported(start="2027-04", period_months=12, after_period="cf_share", after_share_of_cf=D("0.25"))
    )
    proj = compute_projection(plan)
    for y in (2, 3):
        assert proj.repayment.total_repayment[y] == mul(proj.plan_metrics[y].simple_cf, D("0.25"))


def test_without_a_start_month_the_period_counts_from_plan_year_one():
    plan = small_plan(support=_supported(period_months=24))
    rp = compute_projection(plan).repayment
    assert rp.support_months == [0, 12, 12, 0]
    assert rp.total_repayment[3] == 6000


def test_sample_support_ends_in_2030_03_and_a_ten_year_plan_keeps_repaying(sample_plan):
    sample_plan.targets.plan_years = 10
    sample_plan.support.after_period = "contract"
    proj = compute_projection(sample_plan)
    rp = proj.repayment
    # 2026-10 + 42 months → last support month 2030-03 = end of 計画3年目.
    assert rp.support_months == [6, 12, 12, 12] + [0] * 7
    for y in range(4, 11):
        assert rp.total_repayment[y] == rp.total_contractual[y] > 0  # 約定, never a 0 "deferral"
    assert all(b.cash >= 0 for b in proj.bs)


# --------------------------------------------------------------------------- effects


def test_effects_carry_their_last_value_forward_unless_one_off():
    plan = small_plan(actions=[_action("other_sga", [1000, 2000])])
    plan.targets.plan_years = 4
    proj = compute_projection(plan)
    assert [p.other_sga for p in proj.pl] == [15000, 14000, 13000, 13000, 13000]
    plan.actions[0].one_off = True
    proj = compute_projection(plan)
    assert [p.other_sga for p in proj.pl] == [15000, 14000, 13000, 15000, 15000]


def test_ten_year_sample_keeps_its_improvements(sample_plan):
    sample_plan.targets.plan_years = 10
    pl = compute_projection(sample_plan).pl
    # Year 6 has the year-5 effects: 経常利益 does not fall back to the 成り行き level.
    assert pl[6].effects_by_action.keys() == pl[5].effects_by_action.keys()
    assert pl[6].sales_effects == pl[5].sales_effects == 8000 + 25000
    assert all(p.ordinary_income > 0 for p in pl[1:])


def test_a_price_increase_carries_no_cost_of_sales():
    plan = small_plan(actions=[_action("sales", [5000])])
    pl1 = compute_projection(plan).pl[1]
    # Volume: 5,000 of sales at 原価率 60% → 3,000 of 原価; 営業利益 2,000 + 2,000.
    assert (pl1.cost_of_sales, pl1.operating_income) == (63000, 4000)
    plan.actions[0].carries_cost_of_sales = False
    pl1 = compute_projection(plan).pl[1]
    # Price: the same goods sold dearer → 原価 stays 60,000; 営業利益 2,000 + 5,000.
    assert (pl1.cost_of_sales, pl1.operating_income) == (60000, 7000)
    assert pl1.effects_by_action["X1"].cost_of_sales_carried == 0


# --------------------------------------------------------------------------- negative cash


def test_a_cash_shortfall_becomes_an_explicit_short_term_loan():
    plan = small_plan()
    plan.drivers.capex = [CapexItem(year=1, amount=100000, useful_life=50)]
    proj = compute_projection(plan)
    b1, cf1 = proj.bs[1], proj.cf[1]
    assert all(b.cash >= 0 for b in proj.bs)
    assert b1.cash == 0 and b1.shortfall_borrowings > 90000  # ~100,000 capex against ~10,000 cash
    assert cf1.shortfall_borrowing == b1.shortfall_borrowings
    assert b1.borrowings == sum(b1.borrowings_by_bank.values()) + b1.shortfall_borrowings
    assert all(b.imbalance == 0 for b in proj.bs)
    # 有利子負債 counts it.
    assert proj.plan_metrics[1].interest_bearing_debt == b1.borrowings
    check = {c.rule_id: c for c in proj.checks}["numeric.cash_shortfall"]
    assert not check.ok and check.severity == "error" and 1 in check.years
    assert "短期借入金" in check.message


def test_the_stopgap_loan_is_repaid_from_later_cash():
    plan = small_plan()
    plan.drivers.capex = [CapexItem(year=1, amount=12000, useful_life=50)]
    plan.drivers.personnel = [20000, 20000, 5000]  # a much better year 2 repays it
    proj = compute_projection(plan)
    assert proj.bs[1].shortfall_borrowings > 0
    assert proj.bs[2].shortfall_borrowings == 0 and proj.bs[2].cash > 0
    assert proj.cf[2].shortfall_borrowing == -proj.bs[1].shortfall_borrowings


# --------------------------------------------------------------------------- meanings


def test_gross_debt_years_beside_the_main_variant_and_definitions():
    proj = compute_projection(small_plan())
    m1 = proj.plan_metrics[1]
    # 計画0年目: 利息 2% × (40,000 + 34,000)/2 = 740 → 経常 1,260, 税 378 + 70 → 純利益 812.
    # 計画1年目: 利息 2% × (34,000 + 28,000)/2 = 620 → 経常 1,380, 税 414 + 70 → 純利益 896;
    # 簡易CF 896 + 3,000 = 3,896; 有利子負債 28,000 ÷ 3,896 = 7.187 → 7.19年.
    assert (m1.simple_cf, m1.interest_bearing_debt) == (3896, 28000)
    assert m1.gross_debt_repayment_years == D("7.19")
    d = proj.definitions
    assert "(有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)" in d.debt_years
    assert "有利子負債 ÷ 簡易CF" in d.gross_debt_years
    assert "計画最終年度まで" in d.profit_year
    gross = compute_projection(small_plan(), FinanceSettings(debt_years_variant="gross")).definitions
    assert gross.debt_years.startswith("債務償還年数 = 有利子負債 ÷ (経常利益")


def test_real_net_assets_before_and_after_owner_assets():
    plan = small_plan()
    plan.financials.real_bs_adjustments = [
        RealBalanceAdjustment(item="在庫評価減", category="accounting", amount=-25000),
        RealBalanceAdjustment(item="代表者自宅 − 住宅ローン", category="owner_assets", amount=1000),
    ]
    proj = compute_projection(plan)
    m0, m1 = proj.plan_metrics[0], proj.plan_metrics[1]
    # 簿価純資産: 24,000 + 812 = 24,812 (0年目), + 896 = 25,708 (1年目).
    assert (m0.net_assets, m1.net_assets) == (24812, 25708)
    assert (m0.real_net_assets, m0.real_net_assets_before_owner) == (812, -188)
    assert (m1.real_net_assets, m1.real_net_assets_before_owner) == (1708, 708)
    t = proj.targets
    assert (t.solvency_year, t.solvency_year_before_owner) == (0, 1)


def test_profit_year_means_profitable_to_the_end_of_the_plan():
    plan = small_plan()
    plan.drivers.personnel = [20000, 20000, 25000, 20000]  # 計画2年目 dips into a loss
    proj = compute_projection(plan)
    ordinary = [p.ordinary_income for p in proj.pl]
    assert ordinary[1] > 0 > ordinary[2] and ordinary[3] > 0
    assert proj.targets.profit_year == 3


def test_stress_half_achieved_actions_and_the_summary_wording(sample_plan):
    plan = small_plan(actions=[_action("other_sga", [4000])])
    proj = compute_projection(plan)
    half = next(s for s in proj.stress.scenarios if s.name == "施策の効果が半分")
    assert half.effect_achievement == D("0.5")
    # Half of 4,000 less その他販管費 → 経常利益 2,000 lower (repayments, so interest, held fixed).
    assert half.years[0].ordinary_income == proj.pl[1].ordinary_income - 2000
    # The sample meets its targets in the base case, but its stress cases fail: never 「達成」 alone.
    t = compute_projection(sample_plan).targets
    assert t.all_met and not t.stress_passed
    assert t.verdict(True) == "基本ケースのみ達成 (ストレス時は未達)" and t.verdict(False) == "未達"
    assert "ストレスケースでは" in t.summary


def test_unsecured_prorata_exposes_yearly_bases_and_the_fallback():
    plan = three_bank_plan("unsecured")
    proj = compute_projection(plan)
    rp = proj.repayment
    by = {b.bank: b.years[1] for b in rp.banks}
    # 信用残 at the start of 計画1年目 is recomputed from that year's balances.
    assert by["C銀行"].unsecured == by["C銀行"].base_amount == 0
    assert by["A銀行"].unsecured is not None and by["A銀行"].base_amount == min(
        by["A銀行"].unsecured, by["A銀行"].opening
    )
    assert rp.fallback_years == []
    # Everything fully secured (a huge 1st-rank lien for every bank): 信用残 0 → 残高プロラタ.
    for c in plan.collaterals:
        c.market_value = 10_000_000
        c.liens = [type(c.liens[0])(bank=b.name, rank=1, max_amount=1_000_000) for b in plan.banks]
    proj = compute_projection(plan)
    # The default support is 12 months from plan year 1: only that year is pro-rata.
    assert proj.repayment.fallback_years == [1]
    assert proj.repayment.basis_by_year[:3] == ["contract", "balance", "contract"]
    assert any("残高プロラタで配分" in n for n in proj.notes)
