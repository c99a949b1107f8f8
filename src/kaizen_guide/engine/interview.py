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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kaizen_guide.banks import Bank, Question, Section, load_bank
from kaizen_guide.banks.industries import industry_key
from kaizen_guide.banks.models import TEXT_TYPES, SubField
from kaizen_guide.banks.targets import FieldSpec, nested_get, nested_set, resolve, set_path
from kaizen_guide.model.errors import describe_validation_error
from kaizen_guide.model.plan import AnswerRecord, Plan
from kaizen_guide.model.store import (
    PlanChangedError,
    PlanFileError,
    load_plan_signed,
    file_signature,
    remove_stale_temp_files,
    save_plan,
)

from .checking import follow_up_for, is_flagged, run_text_check
from .values import (
    EXPECTED,
    AnswerError,
    Options,
    format_value,
    is_blank,
    parse_one,
    parse_value,
    split_items,
    to_python,
)

MAX_PROBES = 2
"""Follow-up questions per answer; after that a weak answer is kept (recorded as kept_weak)."""

DEPTH_LABELS = {"full": "405本格計画", "short": "早期経営改善計画 (簡易)"}


class NavigationError(KeyError):
    """``goto`` to something that does not exist or is not asked now; ``message`` is Japanese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass
class AnswerResult:
    accepted: bool
    error: str | None = None
    findings: list = field(default_factory=list)
    follow_up: str | None = None
    note: str | None = None
    next: Question | None = None
    probes_left: int = MAX_PROBES
    status: str | None = None          # the record's status after the call


@dataclass
class SectionProgress:
    section_id: str
    title: str
    answered: int            # visible questions with an answer (skipped optional ones count)
    required: int            # visible required questions
    flagged: int             # weak (pending or kept) or needing review
    status: str              # "done" | "flagged" | "in_progress" | "not_started"
    total: int = 0           # visible questions
    required_answered: int = 0


@dataclass
class ReviewItem:
    question: Question
    section_id: str
    section_title: str
    value: str               # for reading (「3,500千円」)
    status: str              # "ok" | "kept_weak" | "needs_review" | "hidden" | "unanswered"
    findings: list
    flagged: bool = False    # any error/warning finding (a pending weak answer has status "ok")
    given_by: str | None = None
    given_at: datetime | None = None


class _SafeFormat(dict):
    def __missing__(self, key: str) -> str:
        return ""


@functools.lru_cache(maxsize=512)
def _spec(path: str) -> FieldSpec:
    return resolve(Plan, path)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _jsonable(raw: Any) -> Any:
    if raw is None or isinstance(raw, (str, int, float, bool)):
        return raw
    if isinstance(raw, (list, tuple)):
        return [_jsonable(x) for x in raw]
    if isinstance(raw, dict):
        return {str(k): _jsonable(v) for k, v in raw.items()}
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    if isinstance(raw, Decimal):
        return str(raw)
    return str(raw)


def _plan_has_content(plan: Plan) -> bool:
    skip = {"interview": True, "schema_version": True, "meta": {"plan_style"}}
    return plan.model_dump(exclude=skip) != Plan().model_dump(exclude=skip)


READ_ONLY_MESSAGE = ("この計画は読み取り専用で開いています (別の画面かコマンドで編集中です)。"
                     "回答は保存されません。編集するには、もう一方を終了してから開き直してください。")


class Interview:
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
    ):
        self.bank: Bank = bank or load_bank()
        self.plan: Plan = plan
        self.path: Path | None = Path(path) if path is not None else None
        depth = depth or plan.interview.depth or "full"
        if depth not in DEPTH_LABELS:
            raise ValueError(f"depth must be 'full' or 'short', not {depth!r}")
        if given_by not in ("owner", "advisor"):
            raise ValueError(f"given_by must be 'owner' or 'advisor', not {given_by!r}")
        self.depth: str = depth
        self.given_by: str = given_by
        self.autosave: bool = autosave and self.path is not None
        self.last_saved_at: datetime | None = None
        self.save_error: str | None = None
        # One writer per plan (issue 11): the lock this interview holds, whether it may write at
        # all, and what the file was when we last read/wrote it (a change by anyone else is
        # noticed before saving and never overwritten).
        self.lock = None
        self.read_only: bool = False
        self.notice: str | None = None
        self._disk: Any = None
        self._findings: dict[str, list] = {}
        self._vis: dict[str, bool] | None = None
        plan.interview.depth = depth  # type: ignore[assignment]
        plan.meta.plan_style = "early" if depth == "short" else "full"

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
            iv = cls(plan, p, bank=bank, depth=depth, given_by=given_by, autosave=autosave and not read_only)
            iv.lock, iv.read_only, iv.notice, iv._disk = lock, read_only, notice, disk
            adopted = adopt and not new and not read_only and iv._adopt_if_needed()
            if new or adopted:
                try:
                    iv._save()
                except OSError as exc:
                    raise PlanFileError(f"{p} に計画ファイルを作れません ({exc.strerror or exc})。保存先を確認してください。", p) from None
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
        if self.plan.interview.answers or not _plan_has_content(self.plan):
            return False
        from .answers import plan_to_answers

        data = plan_to_answers(self.plan, self.bank)
        for q in self.bank.questions:
            if q.id in data:
                res = self._answer(q, data[q.id], save=False)
                if res.accepted and res.follow_up:
                    self._keep(q, save=False)
        # What the plan leaves at its defaults counts as skipped, so the interview does not ask
        # again what the plan already settles.
        self.skip_unanswered_optional(save=False)
        self.plan.interview.current = self._next_after(None)
        return True

    def skip_unanswered_optional(self, *, save: bool = True) -> int:
        """Record every visible optional question without an answer as skipped (returns how many)."""
        n = 0
        for q in self.visible_questions():
            if not q.required and q.id not in self.plan.interview.answers and self._visibility()[q.id]:
                self._skip(q, save=False)
                n += 1
        self.plan.interview.current = self._next_after(None)
        if save and n:
            self._save()
        return n

    # -- what to ask -----------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        return [s for s in self.bank.sections if s.in_depth(self.depth) and any(q.in_depth(self.depth) for q in s.questions)]

    def _in_depth(self, q: Question) -> bool:
        return q.in_depth(self.depth) and self.bank.section_of(q.id).in_depth(self.depth)

    def _visibility(self) -> dict[str, bool]:
        """`when` of every question, evaluated in order over the visible answers before it."""
        if self._vis is not None:
            return self._vis
        vis: dict[str, bool] = {}
        answers = self.plan.interview.answers
        bank = self.bank

        def lookup(qid: str) -> Any:
            if not vis.get(qid):
                return None
            rec = answers.get(qid)
            if rec is None:
                return None
            return to_python(bank.question(qid), rec.value)

        def answered(qid: str) -> bool:
            rec = answers.get(qid)
            return bool(vis.get(qid)) and rec is not None and rec.value is not None

        for q in bank.questions:
            cond = q._when_fn
            vis[q.id] = True if cond is None else cond.evaluate(lookup, answered)
        self._vis = vis
        return vis

    def is_visible(self, qid: str) -> bool:
        """Asked in this interview: in the chosen depth and its `when` holds."""
        q = self.bank.question(qid)
        return self._in_depth(q) and self._visibility()[qid]

    def visible_questions(self) -> list[Question]:
        vis = self._visibility()
        return [q for q in self.bank.questions if vis[q.id] and self._in_depth(q)]

    def _needs_attention(self, q: Question) -> bool:
        rec = self.plan.interview.answers.get(q.id)
        if rec is None or rec.status in ("needs_review", "hidden"):
            return True
        return rec.status == "ok" and is_flagged(self._findings_for(q.id))

    def _next_after(self, qid: str | None) -> str | None:
        qs = self.visible_questions()
        ids = [q.id for q in qs]
        start = ids.index(qid) + 1 if qid in ids else 0
        for q in qs[start:] + qs[:start]:
            if self._needs_attention(q):
                return q.id
        return None

    def current(self) -> Question | None:
        """The question to ask now (resume lands here); None when nothing is left to ask."""
        cur = self.plan.interview.current
        if cur and self.bank.has(cur) and self.is_visible(cur):
            return self.bank.question(cur)
        nxt = self._next_after(None)
        return self.bank.question(nxt) if nxt else None

    def is_complete(self) -> bool:
        """Every visible required question answered, nothing pending or needing review."""
        answers = self.plan.interview.answers
        for q in self.visible_questions():
            rec = answers.get(q.id)
            if rec is None:
                if q.required:
                    return False
                continue
            if rec.status == "needs_review" or rec.status == "hidden":
                return False
            if rec.status == "ok" and is_flagged(self._findings_for(q.id)):
                return False
        return True

    def missing_required(self) -> list[Question]:
        answers = self.plan.interview.answers
        return [q for q in self.visible_questions() if q.required and q.id not in answers]

    # -- answering -------------------------------------------------------------------------------
    def answer(self, qid: str, raw: Any) -> AnswerResult:
        """Parse, validate, store, save and check one answer. Never raises for bad input."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=self._unknown_message(qid), next=self.current())
        return self._answer(q, raw, save=True)

    def _answer(self, q: Question, raw: Any, *, save: bool) -> AnswerResult:
        try:
            value, note = self._parse(q, raw)
        except AnswerError as exc:
            return AnswerResult(False, error=self._error_text(q, exc.message), next=q,
                                probes_left=self._probes_left(q))
        if value is None:
            if q.required:
                return AnswerResult(False, error=self._error_text(q, "この質問は必須です。答えを入力してください。"),
                                    next=q, probes_left=self._probes_left(q))
            return self._skip(q, save=save)

        answers = self.plan.interview.answers
        old = answers.get(q.id)
        visible = self._visibility()[q.id]
        pending_before = old is not None and old.status == "ok" and is_flagged(self._findings_for(q.id))
        findings = self._run_checks(q, value) if visible else []
        weak = is_flagged(findings)
        probes = old.probes if (pending_before and old is not None) else 0
        follow = None
        status = "ok"
        if weak and probes < MAX_PROBES:
            probes += 1
            follow = follow_up_for(findings, q.checks[0] if q.checks else None, self._row_prefix(q, value, findings))
        elif weak:
            status = "kept_weak"
        if not visible:
            status = "hidden"
            note = "この質問は今までの回答では使わないため、回答は計画に入れずに保留しました。" + (f" {note}" if note else "")
        rec = AnswerRecord(
            raw=_jsonable(raw), value=value, given_by=self.given_by, given_at=_now(),  # type: ignore[arg-type]
            status=status, probes=probes, finding_ids=[f.rule_id for f in findings],  # type: ignore[arg-type]
        )
        answers[q.id] = rec
        self.plan.interview.drafts.pop(q.id, None)  # sent: the draft is now the answer
        if visible:
            try:
                self._apply(q)
            except AnswerError as exc:
                if old is None:
                    del answers[q.id]
                else:
                    answers[q.id] = old
                self._safe_apply(q)
                return AnswerResult(False, error=self._error_text(q, exc.message), next=q,
                                    probes_left=self._probes_left(q))
        self._findings[q.id] = findings
        changed = old is None or old.value != value or old.status == "hidden"
        if changed:
            self._mark_dependants(q.id)
        self._sync_hidden()
        self._touch_history(q.id)
        if visible:
            self.plan.interview.current = q.id if follow else self._next_after(q.id)
        if save:
            err = self._save_or_rollback()
            if err:
                return AnswerResult(False, error=err, next=self.current())
        return AnswerResult(True, None, findings, follow, note, self.current(),
                            MAX_PROBES - probes if weak else MAX_PROBES, status)

    def keep_as_is(self, qid: str) -> AnswerResult:
        """Keep the stored answer unchanged: a pending weak answer becomes kept_weak (recorded);
        an answer needing review is confirmed."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=self._unknown_message(qid), next=self.current())
        return self._keep(q, save=True)

    def _keep(self, q: Question, *, save: bool) -> AnswerResult:
        rec = self.plan.interview.answers.get(q.id)
        if rec is None or rec.status == "hidden":
            return AnswerResult(False, error="この質問にはまだ回答がありません。先に答えを入力してください。", next=q)
        findings = self._findings_for(q.id)
        rec.status = "kept_weak" if is_flagged(findings) else "ok"
        self.plan.interview.current = self._next_after(q.id)
        if save:
            err = self._save_or_rollback()
            if err:
                return AnswerResult(False, error=err, next=self.current())
        return AnswerResult(True, None, findings, None, None, self.current(), 0, rec.status)

    def skip(self, qid: str) -> AnswerResult:
        """Leave an optional question unanswered (recorded, so it is not asked again)."""
        q = self._lookup(qid)
        if q is None:
            return AnswerResult(False, error=self._unknown_message(qid), next=self.current())
        if q.required:
            return AnswerResult(False, error=self._error_text(q, "この質問は必須のため、飛ばせません。"), next=q)
        return self._skip(q, save=True)

    def _skip(self, q: Question, *, save: bool) -> AnswerResult:
        answers = self.plan.interview.answers
        old = answers.get(q.id)
        visible = self._visibility()[q.id]
        answers[q.id] = AnswerRecord(raw=None, value=None, given_by=self.given_by, given_at=_now(),  # type: ignore[arg-type]
                                     status="ok" if visible else "hidden")
        if visible:
            self._safe_apply(q)
        self._findings[q.id] = []
        if old is not None and old.value is not None:
            self._mark_dependants(q.id)
        self._sync_hidden()
        self._touch_history(q.id)
        if visible:
            self.plan.interview.current = self._next_after(q.id)
        if save:
            err = self._save_or_rollback()
            if err:
                return AnswerResult(False, error=err, next=self.current())
        return AnswerResult(True, None, [], None, None, self.current(), MAX_PROBES, answers[q.id].status)

    # -- navigation ------------------------------------------------------------------------------
    def back(self) -> Question | None:
        """The previous question (never validates, never changes an answer)."""
        qs = self.visible_questions()
        if not qs:
            return None
        cur = self.current()
        if cur is None or cur not in qs:
            target = qs[-1]
        else:
            i = qs.index(cur)
            target = qs[i - 1] if i > 0 else qs[0]
        self._move_to(target.id)
        return target

    def goto(self, target: str) -> Question:
        """Jump to a question id or a section id (its first question needing attention)."""
        if self.bank.has(target):
            q = self.bank.question(target)
            if not self._in_depth(q):
                raise NavigationError(
                    f"「{q.prompt}」は{DEPTH_LABELS[self.depth]}では聞かない質問です。"
                )
            if not self._visibility()[q.id]:
                raise NavigationError(f"「{q.prompt}」は今までの回答では不要なため、表示されていません。")
        else:
            try:
                section = self.bank.section(target)
            except KeyError:
                raise NavigationError(f"「{target}」という質問やセクションはありません。") from None
            qs = [q for q in self.visible_questions() if self.bank.section_of(q.id).id == section.id]
            if not qs:
                raise NavigationError(f"「{section.title}」には今聞く質問がありません。")
            q = next((x for x in qs if self._needs_attention(x)), qs[0])
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
        return self._active_value(qid)

    def choices(self, qid: str, field_id: str | None = None) -> Options:
        """(value, label) options of a choice question or field, including rows of earlier groups."""
        q = self.bank.question(qid)
        f: Any = q if field_id is None else q.field(field_id)
        if f is None:
            raise KeyError(field_id)
        return self._options(f)

    def preview(self, qid: str, raw: Any) -> str:
        """Live preview: how the input will be read (「350万円 → 3,500千円」) or the Japanese error."""
        q = self._lookup(qid)
        if q is None:
            return self._unknown_message(qid)
        try:
            value, note = self._parse(q, raw)
        except AnswerError as exc:
            return exc.message
        if value is None:
            return "(未入力)" + ("" if q.required else " — このまま進むと、この質問は飛ばします")
        if q.type == "group":
            text = f"{len(value)}件"
        elif q.type == "year_grid":
            n = max((len(v) for v in value.values()), default=0)
            text = f"{len(value)}行 × {n}列"
        else:
            human = self._format(q, value, human=True)
            shown = str(raw).strip() if isinstance(raw, str) else ""
            text = f"{shown} → {human}" if shown and shown != human and q.type not in TEXT_TYPES else human
        if note:
            text += f" ({note})"
        return text

    def display_value(self, qid: str) -> str:
        """The current answer as text for display or for pre-filling an edit box ("" when none)."""
        q = self.bank.question(qid)
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.value is None:
            return ""
        return self._format(q, rec.value, human=False)

    def edit_value(self, qid: str) -> Any:
        """The current answer in the shape ``answer`` takes (text, rows, or grid), for editing."""
        q = self.bank.question(qid)
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.value is None:
            return [] if q.type == "group" else ({} if q.type == "year_grid" else "")
        if q.type == "group":
            out = []
            for row in rec.value:
                d = {}
                if q.row_id and row.get(q.row_id.field):
                    d[q.row_id.field] = row[q.row_id.field]
                for f in q.fields:
                    d[f.id] = self._format(f, row.get(f.id), human=False)
                out.append(d)
            return out
        if q.type == "year_grid":
            return {r.id: [self._format(r, v, human=False) for v in rec.value.get(r.id, [])] for r in q.rows}
        return self._format(q, rec.value, human=False)

    def draft(self, qid: str) -> Any:
        """Input typed for ``qid`` but not sent when the app was closed (None if there is none)."""
        return self.plan.interview.drafts.get(qid)

    def save_draft(self, qid: str, raw: Any) -> str | None:
        """Keep unsent input with the plan (saved at once); returns an error message if the save failed."""
        drafts = self.plan.interview.drafts
        if is_blank(raw):
            drafts.pop(qid, None)
        else:
            drafts[qid] = _jsonable(raw)
        try:
            self._save()
        except Exception as exc:  # noqa: BLE001 - the caller says it in Japanese
            return f"下書きを保存できませんでした ({type(exc).__name__})。"
        return None

    def column_labels(self, qid: str, n: int | None = None) -> list[str]:
        """Column headings of a year grid (e.g. 「2024年3月期」 or 「計画0年目」)."""
        q = self.bank.question(qid)
        if n is None:
            v = self._active_value(qid) or {}
            n = max((len(x) for x in v.values()), default=0)
            lf = q.columns.labels_from
            if lf and not n:
                src = self._active_value(lf.rpartition(".")[0]) or {}
                n = len(src.get(lf.rpartition(".")[2]) or [])
        return [self._column_label(q, j) for j in range(n)]

    # -- progress and review ---------------------------------------------------------------------
    def progress(self) -> list[SectionProgress]:
        answers = self.plan.interview.answers
        visible = self.visible_questions()
        out = []
        for s in self.sections():
            qs = [q for q in visible if self.bank.section_of(q.id).id == s.id]
            answered = required = required_answered = flagged = 0
            blocking = False
            for q in qs:
                rec = answers.get(q.id)
                if q.required:
                    required += 1
                if rec is None:
                    continue
                answered += 1
                if q.required:
                    required_answered += 1
                weak = is_flagged(self._findings_for(q.id))
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
            else:
                status = "done"
            out.append(SectionProgress(s.id, s.title, answered, required, flagged, status, len(qs), required_answered))
        return out

    def review(self) -> list[ReviewItem]:
        """Every question of this depth with its answer, status and findings (hidden ones included
        when they hold a kept-aside answer)."""
        answers = self.plan.interview.answers
        vis = self._visibility()
        items = []
        for s in self.sections():
            for q in s.questions:
                if not self._in_depth(q):
                    continue
                rec = answers.get(q.id)
                if not vis[q.id]:
                    if rec is None:
                        continue
                    status = "hidden"
                    findings: list = []
                elif rec is None:
                    status, findings = "unanswered", []
                else:
                    status = rec.status
                    findings = self._findings_for(q.id)
                value = self._format(q, rec.value, human=True) if rec is not None and rec.value is not None else ""
                items.append(ReviewItem(
                    question=q, section_id=s.id, section_title=s.title, value=value, status=status,
                    findings=findings, flagged=is_flagged(findings),
                    given_by=rec.given_by if rec else None, given_at=rec.given_at if rec else None,
                ))
        return items

    def findings(self) -> list:
        """Findings of all visible answers, in interview order."""
        out = []
        for q in self.visible_questions():
            if q.id in self.plan.interview.answers:
                out.extend(self._findings_for(q.id))
        return out

    def plan_findings(self) -> list:
        """Plan-level checks (``kaizen_guide.checks.check_plan``) on the current plan."""
        try:
            from kaizen_guide.checks import check_plan

            return list(check_plan(self.plan))
        except ImportError:  # plan rules not available in this build
            return []

    # -- internals: parsing ----------------------------------------------------------------------
    def _lookup(self, qid: str) -> Question | None:
        return self.bank.question(qid) if isinstance(qid, str) and self.bank.has(qid) else None

    def _unknown_message(self, qid: Any) -> str:
        import difflib

        close = difflib.get_close_matches(str(qid), [q.id for q in self.bank.questions], n=3)
        hint = f" 近いもの: {', '.join(close)}" if close else ""
        return f"質問ID「{qid}」はありません。{hint}"

    def _error_text(self, q: Question, message: str) -> str:
        expected = EXPECTED.get(q.type, "")
        if q.type == "group":
            expected = f"{q.row_label or '行'}の一覧"
        elif q.type == "year_grid":
            expected = "年度ごとの値の表"
        ex = f"\n例: {q.example.strip()}" if q.example and q.example.strip() and "\n" not in q.example.strip() else ""
        return f"「{q.prompt.strip()}」: {message}" + (f" (期待する形: {expected})" if expected and expected not in message else "") + ex

    def _probes_left(self, q: Question) -> int:
        rec = self.plan.interview.answers.get(q.id)
        if rec is None or rec.status != "ok":
            return MAX_PROBES
        return MAX_PROBES - rec.probes if is_flagged(self._findings_for(q.id)) else MAX_PROBES

    def _options(self, f: Any) -> Options:
        if f.choices_from is None:
            return [(c.value, c.label) for c in f.choices]
        cf = f.choices_from
        rows = self._active_value(cf.question) or []
        out: Options = []
        for row in rows:
            key = row.get(cf.key)
            if key is None:
                continue
            label = row.get(cf.label) if cf.label else None
            out.append((key, str(label) if label else str(key)))
        return out

    def _parse(self, q: Question, raw: Any) -> tuple[Any, str | None]:
        if q.type == "group":
            return self._parse_group(q, raw)
        if q.type == "year_grid":
            return self._parse_grid(q, raw)
        if isinstance(raw, (dict,)) or (isinstance(raw, list) and not (q.is_list or q.type == "multi_choice")):
            raise AnswerError("1つの値で答えてください。")
        return parse_value(q, raw, self._options(q) if q.type in ("choice", "multi_choice") else None)

    def _row_label(self, q: Question) -> str:
        return q.row_label or _spec(q.target).title

    def _parse_group(self, q: Question, raw: Any) -> tuple[Any, str | None]:
        if is_blank(raw):
            return None, None
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list):
            raise AnswerError(f"{self._row_label(q)}を1件ずつ、項目名と値の組で入力してください。")
        label = self._row_label(q)
        idf = q.row_id.field if q.row_id else None
        known = {f.id for f in q.fields} | ({idf} if idf else set())
        options = {f.id: self._options(f) for f in q.fields if f.type in ("choice", "multi_choice")}
        rows: list[dict] = []
        notes: list[str] = []
        for i, row in enumerate(raw, 1):
            if not isinstance(row, dict):
                raise AnswerError(f"{label} {i}件目: 「項目: 値」の形で入力してください (項目: {', '.join(f.id for f in q.fields)})。")
            unknown = [k for k in row if k not in known]
            if unknown:
                raise AnswerError(f"{label} {i}件目: 知らない項目「{'」「'.join(map(str, unknown))}」があります "
                                  f"(使える項目: {', '.join(sorted(known, key=list(known).index))})。")
            if all(is_blank(v) for v in row.values()):
                continue  # an empty row left by an editor
            out: dict[str, Any] = {}
            for f in q.fields:
                try:
                    v, note = parse_value(f, row.get(f.id), options.get(f.id))
                except AnswerError as exc:
                    raise AnswerError(f"{label} {i}件目の「{f.prompt}」: {exc.message}") from None
                if v is None:
                    if f.required:
                        ex = f" 例: {f.example}" if f.example else ""
                        raise AnswerError(f"{label} {i}件目の「{f.prompt}」を入力してください。{ex}")
                    continue
                out[f.id] = v
                if note:
                    notes.append(f"{label} {i}件目の「{f.prompt}」: {note}")
            if idf:
                rid = row.get(idf)
                if not is_blank(rid):
                    out[idf] = str(rid).strip()
            rows.append(out)
        if not rows:
            return None, None
        if idf:
            used = {r[idf] for r in rows if idf in r}
            n = 1
            for r in rows:
                if idf not in r:
                    while f"{q.row_id.prefix}{n}" in used:
                        n += 1
                    r[idf] = f"{q.row_id.prefix}{n}"
                    used.add(r[idf])
            ids = [r[idf] for r in rows]
            dups = sorted({x for x in ids if ids.count(x) > 1})
            if dups:
                raise AnswerError(f"{label}のID「{'」「'.join(dups)}」が重複しています。")
        for fid in q.validation.unique:
            vals = [str(r.get(fid)) for r in rows if r.get(fid) is not None]
            dups = sorted({x for x in vals if vals.count(x) > 1})
            if dups:
                f = q.field(fid)
                raise AnswerError(f"{label}の「{f.prompt if f else fid}」が重複しています: 「{'」「'.join(dups)}」。")
        v = q.validation
        if v.min_rows is not None and len(rows) < v.min_rows:
            raise AnswerError(f"{label}を{v.min_rows}件以上入力してください (今は{len(rows)}件)。")
        if v.max_rows is not None and len(rows) > v.max_rows:
            raise AnswerError(f"{label}は{v.max_rows}件以内にしてください (今は{len(rows)}件)。")
        if q.parent is not None:
            self._require_answered(q, q.field(q.parent.field).choices_from.question)  # type: ignore[union-attr]
        return rows, ("。".join(notes) or None)

    def _require_answered(self, q: Question, src_id: str) -> None:
        if self._active_value(src_id) is None:
            src = self.bank.question(src_id)
            raise AnswerError(f"先に「{src.prompt.strip()}」に答えてください。")

    def _column_label(self, q: Question, j: int) -> str:
        lf = q.columns.labels_from
        if lf:
            src_id, _, row_id = lf.rpartition(".")
            src = self._active_value(src_id) or {}
            vals = src.get(row_id) or []
            if j < len(vals) and vals[j]:
                return str(vals[j])
        return q.columns.label.format(n=j, n1=j + 1)

    def _parse_grid(self, q: Question, raw: Any) -> tuple[Any, str | None]:
        if is_blank(raw):
            return None, None
        if not isinstance(raw, dict):
            first = q.rows[0].id
            raise AnswerError(f"行ごとに年度の値を並べて入力してください (例: {first}: [1200, 1300, 1400])。")
        known = [r.id for r in q.rows]
        unknown = [k for k in raw if k not in known]
        if unknown:
            raise AnswerError(f"知らない行「{'」「'.join(map(str, unknown))}」があります (使える行: {', '.join(known)})。")
        cl = q.validation.columns_like
        expected = None
        if cl:
            self._require_answered(q, cl)
            src = self._active_value(cl) or {}
            expected = max((len(v) for v in src.values()), default=0)
        out: dict[str, list] = {}
        notes: list[str] = []
        ncols = 0
        for r in q.rows:
            cell = raw.get(r.id)
            if is_blank(cell):
                items: list = []
            elif isinstance(cell, (list, tuple)):
                items = list(cell)
            else:
                items = split_items(cell, r.type)
            vals: list = []
            for j, item in enumerate(items):
                if is_blank(item):
                    vals.append(None)
                    continue
                try:
                    v, note = parse_one(r, item, self._options(r) if r.type in ("choice", "multi_choice") else None)
                except AnswerError as exc:
                    raise AnswerError(f"「{r.prompt}」の{self._column_label(q, j)}: {exc.message}") from None
                vals.append(v)
                if note:
                    notes.append(f"「{r.prompt}」の{self._column_label(q, j)}: {note}")
            while vals and vals[-1] is None:
                vals.pop()
            if vals:
                out[r.id] = vals
            ncols = max(ncols, len(vals))
        if not out:
            return None, None
        v = q.validation
        if expected is not None and ncols != expected:
            src_q = self.bank.question(cl)  # type: ignore[arg-type]
            raise AnswerError(f"「{src_q.prompt.strip()}」で答えた{expected}列と同じ数の列で入力してください (今は{ncols}列)。")
        if v.min_columns is not None and ncols < v.min_columns:
            raise AnswerError(f"{v.min_columns}列 (年度) 以上入力してください (今は{ncols}列)。")
        if v.max_columns is not None and ncols > v.max_columns:
            raise AnswerError(f"{v.max_columns}列 (年度) 以内にしてください (今は{ncols}列)。")
        for r in q.rows:
            vals = out.get(r.id, [])
            if q._grid_mode == "records":
                if r.required and (len(vals) < ncols or None in vals):
                    missing = next(j for j in range(ncols) if j >= len(vals) or vals[j] is None)
                    raise AnswerError(f"「{r.prompt}」の{self._column_label(q, missing)}を入力してください。")
                if vals and len(vals) < ncols:
                    out[r.id] = vals + [None] * (ncols - len(vals))
            else:
                if None in vals:
                    j = vals.index(None)
                    raise AnswerError(f"「{r.prompt}」の{self._column_label(q, j)}が空欄です。間の年度も入力してください"
                                      "(最後の年度より後は、最後の値が続くものとして扱います)。")
                if r.required and not vals:
                    raise AnswerError(f"「{r.prompt}」を入力してください。")
        return out, ("。".join(notes) or None)

    # -- internals: storing ----------------------------------------------------------------------
    def _active_value(self, qid: str) -> Any:
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.status == "hidden" or not self._visibility().get(qid, False):
            return None
        return rec.value

    def _apply(self, q: Question) -> None:
        """Write the question's value (or the field default) into the plan. Raises AnswerError."""
        try:
            if q.type == "group" or q._grid_mode == "records":
                root = q.target.split("[].", 1)[0] if q.parent else q.target  # type: ignore[union-attr]
                self._rebuild_list(root)
            elif q._grid_mode == "series":
                value = self._active_value(q.id) or {}
                for r in q.rows:
                    path = f"{q.target}.{r.path}"
                    vals = value.get(r.id)
                    set_path(self.plan, path, list(vals) if vals else _spec(path).default())
            else:
                value = self._active_value(q.id)
                path = q.target  # type: ignore[assignment]
                set_path(self.plan, path, value if value is not None else _spec(path).default())
        except ValidationError as exc:
            raise AnswerError("\n".join(_describe(exc))) from None

    def _safe_apply(self, q: Question) -> None:
        try:
            self._apply(q)
        except AnswerError:
            pass  # the plan keeps its previous value; the record still holds the answer

    def _rebuild_list(self, root: str) -> None:
        spec = _spec(root)
        rows: list[dict] = []

        def row(i: int) -> dict:
            while len(rows) <= i:
                rows.append({})
            return rows[i]

        for qid in self.bank.list_contributors(root):
            q = self.bank.question(qid)
            val = self._active_value(qid)
            if not val:
                continue
            if q.type == "group":
                for i, r in enumerate(val):
                    d = row(i)
                    if q.row_id and r.get(q.row_id.field) is not None:
                        d[q.row_id.field] = r[q.row_id.field]
                    for f in q.fields:
                        v = r.get(f.id)
                        if v is not None:
                            nested_set(d, f.path, v)
            else:
                for rr in q.rows:
                    for i, v in enumerate(val.get(rr.id) or []):
                        d = row(i)
                        if v is not None:
                            nested_set(d, rr.path, v)
        for cid in self.bank.children(root):
            cq = self.bank.question(cid)
            val = self._active_value(cid)
            if not val or cq.parent is None:
                continue
            child = cq.target.split("[].", 1)[1]  # type: ignore[union-attr]
            by_key: dict[Any, dict] = {}
            for d in rows:
                by_key.setdefault(nested_get(d, cq.parent.key), d)
            for r in val:
                parent = by_key.get(r.get(cq.parent.field))
                if parent is None:
                    continue  # its parent row is gone; the child question is marked needs_review
                cd: dict[str, Any] = {}
                if cq.row_id and r.get(cq.row_id.field) is not None:
                    cd[cq.row_id.field] = r[cq.row_id.field]
                for f in cq.fields:
                    if f.id == cq.parent.field:
                        continue
                    v = r.get(f.id)
                    if v is not None:
                        nested_set(cd, f.path, v)
                parent.setdefault(child, []).append(cd)
        model = spec.base
        models = []
        errors: list[str] = []
        for i, d in enumerate(rows):
            try:
                models.append(model.model_validate(d))
            except ValidationError as exc:
                errors.extend(f"{spec.title} {i + 1}件目 › {line}" for line in describe_validation_error(exc, model))
        if errors:
            raise AnswerError("\n".join(errors))
        set_path(self.plan, root, models)

    def _mark_dependants(self, qid: str) -> None:
        answers = self.plan.interview.answers
        for d in self.bank.dependants(qid):
            rec = answers.get(d)
            if rec is not None and rec.status in ("ok", "kept_weak") and rec.value is not None:
                rec.status = "needs_review"
        self._vis = None

    def _sync_hidden(self) -> None:
        """Move answers whose question became hidden aside (and back when visible again)."""
        self._vis = None
        vis = self._visibility()
        changed = []
        for qid, rec in self.plan.interview.answers.items():
            if not self.bank.has(qid):
                continue  # an answer to a question a newer bank no longer has: kept, unused
            if not vis[qid] and rec.status != "hidden":
                rec.status = "hidden"
                changed.append(qid)
            elif vis[qid] and rec.status == "hidden":
                rec.status = "needs_review" if rec.value is not None else "ok"
                changed.append(qid)
        for qid in changed:
            self._findings.pop(qid, None)
            self._safe_apply(self.bank.question(qid))

    def _touch_history(self, qid: str) -> None:
        hist = self.plan.interview.history
        if qid in hist:
            hist.remove(qid)
        hist.append(qid)

    def _save(self) -> None:
        if self.read_only:
            raise PlanFileError(READ_ONLY_MESSAGE, self.path)
        if not self.autosave or self.path is None:
            return
        save_plan(self.plan, self.path, expected=self._disk)
        self._disk = file_signature(self.path)  # under our lock nobody else writes in between
        self.last_saved_at = datetime.now()
        self.save_error = None

    def _save_or_rollback(self) -> str | None:
        try:
            self._save()
        except Exception as exc:
            # The answer was not saved: go back to what is on disk, so the screen never shows
            # something a crash would lose (and, after a change by someone else, shows theirs).
            assert self.path is not None
            try:
                self.plan, self._disk = load_plan_signed(self.path)
            except PlanFileError:
                pass
            self._findings.clear()
            self._vis = None
            if isinstance(exc, PlanChangedError):
                self.save_error = "計画ファイルが外で変更されたため、読み込み直しました"
                return (f"{exc.message} 最新の内容を読み込み直しました。この回答はまだ記録されていません。"
                        "内容を確かめて、もう一度入力してください。")
            if self.read_only:
                self.save_error = "読み取り専用"
                return READ_ONLY_MESSAGE
            self.save_error = f"保存できませんでした ({exc})"
            return (f"回答を保存できませんでした ({exc})。この回答はまだ記録されていません。"
                    "保存先に書き込めるか確認して、もう一度入力してください。")
        return None

    # -- internals: checks and formatting --------------------------------------------------------
    def _findings_for(self, qid: str) -> list:
        if qid in self._findings:
            return self._findings[qid]
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.value is None or rec.status == "hidden":
            found: list = []
        else:
            found = self._run_checks(self.bank.question(qid), rec.value)
        self._findings[qid] = found
        return found

    def _run_checks(self, q: Question, value: Any) -> list:
        if value is None:
            return []
        section = self.bank.section_of(q.id).title
        check = functools.partial(
            run_text_check, section=section, industry=industry_key(self.plan.company.industry)
        )
        out: list = []
        if q.type in TEXT_TYPES:
            for stage in q.checks:
                out.extend(check(stage, str(value), question_id=q.id, path=q.target or ""))
            return out
        if q.type == "group":
            rows = value
            texts_all: dict[int, list[str]] = {}
            for i, r in enumerate(rows):
                for f in q.fields:
                    if f.checks and r.get(f.id):
                        for stage in f.checks:
                            out.extend(check(stage, str(r[f.id]), question_id=q.id, path=f"{q.target}[{i}].{f.path}"))
                for k, rc in enumerate(q.row_checks):
                    text = self._fill(rc.text, q, r)
                    if rc.per == "row":
                        out.extend(check(rc.stage, text, question_id=q.id, path=f"{q.target}[{i}]"))
                    else:
                        texts_all.setdefault(k, []).append(text)
            for k, texts in texts_all.items():
                rc = q.row_checks[k]
                out.extend(check(rc.stage, "\n".join(t for t in texts if t.strip()), question_id=q.id,
                                 path=q.target or ""))
        return out

    def _fill(self, template: str, q: Question, row: dict) -> str:
        values = _SafeFormat()
        for f in q.fields:
            values[f.id] = self._format(f, row.get(f.id), human=True) if row.get(f.id) is not None else ""
        if q.row_id:
            values[q.row_id.field] = row.get(q.row_id.field, "")
        text = template.format_map(values)
        return re.sub(r"[ 　]*(。)[ 。]*", r"\1", text).strip()

    def _row_prefix(self, q: Question, rows: Any, findings: list) -> str:
        """「課題 2件目 (I2) について、」 for a finding on one row of a group."""
        if q.type != "group":
            return ""
        for f in findings:
            if getattr(f, "severity", None) in ("error", "warning"):
                m = re.search(r"\[(\d+)\]", getattr(f, "path", "") or "")
                if not m or not rows or len(rows) < 2 and not q.row_id:
                    return ""
                i = int(m.group(1))
                rid = ""
                if q.row_id and i < len(rows) and rows[i].get(q.row_id.field):
                    rid = f" ({rows[i][q.row_id.field]})"
                return f"{self._row_label(q)} {i + 1}件目{rid}について、"
        return ""

    def _format(self, f: Question | SubField, value: Any, *, human: bool) -> str:
        if value is None:
            return ""
        if isinstance(f, Question) and f.type == "group":
            lines = []
            label = self._row_label(f)
            for i, r in enumerate(value, 1):
                parts = []
                if f.row_id and r.get(f.row_id.field):
                    parts.append(str(r[f.row_id.field]))
                for sf in f.fields:
                    if r.get(sf.id) is not None:
                        parts.append(f"{sf.prompt}: {self._format(sf, r[sf.id], human=human)}")
                lines.append(f"{label} {i}. " + " / ".join(parts))
            return "\n".join(lines)
        if isinstance(f, Question) and f.type == "year_grid":
            lines = []
            for r in f.rows:
                vals = value.get(r.id)
                if vals:
                    lines.append(f"{r.prompt}: " + " | ".join(self._format(r, v, human=human) if v is not None else "—" for v in vals))
            return "\n".join(lines)
        if f.choices_from is not None and f.type in ("choice", "multi_choice"):
            if not human:
                return "、".join(map(str, value)) if isinstance(value, list) else str(value)
            opts = dict(self._options(f))
            items = value if isinstance(value, list) else [value]
            return "、".join(f"{v} {opts[v]}" if v in opts and opts[v] != str(v) else str(v) for v in items)
        options = [(c.value, c.label) for c in f.choices] if f.choices else None
        return format_value(f, value, options, human=human)


def _describe(exc: ValidationError) -> list[str]:
    """Japanese lines for a validation error raised on assignment to a plan model."""
    from kaizen_guide.model.errors import error_message

    return [error_message(err) for err in exc.errors()] or ["値が正しくありません"]


__all__ = [
    "MAX_PROBES",
    "AnswerResult",
    "Interview",
    "NavigationError",
    "ReviewItem",
    "SectionProgress",
]
