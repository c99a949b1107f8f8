"""A section's plain questions answered as one form (advisor intake).

The form holds the visible questions of one bank section that take a single value (every scalar
type; groups and year grids keep their own editors). Which questions those are comes from the
bank, so a new question in ``01_company.yaml`` appears in the form without a change here.

Sending the form puts each value through the same pipe as a single answer
(:func:`~kaizen_guide.engine.answering.give_answer`: parse, validate, store, check), then saves
the plan once, atomically: a bad value is refused with its own message and changes nothing, the
good ones are all on disk when this returns. A value shown unchanged is not answered again, so
an answer keeps who gave it (the owner's answer stays the owner's). An optional field left empty
is skipped (Enter on an empty line in the chat); a required one with no answer yet is left for
later (asked once the rest has been), and one emptied after it was answered is refused like an empty answer.
Sending again a weak answer the form asked about, unchanged, keeps it as it is (ctrl+o in the chat).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kaizen_guide.banks import Question
from kaizen_guide.banks.models import SCALAR_TYPES

from .answering import AnswerResult, give_answer, keep_answer
from .findings import is_pending
from .navigation import next_after, visible_questions
from .values import is_blank

if TYPE_CHECKING:
    from .interview import Interview


def form_questions(iv: Interview, section_id: str) -> list[Question]:
    """The visible single-value questions of ``section_id``, in bank order."""
    return [q for q in visible_questions(iv) if q.type in SCALAR_TYPES and iv.bank.section_of(q.id).id == section_id]


def field_label(q: Question) -> str:
    """A form field's label: the plan field's title (「商号」「資本金」), else the question."""
    from .state import field_spec

    try:
        title = field_spec(q.target).title if q.target else ""
    except Exception:  # noqa: BLE001 - a target the model does not name: the prompt reads as well
        title = ""
    return title or q.prompt.strip()


def has_form(iv: Interview, q: Question | None) -> bool:
    """Whether ``q`` is asked in a form: a single-value question whose section has two or more."""
    if q is None or q.type not in SCALAR_TYPES:
        return False
    return len(form_questions(iv, iv.bank.section_of(q.id).id)) >= 2


def _same(iv: Interview, q: Question, raw: Any) -> bool:
    """``raw`` is what the form showed for ``q`` (the stored answer, untouched)."""
    if q.id not in iv.plan.interview.answers:
        return False
    shown = iv.edit_value(q.id)
    if isinstance(raw, str) and not isinstance(shown, list):
        return raw.strip() == ("" if shown is None else str(shown)).strip()
    if isinstance(raw, list) and isinstance(shown, list):
        return [str(x) for x in raw] == [str(x) for x in shown]
    return bool(raw == shown)


@dataclass
class FormResult:
    """What became of each field: its result (None when unchanged), and the save's error."""

    results: dict[str, AnswerResult] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Required fields left empty that had no answer yet (not an error: filled in later)."""
    skipped: list[str] = field(default_factory=list)
    """Optional fields left empty: recorded as skipped, as Enter on an empty line does in the chat."""
    save_error: str | None = None
    next: Question | None = None
    drafts_dropped: bool = False

    @property
    def errors(self) -> dict[str, str]:
        return {qid: r.error for qid, r in self.results.items() if r.error}

    @property
    def follow_ups(self) -> dict[str, AnswerResult]:
        return {qid: r for qid, r in self.results.items() if r.accepted and r.follow_up}

    @property
    def saved(self) -> list[str]:
        """Fields whose value was stored (weak ones included; they wait for a better answer)."""
        return [qid for qid, r in self.results.items() if r.accepted and qid not in self.skipped]


def answer_form(iv: Interview, values: dict[str, Any]) -> FormResult:
    """Answer the form's fields (question id → raw text) and save once; see the module docstring."""
    out = FormResult()
    first: str | None = None
    for qid, raw in values.items():
        if not iv.bank.has(qid):
            continue
        q = iv.bank.question(qid)
        if not iv.is_visible(qid):
            continue  # an earlier field of this form hid it
        first = first or qid
        stale_draft = iv.plan.interview.drafts.pop(qid, None) is not None  # sent: no longer a draft
        if _same(iv, q, raw):
            if is_pending(iv, qid):
                out.results[qid] = keep_answer(iv, q, commit=None)
            else:
                out.unchanged.append(qid)
                out.drafts_dropped = out.drafts_dropped or stale_draft
            continue
        blank = is_blank(raw)
        if blank and q.required and qid not in iv.plan.interview.answers:
            out.missing.append(qid)  # not known yet: the form opens on it again, without a scolding
            continue
        out.results[qid] = give_answer(iv, q, raw, given_by=iv.given_by, commit=None)
        if blank and out.results[qid].accepted:
            out.skipped.append(qid)
    pending = [qid for qid, r in out.results.items() if r.accepted and r.follow_up]
    refused = [qid for qid, r in out.results.items() if r.error]
    if pending or refused:
        iv.plan.interview.current = (refused or pending)[0]  # the form opens again on it
    elif first is not None:
        # From the top of the form: a group between its fields (役員) is asked next, not skipped.
        ids = [q.id for q in visible_questions(iv)]
        at = ids.index(first) if first in ids else 0
        # Required fields left empty wait until the rest has been asked: sending the form again
        # must not open it again on them (the outline shows them as 未入力).
        iv.plan.interview.current = next_after(iv, ids[at - 1] if at > 0 else None, frozenset(out.missing))
    if out.results or out.drafts_dropped:
        out.save_error = iv._save_or_rollback()  # one atomic write for the whole form
    if out.save_error:
        out.results = {}
    out.next = iv.current()
    return out
