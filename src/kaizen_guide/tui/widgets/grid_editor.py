"""Year grids (決算実績 3期分, 数値計画の前提): line items down, years across.

Each cell is a one-line Input (so an IME works as usual). Enter and ↑↓ move between rows like a
spreadsheet, Tab moves across; the line under the grid previews the focused cell
(「350万円 → 3,500千円」). ctrl+s sends ``{row id: [text per column]}`` to the engine.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from ..texts import fit
from .composer import PREVIEW_TYPES, SUBMIT_KEY, Editor, focus_now

LABEL_WIDTH = 18
CELL_WIDTH = 12


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


class GridEditor(Editor):
    """A grid of one-line inputs; ctrl+s sends it."""

    DEFAULT_CSS = f"""
    GridEditor {{ height: auto; }}
    GridEditor #grid {{ height: auto; max-height: 14; overflow-x: auto; }}
    GridEditor .grid-row {{ height: 1; width: auto; }}
    GridEditor .grid-label {{ width: {LABEL_WIDTH}; height: 1; color: $text-muted; }}
    GridEditor .grid-label.-required {{ color: $text; }}
    GridEditor .grid-head {{ width: {CELL_WIDTH}; height: 1; text-style: bold; margin-right: 1; }}
    GridEditor .grid-cell {{ width: {CELL_WIDTH}; height: 1; margin-right: 1; background: $boost; }}
    GridEditor .grid-cell:focus {{ background: $primary 20%; }}
    GridEditor #grid-preview {{ height: 1; color: $text-muted; padding: 0 1; }}
    GridEditor #grid-preview.-error {{ color: $text-error; }}
    GridEditor #grid-hint {{ height: 1; color: $text-muted; padding: 0 1; }}
    """

    BINDINGS = [
        Binding(SUBMIT_KEY, "submit", "送信", priority=True),
        Binding("up", "move(-1)", "上", show=False),
        Binding("down", "move(1)", "下", show=False),
    ]

    def __init__(self, question: Any, **kwargs: Any) -> None:
        super().__init__(question, **kwargs)
        prefill = self.prefill
        self.values_in: dict[str, list[Any]] = {}
        if isinstance(prefill, dict):
            for key, value in prefill.items():
                self.values_in[str(key)] = list(value) if isinstance(value, (list, tuple)) else [value]
        v = question.validation
        count = max((len(x) for x in self.values_in.values()), default=0)
        if not count and self.columns_fn is not None:
            try:
                count = len(self.columns_fn(question.id, None))  # the engine's natural count
            except Exception:  # noqa: BLE001
                count = 0
        if not count:
            count = 3
        if v.min_columns:
            count = max(count, int(v.min_columns))
        if v.max_columns:
            count = min(count, int(v.max_columns))
        self.n_columns = max(1, count)

    def _headings(self) -> list[str]:
        if self.columns_fn is not None:
            try:
                labels = self.columns_fn(self.question.id, self.n_columns)
                if labels and len(labels) >= self.n_columns:
                    return list(labels)[: self.n_columns]
            except Exception:  # noqa: BLE001
                pass
        template = getattr(self.question.columns, "label", "{n1}") or "{n1}"
        out = []
        for n in range(self.n_columns):
            try:
                out.append(template.format(n=n, n1=n + 1))
            except (KeyError, IndexError):
                out.append(str(n + 1))
        return out

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="grid"):
            with Horizontal(classes="grid-row"):
                yield Label("", classes="grid-label")
                for heading in self._headings():
                    yield Label(fit(heading, CELL_WIDTH), classes="grid-head")
            for r, row in enumerate(self.question.rows):
                values = self.values_in.get(row.id, [])
                with Horizontal(classes="grid-row"):
                    yield Label(
                        fit(row.prompt.split("(")[0].strip(), LABEL_WIDTH - 1),
                        classes="grid-label" + (" -required" if row.required else ""),
                    )
                    for c in range(self.n_columns):
                        yield Input(
                            _text(values[c]) if c < len(values) else "",
                            id=f"c-{r}-{c}",
                            classes="grid-cell",
                            compact=True,
                            select_on_focus=False,
                        )
        yield Static("", id="grid-preview", markup=False)
        yield Static("Enter/↑↓ 行の移動・Tab 次の列・ctrl+s で送信", id="grid-hint")

    def focus_input(self) -> None:
        cells = self.query(".grid-cell")
        if cells:
            focus_now(cells.first())

    def _pos(self, widget: Any) -> tuple[int, int] | None:
        wid = getattr(widget, "id", "") or ""
        if not wid.startswith("c-"):
            return None
        _, r, c = wid.split("-")
        return int(r), int(c)

    def action_move(self, delta: int) -> None:
        pos = self._pos(self.app.focused)
        if pos is None:
            return
        r, c = pos
        r2 = r + delta
        if 0 <= r2 < len(self.question.rows):
            cell = self.query_one(f"#c-{r2}-{c}", Input)
            cell.focus()
            cell.scroll_visible()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        pos = self._pos(event.input)
        if pos is None:
            return
        r, c = pos
        if r + 1 < len(self.question.rows):
            self.action_move(1)
        elif c + 1 < self.n_columns:
            self.query_one(f"#c-0-{c + 1}", Input).focus()
        else:
            self.submit()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._preview_cell(event.input)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, Input):
            self._preview_cell(event.widget)

    def _preview_cell(self, cell: Input) -> None:
        preview = self.query_one("#grid-preview", Static)
        pos = self._pos(cell)
        if pos is None:
            return
        row = self.question.rows[pos[0]]
        heading = self._headings()[pos[1]]
        label = f"{row.prompt.split('(')[0].strip()} ({heading})"
        if row.type not in PREVIEW_TYPES or not cell.value.strip() or self.preview_fn is None:
            preview.set_class(False, "-error")
            preview.update(label)
            return
        shown = self.preview_fn(f"{self.question.id}.{row.id}", cell.value)
        preview.set_class("→" not in shown, "-error")
        preview.update(f"{label}: {shown}")

    def value(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r, row in enumerate(self.question.rows):
            out[row.id] = [self.query_one(f"#c-{r}-{c}", Input).value for c in range(self.n_columns)]
        return out

    def action_submit(self) -> None:
        self.submit()
