"""The year-by-year table every numeric sheet is made of.

A ``Grid`` is a list of ``GridRow`` (label, numbers by column, formula templates by column).
Building a workbook is two passes: ``place`` gives every row its sheet row and remembers the
cell of each (sheet, row key, column) in the build context, so that ``write`` can turn formula
templates such as ``{pl:net_income}`` or ``{closing@-1}`` into references, across sheets too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from . import layout, styles
from .cells import SheetWriter, mark_block, merge, ref, sheet_ref
from .context import BuildContext


@dataclass
class GridRow:
    key: str
    label: str
    section: bool = False
    total: bool = False
    indent: int = 0
    fmt: str = styles.NUM
    note: str = ""
    tol: float = 0.0
    none_expected: str | None = None
    value_note: str = ""  # non-empty: plan-year numbers are computed values (not inputs); says why
    value_all: bool = False  # the value note applies to actual-year columns too (no figure is an input)
    values: dict[int, Any] = field(default_factory=dict)
    templates: dict[int, str] = field(default_factory=dict)
    cell_fills: dict[int, Any] = field(default_factory=dict)
    row: int = 0  # sheet row, set by place()


@dataclass
class Column:
    offset: int  # engine year offset (actual < 0), or month index, or any column key
    top: str  # 実績 / 計画0年目 …
    bottom: str  # 2026年3月期 …
    actual: bool = False


@dataclass
class Grid:
    sheet: str
    columns: list[Column]
    rows: list[GridRow]
    first_col: int = layout.FIRST_YEAR_COL
    label_header: str = "項目"
    with_note: bool = True
    header_row: int = 0  # set by place()
    keep_sections: bool = False  # break pages between sections (long tables: banks, measures)

    def col(self, offset: int) -> int:
        for i, c in enumerate(self.columns):
            if c.offset == offset:
                return self.first_col + i
        raise KeyError(offset)

    @property
    def last_col(self) -> int:
        return self.first_col + len(self.columns) - 1 + (1 if self.with_note else 0)


class MissingRef(KeyError):
    pass


_PH = re.compile(r"\{(?:([a-z_]+):)?([A-Za-z0-9_.$]+?)(\*)?(?:@(-?\d+))?\}")


def _cells_of(ctx: BuildContext, sheet: str, offset: int) -> list[tuple[str, tuple[int, int]]]:
    """(row key, position) of the remembered cells of one sheet and column (an index built once per
    number of remembered cells, so range templates do not scan every cell of the workbook)."""
    index = ctx._by_sheet_offset  # noqa: SLF001
    if index is None or index[0] != len(ctx.cells):
        groups: dict[tuple[str, int], list[tuple[str, tuple[int, int]]]] = {}
        for (s, k, oo), pos in ctx.cells.items():
            groups.setdefault((s, oo), []).append((k, pos))
        index = (len(ctx.cells), groups)
        ctx._by_sheet_offset = index  # noqa: SLF001
    return index[1].get((sheet, offset), [])


def resolve(ctx: BuildContext, sheet: str, template: str, offset: int) -> str:
    """Turn a template into an Excel formula (without "="); raises MissingRef."""

    def sub(m: re.Match) -> str:
        sh = m.group(1) or sheet
        key = m.group(2)
        o = offset + int(m.group(4) or 0)
        if m.group(3):  # a range of rows by key prefix
            prefix = key + "."
            found = sorted(pos for k, pos in _cells_of(ctx, sh, o) if k.startswith(prefix))
            if not found:
                return "0"
            cols = {c for c, _ in found}
            rows = [r for _, r in found]
            col = next(iter(cols))
            if len(cols) == 1 and rows == list(range(rows[0], rows[0] + len(rows))):
                a, b = ref(col, rows[0]), ref(col, rows[-1])
                if sh != sheet:
                    name = layout.SHEET[sh].name.replace("'", "''")
                    return f"'{name}'!{a}:{b}"
                return f"{a}:{b}"
            return ",".join(ref(c, r) if sh == sheet else sheet_ref(layout.SHEET[sh].name, c, r) for c, r in found)
        pos = ctx.cells.get((sh, key, o))
        if pos is None:
            raise MissingRef(f"{sh}:{key}@{o}")
        if sh == sheet:
            return ref(*pos)
        return sheet_ref(layout.SHEET[sh].name, *pos)

    return _PH.sub(sub, template)


def rows_from_specs(
    ctx: BuildContext,
    specs: Iterable[layout.Row],
    offsets: list[int],
    get: Callable[[str, int], Any],
    *,
    prefix: str = "",
    plan_offset_min: int = 0,
    expand: dict[str, list[GridRow]] | None = None,
) -> list[GridRow]:
    """Concrete rows for ``offsets`` from layout rows; ``expand`` fills marker rows (segments…)."""
    out: list[GridRow] = []
    for spec in specs:
        if spec.section:
            out.append(GridRow(key="", label=spec.label, section=True))
            continue
        if expand is not None and spec.key in expand:
            out.extend(expand[spec.key])
            continue
        formula = spec.formula
        if isinstance(formula, dict):
            variant = getattr(ctx.settings, spec.variant or "", None)
            formula = (formula.get(variant) if isinstance(variant, str) else None) or next(iter(formula.values()))
        label = spec.label
        if spec.key == "simple_cf" and spec.variant:
            label = layout.SIMPLE_CF_LABELS.get(getattr(ctx.settings, spec.variant, ""), label)
        row = GridRow(
            key=prefix + spec.key,
            label=label,
            total=spec.total,
            indent=spec.indent,
            fmt=spec.fmt,
            note=spec.note,
            tol=spec.tol,
            none_expected=spec.none_expected,
            value_note=spec.value_note,
        )
        for o in offsets:
            row.values[o] = get(spec.src, o) if spec.src else None
            template = formula
            if template is None and spec.pformula is not None and o >= plan_offset_min:
                template = spec.pformula
            if template is not None:
                row.templates[o] = template.replace("$", prefix)
        out.append(row)
    return out


def place(ctx: BuildContext, grid: Grid, header_row: int) -> int:
    """Assign sheet rows (header at ``header_row`` and the row above); returns the next free row."""
    grid.header_row = header_row
    r = header_row + 1
    for row in grid.rows:
        row.row = r
        if row.key:
            for c in grid.columns:
                ctx.remember(grid.sheet, row.key, c.offset, grid.col(c.offset), r)
                value = row.values.get(c.offset)
                ctx.values[(grid.sheet, row.key, c.offset)] = value if value is not None else row.none_expected
        r += 1
    return r


def write_header(w: SheetWriter, grid: Grid) -> None:
    top_row, row = grid.header_row - 1, grid.header_row
    w.text(top_row, 1, grid.label_header, font=w.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
    merge(w.ws, top_row, 1, row, 1)
    w.ws.cell(row=row, column=1).border = styles.BORDER
    i = 0
    while i < len(grid.columns):
        c = grid.columns[i]
        j = i
        while j + 1 < len(grid.columns) and grid.columns[j + 1].top == c.top and c.top:
            j += 1
        fill = styles.FILL_ACTUAL if c.actual else styles.FILL_HEADER
        w.text(top_row, grid.first_col + i, c.top, font=w.fonts.header, fill=fill, align=styles.CENTER)
        if j > i:
            merge(w.ws, top_row, grid.first_col + i, top_row, grid.first_col + j)
            for k in range(i + 1, j + 1):
                w.ws.cell(row=top_row, column=grid.first_col + k).border = styles.BORDER
        i = j + 1
    for i, c in enumerate(grid.columns):
        fill = styles.FILL_ACTUAL if c.actual else styles.FILL_HEADER
        w.text(row, grid.first_col + i, c.bottom, font=w.fonts.header, fill=fill, align=styles.CENTER)
    if grid.with_note:
        nc = grid.first_col + len(grid.columns)
        w.text(top_row, nc, "備考", font=w.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        merge(w.ws, top_row, nc, row, nc)
        w.ws.cell(row=row, column=nc).border = styles.BORDER
    w.ws.row_dimensions[top_row].height = 18
    w.ws.row_dimensions[row].height = 30
    mark_block(w.ws, top_row)


@lru_cache(maxsize=16)
def _label_align(indent: int) -> Alignment:
    """One Alignment per indent, so label cells reuse a cached style (hashing styles is slow)."""
    return Alignment(horizontal="left", indent=indent, vertical="center", wrap_text=True)


def write_body(ctx: BuildContext, w: SheetWriter, grid: Grid) -> None:
    note_col = grid.first_col + len(grid.columns)
    for row in grid.rows:
        r = row.row
        if row.section:
            if grid.keep_sections:
                mark_block(w.ws, r)  # keep each section of a long table on one printed page
            w.text(r, 1, row.label, font=w.fonts.header, fill=styles.FILL_SECTION)
            for section_col in range(2, grid.last_col + 1):
                cell = w.ws.cell(row=r, column=section_col)
                cell.fill = styles.FILL_SECTION
                cell.border = styles.BORDER
            continue
        w.text(
            r,
            1,
            row.label,
            bold=row.total,
            fill=styles.FILL_TOTAL if row.total else None,
            align=_label_align(row.indent),
        )
        label_w = w.ws.column_dimensions["A"].width or 30
        lines = styles.estimate_lines(row.label, label_w)
        if grid.with_note and row.note:
            note_w = w.ws.column_dimensions[get_column_letter(note_col)].width or 20
            lines = max(lines, styles.estimate_lines(row.note, note_w * 1.1))
        if lines > 1:
            w.ws.row_dimensions[r].height = 12.5 * lines + 3
        border = styles.BORDER_TOTAL if row.total else styles.BORDER
        for c in grid.columns:
            col = grid.col(c.offset)
            value = row.values.get(c.offset)
            fill = row.cell_fills.get(c.offset) or (styles.FILL_TOTAL if row.total else None)
            template = row.templates.get(c.offset)
            formula = None
            if template is not None:
                optional = template.startswith("?")
                try:
                    formula = resolve(ctx, grid.sheet, template.lstrip("?"), c.offset)
                except MissingRef:
                    if not optional:
                        raise
            if formula is not None:
                expected = value if value is not None else row.none_expected
                if expected is None:
                    w.text(r, col, "—", align=styles.RIGHT, border=border, fill=fill)
                    continue
                w.formula(r, col, formula, expected, fmt=row.fmt, bold=row.total, fill=fill, border=border, tol=row.tol)
            elif value is None:
                w.blank(r, col, fill=fill, border=border)
            elif row.value_note and (row.value_all or not c.actual):
                w.value(r, col, value, row.value_note, fmt=row.fmt, bold=row.total, fill=fill, border=border)
            else:
                w.input(r, col, value, fmt=row.fmt, bold=row.total, border=border)
        if grid.with_note:
            w.text(r, note_col, row.note, font=w.fonts.small, wrap=True)


def set_grid_widths(ctx: BuildContext, grid: Grid, *, year_width: float = layout.YEAR_WIDTH) -> None:
    ws = ctx.ws(grid.sheet)
    labels = [r.label for r in grid.rows] + [grid.label_header]
    label_w = styles.fit_width(labels, minimum=layout.LABEL_WIDTH * 0.8, maximum=44)
    current = ws.column_dimensions[get_column_letter(1)].width or 0
    ws.column_dimensions[get_column_letter(1)].width = max(label_w, current if current > 9 else 0)
    for i in range(len(grid.columns)):
        ws.column_dimensions[get_column_letter(grid.first_col + i)].width = year_width
    if grid.with_note:
        notes = [r.note for r in grid.rows]
        ws.column_dimensions[get_column_letter(grid.first_col + len(grid.columns))].width = styles.fit_width(
            notes, minimum=12, maximum=layout.NOTE_WIDTH, padding=1
        )


def year_columns(
    ctx: BuildContext, *, actual: bool = True, plan: bool = True, actual_filter: Callable[[int], bool] | None = None
) -> list[Column]:
    cols: list[Column] = []
    labels = ctx.proj.labels
    if actual:
        for lab in labels.actual[-layout.ACTUAL_YEARS_SHOWN :]:
            if actual_filter is None or actual_filter(lab.offset):
                cols.append(Column(lab.offset, "実績", lab.fiscal_label or lab.label, actual=True))
    if plan:
        for lab in labels.plan:
            cols.append(Column(lab.offset, lab.label, lab.fiscal_label or ""))
    return cols
