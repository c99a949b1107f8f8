"""The year grid drawn as one widget: header, row labels, the cells in the column window and the
derived totals under a dashed line.

A grid of ~75 cells as ~200 widgets took 0.3–0.7 s to mount and lay out on every grid question
(issue 18); drawn as one widget it is one render of some twenty lines. The cell being edited is
covered by the grid's single Input (see grid_editor.py), placed over the cursor cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

from ..texts import fit

if TYPE_CHECKING:
    from .grid_editor import GridEditor

LABEL_WIDTH = 18
CELL_WIDTH = 12
GAP = 1
RULE = "╍"
"""The dashed line between the cells and the totals the bank derives from them."""


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` cut to ``width`` cells and padded to exactly ``width`` (wide characters count 2)."""
    text = fit(text, width)
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


class GridTable(Widget):
    """Draws the grid of a :class:`GridEditor` (its data, cursor and windows live there)."""

    COMPONENT_CLASSES = {
        "grid-table--label",
        "grid-table--required",
        "grid-table--focused",
        "grid-table--head",
        "grid-table--cell",
        "grid-table--cursor",
        "grid-table--error",
        "grid-table--rule",
        "grid-table--more",
    }

    DEFAULT_CSS = """
    GridTable { height: auto; width: 1fr; }
    GridTable > .grid-table--label { color: $text-muted; }
    GridTable > .grid-table--required { color: $text; }
    GridTable > .grid-table--focused { color: $text-accent; text-style: bold; }
    GridTable > .grid-table--head { text-style: bold; }
    GridTable > .grid-table--cell { background: $boost; }
    GridTable > .grid-table--cursor { background: $primary 30%; }
    GridTable > .grid-table--error { color: $text-error; }
    GridTable > .grid-table--rule { color: $primary 30%; }
    GridTable > .grid-table--more { color: $text-muted; }
    """

    def __init__(self, grid: GridEditor, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.grid = grid

    def line_count(self) -> int:
        grid = self.grid
        return 1 + grid.body_rows + (1 + len(grid.lines) if grid.lines else 0)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"grid-table--{name}")

    def render(self) -> Text:
        grid = self.grid
        shown = range(grid.first_col, grid.first_col + grid.shown_columns)
        cursor_r, cursor_c = grid.cursor
        gap = " " * GAP
        out = Text(no_wrap=True, overflow="crop", end="")
        # The header: the column window's position in the corner, then the years shown.
        out.append(pad(grid.corner(), LABEL_WIDTH), self._style("more"))
        for c in shown:
            style = self._style("focused" if c == cursor_c else "head")
            out.append(pad(grid.headings[c], CELL_WIDTH), style)
            out.append(gap)
        cell, cursor, error = self._style("cell"), self._style("cursor"), self._style("error")
        last = grid.top_row + grid.body_rows - 1
        for r in range(grid.top_row, last + 1):
            out.append("\n")
            row = grid.question.rows[r]
            name = "focused" if r == cursor_r else "required" if row.required else "label"
            out.append(pad(grid.row_labels[r], LABEL_WIDTH - 1) + " ", self._style(name))
            for c in shown:
                style = cursor if (r, c) == grid.cursor else cell
                if grid.error_at(r, c):
                    style = style + error
                out.append(pad(grid.text(r, c), CELL_WIDTH), style)
                out.append(gap)
            more = "▲" if r == grid.top_row and grid.top_row > 0 else ""
            more = more or ("▼" if r == last and last < grid.n_rows - 1 else "")
            if more:
                out.append(more, self._style("more"))
        if grid.lines:
            out.append("\n" + RULE * max(1, self.size.width), self._style("rule"))
            typed = grid.typed_columns()
            for line in grid.lines:
                out.append("\n" + pad(line.label, LABEL_WIDTH - 1) + " ", self._style("label"))
                for c in shown:
                    text, bad = grid.total_text(line, c, typed)
                    out.append(pad(text, CELL_WIDTH, right=True), error if bad else Style())
                    out.append(gap)
        return out

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return self.line_count()

    def cell_at(self, x: int, y: int) -> tuple[int, int] | None:
        """The (row, column) of the cell drawn at ``x``, ``y`` (None: not on a cell)."""
        grid = self.grid
        r = grid.top_row + y - 1
        c = grid.first_col + (x - LABEL_WIDTH) // (CELL_WIDTH + GAP)
        if x < LABEL_WIDTH or not (0 < y <= grid.body_rows) or c >= grid.first_col + grid.shown_columns:
            return None
        return r, c

    async def _on_click(self, event: events.Click) -> None:
        pos = self.cell_at(event.x, event.y)
        if pos is not None:
            event.stop()
            self.grid.go(*pos)
            self.grid.focus_input()
