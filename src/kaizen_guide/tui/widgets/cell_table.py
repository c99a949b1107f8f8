"""A DataTable whose one-line plain-text cells are drawn without Rich's render pipeline.

DataTable draws every cell through the console (Styled(Padding(Text)) → render_lines), about
0.1–0.2 ms a cell; a group question's table (header and rows of a few columns) took 4–10 ms of the
frame that shows it, the largest single part of those answers (issue 18). A cell that is one
line of plain text (no markup spans, no tabs or control characters) narrower than its column
comes out of that pipeline as the same four segments every time (left pad, text, fill, right pad,
all in one style), so they are built here directly; any other cell goes through DataTable as
before. tests/tui/test_cell_table.py compares the two for every kind of cell the editors show.

Each line DataTable draws also asked for its styles anew: the table's own Rich style, the header's
and the row's (each walks every ancestor, about 0.1 ms) and its background. Nothing restyles while
one frame renders the table, so within one :meth:`CellTable.render_lines` they are worked out once
(1-3 ms of the frame that shows a group question's rows).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widgets import DataTable


class CellTable(DataTable):
    """DataTable, drawn the same, with the fast paths described in the module docstring."""

    _kg_frame: dict[Any, Any] | None = None
    """Styles worked out in the render under way (None outside :meth:`render_lines`)."""

    def render_lines(self, crop: Any) -> Any:
        self._kg_frame = {}
        try:
            return super().render_lines(crop)
        finally:
            self._kg_frame = None

    def _kept(self, key: Any, make: Any) -> Any:
        frame = self._kg_frame
        if frame is None:
            return make()
        if key not in frame:
            frame[key] = make()
        return frame[key]

    @property
    def rich_style(self) -> Style:
        return self._kept("rich_style", lambda: DataTable.rich_style.fget(self))  # type: ignore[attr-defined]

    @property
    def background_colors(self) -> tuple[Color, Color]:
        return self._kept("background_colors", lambda: DataTable.background_colors.fget(self))  # type: ignore[attr-defined]

    def get_component_styles(self, *names: str) -> Any:
        styles = super().get_component_styles(*names)
        if self._kg_frame is None:
            return styles
        return _Kept(styles, self._kept(("component", names), lambda: styles.rich_style))

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> Any:
        lines = self._plain_cell(row_index, column_index, base_style, width, cursor, hover)
        if lines is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        return lines

    def _plain_cell(
        self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool, hover: bool
    ) -> list[list[Segment]] | None:
        is_header_cell = row_index == -1
        if column_index == -1:
            return None  # a row label (the editors show none)
        row_key: Any = self._header_row_key if is_header_cell else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        # The same key as DataTable._render_cell (Textual 8.2, pinned), so both share one cache.
        cache_key: Any = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        if is_header_cell:
            row_height = self.header_height
        else:
            row = self.rows[row_key]
            if row.auto_height:
                return None
            row_height = row.height
        if row_height != 1:
            return None
        _label, row_cells = self._get_row_renderables(row_index)
        cell = row_cells[column_index]
        if not isinstance(cell, Text) or cell.spans or cell.style or not cell.plain.isprintable():
            return None
        text = cell.plain
        pad = self.cell_padding
        fill = width - 2 * pad - cell_len(text)
        if fill < 0:
            return None  # wider than the column: DataTable crops it
        is_fixed_style_cell = not is_header_cell and (row_index < self.fixed_rows or column_index < self.fixed_columns)
        component_style, post_style = self._get_styles_to_render_cell(
            is_header_cell,
            False,
            is_fixed_style_cell,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        # What Styled does to each segment (the pads and the text have no style of their own).
        style = pre_style + Style.null() + post_style
        line = [Segment(" " * pad, style), Segment(text, style), Segment(" " * fill, style), Segment(" " * pad, style)]
        lines = [line]
        self._cell_render_cache[cache_key] = lines
        return lines


class _Kept:
    """Component styles whose Rich style was worked out once this frame (the rest as they are)."""

    __slots__ = ("_styles", "rich_style")

    def __init__(self, styles: Any, rich_style: Style) -> None:
        self._styles = styles
        self.rich_style = rich_style

    def __getattr__(self, name: str) -> Any:
        return getattr(self._styles, name)
