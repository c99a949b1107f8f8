"""Repeating groups (役員, 金融機関, 課題, 対策, アクション …): a table of rows and a row form.

The table shows the rows being written; ``a`` adds a row, Enter edits the highlighted row in a
form, ``d`` deletes it, ctrl+s sends all rows (``list[dict]`` of field id → text) to the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static

from ..texts import fit, short_label
from .cell_table import CellTable
from .editor import PREVIEW_TYPES, SUBMIT_KEY, Editor, OptionsFn, focus_now, keys_applied
from .field_input import (
    CHECKED,
    UNCHECKED,
    FieldMoves,
    MarkedSelectionList,
    cell_text,
    field_input,
    input_value,
)

__all__ = ["CHECKED", "UNCHECKED", "GroupEditor", "MarkedSelectionList", "RowFormScreen"]

_cell_text = cell_text


def _short(prompt: str, width: int = 16) -> str:
    return short_label(prompt, width)


class RowFormScreen(FieldMoves, ModalScreen[dict | None]):
    """One row of a group: a label and an input per field. ctrl+s saves, Esc cancels."""

    DEFAULT_CSS = """
    RowFormScreen { align: center middle; }
    RowFormScreen #row-dialog {
        width: 96%; max-width: 100; height: auto; max-height: 96%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    RowFormScreen #row-title { height: auto; text-style: bold; }
    RowFormScreen #row-fields { height: auto; max-height: 70vh; }
    RowFormScreen .row-field { height: auto; margin-bottom: 0; }
    RowFormScreen .row-label { width: 18; height: auto; padding: 0 1 0 0; color: $text-muted; }
    RowFormScreen .row-label.-required { color: $text; }
    RowFormScreen .row-input { width: 1fr; background: $boost; }
    RowFormScreen .row-input:focus { background: $primary 20%; }

    RowFormScreen TextArea.row-input { height: 3; }
    RowFormScreen SelectionList.row-input { height: auto; max-height: 6; }
    RowFormScreen Select.row-input { width: 1fr; }
    RowFormScreen #row-preview { height: 1; color: $text-muted; }
    RowFormScreen #row-preview.-error { color: $text-error; }
    RowFormScreen #row-hint { height: 1; color: $text-muted; }
    RowFormScreen #row-error { height: auto; color: $text-error; display: none; }
    RowFormScreen .row-label.-missing { color: $text-error; text-style: bold; }
    """

    AUTO_FOCUS = None  # the first field is focused at once in on_mount (keys may already be coming)
    BINDINGS = [
        Binding(SUBMIT_KEY, "save", "行を保存", priority=True),
        Binding("escape", "cancel", "やめる"),
        # Moves are priority bindings, run before the next key is read (type-ahead, composer.py).
        Binding("tab", "next_field(1)", "次の項目", show=False, priority=True),
        Binding("shift+tab", "next_field(-1)", "前の項目", show=False, priority=True),
        Binding("enter", "enter", "次の項目", show=False, priority=True),
    ]

    def __init__(
        self,
        question: Any,
        row: dict[str, Any],
        *,
        options: OptionsFn | None = None,
        preview: Callable[[str, str], str] | None = None,
        title: str = "",
        on_done: Callable[[dict | None], None] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.on_done = on_done
        """Called with the row (or None) before the form closes, so the table has the row before
        any key typed after ctrl+s is read."""
        self.row = dict(row)
        self.options_fn = options
        self.preview_fn = preview
        self.title_text = title

    def _options(self, field: Any) -> list[tuple[Any, str]]:
        if self.options_fn is not None:
            try:
                return self.options_fn(self.question.id, field.id)
            except Exception:  # noqa: BLE001
                pass
        return [(c.value, c.label) for c in field.choices]

    def compose(self) -> ComposeResult:
        with Vertical(id="row-dialog"):
            yield Static(self.title_text or self.question.prompt, id="row-title", markup=False)
            with VerticalScroll(id="row-fields"):
                for field in self.question.fields:
                    value = self.row.get(field.id)
                    with Horizontal(classes="row-field"):
                        mark = " *" if field.required else ""
                        yield Label(
                            _short(field.prompt, 16) + mark,
                            classes="row-label" + (" -required" if field.required else ""),
                        )
                        yield self._input_for(field, value)
            yield Static("", id="row-preview", markup=False)
            yield Static("", id="row-error", markup=False)
            yield Static("Tab/Enter 次の項目・Space 選択・ctrl+s 行を保存・Esc やめる (*必須)", id="row-hint")

    def _input_for(self, field: Any, value: Any) -> Any:
        return field_input(field, value, self._options(field), wid=f"f-{field.id}", classes="row-input")

    def on_mount(self) -> None:
        first = self.query(".row-input").first()
        if first is not None:
            self.set_focus(first)

    async def enter_on_last(self) -> None:
        await self.action_save()

    def _field_for(self, widget_id: str | None) -> Any:
        if not widget_id or not widget_id.startswith("f-"):
            return None
        return self.question.field(widget_id[2:])

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.has_focus:
            self._show_preview(event.input)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, Input):
            self._show_preview(event.widget)
        else:
            self.query_one("#row-preview", Static).update("")

    def _show_preview(self, widget: Input) -> None:
        """How the focused field's text will be read (「350万円 → 3,500千円」)."""
        field = self._field_for(widget.id)
        preview = self.query_one("#row-preview", Static)
        if field is None or field.type not in PREVIEW_TYPES or not widget.value.strip() or self.preview_fn is None:
            preview.update("")
            return
        shown = self.preview_fn(f"{self.question.id}.{field.id}", widget.value)
        preview.set_class("→" not in shown, "-error")
        preview.update(f"{_short(field.prompt)}: {shown}")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the priority binding above

    def values(self) -> dict[str, Any]:
        field_ids = {f.id for f in self.question.fields}
        # Keys that are not fields (the row id, e.g. "I1") travel with the row unchanged.
        row: dict[str, Any] = {k: v for k, v in self.row.items() if k not in field_ids}
        for field in self.question.fields:
            value = input_value(self.query_one(f"#f-{field.id}"))
            if isinstance(value, list):
                if value:
                    row[field.id] = value
            elif value.strip():
                row[field.id] = value
        return row

    def missing(self, row: dict[str, Any]) -> list[Any]:
        """Required fields left empty (all of them, so the form says everything at once)."""
        return [f for f in self.question.fields if f.required and not row.get(f.id)]

    async def action_save(self) -> None:
        await keys_applied(self.focused)
        row = self.values()
        missing = self.missing(row)
        error = self.query_one("#row-error", Static)
        for label in self.query(".row-label.-missing"):
            label.remove_class("-missing")
        if missing:
            for f in missing:
                line = self.query_one(f"#f-{f.id}").parent  # the field's line: its label and input
                if line is not None:
                    line.query_one(".row-label").add_class("-missing")
            names = "、".join(f"「{_short(f.prompt)}」" for f in missing)
            error.update(f"必須の項目が空です: {names}。入力してから ctrl+s で保存してください。")
            error.display = True
            self.set_focus(self.query_one(f"#f-{missing[0].id}"))
            return
        await self._close(row)

    async def action_cancel(self) -> None:
        await self._close(None)

    async def _close(self, row: dict | None) -> None:
        on_done, self.on_done = self.on_done, None
        await self.app.pop_screen()
        if on_done is not None:
            on_done(row)


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
