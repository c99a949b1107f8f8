"""The interview engine: one question at a time, parse → validate → store → save → check → follow up.

No UI imports: the TUI renders this object, and the headless runner drives it from an answers file.

State lives in the plan itself: values in the plan's parts (via each question's ``target``), and
provenance in ``plan.interview`` (one :class:`AnswerRecord` per question, the current question, the
order answers were given). Every accepted answer is saved at once (atomically), so reopening the
file continues where the person stopped and nothing accepted is lost.

Statuses of an answer record: ``ok``; ``ok`` with weak findings = *pending* (the assistant asked a
follow-up and waits for a better answer or "keep as is"); ``kept_weak`` (the person kept a weak
answer; recorded); ``needs_review`` (an earlier answer it depends on changed); ``hidden`` (its
``when`` turned false: the value is kept in the record, removed from the plan, and restored as
``needs_review`` if the question becomes visible again).

:class:`Interview` is a façade over small modules, each a function of :class:`InterviewState`:
``navigation`` (what is asked, next, back, goto), ``parsing`` (values, group rows, grid columns),
``applying`` (answers into the plan), ``findings`` (checks and follow-ups), ``formatting``,
``answering`` (one answer through the pipe), ``adoption`` (a plan written elsewhere), ``progress``
and ``saving`` (shared with the review).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaizen_guide.banks import Bank, Question, Section, load_bank
from kaizen_guide.model.plan import AnswerRecord, Plan
from kaizen_guide.model.store import FileSignature, PlanFileError, load_plan_signed, remove_stale_temp_files, save_plan

from . import navigation as nav
from .adoption import adopt_plan_values
from .answering import AnswerResult, give_answer, keep_answer, skip_question
from .findings import MAX_PROBES, findings_for
from .formatting import column_labels, edit_form, error_text, format_answer, preview_text, unknown_message
from .navigation import NavigationError
from .progress import ReviewItem, SectionProgress, progress, review_items
from .records import check_giver, jsonable
from .saving import READ_ONLY_MESSAGE, PlanSaver
from .state import DEPTH_LABELS, InterviewState
from .values import Options, is_blank

if TYPE_CHECKING:
    from kaizen_guide.model.lock import PlanLock


def _write(plan: Plan, path: Path, **kw: Any) -> object:
    # ``save_plan`` is looked up when called: the crash tests replace it in this module.
    return save_plan(plan, path, **kw)


class Interview(InterviewState):
    """A guided interview over one plan. See the module docstring for the statuses."""

    def __init__(
        self,
        plan: Plan,
        path: str | Path | None = None,
        *,
        bank: Bank | None = None,
        depth: str | None = None,
        given_by: str = "owner",
        autosave: bool = True,
        read_only: bool = False,
        disk: FileSignature | None = None,
    ):
        depth = depth or plan.interview.depth or "full"
        if depth not in DEPTH_LABELS:
            raise ValueError(f"depth must be 'full' or 'short', not {depth!r}")
        super().__init__(bank or load_bank(), plan, depth)
        self.given_by: str = check_giver(given_by)
        # One writer per plan (issue 11): the lock this interview holds, and a saver that never
        # overwrites a change made by anyone else since we last read or wrote the file.
        self.saver = PlanSaver(path, autosave=autosave, write=_write, signed=True, disk=disk, read_only=read_only)
        self.lock: PlanLock | None = None
        self.notice: str | None = None
        plan.interview.depth = depth  # type: ignore[assignment]
        plan.meta.plan_style = "early" if depth == "short" else "full"

    # The saver's state, under the names the screens and tests read.
    path = property(lambda self: self.saver.path)
    autosave = property(lambda self: self.saver.autosave)
    read_only = property(lambda self: self.saver.read_only)
    last_saved_at = property(lambda self: self.saver.last_saved_at)

    @property
    def save_error(self) -> str | None:
        return self.saver.save_error

    @save_error.setter
    def save_error(self, text: str | None) -> None:
        self.saver.save_error = text

    # -- construction ----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        depth: str | None = None,
        given_by: str = "owner",
        autosave: bool = True,
        bank: Bank | None = None,
        adopt: bool = True,
        read_only: bool = False,
        lock_timeout: float = 0.0,
    ) -> Interview:
        """Open the plan file at ``path`` (PlanFileError propagates) or create a new empty plan there.

        A plan that has values but no interview records (written by ``kaizen-guide sample`` or by
        hand) is adopted: its values become answers, so the interview can review and edit them.

        Writing needs the plan's lock (waited for up to ``lock_timeout`` seconds, else
        PlanLockedError); ``read_only`` opens without it and never writes. Call close() when done.
        """
        from kaizen_guide.model.lock import PlanLock

        p = Path(path)
        lock = None
        notice = None
        if not read_only and autosave:
            lock = PlanLock(p)
            notice = lock.acquire(lock_timeout)
            remove_stale_temp_files(p)  # ours, from a save that was killed midway: we hold the lock
        try:
            new = not p.exists()
            if read_only and new:
                raise PlanFileError(f"{p} が見つかりません。", p)
            plan, disk = (Plan(), None) if new else load_plan_signed(p)
            iv = cls(
                plan,
                p,
                bank=bank,
                depth=depth,
                given_by=given_by,
                autosave=autosave and not read_only,
                read_only=read_only,
                disk=disk,
            )
            iv.lock, iv.notice = lock, notice
            adopted = adopt and not new and not read_only and iv._adopt_if_needed()
            if new or adopted:
                try:
                    iv._save()
                except OSError as exc:
                    raise PlanFileError(
                        f"{p} に計画ファイルを作れません ({exc.strerror or exc})。保存先を確認してください。", p
                    ) from None
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return iv

    def close(self) -> None:
        """Give up the plan's lock (answers are already saved; safe to call twice)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Interview:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @classmethod
    def from_plan(
        cls,
        plan: Plan,
        path: str | Path | None = None,
        *,
        depth: str | None = None,
        given_by: str = "owner",
        autosave: bool = True,
        bank: Bank | None = None,
        adopt: bool = True,
    ) -> Interview:
        """An interview over an in-memory plan (saved to ``path`` when given)."""
        iv = cls(plan, path, bank=bank, depth=depth, given_by=given_by, autosave=autosave)
        if adopt:
            iv._adopt_if_needed()
        return iv

    def _adopt_if_needed(self) -> bool:
        return adopt_plan_values(self)

    def skip_unanswered_optional(self, *, save: bool = True) -> int:
        """Record every visible optional question without an answer as skipped (returns how many)."""
        n = 0
        for q in self.visible_questions():
            if not q.required and q.id not in self.plan.interview.answers and self.visibility()[q.id]:
                skip_question(self, q, given_by=self.given_by, commit=None)
                n += 1
        self.plan.interview.current = nav.next_after(self, None)
        if save and n:
            self._save()
        return n

    # -- what to ask -----------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        return nav.sections(self)

    def is_visible(self, qid: str) -> bool:
        """Asked in this interview: in the chosen depth and its `when` holds."""
        return nav.is_visible(self, qid)

    def visible_questions(self) -> list[Question]:
        return nav.visible_questions(self)

    def current(self) -> Question | None:
        """The question to ask now (resume lands here); None when nothing is left to ask."""
        return nav.current(self)

    def is_complete(self) -> bool:
        """Every visible required question answered, nothing pending or needing review."""
        return nav.is_complete(self)

    def missing_required(self) -> list[Question]:
        answers = self.plan.interview.answers
        return [q for q in self.visible_questions() if q.required and q.id not in answers]

    # -- answering -------------------------------------------------------------------------------
    def answer(self, qid: str, raw: Any) -> AnswerResult:
        """Parse, validate, store, save and check one answer. Never raises for bad input."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=unknown_message(self.bank, qid), next=self.current())
        return give_answer(self, q, raw, given_by=self.given_by, commit=self._save_or_rollback)

    def keep_as_is(self, qid: str) -> AnswerResult:
        """Keep the stored answer unchanged: a pending weak answer becomes kept_weak (recorded);
        an answer needing review is confirmed."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=unknown_message(self.bank, qid), next=self.current())
        return keep_answer(self, q, commit=self._save_or_rollback)

    def skip(self, qid: str) -> AnswerResult:
        """Leave an optional question unanswered (recorded, so it is not asked again)."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=unknown_message(self.bank, qid), next=self.current())
        if q.required:
            return AnswerResult(False, error=error_text(q, "この質問は必須のため、飛ばせません。"), next=q)
        return skip_question(self, q, given_by=self.given_by, commit=self._save_or_rollback)

    def form_questions(self, section_id: str) -> list[Question]:
        """The section's single-value questions, answered together as a form (advisor intake)."""
        from .section_form import form_questions

        return form_questions(self, section_id)

    def answer_form(self, values: dict[str, Any]) -> Any:
        """Answer a form's fields (question id → raw) through the single-answer pipe; saved once."""
        from .section_form import answer_form

        return answer_form(self, values)

    # -- navigation ------------------------------------------------------------------------------
    def back(self) -> Question | None:
        """The previous question (never validates, never changes an answer)."""
        target = nav.back_target(self)
        if target is not None:
            self._move_to(target.id)
        return target

    def goto(self, target: str) -> Question:
        """Jump to a question id or a section id (its first question needing attention)."""
        q = nav.goto_target(self, target)
        self._move_to(q.id)
        return q

    def _move_to(self, qid: str) -> None:
        self.plan.interview.current = qid
        if self.read_only:
            return  # browsing a plan someone else is editing: the position is not worth a write
        try:
            self._save()
        except Exception as exc:  # navigation never fails because the disk did
            self.save_error = f"現在の位置を保存できませんでした ({exc})。"

    # -- reading answers -------------------------------------------------------------------------
    def record(self, qid: str) -> AnswerRecord | None:
        return self.plan.interview.answers.get(qid)

    def value(self, qid: str) -> Any:
        """The stored value of a visible answer (None when unanswered, skipped or hidden)."""
        return self.active_value(qid)

    def choices(self, qid: str, field_id: str | None = None) -> Options:
        """(value, label) options of a choice question or field, including rows of earlier groups."""
        q = self.bank.question(qid)
        f: Any = q if field_id is None else q.field(field_id)
        if f is None:
            raise KeyError(field_id)
        return self.options(f)

    def preview(self, qid: str, raw: Any) -> str:
        """Live preview: how the input will be read (「350万円 → 3,500千円」) or the Japanese error."""
        q = self._lookup(qid)
        return unknown_message(self.bank, qid) if q is None else preview_text(self, q, raw)

    def display_value(self, qid: str) -> str:
        """The current answer as text for display or for pre-filling an edit box ("" when none)."""
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.value is None:
            return ""
        return format_answer(self, self.bank.question(qid), rec.value, human=False)

    def edit_value(self, qid: str) -> Any:
        """The current answer in the shape ``answer`` takes (text, rows, or grid), for editing."""
        rec = self.plan.interview.answers.get(qid)
        return edit_form(self, self.bank.question(qid), rec.value if rec is not None else None)

    def draft(self, qid: str) -> Any:
        """Input typed for ``qid`` but not sent when the app was closed (None if there is none)."""
        return self.plan.interview.drafts.get(qid)

    def save_draft(self, qid: str, raw: Any) -> str | None:
        """Keep unsent input with the plan (saved at once); returns an error message if the save failed."""
        return self.save_drafts({qid: raw})

    def save_drafts(self, unsent: dict[str, Any]) -> str | None:
        """:meth:`save_draft` for several questions (a section form's fields) in one write."""
        drafts = self.plan.interview.drafts
        for qid, raw in unsent.items():
            if is_blank(raw):
                drafts.pop(qid, None)
            else:
                drafts[qid] = jsonable(raw)
        try:
            self._save()
        except Exception as exc:  # noqa: BLE001 - the caller says it in Japanese
            return f"下書きを保存できませんでした ({type(exc).__name__})。"
        return None

    def column_labels(self, qid: str, n: int | None = None) -> list[str]:
        """Column headings of a year grid (e.g. 「2024年3月期」 or 「計画0年目」)."""
        return column_labels(self, self.bank.question(qid), n)

    # -- progress and review ---------------------------------------------------------------------
    def progress(self, *, checked: bool = True) -> list[SectionProgress]:
        return progress(self, checked=checked)

    def review(self) -> list[ReviewItem]:
        """Every question of this depth with its answer, status and findings (hidden ones included
        when they hold a kept-aside answer)."""
        return review_items(self)

    def findings(self) -> list[Any]:
        """Findings of all visible answers, in interview order."""
        answers = self.plan.interview.answers
        return [f for q in self.visible_questions() if q.id in answers for f in findings_for(self, q.id)]

    def plan_findings(self) -> list[Any]:
        """Plan-level checks (``kaizen_guide.checks.check_plan``) on the current plan."""
        try:
            from kaizen_guide.checks import check_plan

            return list(check_plan(self.plan))
        except ImportError:  # plan rules not available in this build
            return []

    # -- internals -------------------------------------------------------------------------------
    def _lookup(self, qid: str) -> Question | None:
        return self.bank.question(qid) if isinstance(qid, str) and self.bank.has(qid) else None

    def _save(self) -> None:
        self.saver.save(self.plan)

    def _save_or_rollback(self) -> str | None:
        # A failed save puts back what is on disk, so the screen never shows an answer a crash
        # would lose (and, after a change by someone else, shows theirs).
        self.plan, err = self.saver.save_or_rollback(self.plan)
        if err:
            self.reset_caches()
        return err


__all__ = [
    "MAX_PROBES",
    "READ_ONLY_MESSAGE",
    "AnswerResult",
    "Interview",
    "NavigationError",
    "ReviewItem",
    "SectionProgress",
]
