"""Year grids (決算実績 3期分, 数値計画の前提): line items down, years across, edited like a
spreadsheet.

Each cell is a one-line Input (so an IME works as usual). Moving onto a cell selects its value,
so typing replaces it (Enter, arrows and Tab move; Delete empties the cell; F2 edits the value
instead of replacing it). The header and the row labels never scroll away: the grid shows as
many year columns as fit and slides the window with the cursor; rows scroll under a fixed
header. Totals the bank derives (売上総利益…経常利益, the B/S difference) update as cells change.
ctrl+s sends ``{row id: [text per column]}`` to the engine.

Every move is a priority binding: the app runs it before it reads the next key, so digits typed
right after Enter land in the next cell (see composer.py on type-ahead).
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from kaizen_guide.engine.grid import cell_value, derived_lines

from ..texts import fit
from .editor import PREVIEW_TYPES, SUBMIT_KEY, Editor, focus_now, keys_applied
from .paste import BlockPasteInput, paste_notice

LABEL_WIDTH = 18
CELL_WIDTH = 12
GAP = 1


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def _row_label(row: Any) -> str:
    return row.prompt.split("(")[0].strip()


def _number(value: int | None) -> str:
    from kaizen_guide.ja import format_amount

    return "?" if value is None else format_amount(value)


class GridEditor(Editor):
    """A grid of one-line inputs; ctrl+s sends it."""

    DEFAULT_CSS = f"""
    GridEditor {{ height: auto; }}
    GridEditor .grid-row {{ height: 1; width: 1fr; }}
    GridEditor #grid-body {{ height: auto; max-height: 10; scrollbar-size-vertical: 1; }}
    GridEditor .grid-label {{ width: {LABEL_WIDTH}; height: 1; color: $text-muted; }}
    GridEditor .grid-label.-required {{ color: $text; }}
    GridEditor .grid-label.-focused {{ color: $text-accent; text-style: bold; }}
    GridEditor .grid-head {{ width: {CELL_WIDTH}; height: 1; text-style: bold; margin-right: {GAP}; }}
    GridEditor .grid-head.-focused {{ color: $text-accent; }}
    GridEditor .grid-cell {{ width: {CELL_WIDTH}; height: 1; margin-right: {GAP}; background: $boost; }}
    GridEditor .grid-cell:focus {{ background: $primary 30%; }}
    GridEditor .grid-cell.-error {{ color: $text-error; }}
    GridEditor #grid-derived {{ height: auto; border-top: dashed $primary 30%; }}
    GridEditor .grid-total {{ width: {CELL_WIDTH}; height: 1; margin-right: {GAP}; text-align: right; }}
    GridEditor .grid-total.-error {{ color: $text-error; }}
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
        self.n_rows = len(question.rows)
        self.first_col = 0
        """The leftmost year column on screen (the window slides with the cursor)."""
        self.cursor = (0, 0)
        self._heading_cache: list[str] | None = None
        self._lines = derived_lines(question, {}, self.n_columns)
        self._notice = ""
        """After a block paste, what went in (shown on the hint line until the cursor moves)."""

    # -- layout -------------------------------------------------------------------------------
    def _headings(self) -> list[str]:
        if self._heading_cache is not None:
            return self._heading_cache
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
        self._heading_cache = out
        return out

    def compose(self) -> ComposeResult:
        headings = self._headings()
        with Horizontal(classes="grid-row", id="grid-head"):
            yield Label("", classes="grid-label", id="grid-corner")
            for c, heading in enumerate(headings):
                yield Label(fit(heading, CELL_WIDTH), classes="grid-head", id=f"h-{c}")
        with VerticalScroll(id="grid-body"):
            for r, row in enumerate(self.question.rows):
                values = self.values_in.get(row.id, [])
                with Horizontal(classes="grid-row"):
                    yield Label(
                        fit(_row_label(row), LABEL_WIDTH - 1),
                        classes="grid-label" + (" -required" if row.required else ""),
                        id=f"l-{r}",
                    )
                    for c in range(self.n_columns):
                        yield BlockPasteInput(
                            _text(values[c]) if c < len(values) else "",
                            id=f"c-{r}-{c}",
                            classes="grid-cell",
                            compact=True,
                            select_on_focus=True,  # typing replaces the value, as in a spreadsheet
                        )
        if self._lines:
            with Vertical(id="grid-derived"):
                for i, line in enumerate(self._lines):
                    with Horizontal(classes="grid-row"):
                        yield Label(fit(line.label, LABEL_WIDTH - 1), classes="grid-label")
                        for c in range(self.n_columns):
                            yield Static("", classes="grid-total", id=f"d-{i}-{c}")
        yield Static("", id="grid-preview", markup=False)
        yield Static("", id="grid-hint")

    def on_mount(self) -> None:
        self._fit_height()
        self._apply_window()
        self._update_totals()

    def on_resize(self) -> None:
        self._fit_height()
        self._apply_window()

    def _fit_height(self) -> None:
        """Rows scroll under the header: give the body what the screen leaves after the header,
        the totals, the preview and the hint (the composer takes up to 85% of the screen)."""
        screen_h = self.screen.size.height if self.is_attached else 24
        fixed = 4 + 1 + (len(self._lines) + 1 if self._lines else 0) + 2
        body = max(3, int((screen_h - 2) * 0.85) - fixed)
        self.query_one("#grid-body").styles.max_height = min(body, self.n_rows)

    def _visible_columns(self) -> int:
        width = self.size.width or 80
        return max(1, min(self.n_columns, (width - LABEL_WIDTH - 1) // (CELL_WIDTH + GAP)))

    def _apply_window(self) -> None:
        """Show the year columns that fit, keeping the cursor's column among them."""
        shown = self._visible_columns()
        _r, c = self.cursor
        if c < self.first_col:
            self.first_col = c
        elif c >= self.first_col + shown:
            self.first_col = c - shown + 1
        self.first_col = max(0, min(self.first_col, self.n_columns - shown))
        window = range(self.first_col, self.first_col + shown)
        for widget in self.query(".grid-head, .grid-cell, .grid-total"):
            col = int((widget.id or "0").rsplit("-", 1)[1])
            widget.display = col in window
        left = "◀" if self.first_col > 0 else " "
        right = "▶" if self.first_col + shown < self.n_columns else " "
        corner = f"{left}{self.first_col + 1}-{self.first_col + shown}/{self.n_columns}列{right}"
        self.query_one("#grid-corner", Label).update(corner if shown < self.n_columns else "")
        self._update_hint()

    def _update_hint(self) -> None:
        hint = self._notice or "Enter/↑↓ 下へ・Tab/←→ 横へ・入力で置き換え・Del 消去・F2 編集・ctrl+s 送信"
        line = self.query_one("#grid-hint", Static)
        line.set_class(bool(self._notice), "-notice")
        line.update(fit(hint, max(20, (self.size.width or 80) - 2)))

    # -- focus and moves ----------------------------------------------------------------------
    def cell(self, r: int, c: int) -> Input:
        return self.query_one(f"#c-{r}-{c}", Input)

    def focus_input(self) -> None:
        r, c = self.cursor
        self._go(r, c)

    def _pos(self, widget: Any) -> tuple[int, int] | None:
        wid = getattr(widget, "id", "") or ""
        if not wid.startswith("c-"):
            return None
        _, r, c = wid.split("-")
        return int(r), int(c)

    def _go(self, r: int, c: int) -> None:
        self.cursor = (r, c)
        self._apply_window()
        cell = self.cell(r, c)
        focus_now(cell)
        cell.scroll_visible(animate=False)

    async def action_move(self, dr: int, dc: int, wrap: bool = False) -> None:
        focused = self.app.focused
        pos = self._pos(focused)
        if pos is None:
            raise SkipAction()
        await keys_applied(focused)  # the cell keeps what was typed before the move
        r, c = pos[0] + dr, pos[1] + dc
        if wrap and r >= self.n_rows:  # Enter under the last row: the top of the next year
            r, c = (0, c + 1) if c + 1 < self.n_columns else (self.n_rows - 1, c)
        if 0 <= r < self.n_rows and 0 <= c < self.n_columns:
            self._go(r, c)

    async def action_side(self, dc: int) -> None:
        """←→ move the text cursor inside a cell being edited, and move across cells otherwise."""
        focused = self.app.focused
        if self._pos(focused) is None:
            raise SkipAction()
        await keys_applied(focused)
        assert isinstance(focused, Input)
        selected_all = focused.value and focused.selection.start != focused.selection.end
        at_edge = focused.cursor_position >= len(focused.value) if dc > 0 else focused.cursor_position == 0
        if not (selected_all or at_edge or not focused.value):
            raise SkipAction()  # let the Input move its cursor
        await self.action_move(0, dc)

    async def action_clear(self) -> None:
        focused = self.app.focused
        if self._pos(focused) is None:
            raise SkipAction()
        await keys_applied(focused)
        assert isinstance(focused, Input)
        focused.value = ""

    async def action_edit(self) -> None:
        """F2: keep the value and put the cursor at its end (typing adds instead of replacing)."""
        focused = self.app.focused
        if self._pos(focused) is None:
            raise SkipAction()
        await keys_applied(focused)
        assert isinstance(focused, Input)
        focused.cursor_position = len(focused.value)

    def on_descendant_blur(self, event) -> None:
        if isinstance(event.widget, Input):
            self._as_bank_writes(event.widget)

    def _as_bank_writes(self, cell: Input) -> None:
        """A number left behind is shown as the bank writes it (「350万円」→「3,500」), so the
        whole value fits the cell; text that does not read as a number stays as typed."""
        pos = self._pos(cell)
        if pos is None:
            return
        row = self.question.rows[pos[0]]
        if row.type not in ("amount", "integer", "percent", "decimal"):
            return
        value, error = cell_value(row, cell.value)
        if value is None or error:
            return
        from kaizen_guide.engine.values import format_value

        shown = format_value(row, value)
        if shown != cell.value:
            cell.value = shown

    def take_block(self, origin: Input, rows: list[list[str]]) -> None:
        """A pasted block fills the grid from ``origin`` as a spreadsheet does: lines go down the
        line items, tab-separated cells across the years; an empty cell leaves the cell as it is.
        Each value goes through the cell like typed text (its check, the totals); values beyond
        the grid are counted on the hint line, not lost silently."""
        start = self._pos(origin)
        if start is None:
            return
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
                cell = self.cell(r, c)
                cell.value = text
                if cell is not origin:  # the focused cell is shown the bank's way when left
                    self._as_bank_writes(cell)
                filled += 1
        origin.select_all()  # typing now replaces the pasted value, as on a moved-to cell
        self._notice = paste_notice(filled, "マス", cut, "表の外")
        self._update_hint()

    def on_descendant_focus(self, event) -> None:
        pos = self._pos(event.widget)
        if pos is None:
            return
        self.cursor = pos
        if self._notice:
            self._notice = ""
            self._update_hint()
        for label in self.query(".grid-label.-focused, .grid-head.-focused"):
            label.remove_class("-focused")
        self.query_one(f"#l-{pos[0]}").add_class("-focused")
        self.query_one(f"#h-{pos[1]}").add_class("-focused")
        self._preview_cell(event.widget)

    # -- live preview and totals --------------------------------------------------------------
    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the priority binding above

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        pos = self._pos(event.input)
        if pos is None:
            return
        row = self.question.rows[pos[0]]
        _value, error = cell_value(row, event.value)
        event.input.set_class(bool(error), "-error")
        if event.input.has_focus:
            self._preview_cell(event.input)
        self._update_totals()

    def _preview_cell(self, cell: Input) -> None:
        preview = self.query_one("#grid-preview", Static)
        pos = self._pos(cell)
        if pos is None:
            return
        row = self.question.rows[pos[0]]
        heading = self._headings()[pos[1]]
        label = f"{_row_label(row)} ({heading})"
        if not cell.value.strip() or self.preview_fn is None:
            preview.set_class(False, "-error")
            preview.update(
                label + ("" if row.type not in PREVIEW_TYPES else f"  例：{row.example}" if row.example else "")
            )
            return
        if row.type not in PREVIEW_TYPES:
            preview.set_class(False, "-error")
            preview.update(f"{label}: {cell.value}")  # the whole text, even when the cell is narrower
            return
        shown = self.preview_fn(f"{self.question.id}.{row.id}", cell.value)
        preview.set_class("→" not in shown, "-error")
        preview.update(f"{label}: {shown}")

    def _update_totals(self) -> None:
        if not self._lines:
            return
        cells = self.value()
        self._lines = derived_lines(self.question, cells, self.n_columns)
        typed = [any((texts[c] or "").strip() for texts in cells.values()) for c in range(self.n_columns)]
        for i, line in enumerate(self._lines):
            for c, v in enumerate(line.values):
                total = self.query_one(f"#d-{i}-{c}", Static)
                if not typed[c]:  # nothing in this year yet: no total to show
                    total.set_class(False, "-error")
                    total.update("")
                    continue
                bad = v is None or (line.check and v != 0)
                total.set_class(bad, "-error")
                total.update(("一致" if v == 0 else _number(v)) if line.check and v is not None else _number(v))

    def value(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for r, row in enumerate(self.question.rows):
            out[row.id] = [self.cell(r, c).value for c in range(self.n_columns)]
        return out
