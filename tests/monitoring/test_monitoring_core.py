"""The numbers of the monthly review, checked against hand-worked figures (monitoring-reference §3.8)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaizen_guide.model.plan import Plan
from kaizen_guide.monitoring.compare import Bands, band_of, compare_month, reproject
from kaizen_guide.monitoring.decompose import split_gross, split_gross3, split_sales
from kaizen_guide.monitoring.fiscal import MonitoringError, position, year_months
from kaizen_guide.monitoring.lines import LINE_KEYS, derive
from kaizen_guide.monitoring.plan_months import MonthlyPlan, SegmentPlan, monthly_plan

# --- the worked example of monitoring-reference §3.8 ------------------------------------------------


def _worked_plan() -> tuple[Plan, MonthlyPlan]:
    """決算月 3, 令和9年3月期 (2026-04 … 2027-03) = 計画1年目; annual sales plan 120,000."""
    plan = Plan.model_validate(
        {
            "company": {"fiscal_month": 3},
            "targets": {"first_plan_year_label": "2027年3月期"},
            "drivers": {"minimum_cash": 10000},
        }
    )
    months = year_months(plan, 1)
    assert months[0] == "2026-04" and months[2] == "2026-06"
    sales = [9000, 9000, 10000] + [10000, 10000, 10000, 10000, 10500, 11500, 10000, 10000, 10000]
    assert sum(sales) == 120000
    cos = [6300, 6300, 7000] + [7000] * 9
    sga = [2500] * 12
    personnel = [1500] * 12
    gp = [s - c for s, c in zip(sales, cos)]
    op = [g - s for g, s in zip(gp, sga)]
    # planned cash: 14,500 at 6月末, then the net flows of 7–12月 (+500 … −3,800 賞与), then +1,000/month
    flows = [500, -1200, 300, 800, 400, -3800, 1000, 1000, 1000]
    cash = [13000, 14000, 14500]
    for f in flows:
        cash.append(cash[-1] + f)
    zero = [0] * 12
    lines = {
        "sales": sales,
        "cost_of_sales": cos,
        "gross_profit": gp,
        "sga": sga,
        "personnel": personnel,
        "operating_profit": op,
        "non_operating_income": zero,
        "non_operating_expenses": zero,
        "ordinary_profit": op,
        "cash_end": cash,
        "borrowings_end": [50000] * 12,
    }
    annual = {k: sum(v) for k, v in lines.items()}
    annual["cash_end"], annual["borrowings_end"] = cash[-1], 50000
    segs = [SegmentPlan("受注", "件", [180, 180, 200] + [200] * 9, sales)]
    return plan, MonthlyPlan(1, months, [Decimal(1)] * 12, lines, segs, annual, "test")


def _worked_comparison():
    plan, mp = _worked_plan()
    actuals = {
        "2026-04": {"sales": 8800},
        "2026-05": {"sales": 8400},
        "2026-06": {"sales": 8100, "cost_of_sales": 6075, "sga": 2600, "personnel": 1450, "cash_end": 12000},
    }
    cmp = compare_month(plan, "2026-06", actuals, {"受注": (180, None)}, plans=lambda y: mp, horizon=6)
    return cmp


def test_worked_example_month_rates_and_bands():
    cmp = _worked_comparison()
    assert cmp.pos.plan_year == 1 and cmp.pos.index == 3
    s = cmp.row("sales")
    assert (s.plan, s.actual, s.diff) == (10000, 8100, -1900)
    assert float(s.rate) == pytest.approx(0.81) and s.band == "watch"
    c = cmp.row("cost_of_sales")
    assert c.diff == -925 and round(float(c.rate), 3) == 0.868 and c.favourable is True
    g = cmp.row("gross_profit")
    assert (g.plan, g.actual, g.diff) == (3000, 2025, -975) and float(g.rate) == 0.675 and g.band == "miss"
    sga = cmp.row("sga")
    assert sga.diff == 100 and float(sga.rate) == 1.04 and sga.favourable is False and sga.band == "watch"
    p = cmp.row("personnel")
    assert p.diff == -50 and round(float(p.rate), 3) == 0.967 and p.favourable is True and p.band == "ok"
    op = cmp.row("operating_profit")
    assert (op.plan, op.actual, op.diff) == (500, -575, -1075) and op.band == "miss"
    assert cmp.material_misses() == ["gross_profit"]


def test_worked_example_cumulative_and_landing():
    cmp = _worked_comparison()
    s = cmp.row("sales")
    assert (s.cum_plan, s.cum_actual, s.cum_months) == (28000, 25300, 3)
    assert round(float(s.cum_rate), 3) == 0.904 and s.cum_band == "watch"
    f = cmp.forecast["sales"]
    assert f.annual_plan == 120000
    assert f.landing == 25300 + 92000 == 117300
    assert round(float(f.rate), 3) == 0.978 and f.band == "watch"
    assert f.trend == 108429  # 120,000 × 25,300 / 28,000 (趨勢, 参考)
    # 累計 of a line entered only this month covers only this month
    g = cmp.row("gross_profit")
    assert (g.cum_plan, g.cum_actual, g.cum_months) == (3000, 2025, 1)


def test_worked_example_cash_reprojection_and_lowest_month():
    cmp = _worked_comparison()
    cash = cmp.cash
    assert (cash.actual, cash.plan, cash.diff) == (12000, 14500, -2500)
    assert [b for _, b in cash.projection] == [12500, 11300, 11600, 12400, 12800, 9000]
    assert cash.lowest == ("2026-12", 9000)
    assert cash.short_by == 1000
    assert reproject(12000, [500, -1200]) == [12500, 11300]


def test_worked_example_decompositions_sum_exactly():
    s = split_sales(200, 10000, 180, 8100)
    assert (s.quantity, s.price, s.total) == (-1000, -900, -1900)
    g = split_gross(10000, 3000, 8100, 2025)
    assert (g.sales, g.margin, g.total) == (-570, -405, -975)
    g3 = split_gross3(200, 10000, 7000, 180, 8100, 6075)
    assert (g3.quantity, g3.price, g3.cost, g3.total) == (-300, -900, 225, -975)
    deep = _worked_comparison().deep
    assert deep.sales_split.quantity == -1000 and deep.sales_split.price == -900
    assert deep.gross3 is not None and deep.gross3.cost == 225


@pytest.mark.parametrize("pq,ps,aq,as_", [(7, 1000, 3, 333), (3, 1001, 7, 2999), (1, 1, 1000, 7), (0, 500, 10, 400)])
def test_sales_split_parts_sum_exactly_with_rounding(pq, ps, aq, as_):
    s = split_sales(pq, ps, aq, as_)
    assert s.quantity + s.price == as_ - ps
    g = split_gross(ps, ps // 3, as_, as_ // 4)
    assert g.sales + g.margin == as_ // 4 - ps // 3
    g3 = split_gross3(pq, ps, ps // 2, aq, as_, as_ // 3)
    assert g3.total == (as_ - as_ // 3) - (ps - ps // 2)


def test_bands_are_configurable_and_plan_at_or_below_zero_uses_the_difference():
    assert band_of(1000, 800, False, Bands()) == "watch"
    assert band_of(1000, 799, False, Bands()) == "miss"
    assert band_of(1000, 1000, False, Bands()) == "ok"
    assert band_of(1000, 800, False, Bands(watch=Decimal("0.9"))) == "miss"
    # cost line: over plan is unfavourable, mirrored bands
    assert band_of(1000, 1100, True, Bands()) == "watch"
    assert band_of(1000, 1300, True, Bands()) == "miss"
    # a 赤字 plan: A/P would read 50% for a result that beat the plan
    assert band_of(-500, -250, False, Bands()) == "ok"
    assert band_of(-500, -550, False, Bands()) == "watch"
    assert band_of(-500, -700, False, Bands()) == "miss"


def test_derive_fills_profit_lines_and_reports_a_mismatch():
    v, notes = derive(
        {
            "sales": 100,
            "gross_profit": 30,
            "sga": 20,
            "non_operating_income": 1,
            "non_operating_expenses": 2,
            "ordinary_profit": 10,
        }
    )
    assert v["cost_of_sales"] == 70 and v["operating_profit"] == 10 and v["ordinary_profit"] == 9
    assert notes and "経常利益" in notes[0]


# --- monthly plan derivation ---------------------------------------------------------------------------


def test_sample_monthly_plan_sums_to_the_annual_plan_exactly(sample_plan):
    from kaizen_guide.finance import compute_projection

    proj = compute_projection(sample_plan)
    for year in range(0, sample_plan.targets.plan_years + 1):
        mp = monthly_plan(sample_plan, year, proj)
        py = proj.pl[year]
        assert sum(mp.lines["sales"]) == py.sales
        assert sum(mp.lines["cost_of_sales"]) == py.cost_of_sales
        assert sum(mp.lines["sga"]) == py.sga
        assert sum(mp.lines["personnel"]) == py.personnel
        assert sum(mp.lines["ordinary_profit"]) == py.ordinary_income
        assert mp.lines["cash_end"][-1] == proj.bs[year].cash
        assert mp.lines["borrowings_end"][-1] == proj.bs[year].borrowings
        for seg in mp.segments:
            assert sum(seg.quantity) == next(s for s in sample_plan.drivers.segments if s.name == seg.name).quantity[0]
        assert [sum(s.sales[i] for s in mp.segments) for i in range(12)] == mp.lines["sales"]
        assert set(mp.lines) == set(LINE_KEYS)


def test_sample_year1_follows_seasonality_bonus_months_and_the_monthly_cash_table(sample_plan):
    from kaizen_guide.finance import compute_projection

    proj = compute_projection(sample_plan)
    mp = monthly_plan(sample_plan, 1, proj)
    assert mp.months[0] == "2027-04" and mp.months[-1] == "2028-03"
    sales = mp.lines["sales"]
    assert sales[8] == max(sales) and sales[10] == min(sales)  # 12月 peak, 2月 trough
    per = mp.lines["personnel"]
    assert per[3] > per[0] and per[8] > per[0]  # 賞与 in 7月 and 12月
    assert mp.lines["cash_end"] == [r.closing for r in proj.monthly.months]
    assert mp.cash_source == "月次資金繰り表"
    assert "均等" in monthly_plan(sample_plan, 2, proj).cash_source


def test_fiscal_year_closing_in_september_starts_in_october(sample_plan):
    plan = sample_plan.model_copy(deep=True)
    for fy in plan.financials.years:
        fy.period_end = fy.period_end[:5] + "09"
    plan.company.fiscal_month = 9
    pos = position(plan, "2027-06")
    # latest actual closes 2026-09 → 計画0年目 = 2026-10 … 2027-09
    assert pos.plan_year == 0 and pos.index == 9
    assert pos.months[0] == "2026-10" and pos.months[-1] == "2027-09"
    p1 = position(plan, "2027-10")
    assert (p1.plan_year, p1.index) == (1, 1)
    mp = monthly_plan(plan, 1)
    assert mp.months[0] == "2027-10"
    assert sum(mp.lines["sales"]) == mp.annual["sales"]
    # the seasonality index is by fiscal month (期首月 first): the peak stays at fiscal month 9
    assert mp.lines["sales"][8] == max(mp.lines["sales"])


def test_a_month_outside_the_plan_is_a_japanese_error(sample_plan):
    with pytest.raises(MonitoringError, match="計画の期間"):
        position(sample_plan, "2040-01")
    with pytest.raises(MonitoringError, match="年月"):
        position(sample_plan, "2027-13")


def test_cumulative_restarts_at_each_fiscal_year(sample_plan):
    actuals = {"2028-03": {"sales": 40000}, "2028-04": {"sales": 38000}}
    cmp = compare_month(sample_plan, "2028-04", actuals)
    s = cmp.row("sales")
    assert cmp.pos.plan_year == 2 and cmp.pos.index == 1
    assert s.cum_actual == 38000 and s.cum_plan == s.plan


# --- 趨勢 (trend) when the 累計 changes sign ------------------------------------------------------


def test_trend_is_null_when_the_cumulative_crosses_zero():
    from kaizen_guide.monitoring.compare import trend_landing

    cmp = _worked_comparison()
    # 営業利益: June is the only month with every part; plan 500, actual −575 (a loss against a
    # profit plan). The old ratio gave 7,400 × (−575 ÷ 500) = −8,510, a meaningless "pace".
    op = cmp.forecast["operating_profit"]
    assert op.annual_plan == 120000 - 82600 - 30000 == 7400
    assert op.trend is None
    assert op.landing == 7400 - 1075  # the standard 着地見込 still holds: 実績 + 残りの計画
    assert cmp.forecast["sales"].trend == 108429  # same sign everywhere: the trend stays
    # by hand: a loss plan (−4,000 for the year) that is 1.5× worse to date → −6,000
    assert trend_landing(-4000, -1000, -1500) == -6000
    assert trend_landing(7400, 500, -575) is None  # profit plan, loss to date
    assert trend_landing(-4000, -1000, 300) is None  # loss plan, in profit so far
    assert trend_landing(-4000, 1000, 1200) is None  # profitable months, a loss year planned
    assert trend_landing(7400, 0, 100) is None  # no plan to date: no ratio
    assert trend_landing(7400, 500, 0) is None
    assert trend_landing(120000, 28000, 25300) == 108429
