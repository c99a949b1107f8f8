"""Review notes: add, reply, resolve, reopen and list the advisor's and owner's notes on a plan.

Pure functions of the plan (and the bank, to check what a note is attached to); ``NoteDesk`` is the
same for an open interview, saving each change at once through the interview's saver (atomic,
0600, refused when someone else changed the file) and putting back what is on disk when the save
fails, like an answer. Messages are Japanese and say what to do.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from kaizen_guide.banks import Bank, Question
from kaizen_guide.model.notes import NoteReply, ReviewNote
from kaizen_guide.model.plan import Plan

from .records import GIVER_LABELS, check_giver, now
from .state import InterviewState

if TYPE_CHECKING:
    from .saving import PlanSaver


class NoteError(ValueError):
    """A note that cannot be added or changed; ``message`` is Japanese (the plan is unchanged)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------------------------------------
# reading


def list_notes(plan: Plan, *, include_resolved: bool = False) -> list[ReviewNote]:
    """Open notes first (oldest first), then the resolved ones (most recently resolved first)."""
    opened = [n for n in plan.notes if n.is_open]
    if not include_resolved:
        return opened
    done = sorted((n for n in plan.notes if not n.is_open), key=lambda n: n.resolved_at or n.created_at, reverse=True)
    return opened + done


def notes_for(plan: Plan, question_id: str, *, include_resolved: bool = False) -> list[ReviewNote]:
    """The notes on one question (its rows and findings included), open first."""
    return [n for n in list_notes(plan, include_resolved=include_resolved) if n.question_id == question_id]


def find_note(plan: Plan, note_id: str) -> ReviewNote:
    key = note_id.strip().upper()
    if re.fullmatch(r"\d+", key):
        key = f"N{key}"  # 「3」 means N3
    for n in plan.notes:
        if n.id == key:
            return n
    known = "、".join(n.id for n in plan.notes[-8:]) or "まだありません"
    raise NoteError(
        f"メモ「{note_id}」はこの計画にありません (メモのID: {known})。`note 計画 list --all` で確かめてください。"
    )


def next_note_id(plan: Plan) -> str:
    numbers = [int(n.id[1:]) for n in plan.notes]
    return f"N{max(numbers, default=0) + 1}"


def author_name(plan: Plan, by: str) -> str:
    """The name the plan has for the advisor (認定支援機関) or the owner (代表者), else ""."""
    if by == "advisor":
        return plan.meta.support_agency.strip()
    return (plan.meta.prepared_by or plan.company.representative).strip()


def who_label(by: str, name: str = "") -> str:
    """「支援者」, or the name the writer had in the plan when the note was written
    (「みなと経営サポート税理士法人」「代表取締役 桜井 健一」): an advisor with several clients and an
    owner with a successor both need to know which person wrote."""
    return " ".join(name.split()) or GIVER_LABELS.get(by, by)


def short_time(at: datetime) -> str:
    """「12/01 10:30」 in local time, as the chat shows it."""
    return f"{at.astimezone():%m/%d %H:%M}"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def question_label(bank: Bank, q: Question, *, limit: int = 80) -> str:
    """「会社概要 › 商号」: the section and the plan field's title (or the prompt's first sentence)."""
    from kaizen_guide.banks.targets import TargetError, resolve

    section = bank.section_of(q.id).title
    title = ""
    if q.target and q.type != "year_grid":
        try:
            title = resolve(Plan, q.target).title
        except (TargetError, KeyError, AttributeError):
            title = ""
    if not title:
        title = q.prompt.split("。")[0].split("?")[0].split("？")[0]
        title = title if len(title) <= 24 else title[:23] + "…"
    title = _short(title, limit)
    return section if title == section else f"{section} › {title}"


def place_label(bank: Bank, note: ReviewNote) -> str:
    """Where the note is: 「経営課題 › 経営課題 › 課題 I2 › 指摘 issue.external_only」."""
    if not bank.has(note.question_id):
        return note.question_id  # a question a later bank dropped: the id still says where
    q = bank.question(note.question_id)
    parts = [question_label(bank, q)]
    if note.row is not None:
        parts.append(_row_label(bank, q, note.row))
    if note.finding:
        parts.append(f"指摘 {note.finding}")
    return " › ".join(parts)


def _row_label(bank: Bank, q: Question, row: str) -> str:
    if q.type == "year_grid":
        sub = next((r for r in q.rows if r.id == row), None)
        return sub.prompt if sub is not None else row
    label = InterviewState(bank, Plan(), "full").row_label(q)
    if row.isdigit():
        return f"{label} {row}件目"
    return f"{label} {row}"


# ---------------------------------------------------------------------------------------------
# what a note may be attached to


def _question(bank: Bank, question_id: str) -> Question:
    qid = question_id.strip()
    if not bank.has(qid):
        close = [q.id for q in bank.questions if qid and (qid in q.id or q.id.endswith(qid))][:5]
        hint = f" 近いID: {'、'.join(close)}。" if close else ""
        raise NoteError(
            f"質問「{question_id}」はありません。{hint}"
            "質問IDは `kaizen-guide answers-reference` の一覧で確かめてください。"
        )
    return bank.question(qid)


def stored_value(bank: Bank, plan: Plan, q: Question) -> Any:
    """The answer to ``q`` as the interview stores it: from its record, or read from the plan when
    the plan has no records yet (a file written by ``sample`` or by hand, not yet opened)."""
    rec = plan.interview.answers.get(q.id)
    if rec is not None:
        return rec.value if rec.status != "hidden" else None
    if plan.interview.answers or q.target is None:
        return None
    from .answers import _extract

    return _extract(plan, q, bank)[1]


def _rows(bank: Bank, plan: Plan, q: Question) -> list[Any]:
    value = stored_value(bank, plan, q)
    return value if isinstance(value, list) else []


def resolve_row(bank: Bank, plan: Plan, q: Question, row: str) -> str:
    """The stable name of a row: a group's row id (「2」 → 「I2」 where the bank numbers rows), the
    row number of a group without ids, or a year grid's line id (its label also accepted)."""
    text = str(row).strip()
    if q.type == "year_grid":
        for sub in q.rows:
            if text in (sub.id, sub.prompt.strip()):
                return sub.id
        names = "、".join(f"{r.id} ({r.prompt})" for r in q.rows[:8])
        raise NoteError(f"「{question_label(bank, q)}」に行「{row}」はありません (行: {names})。")
    if q.type != "group":
        raise NoteError(
            f"「{question_label(bank, q)}」は行のある質問ではありません。--row を付けずに質問へのメモにしてください。"
        )
    rows = _rows(bank, plan, q)
    label = InterviewState(bank, plan, plan.interview.depth).row_label(q)
    if not rows:
        raise NoteError(
            f"「{question_label(bank, q)}」にはまだ{label}が入力されていません。質問へのメモにしてください。"
        )
    idf = q.row_id.field if q.row_id else None
    ids = [str(r.get(idf)) for r in rows if idf and r.get(idf) is not None]
    if idf and text.upper() in ids:
        return text.upper()
    if text.isdigit() and 1 <= int(text) <= len(rows):
        i = int(text) - 1
        rid = rows[i].get(idf) if idf else None
        return str(rid) if rid is not None else text  # the id survives re-ordering; a number does not
    shown = f"{'、'.join(ids)} または " if ids else ""
    raise NoteError(
        f"「{question_label(bank, q)}」に{label}「{row}」はありません ({label}は{len(rows)}件: {shown}1〜{len(rows)}の番号)。"
    )


def current_findings(bank: Bank, plan: Plan, q: Question) -> list[Any]:
    """The findings on ``q`` now, one per rule: its answer's checks, and plan checks about it."""
    from kaizen_guide.checks import check_plan

    from .findings import run_checks

    state = InterviewState(bank, plan, plan.interview.depth)
    found = list(run_checks(state, q, stored_value(bank, plan, q)))
    target = q.target or ""
    for f in check_plan(plan):
        path = f.path or ""
        if f.question_id == q.id or (target and (path == target or path.startswith((f"{target}[", f"{target}.")))):
            found.append(f)
    first: dict[str, Any] = {}
    for f in found:
        first.setdefault(f.rule_id, f)
    return list(first.values())


def current_rule_ids(bank: Bank, plan: Plan, q: Question) -> list[str]:
    return [f.rule_id for f in current_findings(bank, plan, q)]


def check_finding(bank: Bank, plan: Plan, q: Question, rule_id: str) -> str:
    rule = rule_id.strip()
    found = current_rule_ids(bank, plan, q)
    if rule in found:
        return rule
    now_text = f"今の指摘: {'、'.join(found)}" if found else "今この質問に指摘はありません"
    raise NoteError(f"「{question_label(bank, q)}」に指摘「{rule_id}」はありません ({now_text})。")


# ---------------------------------------------------------------------------------------------
# changing


def add_note(
    plan: Plan,
    bank: Bank,
    *,
    question_id: str,
    text: str,
    by: str,
    row: str | None = None,
    finding: str | None = None,
    at: datetime | None = None,
) -> ReviewNote:
    """Attach a new note (NoteError for an empty text or an unknown question, row or finding)."""
    body = text.strip()
    if not body:
        raise NoteError("メモの内容が空です。例:「KPIの根拠を決算書の数字で」")
    q = _question(bank, question_id)
    stable_row = resolve_row(bank, plan, q, row) if row is not None and str(row).strip() else None
    rule = check_finding(bank, plan, q, finding) if finding is not None and finding.strip() else None
    note = ReviewNote(
        id=next_note_id(plan),
        question_id=q.id,
        row=stable_row,
        finding=rule,
        text=body,
        by=check_giver(by),
        by_name=author_name(plan, by),
        created_at=at or now(),
    )
    plan.notes.append(note)
    return note


def reply_note(plan: Plan, note_id: str, *, text: str, by: str, at: datetime | None = None) -> ReviewNote:
    body = text.strip()
    if not body:
        raise NoteError("返信の内容が空です。")
    note = find_note(plan, note_id)
    giver = check_giver(by)
    note.replies.append(NoteReply(text=body, by=giver, by_name=author_name(plan, by), at=at or now()))
    return note


def resolve_note(plan: Plan, note_id: str, *, by: str, at: datetime | None = None) -> ReviewNote:
    note = find_note(plan, note_id)
    if not note.is_open:
        raise NoteError(f"メモ {note.id} はもう解決済みです ({short_time(note.resolved_at or note.created_at)})。")
    note.resolved_by = check_giver(by)
    note.resolved_at = at or now()
    return note


def reopen_note(plan: Plan, note_id: str) -> ReviewNote:
    note = find_note(plan, note_id)
    if note.is_open:
        raise NoteError(f"メモ {note.id} は未解決のままです。")
    note.resolved_at = None
    note.resolved_by = None
    return note


# ---------------------------------------------------------------------------------------------
# in an open interview


class NoteDesk:
    """The notes of an open interview: each change is saved at once, like an answer.

    ``session`` is an :class:`~kaizen_guide.engine.interview.Interview` (anything with ``plan``,
    ``bank``, ``given_by``, ``saver`` and ``reset_caches``). Each method returns
    (the note, None) or (None, a Japanese message); on a failed save the plan is what is on disk.
    """

    def __init__(self, session: Any):
        self.session = session

    @property
    def plan(self) -> Plan:
        return cast(Plan, self.session.plan)

    def open_for(self, question_id: str) -> list[ReviewNote]:
        return notes_for(self.plan, question_id)

    def all_for(self, question_id: str) -> list[ReviewNote]:
        """Every note on the question, resolved ones included."""
        return notes_for(self.plan, question_id, include_resolved=True)

    def all(self, *, include_resolved: bool = False) -> list[ReviewNote]:
        return list_notes(self.plan, include_resolved=include_resolved)

    def place(self, note: ReviewNote) -> str:
        return place_label(self.session.bank, note)

    def add(
        self, question_id: str, text: str, *, row: str | None = None, finding: str | None = None
    ) -> tuple[ReviewNote | None, str | None]:
        s = self.session
        return self._change(
            lambda plan: add_note(
                plan, s.bank, question_id=question_id, text=text, by=s.given_by, row=row, finding=finding
            )
        )

    def reply(self, note_id: str, text: str) -> tuple[ReviewNote | None, str | None]:
        return self._change(lambda plan: reply_note(plan, note_id, text=text, by=self.session.given_by))

    def resolve(self, note_id: str) -> tuple[ReviewNote | None, str | None]:
        return self._change(lambda plan: resolve_note(plan, note_id, by=self.session.given_by))

    def reopen(self, note_id: str) -> tuple[ReviewNote | None, str | None]:
        return self._change(lambda plan: reopen_note(plan, note_id))

    def _change(self, change: Any) -> tuple[ReviewNote | None, str | None]:
        s = self.session
        try:
            note = change(s.plan)
        except NoteError as exc:
            return None, exc.message
        saver: PlanSaver = s.saver
        s.plan, err = saver.save_or_rollback(s.plan, what="メモ")
        if err:
            s.reset_caches()
            return None, err
        return note, None
