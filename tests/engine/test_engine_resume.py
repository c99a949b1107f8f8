"""Resume: reopening continues at the same question, and a crash never loses an accepted answer."""

from __future__ import annotations

import pytest

import kaizen_guide.engine.interview as interview_module
from engine_helpers import replay
from kaizen_guide.engine import Interview
from kaizen_guide.model import PlanFileError, load_plan


class Killed(BaseException):
    """Stands in for the process dying (not an Exception, so nothing catches it)."""


def _crash_on_call(monkeypatch, n: int, exc: BaseException):
    real = interview_module.save_plan
    calls = {"n": 0}

    def flaky(plan, path, **kw):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return real(plan, path, **kw)

    monkeypatch.setattr(interview_module, "save_plan", flaky)
    return calls


def test_reopening_continues_where_the_person_stopped(tmp_path, bank, sample_answers):
    path = tmp_path / "plan.json"
    iv = Interview.open(path, bank=bank)
    replay(iv, sample_answers, stop_before="banks")
    stopped_at = iv.current().id
    assert stopped_at == "banks"

    again = Interview.open(path, bank=bank)
    assert again.current().id == stopped_at
    assert again.plan == iv.plan


def test_crash_during_save_loses_nothing_accepted(tmp_path, bank, sample_answers, monkeypatch):
    path = tmp_path / "plan.json"
    # Call 1 creates the file; the process "dies" while saving the 12th answer.
    _crash_on_call(monkeypatch, 13, Killed())
    iv = Interview.open(path, bank=bank)
    accepted = []
    with pytest.raises(Killed):
        for q in bank.questions:
            if q.id in sample_answers:
                pending = q.id
                res = iv.answer(q.id, sample_answers[q.id])
                assert res.accepted
                accepted.append(q.id)
    monkeypatch.undo()

    reopened = Interview.open(path, bank=bank)
    assert len(accepted) == 11
    for qid in accepted:
        assert reopened.record(qid) is not None, qid
    assert reopened.record(pending) is None
    assert reopened.current().id == pending  # continue at the answer that was being saved
    # Finish the interview from there.
    replay(reopened, {k: v for k, v in sample_answers.items() if reopened.record(k) is None})
    assert reopened.is_complete()
    assert not list(tmp_path.glob(".plan.json.*.tmp"))  # no temp files left behind


def test_failed_save_is_reported_and_rolled_back(tmp_path, bank, sample_answers, monkeypatch):
    path = tmp_path / "plan.json"
    iv = Interview.open(path, bank=bank)
    assert iv.answer("company.name", "株式会社テスト").accepted

    _crash_on_call(monkeypatch, 1, PermissionError(13, "Permission denied"))
    res = iv.answer("company.representative", "桜井 健一")
    assert not res.accepted
    assert "保存できませんでした" in res.error
    # The screen shows what is on disk: the unsaved answer is not pretended to be kept.
    assert iv.record("company.representative") is None
    assert iv.plan.company.name == "株式会社テスト"
    assert iv.current().id == "company.representative"

    # The disk is fine again: the same answer goes through.
    assert iv.answer("company.representative", "桜井 健一").accepted
    assert load_plan(path).company.representative == "桜井 健一"


def test_navigation_survives_a_failed_save(tmp_path, bank, monkeypatch):
    iv = Interview.open(tmp_path / "plan.json", bank=bank)
    _crash_on_call(monkeypatch, 1, OSError(28, "No space left on device"))
    assert iv.goto("cash").id == "cash.cash_sales_ratio"
    assert iv.save_error


def test_backup_of_the_previous_file_is_kept(tmp_path, bank):
    path = tmp_path / "plan.json"
    iv = Interview.open(path, bank=bank)
    iv.answer("company.name", "株式会社A")
    iv.answer("company.name", "株式会社B")
    assert load_plan(tmp_path / "plan.json.bak").company.name == "株式会社A"


def test_corrupt_plan_file_raises_plan_file_error(tmp_path, bank):
    path = tmp_path / "plan.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(PlanFileError):
        Interview.open(path, bank=bank)


def test_depth_is_kept_when_reopening(tmp_path, bank):
    path = tmp_path / "plan.json"
    Interview.open(path, bank=bank, depth="short")
    assert Interview.open(path, bank=bank).depth == "short"
    assert Interview.open(path, bank=bank, depth="full").depth == "full"
