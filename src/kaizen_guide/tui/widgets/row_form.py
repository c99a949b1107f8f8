"""The form for one row of a repeating group (opened from the group editor's table with a / Enter).

Its inputs (text areas, selects, selection lists: widgets/field_input.py) load with the first form,
not with the table: a group question's first frame needs only the table (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..texts import short_label as _short
from .editor import PREVIEW_TYPES, SUBMIT_KEY, OptionsFn, keys_applied
from .field_input import FieldMoves, field_input, input_value

__all__ = ["RowFormScreen"]


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
