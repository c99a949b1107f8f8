"""The checks of the answers a plan already holds, run off the UI thread (issue 18).

Reopening a plan, the outline's 「要確認」 marks need the findings of every stored answer: on the
demo that is ~0.1 s of text checks (more on a large plan), which the first frame must not wait
for. The screen takes :func:`pending_checks` on its own thread, runs :func:`run_pending` in a
worker (it only reads the bank and the plan), and hands the results back to :func:`adopt` on its
own thread, which caches only those whose answer is still the one that was checked: an answer
given meanwhile has its own, newer findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .findings import run_checks
from .navigation import visible_questions
from .state import InterviewState


@dataclass(frozen=True)
class PendingCheck:
    """A stored answer whose findings are not cached, as it was when the job was made."""

    qid: str
    record: Any
    value: Any
    industry: str | None


def pending_checks(state: InterviewState) -> list[PendingCheck]:
    """The visible answered questions without cached findings (on the thread that owns ``state``)."""
    answers = state.plan.interview.answers
    industry = state.plan.company.industry
    out = []
    for q in visible_questions(state):
        rec = answers.get(q.id)
        if rec is None or q.id in state._findings or rec.value is None or rec.status == "hidden":
            continue
        out.append(PendingCheck(q.id, rec, rec.value, industry))
    return out


def run_pending(state: InterviewState, jobs: list[PendingCheck]) -> list[tuple[PendingCheck, list[Any]]]:
    """The findings of each job (any thread: reads the bank and the plan, writes nothing)."""
    return [(job, run_checks(state, state.bank.question(job.qid), job.value)) for job in jobs]


def adopt(state: InterviewState, results: list[tuple[PendingCheck, list[Any]]]) -> int:
    """Cache the results whose answer is unchanged since the job was made; returns how many."""
    answers = state.plan.interview.answers
    adopted = 0
    for job, found in results:
        rec = answers.get(job.qid)
        unchanged = (
            rec is job.record
            and rec.value is job.value
            and rec.status != "hidden"
            and state.plan.company.industry == job.industry
        )
        if unchanged and job.qid not in state._findings:
            state._findings[job.qid] = found
            adopted += 1
    return adopted
