"""The stored answers' checks off the UI thread (issue 18): progress without checks runs none, the
worker's results give the same progress as checking in place, and a result for an answer changed
meanwhile is dropped (the newer answer's findings stay)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_guide.engine import Interview
from kaizen_guide.engine import checking as checking_module
from kaizen_guide.engine.findings import run_checks
from kaizen_guide.engine.stored_checks import adopt, pending_checks, run_pending
from kaizen_guide.model import save_plan
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def reopened(tmp_path: Path, bank):
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(), path, backup=False)
    with Interview.open(path, bank=bank) as iv:
        yield iv


def _signature(progress) -> list[tuple]:
    return [(p.section_id, p.answered, p.total, p.flagged, p.status) for p in progress]


def test_progress_without_checks_runs_none(reopened, monkeypatch):
    calls: list[str] = []
    real = checking_module.run_text_check
    monkeypatch.setattr(
        checking_module, "run_text_check", lambda *a, **k: calls.append(a[0]) or real(*a, **k), raising=True
    )
    from kaizen_guide.engine import findings as findings_module

    monkeypatch.setattr(findings_module, "run_text_check", checking_module.run_text_check)
    reopened.reset_caches()
    unchecked = reopened.progress(checked=False)
    assert calls == []
    # The sample is complete: every section with an unchecked answer waits for its checks.
    assert {p.status for p in unchecked} <= {"checking", "flagged", "done"}
    assert any(p.status == "checking" for p in unchecked)
    reopened.progress()
    assert calls  # the full progress does check


def test_adopted_results_give_the_same_progress_as_checking_in_place(reopened, tmp_path, bank):
    reopened.reset_caches()
    jobs = pending_checks(reopened)
    assert len(jobs) > 10
    assert adopt(reopened, run_pending(reopened, jobs)) == len(jobs)
    assert pending_checks(reopened) == []
    # No check runs any more, and the marks are those of a plan checked in place.
    assert _signature(reopened.progress(checked=False)) == _signature(reopened.progress())
    with Interview.open(tmp_path / "sakura.json", bank=bank, read_only=True) as fresh:
        assert _signature(fresh.progress()) == _signature(reopened.progress())


def test_a_result_for_an_answer_changed_meanwhile_is_dropped(reopened):
    from kaizen_guide.engine.findings import findings_for

    reopened.reset_caches()
    jobs = pending_checks(reopened)
    results = run_pending(reopened, jobs)  # the worker checked the old text …
    result = reopened.answer("company.business", "コロナで売上が減少した。")  # … while a new one was sent
    assert result.error is None
    reopened._findings.pop("company.business", None)  # even with nothing cached for it
    adopt(reopened, results)
    assert "company.business" not in reopened._findings  # the old text's findings were not taken
    q = reopened.bank.question("company.business")
    stored = reopened.plan.interview.answers["company.business"]
    assert findings_for(reopened, "company.business") == run_checks(reopened, q, stored.value)
