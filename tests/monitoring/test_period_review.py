"""Reviews per period on a plan whose 伴走支援計画 is quarterly (or 半期/決算): the quarter containing
the month, its totals and the fiscal YTD, actuals asked month by month, 次期アクション due within the
next period, and the records the check rules count."""

from __future__ import annotations

import json
from datetime import UTC, date

import pytest

from kaizen_guide.checks import check_plan
from kaizen_guide.model.plan import MonitoringRecord
from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.compare import compare_month
from kaizen_guide.monitoring.headless import run_monitor
from kaizen_guide.monitoring.period_review import default_period
from kaizen_guide.monitoring.review import Review

TODAY = date(2026, 12, 1)
Q1 = ("2027-04", "2027-05", "2027-06")
# 7〜9月 by hand (千円)
Q2 = {
    "2027-07": {
        "sales": 36000,
        "cost_of_sales": 13500,
        "sga": 23000,
        "personnel": 13000,
        "non_operating_income": 150,
        "non_operating_expenses": 460,
        "cash_end": 9000,
        "borrowings_end": 319000,
    },
    "2027-08": {
        "sales": 35000,
        "cost_of_sales": 13000,
        "sga": 23500,
        "personnel": 13200,
        "non_operating_income": 150,
        "non_operating_expenses": 460,
        "cash_end": 8000,
        "borrowings_end": 318300,
    },
    "2027-09": {
        "sales": 34000,
        "cost_of_sales": 12600,
        "sga": 22800,
        "personnel": 12900,
        "non_operating_income": 150,
        "non_operating_expenses": 460,
        "cash_end": 7500,
        "borrowings_end": 317600,
    },
}


@pytest.fixture
def quarterly(sample_plan):
    """The sample, reviewed per quarter, with only the actuals of April–June recorded."""
    sample_plan.monitoring_plan.frequency = "quarterly"
    sample_plan.monitoring = [MonitoringRecord(month=r.month, actuals=dict(r.actuals)) for r in sample_plan.monitoring]
    return sample_plan


def test_a_month_of_a_quarterly_plan_reviews_its_quarter(quarterly):
    rv = Review(quarterly, "2027-06", autosave=False, today=TODAY)
    assert rv.period.code == "2027Q1" and rv.month == "2027-06" and rv.months == Q1
    assert (
        Review(quarterly, "2027-05", autosave=False, today=TODAY).period.code == "2027Q1"
    )  # the quarter containing it
    assert Review(quarterly, None, period="2027Q1", autosave=False, today=TODAY).months == Q1
    assert Review(quarterly, "2027Q1", autosave=False, today=TODAY).months == Q1  # a period where a month goes
    cmp = rv.comparison()
    s = cmp.row("sales")
    # the quarter's actual: 37,650 + 37,000 + 28,100; its plan: the three months' plans
    assert s.actual == 37650 + 37000 + 28100 == 102750
    actuals = {r.month: r.actuals for r in quarterly.monitoring}
    plans = [compare_month(quarterly, m, actuals).row("sales").plan for m in Q1]
    assert s.plan == sum(plans)
    assert (s.cum_plan, s.cum_actual) == (sum(plans), 102750)  # Q1 is the year's first quarter
    cash = cmp.row("cash_end")
    assert cash.actual == 8200  # a balance: at the quarter's end
    assert "第1四半期" in rv.label and cmp.period.code == "2027Q1"


def test_a_second_quarter_asks_each_month_and_reads_totals_and_ytd(quarterly, tmp_path):
    # Q1 reviewed (a period record at June), Q2 opens by default
    quarterly.monitoring[-1].period = "2027Q1"
    from datetime import datetime

    quarterly.monitoring[-1].completed_at = datetime(2027, 7, 10, tzinfo=UTC)
    path = tmp_path / "q.json"
    save_plan(quarterly, path)
    assert default_period(quarterly).code == "2027Q2"
    rv = Review.open(path, today=TODAY)
    assert rv.period.code == "2027Q2" and rv.month == "2027-09"
    asked = [q.id for q in rv.questions() if q.step_id == "actuals"]
    assert asked[0] == "actuals.2027-07:sales.value" and "actuals.sales.value" in asked and len(asked) == 24
    assert "2027年7月の売上高" in rv.question("actuals.2027-07:sales.value").prompt
    for m, values in Q2.items():
        for key, v in values.items():
            qid = f"actuals.{key}.value" if m == "2027-09" else f"actuals.{m}:{key}.value"
            res = rv.answer(qid, f"{v:,}")
            assert res.accepted, (qid, res.error)
    cmp = rv.comparison()
    s = cmp.row("sales")
    assert s.actual == 36000 + 35000 + 34000 == 105000
    assert s.cum_actual == 102750 + 105000  # fiscal year to date (April–September)
    actuals = {r.month: r.actuals for r in rv.plan.monitoring}
    q2_plan = sum(compare_month(rv.plan, m, actuals).row("sales").plan for m in Q2)
    assert (
        s.plan == q2_plan and s.cum_plan == q2_plan + compare_month(rv.plan, "2027-06", actuals).row("sales").cum_plan
    )
    # July and August hold their own actuals; the review is recorded at September with its period
    stored = {r.month: r for r in load_plan(path).monitoring}
    assert stored["2027-07"].actuals["sales"] == 36000 and stored["2027-07"].period == ""
    assert stored["2027-09"].period == "2027Q2"
    # 次期アクション: due within the next quarter (October–December), not next month
    q = next(x for x in rv.questions() if x.step_id == "next_actions" and x.field.id == "due")
    assert "次の四半期 (2027年10月〜12月)" in q.prompt
    for qid in [x.id for x in rv.questions() if x.step_id in ("segments", "causes", "measures")]:
        rv.answer(qid, rv.question(qid).example or "M2")
    for field, value in (("text", "法人40社に秋の宴会プランを案内し20社を訪問する"), ("owner", "代表取締役 桜井 健一")):
        assert rv.answer(f"next_actions.0.{field}", value).accepted
    bad = rv.answer("next_actions.0.due", "2027年10月1日".replace("10月1日", "9月30日"))
    assert not bad.accepted and "次の四半期" in bad.error
    assert rv.answer("next_actions.0.due", "2027年11月20日").accepted
    # the months inside the quarter are not reviews of their own: no "no next action" finding for them
    plan = load_plan(path)
    hits = [f for f in check_plan(plan) if f.rule_id == "plan.monitoring_no_next_action"]
    assert not [f for f in hits if "2027年7月" in f.message or "2027年8月" in f.message]
    rv.close()


def test_headless_month_and_period_on_a_quarterly_plan(quarterly, tmp_path):
    path = tmp_path / "q.json"
    save_plan(quarterly, path)
    outs: list[str] = []
    assert run_monitor(path, month="2027-06", fmt="json", out=outs.append, today=TODAY) == 0
    data = json.loads(outs[-1])
    assert data["month"] == "2027-06" and data["period"]["code"] == "2027Q1"
    assert data["period"]["months"] == list(Q1)
    sales = next(ln for ln in data["lines"] if ln["key"] == "sales")
    assert sales["actual"] == 102750 and sales["cum_actual"] == 102750
    outs.clear()
    assert run_monitor(path, period="2027Q1", fmt="text", out=outs.append, today=TODAY) == 0
    assert "期間のモニタリング" in outs[-1] and "第1四半期" in outs[-1]
