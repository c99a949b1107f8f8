"""Small building blocks shared by the text-heavy sheets: labelled fields and simple tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from . import styles
from .cells import SheetWriter, clean_text, merge

if TYPE_CHECKING:
    from .context import BuildContext


def col_width(w: SheetWriter, col: int) -> float:
    dim = w.ws.column_dimensions.get(get_column_letter(col))
    return dim.width if dim is not None and dim.width else 8.43


def span_width(w: SheetWriter, col: int, last_col: int) -> float:
    return sum(col_width(w, c) for c in range(col, last_col + 1))


def field_row(
    w: SheetWriter, row: int, label: str, value: Any, *, label_col: int = 1, last_col: int = 8, min_height: float = 16.0
) -> int:
    """``label`` in one cell, ``value`` (text) merged over the rest of the row. Returns next row."""
    w.text(row, label_col, label, bold=True, fill=styles.FILL_HEADER)
    w.block(
        row, label_col + 1, last_col, value, width_chars=span_width(w, label_col + 1, last_col), min_height=min_height
    )
    return row + 1


def text_table(
    w: SheetWriter,
    row: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    col: int = 1,
    spans: Sequence[int] | None = None,
    number_fmts: dict[int, str] | None = None,
    empty_text: str = "該当なし",
    inputs: bool = True,
) -> int:
    """A bordered table; ``spans[i]`` merges column i over that many sheet columns.

    Values that are ``int``/``float`` are written as numbers (with ``number_fmts[i]`` or the 千円
    format, in the input look unless ``inputs`` is False: a report's figures are not inputs);
    everything else is written as safe text. Returns the row after the table.
    """
    spans = list(spans or [1] * len(headers))
    number_fmts = number_fmts or {}
    starts = []
    c = col
    for s in spans:
        starts.append(c)
        c += s
    last = c - 1
    for i, h in enumerate(headers):
        w.text(row, starts[i], h, font=w.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        if spans[i] > 1:
            merge(w.ws, row, starts[i], row, starts[i] + spans[i] - 1)
    w.ws.row_dimensions[row].height = max(
        [20.0]
        + [
            styles.estimate_row_height(h, span_width(w, starts[i], starts[i] + spans[i] - 1))
            for i, h in enumerate(headers)
        ]
    )
    row += 1
    if not rows:
        w.block(row, col, last, empty_text, width_chars=span_width(w, col, last))
        return row + 1
    for values in rows:
        height = 16.0
        for i, value in enumerate(values):
            start, end = starts[i], starts[i] + spans[i] - 1
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                put = w.input if inputs else w.number  # answers as entered / a report's figures
                put(row, start, value, fmt=number_fmts.get(i, styles.NUM))
            elif isinstance(value, str) and value == "—":
                w.text(row, start, value, align=styles.RIGHT)
            else:
                w.text(row, start, value, wrap=True)
                height = max(height, styles.estimate_row_height(clean_text(value), span_width(w, start, end)))
            if end > start:
                merge(w.ws, row, start, row, end)
                for cc in range(start + 1, end + 1):
                    w.ws.cell(row=row, column=cc).border = styles.BORDER
        w.ws.row_dimensions[row].height = height
        row += 1
    return row


def fmt_decimal(value) -> str:
    """A KPI target or similar Decimal as text: 33000 → "33,000", 36.50 → "36.5", -5 → "-5"."""
    if value is None:
        return ""
    d = value.normalize() if hasattr(value, "normalize") else value
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = f"{d:f}"
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}" if whole not in ("-0", "") else text


def linked_row(ctx: BuildContext, w, row: int, label: str, sheet: str, key: str, fmt, years, *, bold: bool) -> None:
    """A label and, per year, a formula linking to the numeric sheet (「—」 where it has no value)."""
    w.text(row, 1, label, bold=bold)
    for j, lab in enumerate(years):
        link = ctx.link(sheet, key, lab.offset)
        value = ctx.link_value(sheet, key, lab.offset)
        if link and value is not None:
            w.formula(row, 2 + j, link, value, fmt=fmt, tol=0.0051 if fmt == styles.YEARS else 0)
        else:
            w.text(row, 2 + j, "—", align=styles.RIGHT)
