"""How far the interview is: per-section progress, and the review list of every answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kaizen_guide.banks import Question

from .checking import is_flagged
from .findings import findings_for
from .formatting import format_answer
from .navigation import sections, visible_questions
from .state import InterviewState


@dataclass
class SectionProgress:
    section_id: str
    title: str
    answered: int  # visible questions with an answer (skipped optional ones count)
    required: int  # visible required questions
    flagged: int  # weak (pending or kept) or needing review
    status: str  # "done" | "flagged" | "in_progress" | "not_started" | "checking"
    total: int = 0  # visible questions
    required_answered: int = 0


@dataclass
class ReviewItem:
    question: Question
    section_id: str
    section_title: str
    value: str  # for reading (「3,500千円」)
    status: str  # "ok" | "kept_weak" | "needs_review" | "hidden" | "unanswered"
    findings: list[Any]
    flagged: bool = False  # any error/warning finding (a pending weak answer has status "ok")
    given_by: str | None = None
    given_at: datetime | None = None


def progress(state: InterviewState, *, checked: bool = True) -> list[SectionProgress]:
    """Each section's counts and status. ``checked=False`` runs no check: answers whose findings
    are not cached yet count as not flagged, and a section that is complete but for them is
    "checking" (the first frame of a reopened plan, before its stored answers are checked)."""
    answers = state.plan.interview.answers
    by_section: dict[str, list[Question]] = {}
    for q in visible_questions(state):  # one pass: asked after every answer (issue 18)
        by_section.setdefault(state.bank.section_of(q.id).id, []).append(q)
    out = []
    for s in sections(state):
        qs = by_section.get(s.id, [])
        answered = required = required_answered = flagged = 0
        blocking = unknown = False
        for q in qs:
            rec = answers.get(q.id)
            if q.required:
                required += 1
            if rec is None:
                continue
            answered += 1
            if q.required:
                required_answered += 1
            if checked or q.id in state._findings:
                weak = is_flagged(findings_for(state, q.id))
            else:
                weak, unknown = False, unknown or (rec.value is not None and rec.status != "hidden")
            if rec.status == "needs_review" or weak:
                flagged += 1
            if rec.status == "needs_review" or (rec.status == "ok" and weak):
                blocking = True
        if answered == 0:
            status = "not_started"
        elif required_answered < required:
            status = "in_progress"
        elif blocking or flagged:
            status = "flagged"
        elif unknown:
            status = "checking"
        else:
            status = "done"
        out.append(SectionProgress(s.id, s.title, answered, required, flagged, status, len(qs), required_answered))
    return out


def review_items(state: InterviewState) -> list[ReviewItem]:
    """Every question of this depth with its answer, status and findings (hidden ones included
    when they hold a kept-aside answer)."""
    answers = state.plan.interview.answers
    vis = state.visibility()
    items = []
    for s in sections(state):
        for q in s.questions:
            if not state.in_depth(q):
                continue
            rec = answers.get(q.id)
            findings: list[Any]
            if not vis[q.id]:
                if rec is None:
                    continue
                status, findings = "hidden", []
            elif rec is None:
                status, findings = "unanswered", []
            else:
                status, findings = rec.status, findings_for(state, q.id)
            value = format_answer(state, q, rec.value, human=True) if rec is not None and rec.value is not None else ""
            items.append(
                ReviewItem(
                    question=q,
                    section_id=s.id,
                    section_title=s.title,
                    value=value,
                    status=status,
                    findings=findings,
                    flagged=is_flagged(findings),
                    given_by=rec.given_by if rec else None,
                    given_at=rec.given_at if rec else None,
                )
            )
    return items
