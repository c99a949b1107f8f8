"""The review asks the アクションプラン progress (step 8): status with 遅延 from the dates, KPI actual,
a reason checked like a cause; stored in the month's record and shown on the board."""

from __future__ import annotations

from datetime import date

from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.review import Review

TODAY = date(2026, 12, 1)


def _answer(rv, qid, raw):
    res = rv.answer(qid, raw)
    assert res.accepted, (qid, res.error, res.confirm)
    return res


def _to_plan_actions(rv):
    """Answer July from the sample's review file, except the progress step."""
    from kaizen_guide.monitoring.headless import parse_review_answers
    from kaizen_guide.sample import SAMPLE_REVIEW_YAML

    ra = parse_review_answers(SAMPLE_REVIEW_YAML, segment_names=[s.name for s in rv.plan.drivers.segments])
    for _ in range(80):  # bounded: one question per pass
        q = rv.current()
        if q is None or q.step_id == "plan_actions":
            return q
        rv.answer(q.id, ra.answers.get(q.id))
        if q.id in ra.answers and rv.current() is q:
            rv.keep_as_is(q.id)
    raise AssertionError("the progress step was not reached")


def test_july_asks_the_started_actions_with_the_status_the_dates_give(sample_plan, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(sample_plan, path)
    rv = Review.open(path, "2027-07", today=TODAY)
    q = _to_plan_actions(rv)
    asked = [x.item for x in rv.questions() if x.step_id == "plan_actions" and x.field.id == "status"]
    assert asked == ["A1", "A4", "A5"]  # A2, A3, A6, A7 were recorded 済 earlier; nothing starts later
    # A1 was due 2027-06 and is not 済: the dates say 遅延, and the composer starts there
    assert q.id == "plan_actions.A1.status" and "期限と記録からは「遅延」" in q.prompt
    assert rv.display_value(q) == "遅延"
    assert "効果額 (期首から) は計画" in q.prompt
    _answer(rv, "plan_actions.A1.status", "")  # Enter confirms 遅延
    _answer(rv, "plan_actions.A1.kpi_actual", "38.2%")
    res = rv.answer("plan_actions.A1.reason", "忙しかった")
    assert res.accepted and res.follow_up  # checked like a cause
    assert any(f.rule_id == "cause.vague_excuse" for f in res.findings)
    _answer(
        rv,
        "plan_actions.A1.reason",
        "料理長が7月の宴会の仕込みに入り、レシピカードは30品中26品で止まった。"
        "8月は毎週火曜の午後を作成に充て、8月20日までに残り4品を仕上げる。",
    )
    # the owner corrects what the dates say: A4 runs to 2030, but is reported 済 for the year's list
    _answer(rv, "plan_actions.A4.status", "実施中")
    _answer(rv, "plan_actions.A4.kpi_actual", "")
    _answer(rv, "plan_actions.A5.status", "済")
    _answer(rv, "plan_actions.A5.kpi_actual", "4,350")
    assert rv.current() is None and rv.is_complete()

    july = load_plan(path).monitoring[-1]
    got = {s.action_id: (s.status, None if s.kpi_actual is None else str(s.kpi_actual)) for s in july.action_status}
    assert got == {"A1": ("delayed", "38.2"), "A4": ("in_progress", None), "A5": ("done", "4350")}
    assert "8月20日" in next(s.comment for s in july.action_status if s.action_id == "A1")
    board = {b.action_id: b for b in rv.board()}
    assert board["A1"].status_label == "遅延" and str(board["A1"].kpi_target) == "36"
    assert str(board["A1"].kpi_actual) == "38.2"
    assert board["A5"].status_label == "済"
    assert board["A1"].effect_plan and board["A1"].effect_actual is not None  # July's actuals allow it

    august = Review.open(path, "2027-08", today=TODAY)
    asked = [x.item for x in august.questions() if x.step_id == "plan_actions" and x.field.id == "status"]
    assert asked == ["A1", "A4"]  # A5 is 済 since July; A1 stays 遅延 until someone says 済
    august.close()
    rv.close()
