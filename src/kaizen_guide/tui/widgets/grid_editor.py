"""Year grids (決算実績 3期分, 数値計画の前提): line items down, years across, edited like a
spreadsheet.

The grid is drawn by one widget (grid_table.py) and edited through one one-line Input that sits
over the cursor cell (so an IME works as usual; its committed text arrives as keys or a paste).
Moving onto a cell selects its value, so typing replaces it (Enter, arrows and Tab move; Delete
empties the cell; F2 edits the value instead of replacing it). The header and the row labels
never scroll away: the grid shows as many year columns as fit and slides the window with the
cursor; rows slide under a fixed header. Totals the bank derives (売上総利益…経常利益, the B/S
difference) update as cells change. ctrl+s sends ``{row id: [text per column]}`` to the engine.

Every move is a priority binding: the app runs it before it reads the next key, so digits typed
right after Enter land in the next cell (see composer.py on type-ahead).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from kaizen_guide.engine.grid import DerivedLine, cell_value, derived_lines

from ..texts import fit
from .editor import PREVIEW_TYPES, SUBMIT_KEY, Editor, focus_now, keys_applied
from .grid_table import CELL_WIDTH, GAP, LABEL_WIDTH, GridTable
from .paste import BlockPasteInput, paste_notice

__all__ = ["CELL_WIDTH", "GAP", "LABEL_WIDTH", "GridEditor"]

HINT = "Enter/↑↓ 下へ・Tab/←→ 横へ・入力で置き換え・Del 消去・F2 編集・ctrl+s 送信"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def _row_label(row: Any) -> str:
    return str(row.prompt).split("(")[0].strip()


def _number(value: int | None) -> str:
    from kaizen_guide.ja import format_amount

    return "?" if value is None else format_amount(value)


class GridEditor(Editor):
    """A grid drawn as one widget with one Input over the cursor cell; ctrl+s sends it."""

    DEFAULT_CSS = f"""
    GridEditor {{ height: auto; }}
    GridEditor #grid-input {{
        position: absolute; width: {CELL_WIDTH}; height: 1; background: $primary 30%;
    }}
    GridEditor #grid-input.-error {{ color: $text-error; }}
    GridEditor #grid-preview {{ height: auto; max-height: 2; color: $text-muted; padding: 0 1; }}
    GridEditor #grid-preview.-error {{ color: $text-error; }}
    GridEditor #grid-hint {{ height: 1; color: $text-muted; padding: 0 1; }}
    GridEditor #grid-hint.-notice {{ color: $text-warning; }}
    """

    BINDINGS = [
        Binding(SUBMIT_KEY, "send", "送信", priority=True),
        Binding("enter", "move(1, 0, True)", "次のマス", show=False, priority=True),
        Binding("down", "move(1, 0)", "下", show=False, priority=True),
        Binding("up", "move(-1, 0)", "上", show=False, priority=True),
        Binding("tab", "move(0, 1)", "右", show=False, priority=True),
        Binding("shift+tab", "move(0, -1)", "左", show=False, priority=True),
        Binding("right", "side(1)", show=False, priority=True),
        Binding("left", "side(-1)", show=False, priority=True),
        Binding("delete", "clear", "消去", show=False, priority=True),
        Binding("f2", "edit", "編集", show=False, priority=True),
    ]

    def __init__(self, question: Any, **kwargs: Any) -> None:
        super().__init__(question, **kwargs)
        self._load()
        self.table = GridTable(self, id="grid-table")
        self.input = BlockPasteInput(self.cells[0][0], id="grid-input", compact=True, select_on_focus=True)
        self._input_live = True

    def _load(self) -> None:
        """Read the question and its prefill into the grid's cells (the widgets are kept)."""
        question, prefill = self.question, self.prefill
        self._input_live = False
        """True once the Input holds the cursor cell's text (it then is that cell's text)."""
        values_in: dict[str, list[Any]] = {}
        if isinstance(prefill, dict):
            for key, value in prefill.items():
                values_in[str(key)] = list(value) if isinstance(value, (list, tuple)) else [value]
        v = question.validation
        count = max((len(x) for x in values_in.values()), default=0)
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
        self.n_rows = len(question.rows)
        self.row_labels = [_row_label(row) for row in question.rows]
        self.cells: list[list[str]] = []
        for row in question.rows:
            values = values_in.get(row.id, [])
            self.cells.append([_text(values[c]) if c < len(values) else "" for c in range(self.n_columns)])
        self._errors: dict[tuple[int, int], str | None] = {}
        """Each cell's error as last read (a cell is read again only when its text changes)."""
        self.first_col = 0
        """The leftmost year column on screen (the window slides with the cursor)."""
        self.top_row = 0
        """The first line item on screen (rows slide under the fixed header)."""
        self.shown_columns = min(self.n_columns, 3)
        self.body_rows = min(self.n_rows, 10)
        self.cursor = (0, 0)
        self.headings = self._headings()
        self.lines: list[DerivedLine] = []
        self.lines = derived_lines(question, self.value(), self.n_columns)
        self._notice = ""
        """After a block paste, what went in (shown on the hint line until the cursor moves)."""

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Ask another year grid in these widgets (no mount and styling of new ones, issue 18)."""
        self.adopt(question, prefill, helpers)
        self._load()
        with self.input.prevent(Input.Changed):
            self.input.value = self.cells[0][0]
        self._input_live = True
        self.input.select_all()
        self.input.set_class(bool(self.error_at(0, 0)), "-error")
        self.on_mount()
        return True

    # -- what the table draws -----------------------------------------------------------------
    def _headings(self) -> list[str]:
        out: list[str] = []
        if self.columns_fn is not None:
            try:
                labels = self.columns_fn(self.question.id, self.n_columns)
                if labels and len(labels) >= self.n_columns:
                    out = list(labels)[: self.n_columns]
            except Exception:  # noqa: BLE001
                out = []
        if not out:
            template = getattr(self.question.columns, "label", "{n1}") or "{n1}"
            for n in range(self.n_columns):
                try:
                    out.append(template.format(n=n, n1=n + 1))
                except (KeyError, IndexError):
                    out.append(str(n + 1))
        return out

    def text(self, r: int, c: int) -> str:
        """The text of cell (r, c) as typed (the cursor cell: what its Input holds now)."""
        if (r, c) == self.cursor and self._input_live:
            return self.input.value
        return self.cells[r][c]

    def error_at(self, r: int, c: int) -> str | None:
        """Why the text of cell (r, c) is not a value of its line item (None: it reads, or is empty)."""
        text = self.text(r, c)
        key = (r, c)
        if key not in self._errors or self.cells[r][c] != text:
            self.cells[r][c] = text
            self._errors[key] = cell_value(self.question.rows[r], text)[1]
        return self._errors[key]

    def has_errors(self) -> bool:
        return any(self.error_at(r, c) for r in range(self.n_rows) for c in range(self.n_columns))

    def corner(self) -> str:
        if self.shown_columns >= self.n_columns:
            return ""
        left = "◀" if self.first_col > 0 else " "
        right = "▶" if self.first_col + self.shown_columns < self.n_columns else " "
        return f"{left}{self.first_col + 1}-{self.first_col + self.shown_columns}/{self.n_columns}列{right}"

    def shown_headings(self) -> list[str]:
        """The year headings in the column window."""
        return self.headings[self.first_col : self.first_col + self.shown_columns]

    def typed_columns(self) -> list[bool]:
        return [any(self.text(r, c).strip() for r in range(self.n_rows)) for c in range(self.n_columns)]

    def total_text(self, line: DerivedLine, c: int, typed: list[bool] | None = None) -> tuple[str, bool]:
        """A derived line's figure in column ``c`` as drawn, and whether it is shown as an error."""
        typed = typed if typed is not None else self.typed_columns()
        if not typed[c]:  # nothing in this year yet: no total to show
            return "", False
        v = line.values[c]
        bad = v is None or bool(line.check and v != 0)
        return (("一致" if v == 0 else _number(v)) if line.check and v is not None else _number(v)), bad

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield self.table
        yield self.input
        yield Static("", id="grid-preview", markup=False)
        yield Static("", id="grid-hint")

    def on_mount(self) -> None:
        self._layout()
        self._update_hint()
        self._preview()

    def on_resize(self) -> None:
        self._layout()
        self._update_hint()

    def _layout(self) -> None:
        """Fit the windows to the size (rows under the header; the composer takes up to 85% of the
        screen), slide them to the cursor and put the Input over the cursor cell."""
        screen_h = self.screen.size.height if self.is_attached else 24
        fixed = 4 + 1 + (len(self.lines) + 1 if self.lines else 0) + 2
        self.body_rows = max(1, min(self.n_rows, max(3, int((screen_h - 2) * 0.85) - fixed)))
        width = self.size.width or 80
        self.shown_columns = max(1, min(self.n_columns, (width - LABEL_WIDTH - 1) // (CELL_WIDTH + GAP)))
        r, c = self.cursor
        if c < self.first_col:
            self.first_col = c
        elif c >= self.first_col + self.shown_columns:
            self.first_col = c - self.shown_columns + 1
        self.first_col = max(0, min(self.first_col, self.n_columns - self.shown_columns))
        if r < self.top_row:
            self.top_row = r
        elif r >= self.top_row + self.body_rows:
            self.top_row = r - self.body_rows + 1
        self.top_row = max(0, min(self.top_row, self.n_rows - self.body_rows))
        x = LABEL_WIDTH + (c - self.first_col) * (CELL_WIDTH + GAP)
        self.input.styles.offset = (x, 1 + r - self.top_row)
        self.table.refresh(layout=True)

    def _visible_columns(self) -> int:
        return self.shown_columns

    def _update_hint(self) -> None:
        line = self.query_one("#grid-hint", Static)
        line.set_class(bool(self._notice), "-notice")
        line.update(fit(self._notice or HINT, max(20, (self.size.width or 80) - 2)))

    # -- focus and moves ----------------------------------------------------------------------
    def focus_input(self) -> None:
        focus_now(self.input)

    def _editing(self) -> bool:
        return self.app.focused is self.input

    def go(self, r: int, c: int) -> None:
        """Put the cursor on cell (r, c): the cell left is shown the bank's way, the new one's
        value is selected, so typing replaces it."""
        old = self.cursor
        self.cells[old[0]][old[1]] = self.input.value
        self._as_bank_writes(*old)
        self.cursor = (r, c)
        if self._notice:
            self._notice = ""
            self._update_hint()
        self.input.value = self.cells[r][c]
        self.input.select_all()
        self.input.set_class(bool(self.error_at(r, c)), "-error")
        self._layout()
        self._preview()

    _go = go

    async def action_move(self, dr: int, dc: int, wrap: bool = False) -> None:
        if not self._editing():
            raise SkipAction()
        await keys_applied(self.input)  # the cell keeps what was typed before the move
        r, c = self.cursor[0] + dr, self.cursor[1] + dc
        if wrap and r >= self.n_rows:  # Enter under the last row: the top of the next year
            r, c = (0, c + 1) if c + 1 < self.n_columns else (self.n_rows - 1, c)
        if 0 <= r < self.n_rows and 0 <= c < self.n_columns:
            self.go(r, c)

    async def action_side(self, dc: int) -> None:
        """←→ move the text cursor inside a cell being edited, and move across cells otherwise."""
        if not self._editing():
            raise SkipAction()
        cell = self.input
        await keys_applied(cell)
        selected_all = cell.value and cell.selection.start != cell.selection.end
        at_edge = cell.cursor_position >= len(cell.value) if dc > 0 else cell.cursor_position == 0
        if not (selected_all or at_edge or not cell.value):
            raise SkipAction()  # let the Input move its cursor
        await self.action_move(0, dc)

    async def action_clear(self) -> None:
        if not self._editing():
            raise SkipAction()
        await keys_applied(self.input)
        self.input.value = ""

    async def action_edit(self) -> None:
        """F2: keep the value and put the cursor at its end (typing adds instead of replacing)."""
        if not self._editing():
            raise SkipAction()
        await keys_applied(self.input)
        self.input.cursor_position = len(self.input.value)

    def on_descendant_blur(self, event: Any) -> None:
        if event.widget is self.input:  # leaving the grid: the value left is shown the bank's way
            self._as_bank_writes(*self.cursor)

    def on_descendant_focus(self, event: Any) -> None:
        if event.widget is self.input:
            self._preview()

    def _as_bank_writes(self, r: int, c: int) -> None:
        """A number left behind is shown as the bank writes it (「350万円」→「3,500」), so the
        whole value fits the cell; text that does not read as a number stays as typed."""
        row = self.question.rows[r]
        if row.type not in ("amount", "integer", "percent", "decimal"):
            return
        text = self.text(r, c)
        value, error = cell_value(row, text)
        if value is None or error:
            return
        from kaizen_guide.engine.values import format_value

        shown = format_value(row, value)
        if shown != text:
            self.cells[r][c] = shown
            if (r, c) == self.cursor:
                self.input.value = shown
            self.table.refresh()

    def take_block(self, origin: Input, rows: list[list[str]]) -> None:
        """A pasted block fills the grid from the cursor as a spreadsheet does: lines go down the
        line items, tab-separated cells across the years; an empty cell leaves the cell as it is.
        Each value goes through the cell like typed text (its check, the totals); values beyond
        the grid are counted on the hint line, not lost silently."""
        start = self.cursor
        filled = cut = 0
        for i, line in enumerate(rows):
            for j, text in enumerate(line):
                text = text.strip()
                if not text:
                    continue
                r, c = start[0] + i, start[1] + j
                if r >= self.n_rows or c >= self.n_columns:
                    cut += 1
                    continue
                if (r, c) == start:
                    self.input.value = text  # the cursor cell is shown the bank's way when left
                else:
                    self.cells[r][c] = text
                    self._as_bank_writes(r, c)
                filled += 1
        self.input.select_all()  # typing now replaces the pasted value, as on a moved-to cell
        self._notice = paste_notice(filled, "マス", cut, "表の外")
        self._update_hint()
        self._changed_cells()

    # -- live preview and totals --------------------------------------------------------------
    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the priority binding above

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed_cells()

    def _changed_cells(self) -> None:
        r, c = self.cursor
        self.input.set_class(bool(self.error_at(r, c)), "-error")
        self._preview()
        self._update_totals()
        self.table.refresh()

    def _preview(self) -> None:
        preview = self.query_one("#grid-preview", Static)
        r, c = self.cursor
        row = self.question.rows[r]
        text = self.text(r, c)
        label = f"{self.row_labels[r]} ({self.headings[c]})"
        if not text.strip() or self.preview_fn is None:
            preview.set_class(False, "-error")
            preview.update(
                label + ("" if row.type not in PREVIEW_TYPES else f"  例：{row.example}" if row.example else "")
            )
            return
        if row.type not in PREVIEW_TYPES:
            preview.set_class(False, "-error")
            preview.update(f"{label}: {text}")  # the whole text, even when the cell is narrower
            return
        shown = self.preview_fn(f"{self.question.id}.{row.id}", text)
        preview.set_class("→" not in shown, "-error")
        preview.update(f"{label}: {shown}")

    def _update_totals(self) -> None:
        if self.lines:
            self.lines = derived_lines(self.question, self.value(), self.n_columns)

    def value(self) -> dict[str, list[str]]:
        return {row.id: [self.text(r, c) for c in range(self.n_columns)] for r, row in enumerate(self.question.rows)}
