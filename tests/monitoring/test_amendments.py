"""A reported month is not silently rewritten: a later correction is kept as an amendment and
listed for the next report."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from kaizen_guide.cli import main
from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.amendments import amendments_since_last_report, mark_reported
from kaizen_guide.monitoring.review import Review

REPORTED = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
NEXT_REPORT = datetime(2026, 12, 25, 1, 0, tzinfo=UTC)


def _reported_plan(sample_plan, tmp_path):
    assert mark_reported(sample_plan, ["2027-04", "2027-05", "2027-06"], REPORTED) == ["2027-04", "2027-05", "2027-06"]
    return save_plan(sample_plan, tmp_path / "plan.json", backup=False)


def test_correcting_reported_actuals_headless_needs_replace_and_is_kept(sample_plan, tmp_path, capsys):
    path = _reported_plan(sample_plan, tmp_path)
    answers = tmp_path / "fix.yaml"
    answers.write_text("month: 2027-06\nactuals:\n  営業外収益: 190\n", encoding="utf-8")
    assert main(["monitor", str(path), "--answers", str(answers), "--format", "text"]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and "報告済み" in err
    assert load_plan(path).monitoring[2].amendments == []

    assert main(
        [
            "monitor",
            str(path),
            "--answers",
            str(answers),
            "--replace",
            "--reason",
            "試算表の締め後の修正",
            "--format",
            "text",
        ]
    ) in (0, 1)
    out = capsys.readouterr().out
    assert "報告済み" in out and "150 → 190" in out and "次の報告に載せる" in out
    plan = load_plan(path)
    rec = next(r for r in plan.monitoring if r.month == "2027-06")
    assert rec.actuals["non_operating_income"] == 190
    (a,) = rec.amendments
    assert (a.item, a.label, a.before, a.after, a.reason, a.given_by) == (
        "actuals.non_operating_income",
        "営業外収益",
        150,
        190,
        "試算表の締め後の修正",
        "advisor",
    )
    assert a.given_at > REPORTED and a.reported_at is None
    assert rec.actuals_history[-1].values == {"non_operating_income": 150}  # the history keeps it as before

    pending = amendments_since_last_report(plan)
    assert [(p.month, p.amendment.item) for p in pending] == [("2027-06", "actuals.non_operating_income")]
    assert "2027年6月 営業外収益: 150 → 190 (支援者・" in pending[0].text()
    assert "理由: 試算表の締め後の修正" in pending[0].text()
    # The next report lists it once, then marks it reported with the months it covers.
    mark_reported(plan, ["2027-07"], NEXT_REPORT)
    assert amendments_since_last_report(plan) == []
    assert rec.amendments[0].reported_at == NEXT_REPORT
    assert [r.reported_at for r in plan.monitoring] == [REPORTED, REPORTED, REPORTED]


def test_changing_an_answer_of_a_reported_month_is_an_amendment(sample_plan, tmp_path):
    path = _reported_plan(sample_plan, tmp_path)
    rv = Review.open(path, "2027-06", given_by="owner")
    try:
        q = next(q for q in rv.questions() if q.id.startswith("next_actions.") and q.id.endswith(".target"))
        old = rv.value(q.id)
        res = rv.answer(q.id, "訪問25件・予約5件")
        assert res.accepted and "訂正として記録しました" in (res.note or "")
    finally:
        rv.close()
    rec = next(r for r in load_plan(path).monitoring if r.month == "2027-06")
    (a,) = rec.amendments
    assert (a.item, a.before, a.after, a.given_by) == (q.id, old, "訪問25件・予約5件", "owner")
    assert a.label == q.prompt


def test_months_not_reported_are_edited_without_amendments(sample_plan, tmp_path):
    path = save_plan(sample_plan, tmp_path / "plan.json", backup=False)
    rv = Review.open(path, "2027-06")
    try:
        res = rv.set_actuals({"sales": 1}, source="手入力", confirm=True)
        assert res.accepted
    finally:
        rv.close()
    plan = load_plan(path)
    assert all(r.amendments == [] for r in plan.monitoring)
    assert amendments_since_last_report(plan) == []


def test_the_json_output_shows_reported_and_amendments(sample_plan, tmp_path, capsys):
    path = _reported_plan(sample_plan, tmp_path)
    answers = tmp_path / "fix.yaml"
    answers.write_text("month: 2027-06\nactuals:\n  月末現預金: 9,999\n", encoding="utf-8")
    assert main(["monitor", str(path), "--answers", str(answers), "--replace", "--format", "json"]) in (0, 1)
    review = json.loads(capsys.readouterr().out)["review"]
    assert review["reported_at"].startswith("2026-11-25")
    assert [(a["item"], a["after"]) for a in review["amendments"]] == [("actuals.cash_end", 9999)]
