"""One answer through the whole pipe: parse → validate → store → apply → check → follow up → save.

``commit`` is what saves (the interview's save-or-rollback: it returns a Japanese message when the
write failed and the plan went back to what is on disk); None while adopting values, which are
saved once at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kaizen_guide.banks import Question

from .applying import apply, mark_dependants, safe_apply, sync_hidden, touch_history
from .checking import follow_up_for, is_flagged
from .findings import MAX_PROBES, findings_for, is_pending, probes_left, row_prefix, run_checks
from .formatting import error_text
from .navigation import current, next_after
from .parsing import parse
from .records import make_record
from .state import InterviewState
from .values import AnswerError

Commit = Callable[[], "str | None"]

HIDDEN_NOTE = "この質問は今までの回答では使わないため、回答は計画に入れずに保留しました。"


@dataclass
class AnswerResult:
    accepted: bool
    error: str | None = None
    findings: list[Any] = field(default_factory=list)
    follow_up: str | None = None
    note: str | None = None
    next: Question | None = None
    probes_left: int = MAX_PROBES
    status: str | None = None  # the record's status after the call


def _refused(state: InterviewState, q: Question, message: str) -> AnswerResult:
    # The example as this depth asks it (an 早期 plan's 課題 example has no 窮境要因 link).
    shown = q.for_depth(state.depth)
    return AnswerResult(False, error=error_text(shown, message), next=q, probes_left=probes_left(state, q))


def _committed(state: InterviewState, commit: Commit | None) -> AnswerResult | None:
    err = commit() if commit is not None else None
    return AnswerResult(False, error=err, next=current(state)) if err else None


def give_answer(state: InterviewState, q: Question, raw: Any, *, given_by: str, commit: Commit | None) -> AnswerResult:
    """Parse, validate, store, check and save one answer. Never raises for bad input."""
    try:
        value, note = parse(state, q, raw)
    except AnswerError as exc:
        return _refused(state, q, exc.message)
    if value is None:
        if q.required:
            return _refused(state, q, "この質問は必須です。答えを入力してください。")
        return skip_question(state, q, given_by=given_by, commit=commit)

    answers = state.plan.interview.answers
    old = answers.get(q.id)
    visible = state.visibility()[q.id]
    pending_before = is_pending(state, q.id)
    findings = run_checks(state, q, value) if visible else []
    weak = is_flagged(findings)
    probes = old.probes if (pending_before and old is not None) else 0
    follow = None
    status = "ok"
    if weak and probes < MAX_PROBES:
        probes += 1
        follow = follow_up_for(findings, q.checks[0] if q.checks else None, row_prefix(state, q, value, findings))
    elif weak:
        status = "kept_weak"
    if not visible:
        status = "hidden"
        note = HIDDEN_NOTE + (f" {note}" if note else "")
    answers[q.id] = make_record(raw, value, given_by, status=status, probes=probes, findings=findings)
    state.plan.interview.drafts.pop(q.id, None)  # sent: the draft is now the answer
    if visible:
        try:
            apply(state, q)
        except AnswerError as exc:
            if old is None:
                del answers[q.id]
            else:
                answers[q.id] = old
            safe_apply(state, q)
            return _refused(state, q, exc.message)
    state._findings[q.id] = findings
    if old is None or old.value != value or old.status == "hidden":
        mark_dependants(state, q.id)
    sync_hidden(state)
    touch_history(state, q.id)
    if visible:
        state.plan.interview.current = q.id if follow else next_after(state, q.id)
    failed = _committed(state, commit)
    if failed:
        return failed
    return AnswerResult(
        True, None, findings, follow, note, current(state), MAX_PROBES - probes if weak else MAX_PROBES, status
    )


def keep_answer(state: InterviewState, q: Question, *, commit: Commit | None) -> AnswerResult:
    """A pending weak answer becomes kept_weak (recorded); an answer needing review is confirmed."""
    rec = state.plan.interview.answers.get(q.id)
    if rec is None or rec.status == "hidden":
        return AnswerResult(False, error="この質問にはまだ回答がありません。先に答えを入力してください。", next=q)
    findings = findings_for(state, q.id)
    rec.status = "kept_weak" if is_flagged(findings) else "ok"
    state.plan.interview.current = next_after(state, q.id)
    failed = _committed(state, commit)
    if failed:
        return failed
    return AnswerResult(True, None, findings, None, None, current(state), 0, rec.status)


def skip_question(state: InterviewState, q: Question, *, given_by: str, commit: Commit | None) -> AnswerResult:
    """Record an optional question as left unanswered, so it is not asked again."""
    answers = state.plan.interview.answers
    old = answers.get(q.id)
    visible = state.visibility()[q.id]
    answers[q.id] = make_record(None, None, given_by, status="ok" if visible else "hidden")
    if visible:
        safe_apply(state, q)
    state._findings[q.id] = []
    if old is not None and old.value is not None:
        mark_dependants(state, q.id)
    sync_hidden(state)
    touch_history(state, q.id)
    if visible:
        state.plan.interview.current = next_after(state, q.id)
    failed = _committed(state, commit)
    if failed:
        return failed
    return AnswerResult(True, None, [], None, None, current(state), MAX_PROBES, answers[q.id].status)
