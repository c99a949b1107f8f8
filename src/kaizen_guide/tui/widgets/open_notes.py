"""The open review notes as a table (on the review screen): ID, where, who and when, the note."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from ..texts import fit


class OpenNotesTable(DataTable):
    """Open notes, oldest first; hidden when there are none. ``question_at_cursor`` says where Enter goes."""

    DEFAULT_CSS = """
    OpenNotesTable {
        height: auto;
        max-height: 6;
        border-top: solid $secondary 50%;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", show_header=False, **kwargs)
        self._questions: list[str] = []

    def load(self, desk: Any, width: int) -> int:
        """Fill from ``desk`` (an engine NoteDesk); returns how many notes are open."""
        from kaizen_guide.engine.notes import short_time, who_label

        from ..notes_view import row_part

        notes = desk.all()
        cursor = self.cursor_row
        self.clear(columns=True)
        id_w, who_w = 4, 22
        place_w = max(14, (width - id_w - who_w - 10) * 40 // 100)
        text_w = max(14, width - id_w - who_w - place_w - 10)
        self.add_column("ID", width=id_w, key="id")
        self.add_column("場所", width=place_w, key="place")
        self.add_column("誰・いつ", width=who_w, key="who")
        self.add_column("メモ", width=text_w, key="text")
        self._questions = []
        for n in notes:
            # The row (or finding) says where; else the field (the section's name is long).
            place = row_part(desk, n) or desk.place(n).split(" › ")[-1]
            who = f"{who_label(n.by)}より {short_time(n.created_at)}"
            replies = f" (返信{len(n.replies)})" if n.replies else ""
            self.add_row(
                n.id,
                Text(fit(place, place_w)),  # typed by people: never read as markup
                who,
                Text(fit(" ".join(n.text.split()) + replies, text_w)),
                key=n.id,
            )
            self._questions.append(n.question_id)
        self.display = bool(notes)
        if notes:
            self.move_cursor(row=min(cursor, len(notes) - 1))
        return len(notes)

    def question_at_cursor(self) -> str | None:
        row = self.cursor_row
        return self._questions[row] if self._questions and 0 <= row < len(self._questions) else None
