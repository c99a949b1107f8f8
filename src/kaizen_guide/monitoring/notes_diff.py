"""The review notes added, answered, resolved and reopened between two versions (or two files).

Notes are never frozen into a version, so between versions they are read from the plan's own note
history: a note belongs to a side when it was written before that side was frozen, and was resolved
on that side when it was resolved by then. Two plan files are compared note by note (same id).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kaizen_guide.engine.notes import place_label
from kaizen_guide.model.notes import ReviewNote

from .plan_diff import Change, DiffSection

KIND_LABELS = {"added": "追加", "replied": "返信", "resolved": "解決", "reopened": "再開"}


def notes_as_of(notes: list[ReviewNote], at: datetime | None) -> list[ReviewNote]:
    """The notes as they stood at ``at`` (all of them, as they are, for None)."""
    if at is None:
        return list(notes)
    out = []
    for n in notes:
        if n.created_at > at:
            continue
        replies = [r for r in n.replies if r.at <= at]
        resolved = n.resolved_at is not None and n.resolved_at <= at
        out.append(
            n.model_copy(
                update={
                    "replies": replies,
                    "resolved_at": n.resolved_at if resolved else None,
                    "resolved_by": n.resolved_by if resolved else None,
                }
            )
        )
    return out


def _change(kind: str, note: ReviewNote, bank: Any, text: str, by: str | None, at: datetime | None) -> Change:
    return Change(
        id=note.id,
        label=f"{KIND_LABELS[kind]} {note.id} {place_label(bank, note)}",
        before="",
        after=" ".join(text.split()),
        kind=kind,
        given_by=by,
        given_at=at,
        raw_after=note.model_dump(mode="json"),
    )


def notes_section(old: list[ReviewNote], new: list[ReviewNote], bank: Any) -> DiffSection:
    """What happened to the notes from ``old`` to ``new``, in the order of the notes."""
    sec = DiffSection("notes", "支援者と経営者のメモ")
    before = {n.id: n for n in old}
    for n in new:
        was = before.get(n.id)
        if was is None:
            sec.changes.append(_change("added", n, bank, n.text, n.by, n.created_at))
        for r in n.replies[len(was.replies) if was is not None else 0 :]:
            sec.changes.append(_change("replied", n, bank, r.text, r.by, r.at))
        if not n.is_open and (was is None or was.is_open):
            sec.changes.append(_change("resolved", n, bank, n.text, n.resolved_by, n.resolved_at))
        elif n.is_open and was is not None and not was.is_open:
            sec.changes.append(_change("reopened", n, bank, n.text, None, None))
    return sec


def notes_between(notes: list[ReviewNote], since: datetime | None, until: datetime | None, bank: Any) -> DiffSection:
    """Between a version frozen at ``since`` and one frozen at ``until`` (None: the working plan)."""
    old = notes_as_of(notes, since) if since is not None else []
    return notes_section(old, notes_as_of(notes, until), bank)
