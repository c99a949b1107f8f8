"""Where the interview is: which questions are asked now, the next one needing attention, back and goto.

A question needs attention when it has no answer, needs review, is hidden with a kept-aside answer,
or is pending (a weak answer the assistant asked about). ``next_after`` wraps around, so an answer
left weak earlier is asked again after the last question.
"""

from __future__ import annotations

from kaizen_guide.banks import Question, Section

from .checking import is_flagged
from .findings import findings_for
from .state import DEPTH_LABELS, InterviewState


class NavigationError(KeyError):
    """``goto`` to something that does not exist or is not asked now; ``message`` is Japanese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def sections(state: InterviewState) -> list[Section]:
    d = state.depth
    return [s for s in state.bank.sections if s.in_depth(d) and any(q.in_depth(d) for q in s.questions)]


def is_visible(state: InterviewState, qid: str) -> bool:
    """Asked in this interview: in the chosen depth and its `when` holds."""
    return state.in_depth(state.bank.question(qid)) and state.visibility()[qid]


def visible_questions(state: InterviewState) -> list[Question]:
    vis = state.visibility()
    return [q for q in state.bank.questions if vis[q.id] and state.in_depth(q)]


def needs_attention(state: InterviewState, q: Question) -> bool:
    rec = state.plan.interview.answers.get(q.id)
    if rec is None or rec.status in ("needs_review", "hidden"):
        return True
    return rec.status == "ok" and is_flagged(findings_for(state, q.id))


def next_after(state: InterviewState, qid: str | None, later: frozenset[str] = frozenset()) -> str | None:
    """The first question after ``qid`` (wrapping around) that needs attention; those in ``later``
    (left for later just now) come only when nothing else does."""
    qs = visible_questions(state)
    ids = [q.id for q in qs]
    start = ids.index(qid) + 1 if qid in ids else 0
    waiting = None
    for q in qs[start:] + qs[:start]:
        if needs_attention(state, q):
            if q.id not in later:
                return q.id
            waiting = waiting or q.id
    return waiting


def current(state: InterviewState) -> Question | None:
    """The question to ask now (resume lands here); None when nothing is left to ask."""
    cur = state.plan.interview.current
    if cur and state.bank.has(cur) and is_visible(state, cur):
        return state.bank.question(cur)
    nxt = next_after(state, None)
    return state.bank.question(nxt) if nxt else None


def is_complete(state: InterviewState) -> bool:
    """Every visible required question answered, nothing pending or needing review."""
    answers = state.plan.interview.answers
    for q in visible_questions(state):
        rec = answers.get(q.id)
        if rec is None:
            if q.required:
                return False
            continue
        if rec.status in ("needs_review", "hidden"):
            return False
        if rec.status == "ok" and is_flagged(findings_for(state, q.id)):
            return False
    return True


def back_target(state: InterviewState) -> Question | None:
    """The question before the current one (the last one when nothing is current)."""
    qs = visible_questions(state)
    if not qs:
        return None
    cur = current(state)
    if cur is None or cur not in qs:
        return qs[-1]
    i = qs.index(cur)
    return qs[i - 1] if i > 0 else qs[0]


def goto_target(state: InterviewState, target: str) -> Question:
    """A question id, or a section id (its first question needing attention). Raises NavigationError."""
    bank = state.bank
    if bank.has(target):
        q = bank.question(target)
        if not state.in_depth(q):
            raise NavigationError(f"「{q.prompt}」は{DEPTH_LABELS[state.depth]}では聞かない質問です。")
        if not state.visibility()[q.id]:
            raise NavigationError(f"「{q.prompt}」は今までの回答では不要なため、表示されていません。")
        return q
    try:
        section = bank.section(target)
    except KeyError:
        raise NavigationError(f"「{target}」という質問やセクションはありません。") from None
    qs = [q for q in visible_questions(state) if bank.section_of(q.id).id == section.id]
    if not qs:
        raise NavigationError(f"「{section.title}」には今聞く質問がありません。")
    return next((x for x in qs if needs_attention(state, x)), qs[0])
