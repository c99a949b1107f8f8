"""効果額 plan vs actual to date, by hand (monitoring/effects.py's definition)."""

from __future__ import annotations

from decimal import Decimal

from kaizen_guide.model.plan import ActionStatus, MonitoringRecord, Plan
from kaizen_guide.monitoring.effects import effects_to_date
from kaizen_guide.monitoring.fiscal import position, year_months
from kaizen_guide.monitoring.plan_months import MonthlyPlan
from kaizen_guide.monitoring.progress import progress_board


def _action(aid: str, line: str, effect: int, start: str = "2026-04") -> dict:
    return {
        "id": aid,
        "measure_id": "M1",
        "title": aid,
        "owner": "社長",
        "start": start,
        "due": "2027-03",
        "pl_line": line,
        "effects": [effect],
    }


def _plan() -> tuple[Plan, MonthlyPlan]:
    """決算月 3, 計画1年目 = 2026-04 … 2027-03; every month 売上 10,000 / 原価 7,000 / 販管費 2,500
    (人件費 1,500). June is the 3rd month: a quarter of the year has passed."""
    plan = Plan.model_validate(
        {
            "company": {"fiscal_month": 3},
            "targets": {"first_plan_year_label": "2027年3月期"},
            "actions": [
                _action("A1", "cost_of_sales", 2400),
                _action("A2", "sales", 4800),
                _action("A3", "sales", 2400),
                _action("A4", "other_sga", 1200),
                _action("A5", "personnel", 600),
                _action("A6", "sales", 1200, start="2026-09"),
            ],
        }
    )
    months = year_months(plan, 1)
    lines = {"sales": [10000] * 12, "cost_of_sales": [7000] * 12, "sga": [2500] * 12, "personnel": [1500] * 12}
    return plan, MonthlyPlan(1, months, [Decimal(1)] * 12, lines, [], {k: sum(v) for k, v in lines.items()}, "test")


ACTUALS = {
    "2026-04": {"sales": 9700, "cost_of_sales": 6894, "sga": 2500, "personnel": 1500},
    "2026-05": {"sales": 9700, "cost_of_sales": 6894, "sga": 2550, "personnel": 1600},
    "2026-06": {"sales": 9700, "cost_of_sales": 6894, "sga": 2550, "personnel": 1600},
}


def test_effects_to_date_by_hand():
    plan, mp = _plan()
    eff = effects_to_date(plan, position(plan, "2026-06"), mp, ACTUALS)
    # 計画 to date = the year's effect × 3/12 (even plan: the sales share is also 30,000 / 120,000)
    assert {k: e.plan for k, e in eff.items()} == {"A1": 600, "A2": 1200, "A3": 600, "A4": 300, "A5": 150, "A6": 300}
    # 売上: level without the actions 30,000 − (1,200 + 600 + 300) = 27,900; actual 29,100 → +1,200,
    # within the started actions' 1,800: split 1,200 : 600 → 800 / 400. A6 has not started → 0.
    assert (eff["A2"].actual, eff["A3"].actual, eff["A6"].actual) == (800, 400, 0)
    # 原価率: without A1 the plan's cost ratio is (21,000 + 600) ÷ 30,000 = 72%; at the actual sales
    # 29,100 that is 20,952 of cost; actual 20,682 → 270 (not the 918 a raw 原価 difference would give:
    # part of the lower cost is only the lower volume).
    assert eff["A1"].actual == 270 and "原価率" in eff["A1"].basis
    # その他販管費: plan 3,000 + 300 = 3,300 without A4; actual (7,600 − 4,700) = 2,900 → 400, capped at 300
    assert eff["A4"].actual == 300 and "計画効果額まで" in eff["A4"].basis
    # 人件費: 4,500 + 150 = 4,650 without A5; actual 4,700 → no effect visible → 0 (never negative)
    assert eff["A5"].actual == 0 and "効果が見えない" in eff["A5"].basis


def test_no_actual_effect_without_every_month_to_date():
    plan, mp = _plan()
    partial = {m: dict(v) for m, v in ACTUALS.items()}
    del partial["2026-05"]["cost_of_sales"]
    eff = effects_to_date(plan, position(plan, "2026-06"), mp, partial)
    assert eff["A1"].actual is None and eff["A1"].plan == 600
    assert eff["A2"].actual == 800  # the sales line is complete


def test_board_shows_effects_and_a_recorded_figure_wins():
    plan, mp = _plan()
    plan.monitoring = [
        MonitoringRecord(
            month="2026-06",
            action_status=[
                ActionStatus(action_id="A2", status="in_progress", effect_actual=1000),
                ActionStatus(action_id="A5", status="delayed", comment="シフト表の導入が7月にずれた"),
            ],
        )
    ]
    board = {b.action_id: b for b in progress_board(plan, position(plan, "2026-06"), mp, ACTUALS)}
    assert (board["A2"].effect_plan, board["A2"].effect_actual, board["A2"].effect_basis) == (
        1200,
        1000,
        "記録された実績",
    )
    assert (board["A3"].effect_plan, board["A3"].effect_actual) == (600, 400)
    assert board["A5"].status == "delayed"  # as the owner confirmed this month
    assert board["A6"].status == "not_started"  # starts in September
    assert board["A1"].status == "in_progress"  # from the dates
    js = board["A1"].as_json()
    assert js["effect_plan"] == 600 and js["effect_actual"] == 270
