"""Issue 11.2 (second half): a check that runs away never freezes the screen or loses the answer.

The TUI runs text checks in a helper process with a time budget. A backtracking regex holds the GIL,
so no thread could do this: the helper is killed and restarted, and the answer is saved unchecked
with a note. Before the fix the same answer blocked the app for minutes.
"""

from __future__ import annotations

import time

import pytest

from kaizen_guide.banks.models import TEXT_TYPES
from kaizen_guide.engine import Interview
from kaizen_guide.engine.check_guard import CheckTimeout, GuardedChecker
from kaizen_guide.engine.checking import CHECK_SKIPPED_MESSAGE, use_check_guard
from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.sample import build_sample_plan

HANGS = "1" * 40  # the pre-fix pattern would need years on this


@pytest.fixture
def runaway_guard():
    guard = GuardedChecker(budget=0.5, target="reliability_helpers:catastrophic_check")
    guard.start()
    use_check_guard(guard)
    yield guard
    use_check_guard(None)
    guard.close()


@pytest.mark.slow
def test_a_runaway_check_is_cut_at_the_budget_and_the_answer_saved(tmp_path, runaway_guard):
    save_plan(build_sample_plan(), tmp_path / "plan.json")  # the sample reaches 金融支援
    iv = Interview.open(tmp_path / "plan.json")
    qid = next(q.id for q in iv.bank.questions if q.type in TEXT_TYPES and q.checks)
    t0 = time.monotonic()
    res = iv.answer(qid, HANGS)
    took = time.monotonic() - t0
    assert took < 5, f"the answer took {took:.1f} s"
    assert res.accepted, res.error
    assert any(f.message == CHECK_SKIPPED_MESSAGE for f in res.findings)
    assert runaway_guard.restarts == 1
    iv.close()
    assert load_plan(tmp_path / "plan.json").interview.answers[qid].raw == HANGS
    # the helper comes back in the background; meanwhile answers are checked in-process
    runaway_guard.start()  # waits for the restart begun after the timeout
    assert runaway_guard.ready and runaway_guard("issue", "短い回答") == []


def test_the_real_checks_answer_through_the_guard():
    guard = GuardedChecker(budget=5)
    guard.start()
    try:
        found = guard("issue", "コロナの影響で売上が減少した。")
        assert found and found[0].rule_id.startswith("issue.")
    finally:
        guard.close()


def test_guard_raises_on_timeout_directly():
    guard = GuardedChecker(budget=0.3, target="reliability_helpers:catastrophic_check")
    guard.start()
    try:
        with pytest.raises(CheckTimeout):
            guard("financial_support", HANGS)
    finally:
        guard.close()
