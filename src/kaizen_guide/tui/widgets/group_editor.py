"""Repeating groups (役員, 金融機関, 課題, 対策, アクション …): a table of rows and a row form.

The table shows the rows being written; ``a`` adds a row, Enter edits the highlighted row in a
form (widgets/row_form.py, loaded with the first form), ``d`` deletes it, ctrl+s sends all rows
(``list[dict]`` of field id → text) to the engine.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ..texts import cell_text, fit, short_label
from .cell_table import CellTable
from .editor import SUBMIT_KEY, Editor, focus_now, keys_applied

__all__ = ["GroupEditor"]

_cell_text = cell_text

_LATER = {
    "RowFormScreen": "row_form",
    "CHECKED": "field_input",
    "UNCHECKED": "field_input",
    "MarkedSelectionList": "field_input",
}
"""Where the names this module had before the row form moved out live now (loaded when asked for)."""


_short = short_label  # (its default width, 16, is the table's and the row form's)


def __getattr__(name: str) -> Any:
    """The row form and its inputs, still importable from here, load only when asked for."""
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__package__}.{module}"), name)


class GroupEditor(Editor):
    """An editable table of rows; rows are sent together with ctrl+s."""

    DEFAULT_CSS = """
    GroupEditor { height: auto; }
    GroupEditor DataTable { height: auto; max-height: 10; overflow-x: hidden; }
    GroupEditor #group-hint { height: 1; color: $text-muted; padding: 0 1; }
    GroupEditor #group-empty { height: 1; color: $text-muted; padding: 0 1; }
    """

    BINDINGS = [
        Binding(SUBMIT_KEY, "send", "送信", priority=True),
        # Priority, so the row form is open before the keys typed after 「a」 are read.
        Binding("a", "add", "行を追加", show=False, priority=True),
        Binding("enter", "edit", "行を編集", show=False, priority=True),
        Binding("d,delete", "delete", "行を削除", show=False, priority=True),
    ]

    def __init__(self, question: Any, **kwargs: Any) -> None:
        super().__init__(question, **kwargs)
        rows = self.prefill if isinstance(self.prefill, list) else []
        self.rows: list[dict[str, Any]] = [dict(r) for r in rows if isinstance(r, dict)]

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Show ``question``'s rows in this table (a new editor per group question cost a mount
        and its styling, 30–90 ms, issue 18)."""
        self.adopt(question, prefill, helpers)
        rows = prefill if isinstance(prefill, list) else []
        self.rows = [dict(r) for r in rows if isinstance(r, dict)]
        self._render_rows()
        return True

    def compose(self) -> ComposeResult:
        yield CellTable(cursor_type="row", zebra_stripes=True, id="group-table")
        yield Static("まだ行がありません。a で追加します。", id="group-empty")
        yield Static("a 追加・Enter 編集・d 削除・ctrl+s で送信", id="group-hint")

    @staticmethod
    def _width_of(field: Any) -> int:
        return 20 if field.type in ("long_text", "text") else 12

    def _columns(self) -> list[Any]:
        """The fields that fit the editor's width (the row form shows them all)."""
        # Before the first layout the editor has no size yet: the composer's width is what it gets.
        parent = self.parent
        width = (self.size.width or getattr(getattr(parent, "content_region", None), "width", 0) or 60) - 2
        shown: list[Any] = []
        used = 3 + 2  # the row number column and its padding
        for f in self.question.fields:
            w = self._width_of(f) + 2
            if used + w > width and shown:
                break
            shown.append(f)
            used += w
        return shown

    def on_mount(self) -> None:
        self._render_rows()

    _shown_columns: list[Any] | None = None

    def on_resize(self) -> None:
        if self._columns() != self._shown_columns:  # the first layout usually keeps them: no rebuild
            table = self.query_one(DataTable)
            self._render_rows(table.cursor_row if self.rows else None)

    def _render_rows(self, cursor: int | None = None) -> None:
        table = self.query_one(DataTable)
        columns = self._columns()
        self._shown_columns = columns
        table.clear(columns=True)
        table.add_column("#", width=3)
        for f in columns:
            table.add_column(_short(f.prompt, self._width_of(f)), width=self._width_of(f))
        for i, row in enumerate(self.rows, 1):
            cells = [str(i)]
            for f in columns:
                cells.append(fit(_cell_text(row.get(f.id)), self._width_of(f)))
            table.add_row(*cells)
        self.query_one("#group-empty").display = not self.rows
        table.display = bool(self.rows)
        if self.rows:
            table.move_cursor(row=min(cursor if cursor is not None else 0, len(self.rows) - 1))

    def focus_input(self) -> None:
        table = self.query_one(DataTable)
        focus_now(table if self.rows else self)

    can_focus = True

    def value(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.rows]

    async def _open_form(self, index: int | None) -> None:
        row = self.rows[index] if index is not None else {}
        label = getattr(self.question, "row_label", "") or "行"
        title = f"{self.question.prompt} ― {label} {index + 1 if index is not None else len(self.rows) + 1}"

        def done(values: dict | None) -> None:
            if values is None:
                self.focus_input()
                return
            if index is None:
                self.rows.append(values)
                cursor = len(self.rows) - 1
            else:
                self.rows[index] = values
                cursor = index
            self._render_rows(cursor)
            self.focus_input()

        from .row_form import RowFormScreen

        form = RowFormScreen(
            self.question, row, options=self.options_fn, preview=self.preview_fn, title=title, on_done=done
        )
        await self.app.push_screen(form)

    async def action_add(self) -> None:
        await self._open_form(None)

    async def action_edit(self) -> None:
        table = self.query_one(DataTable)
        await keys_applied(table)  # ↑↓ typed before Enter pick the row
        await self._open_form(table.cursor_row if self.rows else None)

    @on(DataTable.RowSelected)
    async def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        await self._open_form(event.cursor_row)

    async def action_delete(self) -> None:
        if not self.rows:
            return
        index = self.query_one(DataTable).cursor_row
        del self.rows[index]
        self._render_rows(max(0, index - 1))
        self.focus_input()
