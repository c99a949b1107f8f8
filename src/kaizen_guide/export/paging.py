"""Page breaks that keep blocks (sections, tables) whole when a sheet prints on A4.

LibreOffice and Excel fit each sheet to the page width; where a page ends then depends on row
heights and that scale. We estimate both and put a manual break before any block that would
otherwise start near the bottom of a page or be split although it fits on one page.
"""

from __future__ import annotations

from itertools import pairwise

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

PT_PER_INCH = 72.0
DEFAULT_ROW_PT = 15.0


def _col_points(width: float) -> float:
    # Excel: pixels = trunc(width * 7 + 5) at 96 dpi; 1 px = 0.75 pt
    return int(width * 7 + 5) * 0.75


def _row_points(ws: Worksheet, r: int) -> float:
    dim = ws.row_dimensions.get(r)
    return dim.height if dim is not None and dim.height else DEFAULT_ROW_PT


def _title_rows(ws: Worksheet) -> range:
    titles = ws.print_title_rows
    if not titles:
        return range(0)
    a, b = titles.replace("$", "").split(":")
    return range(int(a), int(b) + 1)


def paginate(ws: Worksheet, extra_blocks: set[int] | None = None) -> None:
    blocks = set(getattr(ws, "_kg_blocks", set())) | set(extra_blocks or ())
    if not blocks:
        return
    titles = _title_rows(ws)
    title_h = sum(_row_points(ws, r) for r in titles)
    capacity = page_capacity(ws)
    first_body = titles.stop if titles else 1
    max_row = ws.max_row
    starts = sorted(b for b in blocks if b >= first_body)
    ends = {s: (starts[i + 1] - 1 if i + 1 < len(starts) else max_row) for i, s in enumerate(starts)}
    used = sum(_row_points(ws, r) for r in range(1, first_body))  # page 1 starts with the titles
    existing = {b.id for b in ws.row_breaks.brk}
    breaks: list[int] = []
    for r in range(first_body, max_row + 1):
        if r - 1 in existing:
            used = title_h
        if r in ends and r != first_body:
            block_h = sum(_row_points(ws, k) for k in range(r, ends[r] + 1))
            room = capacity - used
            fits_on_a_page = block_h <= capacity - title_h
            if block_h > room and (fits_on_a_page or room < 0.25 * capacity):
                breaks.append(r - 1)
                used = title_h
        h = _row_points(ws, r)
        if used + h > capacity:  # a natural break
            used = title_h
        used += h
    for b in breaks:
        if b not in existing and b >= 1:
            ws.row_breaks.append(Break(id=b))


def page_capacity(ws: Worksheet) -> float:
    """Printable height of one page in sheet points (at the fit-to-width scale), titles included."""
    last_col = ws.max_column
    total_w = sum(_col_points(ws.column_dimensions[get_column_letter(c)].width or 8.43) for c in range(1, last_col + 1))
    landscape = ws.page_setup.orientation == "landscape"
    page_w, page_h = (842.0, 595.0) if landscape else (595.0, 842.0)
    m = ws.page_margins
    usable_w = page_w - (m.left + m.right) * PT_PER_INCH
    usable_h = page_h - (m.top + m.bottom) * PT_PER_INCH - 6
    scale = min(1.0, usable_w / total_w) if total_w else 1.0
    return usable_h / scale


def pages_as_parts(ws: Worksheet, first_rows: list[int], fallback_pages: int) -> None:
    """Print ``ws`` with a page starting at each of ``first_rows`` when every part fits on one page
    (estimated); otherwise scale the whole sheet to ``fallback_pages`` pages tall."""
    capacity = page_capacity(ws)
    titles = _title_rows(ws)
    title_h = sum(_row_points(ws, r) for r in titles)
    bounds = [1] + sorted(first_rows) + [ws.max_row + 1]
    fits = True
    for i, (a, b) in enumerate(pairwise(bounds)):
        h = sum(_row_points(ws, r) for r in range(a, b)) + (title_h if i else 0)
        fits = fits and h <= capacity * 0.97
    ws._kg_blocks = set()  # noqa: SLF001 (the parts replace the block breaks)
    if fits:
        ws.page_setup.fitToHeight = 0
        for r in first_rows:
            ws.row_breaks.append(Break(id=r - 1))
    else:
        ws.page_setup.fitToHeight = fallback_pages
