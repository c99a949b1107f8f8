"""Writing cells safely, and remembering what every formula should evaluate to.

Two rules hold for every sheet:

* Text that comes from answers is always written as a string cell (``data_type == "s"``), with
  ``quotePrefix`` when it starts with ``=``, ``+``, ``-`` or ``@``, so an answer such as
  ``=HYPERLINK(...)`` or ``@SUM(A1)`` can never become a formula, in openpyxl, Excel or
  LibreOffice, nor when an advisor later edits the cell.
* Every formula is written together with the number the finance engine computed for that
  cell. ``Expectations`` collects them so a test can recalculate the workbook in LibreOffice
  and compare cell by cell.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from . import styles

MAX_CELL_TEXT = 32_000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Expected:
    """What a formula cell must evaluate to: a number (within ``tol``) or a text."""

    value: Any
    tol: float = 0.0


class Expectations(dict):
    """(sheet title, cell coordinate) → Expected, filled while the workbook is built."""

    def add(self, sheet: str, coord: str, value: Any, tol: float = 0.0) -> None:
        if isinstance(value, Decimal):
            value = float(value)
        self[(sheet, coord)] = Expected(value, tol)


def clean_text(value: Any) -> str:
    """An answer as a cell-safe string (control characters removed, length capped)."""
    if value is None:
        return ""
    text = str(value)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


def ref(col: int, row: int, *, absolute: bool = False) -> str:
    letter = get_column_letter(col)
    return f"${letter}${row}" if absolute else f"{letter}{row}"


def sheet_ref(sheet: str, col: int, row: int) -> str:
    """A reference to a cell on another sheet (quoted: our sheet names contain Japanese)."""
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{ref(col, row, absolute=True)}"


def to_number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def merge(ws: Worksheet, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
    """Merge a range (faster than ``ws.merge_cells``): the covered cells take the top-left style,
    so the merged area keeps its border."""
    if end_row == start_row and end_column == start_column:
        return
    mcr = MergedCellRange(ws, f"{ref(start_column, start_row)}:{ref(end_column, end_row)}")
    add_merged(ws, mcr)
    top_left = ws.cell(row=start_row, column=start_column)
    for r in range(start_row, end_row + 1):
        for c in range(start_column, end_column + 1):
            if r == start_row and c == start_column:
                continue
            mc = MergedCell(ws, r, c)
            mc._style = copy(top_left._style)  # noqa: SLF001
            ws._cells[(r, c)] = mc  # noqa: SLF001


def add_merged(ws: Worksheet, mcr: MergedCellRange) -> None:
    """``ws.merged_cells.add(mcr)``, which skips a range lying inside one already merged by testing
    it against every merged range of the sheet (quadratic: 10,000 tests on the sample). A range
    that holds ``mcr`` holds its top-left cell, so only the ranges covering that cell are tested."""
    merged = ws.merged_cells
    index: dict[tuple[int, int], list[MergedCellRange]] | None = getattr(merged, "_kg_covering", None)
    if index is None or getattr(merged, "_kg_count", -1) != len(merged.ranges):
        index = {}  # first merge of the sheet, or ranges added some other way: index them all
        for r in merged.ranges:
            _cover(index, r)
        merged._kg_covering = index  # noqa: SLF001
    if not any(mcr <= r for r in index.get((mcr.min_row, mcr.min_col), ())):
        merged.ranges.add(mcr)
        _cover(index, mcr)
    merged._kg_count = len(merged.ranges)  # noqa: SLF001


def _cover(index: dict[tuple[int, int], list[MergedCellRange]], r: MergedCellRange) -> None:
    for row in range(r.min_row, r.max_row + 1):
        for col in range(r.min_col, r.max_col + 1):
            index.setdefault((row, col), []).append(r)


VALUE_NOTE_PREFIX = "値 (数式ではありません): "


def note_value(ws: Worksheet, cell: Cell, why: str) -> None:
    """Attach the note that says a derived cell is a value, and why (one shared text per reason)."""
    from openpyxl.comments import Comment

    cell.comment = Comment(VALUE_NOTE_PREFIX + why, "kaizen-guide", height=90, width=260)
    counts = getattr(ws, "_kg_value_cells", None)
    if counts is None:
        counts = []
        ws._kg_value_cells = counts  # noqa: SLF001
    counts.append(cell.coordinate)


def mark_block(ws: Worksheet, row: int) -> None:
    """Remember that a block (section, table) starts at ``row``: pages break before blocks."""
    starts = getattr(ws, "_kg_blocks", None)
    if starts is None:
        starts = set()
        ws._kg_blocks = starts  # noqa: SLF001
    starts.add(row)


class SheetWriter:
    """Writes one worksheet: safe text, plain numbers, formulas with their expected values."""

    def __init__(self, ws: Worksheet, fonts: styles.Fonts, expectations: Expectations):
        self.ws = ws
        self.fonts = fonts
        self.expectations = expectations
        wb = ws.parent
        cache = getattr(wb, "_kg_style_cache", None)
        if cache is None:
            cache = {}
            wb._kg_style_cache = cache  # noqa: SLF001 (StyleArrays are per workbook)
        self._cache = cache

    # -- text --------------------------------------------------------------------------------

    def text(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        bold: bool = False,
        wrap: bool = False,
        fill: PatternFill | None = None,
        align: Alignment | None = None,
        border: Border | None = styles.BORDER,
        font: Font | None = None,
    ) -> Cell:
        """Write ``value`` as a string cell, whatever it looks like."""
        text = clean_text(value)
        cell = self.ws.cell(row=row, column=col)
        cell.value = text
        cell.data_type = "s"  # never "f", even for "=1+1"
        quote = text.startswith(FORMULA_TRIGGERS)  # Excel/LibreOffice keep it text when edited
        font = font or self.fonts.normal(bold=bold)
        align = align if align is not None else (styles.LEFT_WRAP if wrap else styles.MIDDLE)
        self._style(cell, font, fill, border, align, None, quote)
        return cell

    def _style(self, cell: Cell, font, fill, border, align, number_format, quote=False) -> None:
        """Apply a style, reusing the StyleArray of an identical earlier cell (much faster)."""
        cache = self._cache
        key = (id(font), id(fill), id(border), id(align), number_format, quote)
        hit = cache.get(key)
        if hit is not None:
            cell._style = copy(hit[1])  # noqa: SLF001
            return
        cell.font = font
        if fill is not None:
            cell.fill = fill
        if border is not None:
            cell.border = border
        if align is not None:
            cell.alignment = align
        if number_format is not None:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        # keep the style objects alive with the entry, so their ids are never reused for others
        cache[key] = ((font, fill, border, align), copy(cell._style))  # noqa: SLF001

    def block(
        self,
        row: int,
        col: int,
        last_col: int,
        value: Any,
        *,
        width_chars: float | None = None,
        bold: bool = False,
        fill: PatternFill | None = None,
        min_height: float = 16.0,
    ) -> Cell:
        """Long text over merged columns ``col..last_col``, wrapped, with a row height that fits."""
        cell = self.text(row, col, value, bold=bold, wrap=True, fill=fill)
        if last_col > col:
            merge(self.ws, row, col, row, last_col)
            for c in range(col + 1, last_col + 1):
                self.ws.cell(row=row, column=c).border = styles.BORDER
        if width_chars:
            self.fit_row(row, clean_text(value), width_chars, min_height=min_height)
        return cell

    def fit_row(self, row: int, text: str, width_chars: float, min_height: float = 16.0) -> None:
        height = max(min_height, styles.estimate_row_height(text, width_chars))
        current = self.ws.row_dimensions[row].height or 0
        if height > current:
            self.ws.row_dimensions[row].height = height

    # -- numbers -----------------------------------------------------------------------------

    def number(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        fmt: str = styles.NUM,
        bold: bool = False,
        fill: PatternFill | None = None,
        border: Border | None = styles.BORDER,
    ) -> Cell:
        """A number that is neither an input nor a formula (a label-like figure, e.g. a count)."""
        cell = self.ws.cell(row=row, column=col)
        number = to_number(value)
        if isinstance(number, str):  # e.g. "算出不能" written as a value
            return self.text(row, col, number, bold=bold, fill=fill, border=border, align=styles.RIGHT)
        cell.value = number
        self._style(cell, self.fonts.normal(bold=bold), fill, border, styles.RIGHT, fmt)
        return cell

    def blank(
        self, row: int, col: int, *, fill: PatternFill | None = None, border: Border | None = styles.BORDER
    ) -> Cell:
        """An empty cell of a table (border, fill), styled through the cache."""
        cell = self.ws.cell(row=row, column=col)
        self._style(cell, self.fonts.normal(), fill, border, None, None)
        return cell

    def input(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        fmt: str = styles.NUM,
        bold: bool = False,
        border: Border | None = styles.BORDER,
    ) -> Cell:
        """An input: a figure the plan takes as given (単価, 数量, 原価率, 返済額 …), in the one input look."""
        cell = self.ws.cell(row=row, column=col)
        number = to_number(value)
        if isinstance(number, str):
            return self.text(row, col, number, bold=bold, border=border, align=styles.RIGHT)
        cell.value = number
        self._style(cell, self.fonts.input(bold=bold), styles.FILL_INPUT, border, styles.RIGHT, fmt)
        return cell

    def value(
        self,
        row: int,
        col: int,
        value: Any,
        why: str,
        *,
        fmt: str = styles.NUM,
        bold: bool = False,
        fill: PatternFill | None = None,
        border: Border | None = styles.BORDER,
    ) -> Cell:
        """A derived figure that cannot sanely be a formula: written as a value, with a note saying so."""
        cell = self.number(row, col, value, fmt=fmt, bold=bold, fill=fill, border=border)
        note_value(self.ws, cell, why)
        return cell

    def formula(
        self,
        row: int,
        col: int,
        formula: str,
        expected: Any,
        *,
        fmt: str = styles.NUM,
        bold: bool = False,
        fill: PatternFill | None = None,
        border: Border | None = styles.BORDER,
        tol: float = 0.0,
    ) -> Cell:
        """A derived cell: an Excel formula, plus the engine's value for it (for the tests)."""
        if not formula.startswith("="):
            formula = "=" + formula
        cell = self.ws.cell(row=row, column=col)
        cell.value = formula
        self._style(cell, self.fonts.normal(bold=bold), fill, border, styles.RIGHT, fmt)
        self.expectations.add(self.ws.title, cell.coordinate, to_number(expected), tol)
        return cell

    # -- frames ------------------------------------------------------------------------------

    def sheet_title(
        self, title: str, company: str, date_text: str, last_col: int, unit: str | None = "単位:千円"
    ) -> None:
        """Row 1: sheet title; row 2: company, date and 単位 (also repeated on every printed page)."""
        last_col = max(last_col, 3)
        self.text(1, 1, title, font=self.fonts.title, border=None)
        self.ws.row_dimensions[1].height = 24
        self.text(2, 1, company, font=self.fonts.normal(bold=True), border=None)
        right = self.text(
            2,
            last_col,
            f"{date_text}" + (f"  {unit}" if unit else ""),
            font=self.fonts.small,
            border=None,
            align=Alignment(horizontal="right", vertical="center"),
        )
        right.alignment = Alignment(horizontal="right", vertical="center")

    def header_row(
        self,
        row: int,
        col: int,
        labels: list[str],
        *,
        fills: list[PatternFill | None] | None = None,
        height: float | None = None,
    ) -> None:
        needed = 18.0
        for i, label in enumerate(labels):
            fill = (fills[i] if fills and i < len(fills) else None) or styles.FILL_HEADER
            self.text(row, col + i, label, font=self.fonts.header, fill=fill, align=styles.CENTER)
            dim = self.ws.column_dimensions.get(get_column_letter(col + i))
            width = dim.width if dim is not None and dim.width else 8.43
            needed = max(needed, styles.estimate_row_height(label, width))
        self.ws.row_dimensions[row].height = max(height or 0, needed)

    def section(self, row: int, title: str, last_col: int) -> None:
        """A section heading across the table (e.g. ② 課題・問題点); also a place to break pages."""
        self.text(row, 1, title, font=self.fonts.header, fill=styles.FILL_SECTION)
        for c in range(2, last_col + 1):
            cell = self.ws.cell(row=row, column=c)
            cell.fill = styles.FILL_SECTION
            cell.border = styles.BORDER
        if last_col > 1:
            merge(self.ws, row, 1, row, last_col)
        self.ws.row_dimensions[row].height = 18
        mark_block(self.ws, row)
