"""Reporting periods (月・四半期・中間・決算) in the plan's fiscal calendar, and their aggregation."""

from __future__ import annotations

import pytest

from kaizen_guide.ja.era import era_fiscal_label, era_month, era_year
from kaizen_guide.monitoring.compare import compare_month
from kaizen_guide.monitoring.fiscal import MonitoringError
from kaizen_guide.monitoring.periods import compare_period, parse_period, recorded_actuals

# The sample's recorded actuals (千円), typed here by hand from sample.py so the sums are checked
# against figures nobody computed with the code under test.
SALES = {"2027-04": 37650, "2027-05": 37000, "2027-06": 28100}
COST = {"2027-04": 14050, "2027-05": 13650, "2027-06": 11200}
SGA = {"2027-04": 23050, "2027-05": 21800, "2027-06": 22500}


def _close_in(plan, month: int, year: int):
    """The same company closing its books in ``month`` (the latest 決算 in ``year``)."""
    plan.financials.years[-1].period_end = f"{year}-{month:02d}"
    return plan


def test_era_labels():
    assert era_year(2027) == "令和9年"
    assert era_year(2019, 4) == "平成31年" and era_year(2019, 5) == "令和元年"
    assert era_month(2027, 6) == "令和9年6月"
    assert era_fiscal_label(2027, 3) == "令和9年3月期"


def test_parse_periods_march_closer(sample_plan):
    q1 = parse_period(sample_plan, "2027Q1")
    assert q1.months == ("2027-04", "2027-05", "2027-06")
    assert q1.plan_year == 1 and q1.fiscal_label == "2028年3月期"
    assert q1.short_title == "令和10年3月期 第1四半期"
    assert "計画1年目 4月〜6月" in q1.title
    h1 = parse_period(sample_plan, "２０２７ｈ１")  # full-width, lower case
    assert h1.months[0] == "2027-04" and h1.months[-1] == "2027-09" and "中間" in h1.part
    h2 = parse_period(sample_plan, "2027H2")
    assert h2.months == tuple(
        f"{y}-{m:02d}" for y, m in [(2027, 10), (2027, 11), (2027, 12), (2028, 1), (2028, 2), (2028, 3)]
    )
    fy = parse_period(sample_plan, "FY2027")
    assert len(fy.months) == 12 and fy.months[0] == "2027-04" and fy.months[-1] == "2028-03"
    assert fy.span_text == "2027年4月〜2028年3月"
    m = parse_period(sample_plan, "2027-05")
    assert m.months == ("2027-05",) and m.title.endswith("(計画1年目 5月)")
    assert parse_period(sample_plan, "FY2026").plan_year == 0


@pytest.mark.parametrize("text", ["2027Q5", "2027H3", "Q1", "FY27", "2027-13", "来期"])
def test_bad_period_is_a_japanese_error(sample_plan, text):
    with pytest.raises(MonitoringError) as exc:
        parse_period(sample_plan, text)
    assert "期間として読めません" in exc.value.message and "2027Q1" in exc.value.message


def test_period_outside_the_plan(sample_plan):
    with pytest.raises(MonitoringError) as exc:
        parse_period(sample_plan, "FY2040")
    assert "計画の期間に入っていません" in exc.value.message and "FY2027" in exc.value.message


def test_quarter_is_the_sum_of_its_months(sample_plan):
    pc = compare_period(sample_plan, parse_period(sample_plan, "2027Q1"))
    assert pc.complete and pc.covered == ("2027-04", "2027-05", "2027-06")
    sales = pc.line("sales")
    assert sales.actual == 37650 + 37000 + 28100 == 102750
    assert pc.line("cost_of_sales").actual == sum(COST.values())
    assert pc.line("gross_profit").actual == sum(SALES.values()) - sum(COST.values())
    assert pc.line("operating_profit").actual == sum(SALES.values()) - sum(COST.values()) - sum(SGA.values())
    actuals = recorded_actuals(sample_plan)
    months = [compare_month(sample_plan, m, actuals) for m in SALES]
    for key in ("sales", "cost_of_sales", "gross_profit", "sga", "personnel", "ordinary_profit"):
        line = pc.line(key)
        assert line.plan == line.plan_full == sum(c.row(key).plan for c in months), key
        assert line.actual == sum(c.row(key).actual for c in months), key
        assert line.diff == line.actual - line.plan
    # balances: the figure at the quarter's end, never a sum
    assert pc.line("cash_end").actual == 8200
    assert pc.line("cash_end").plan == months[-1].row("cash_end").plan
    assert pc.line("borrowings_end").actual == 319985
    # 累計 to the quarter's end = the quarter here (Q1 starts the fiscal year)
    assert sales.cum_actual == 102750 and sales.cum_plan == sales.plan
    assert float(sales.rate) == pytest.approx(102750 / sales.plan)
    assert pc.cash.actual == 8200 and pc.end.month == "2027-06"


def test_half_year_with_three_closed_months_compares_like_with_like(sample_plan):
    pc = compare_period(sample_plan, parse_period(sample_plan, "2027H1"))
    assert not pc.complete and pc.covered == ("2027-04", "2027-05", "2027-06")
    sales = pc.line("sales")
    q1 = compare_period(sample_plan, parse_period(sample_plan, "2027Q1")).line("sales")
    assert sales.actual == q1.actual and sales.plan == q1.plan  # the covered months only
    assert sales.plan_full > sales.plan  # the whole half is still shown
    assert len(sales.monthly) == 6 and sales.monthly[3][2] is None


def test_period_without_records_is_refused(sample_plan):
    with pytest.raises(MonitoringError) as exc:
        compare_period(sample_plan, parse_period(sample_plan, "2027Q2"))
    assert "実績がまだ記録されていません" in exc.value.message and "2027年7月〜9月" in exc.value.message


def test_december_closer(sample_plan):
    plan = _close_in(sample_plan, 12, 2025)  # plan year 0 = 2026年, plan year 1 = 2027年1〜12月
    fy = parse_period(plan, "FY2027")
    assert fy.months[0] == "2027-01" and fy.months[-1] == "2027-12"
    assert fy.fiscal_label == "2027年12月期" and fy.fiscal_era_label == "令和9年12月期"
    q2 = parse_period(plan, "2027Q2")
    assert q2.months == ("2027-04", "2027-05", "2027-06") and q2.part == "第2四半期"
    pc = compare_period(plan, q2)
    assert pc.line("sales").actual == sum(SALES.values())
    # 累計 to the end of Q2 runs from 期首 (January): the three months without actuals are not summed in
    assert pc.line("sales").cum_actual == sum(SALES.values())
    assert parse_period(plan, "2027-06").title.endswith("(計画1年目 6月)")


def test_september_closer(sample_plan):
    plan = _close_in(sample_plan, 9, 2026)  # plan year 0 = 2026年10月〜2027年9月
    q3 = parse_period(plan, "2026Q3")
    assert q3.months == ("2027-04", "2027-05", "2027-06") and q3.first_index == 7
    assert q3.plan_year == 0 and q3.fiscal_label == "2027年9月期"
    assert q3.short_title == "令和9年9月期 第3四半期"
    h2 = parse_period(plan, "2026H2")
    assert h2.months[0] == "2027-04" and h2.months[-1] == "2027-09" and h2.part == "下半期"
    pc = compare_period(plan, q3)
    assert pc.line("sales").actual == sum(SALES.values())
    assert pc.line("cash_end").actual == 8200
    fy = parse_period(plan, "FY2027")
    assert fy.months[0] == "2027-10" and fy.months[-1] == "2028-09"
