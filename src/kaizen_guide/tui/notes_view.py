"""How review notes read on screen: 「支援者より (12/01 10:30): KPIの根拠を決算書の数字で」.

The note's text was typed by a person, so it is escaped before it goes into a Markdown message
(a 「*」 or a link in a note stays as typed).
"""

from __future__ import annotations

import re
from typing import Any

from kaizen_guide.engine.notes import short_time, who_label

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def note_line(note: Any, where: str = "") -> str:
    """「支援者より (12/01 10:30) 課題 I2: …」 (plain text)."""
    at = f" {where}" if where else ""
    return f"{who_label(note.by, note.by_name)}より ({short_time(note.created_at)}){at}: {' '.join(note.text.split())}"


def note_markdown(note: Any, where: str = "") -> str:
    """The chat message for an open note, with its replies under it."""
    at = f" {md_escape(where)}" if where else ""
    text = f"**{md_escape(who_label(note.by, note.by_name))}より ({short_time(note.created_at)})**{at}: {md_escape(note.text)}"
    for r in note.replies:
        text += f"  \n↳ {md_escape(who_label(r.by, r.by_name))} ({short_time(r.at)}): {md_escape(r.text)}"
    return text + "  \nF7 で返信・解決"


def row_part(desk: Any, note: Any) -> str:
    """The part of the place after the question: 「課題 I2」「指摘 issue.external_only」 (or "")."""
    full = desk.place(note)
    base = full.split(" › ")
    # place = section › field [› row] [› 指摘 rule]: what follows the question's own label
    extra = (note.row is not None) + bool(note.finding)
    return " › ".join(base[-extra:]) if extra else ""


def say_open_notes(chat: Any, desk: Any, *question_ids: str, named: bool = False) -> int:
    """Show the open notes on the questions in the chat (``named``: with each question's label, for
    a form of several questions); returns how many."""
    notes = [n for qid in question_ids for n in desk.open_for(qid)]
    for n in notes:
        where = desk.place(n).split(" › ", 1)[-1] if named else row_part(desk, n)
        chat.say(note_markdown(n, where), "review-note")
    return len(notes)


def say_notes_waiting(chat: Any, desk: Any) -> None:
    """「支援者からの未解決のメモが 2件あります。…」 when the plan opens (nothing when none)."""
    notes = desk.all()
    if not notes:
        return
    by = {who_label(n.by) for n in notes}
    whose = f"{by.pop()}からの" if len(by) == 1 else ""
    chat.say(
        f"{whose}未解決のメモが **{len(notes)}件** あります。その質問に来るとメモを表示します。"
        "ctrl+r の見直し画面の一覧で選ぶと、その質問へ移ります。",
        "review-note",
    )
