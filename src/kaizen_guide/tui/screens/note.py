"""F7 「メモ」: the notes on the current question; the advisor attaches one, either side replies or resolves.

One list and one input: ↑↓ choose what Enter does with the text typed (a new note on the question,
one of its rows or one of its findings, in advisor mode; a reply to a note), F8 resolves the chosen
note or reopens it. Every change goes through the engine's ``NoteDesk`` and is saved at once.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kaizen_guide.banks.models import TEXT_TYPES
from kaizen_guide.engine.notes import NoteDesk, current_findings, question_label, short_time, who_label

Target = tuple[str | None, str | None, str]
"""(row, finding rule id, label) a new note can be attached to."""


def note_targets(interview: Any, question: Any) -> list[Target]:
    """この質問, each row of a group (by number; the engine names it by its id), each line of a year
    grid, and each finding the question has now."""
    out: list[Target] = [(None, None, "この質問")]
    if question.type == "group":
        label = interview.row_label(question)
        idf = question.row_id.field if question.row_id else None
        for i, row in enumerate(interview.value(question.id) or [], 1):
            rid = row.get(idf) if idf else None
            # The row's first written field names it (a 対策's ID would say little).
            first = next((str(row[f.id]) for f in question.fields if f.type in TEXT_TYPES and row.get(f.id)), "")
            name = f"{label} {i}件目" + (f" ({rid})" if rid else "")
            out.append((str(i), None, f"{name}: {' '.join(first.split())[:30]}" if first else name))
    elif question.type == "year_grid":
        out.extend((sub.id, None, sub.prompt) for sub in question.rows)
    for f in current_findings(interview.bank, interview.plan, question):
        out.append((None, f.rule_id, f"指摘: {' '.join(f.message.split())[:40]}"))
    return out


def note_option_text(note: Any, where: str) -> str:
    """The note and its thread, as one entry of the list."""
    state = "未解決" if note.is_open else "解決済み"
    at = f" {where}" if where else ""

    def one_line(text: str) -> str:
        return " ".join(text.split())

    lines = [
        f"{note.id} [{state}] {who_label(note.by, note.by_name)}より ({short_time(note.created_at)}){at}: {one_line(note.text)}"
    ]
    lines += [f"  ↳ {who_label(r.by, r.by_name)} ({short_time(r.at)}): {one_line(r.text)}" for r in note.replies]
    return "\n".join(lines)


class NoteScreen(ModalScreen[bool]):
    """The notes of one question (see the module docstring); dismissed with True when one changed."""

    CSS_PATH = "note.tcss"
    BINDINGS = [
        Binding("escape", "close", "戻る"),
        Binding("f8", "toggle_resolved", "解決/再開", priority=True),
        Binding("up", "move(-1)", "選ぶ", show=False),
        Binding("down", "move(1)", "選ぶ", show=False),
    ]

    def __init__(self, desk: NoteDesk, question: Any, targets: list[Target], *, advisor: bool) -> None:
        super().__init__()
        self.desk = desk
        self.question = question
        self.targets = targets if advisor else []
        self.advisor = advisor
        self.changed = False

    def compose(self) -> ComposeResult:
        label = question_label(self.desk.session.bank, self.question)
        with Vertical(id="note-dialog"):
            yield Static(f"メモ: {label}", id="note-title", markup=False)
            yield OptionList(id="note-choices")
            yield Input(placeholder="メモ・返信を書いて Enter", id="note-text", compact=True)
            yield Static("", id="note-message", markup=False)
            yield Static("", id="note-hint")

    def on_mount(self) -> None:
        self._reload()
        self.query_one(Input).focus()

    # -- the list -----------------------------------------------------------------------------
    def _notes(self) -> list[Any]:
        return self.desk.all_for(self.question.id)

    def _reload(self, keep: str | None = None) -> None:
        from ..notes_view import row_part

        choices = self.query_one(OptionList)
        choices.clear_options()
        options = [
            Option(Text(f"＋ 新しいメモ: {label}"), id=f"new:{i}") for i, (_, _, label) in enumerate(self.targets)
        ]
        notes = self._notes()
        # Text, not markup: the notes were typed by people.
        options += [Option(Text(note_option_text(n, row_part(self.desk, n))), id=f"note:{n.id}") for n in notes]
        choices.add_options(options)
        if not options:
            self._say("この質問にメモはありません (メモを付けられるのは支援者モードです)。")
        ids = [o.id for o in options]
        first_open = next((f"note:{n.id}" for n in notes if n.is_open), None)
        want = keep or (None if self.advisor else first_open)
        choices.highlighted = ids.index(want) if want in ids else (0 if ids else None)
        self._hint()

    def _chosen(self) -> str | None:
        choices = self.query_one(OptionList)
        if choices.highlighted is None:
            return None
        return choices.get_option_at_index(choices.highlighted).id

    def _hint(self) -> None:
        chosen = self._chosen() or ""
        if chosen.startswith("new:"):
            enter = "Enter 追加"
        elif chosen.startswith("note:"):
            enter = "Enter 返信・F8 解決/再開"
        else:
            enter = ""
        parts = ["↑↓ 選ぶ", enter, "Esc 戻る"] if chosen else ["Esc 戻る"]
        self.query_one("#note-hint", Static).update(" ・ ".join(p for p in parts if p))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._hint()

    def action_move(self, step: int) -> None:
        choices = self.query_one(OptionList)
        if choices.option_count:  # stops at either end (no wrapping round to the other)
            now = choices.highlighted if choices.highlighted is not None else 0
            choices.highlighted = max(0, min(choices.option_count - 1, now + step))

    # -- changes ------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.query_one("#note-message", Static).update(text)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        chosen = self._chosen()
        if chosen is None:
            return
        if not text:
            self._say("メモ・返信の内容を入力してください (例: KPIの根拠を決算書の数字で)。")
            return
        kind, _, key = chosen.partition(":")
        if kind == "new":
            row, finding, _ = self.targets[int(key)]
            note, err = self.desk.add(self.question.id, text, row=row, finding=finding)
            done = "メモを付けました"
        else:
            note, err = self.desk.reply(key, text)
            done = f"{key} に返信しました"
        self._after(note, err, done)
        if note is not None:
            self.query_one(Input).value = ""

    def action_toggle_resolved(self) -> None:
        chosen = self._chosen() or ""
        if not chosen.startswith("note:"):
            self._say("解決にするメモを ↑↓ で選んでください。")
            return
        key = chosen.partition(":")[2]
        current = next((n for n in self._notes() if n.id == key), None)
        if current is None:
            return
        if current.is_open:
            note, err = self.desk.resolve(key)
            done = f"{key} を解決済みにしました"
        else:
            note, err = self.desk.reopen(key)
            done = f"{key} を未解決に戻しました"
        self._after(note, err, done)

    def _after(self, note: Any, err: str | None, done: str) -> None:
        if err or note is None:
            self._say(err or "")
            return
        self.changed = True
        self._say(f"{done} (保存済み)。")
        self._reload(keep=f"note:{note.id}")

    def action_close(self) -> None:
        self.dismiss(self.changed)


def open_note_dialog(screen: Any) -> None:
    """F7 on the interview screen: the notes of the question being asked."""
    from .intake import focused_question

    question = screen._safe(lambda: focused_question(screen), screen.question)  # a form: the field
    if question is None:
        screen.notify("メモを付ける質問がありません。")
        return
    iv = screen.interview
    desk = NoteDesk(iv)
    targets = screen._safe(lambda: note_targets(iv, question), [(None, None, "この質問")])

    def closed(changed: bool | None) -> None:
        if changed:
            open_notes = len(desk.open_for(question.id))
            screen.notify(f"メモを保存しました (この質問の未解決のメモ {open_notes}件)。", timeout=3)
        screen.refresh_bindings()
        screen.composer.focus_input()

    screen.app.push_screen(NoteScreen(desk, question, targets, advisor=screen.advisor), closed)
