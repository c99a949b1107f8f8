"""Look of the workbook: fonts, number formats, fills, borders, column widths, print setup.

Every sheet goes through these helpers so the whole workbook looks like one document a bank
would expect (単位:千円, ▲ for negatives, A4 landscape, fit to width, repeated header rows).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# Font: 游ゴシック is what a Japanese advisor's Excel has; LibreOffice / other machines fall
# back through fontconfig (Noto Sans CJK JP on the build machine). Pass ``font=`` to
# build_workbook to choose another one (e.g. "Noto Sans CJK JP", "メイリオ", "MS Pゴシック").
DEFAULT_FONT = "游ゴシック"
FONT_SIZE = 10

# Number formats. 千円 amounts: thousands separator, ▲ for negatives, "-" for zero.
NUM = '#,##0;"▲"#,##0;"-"'
NUM_YEN = '#,##0"円";"▲"#,##0"円";"-"'
PCT = '0.0%;"▲"0.0%;"-"'
RATIO = "0.0%"
YEARS = '0.0"年";"▲"0.0"年";"0.0年"'
TIMES = '0.0"倍";"▲"0.0"倍";"0.0倍"'
MONTHS = '0.0"ヶ月";"▲"0.0"ヶ月";"0.0ヶ月"'
COUNT = '#,##0;"▲"#,##0;"0"'
PLAIN = "General"

# Colours (soft, prints well in grey scale).
FILL_TITLE = PatternFill("solid", fgColor="1F3864")
FILL_HEADER = PatternFill("solid", fgColor="D9E1F2")
FILL_ACTUAL = PatternFill("solid", fgColor="EDEDED")
FILL_SECTION = PatternFill("solid", fgColor="F2F2F2")
FILL_TOTAL = PatternFill("solid", fgColor="FFF2CC")
# Inputs (what an advisor or banker may overwrite): one look on every sheet, pale blue with blue
# figures; everything else is a formula or a value that carries a note saying why.
FILL_INPUT = PatternFill("solid", fgColor="DDEBF7")
INPUT_FONT_COLOR = "1F4E9E"
INPUT_LEGEND = "水色・青字のセルは入力値 (書き換えると計画全体が再計算されます)。それ以外は数式です。"
FILL_BAR = PatternFill("solid", fgColor="4472C4")
FILL_BAR_DONE = PatternFill("solid", fgColor="A9D18E")
FILL_WARN = PatternFill("solid", fgColor="FCE4D6")

_THIN = Side(style="thin", color="808080")
_HAIR = Side(style="hair", color="A6A6A6")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BORDER_HAIR = Border(left=_HAIR, right=_HAIR, top=_HAIR, bottom=_HAIR)
BORDER_TOTAL = Border(
    left=_THIN, right=_THIN, top=Side(style="thin", color="000000"), bottom=Side(style="double", color="000000")
)

WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
MIDDLE = Alignment(vertical="center")


@dataclass(frozen=True)
class Fonts:
    """The few fonts of the workbook, all in one family."""

    name: str = DEFAULT_FONT

    def normal(self, bold: bool = False, size: float = FONT_SIZE, color: str | None = None) -> Font:
        return _font(self.name, size, bold, color)

    @property
    def title(self) -> Font:
        return _font(self.name, 14, True, None)

    @property
    def header(self) -> Font:
        return _font(self.name, FONT_SIZE, True, None)

    def input(self, bold: bool = False) -> Font:
        return _font(self.name, FONT_SIZE, bold, INPUT_FONT_COLOR)

    @property
    def small(self) -> Font:
        return _font(self.name, FONT_SIZE - 1, False, "595959")


@lru_cache(maxsize=256)
def _font(name: str, size: float, bold: bool, color: str | None) -> Font:
    """One Font object per look, so cell styles can be cached by object identity."""
    return Font(name=name, size=size, bold=bold, color=color)


class _RememberingList(IndexedList):
    """openpyxl's list of a workbook's fonts / fills / borders / alignments, which also remembers the
    index of each style object it was given, by identity.

    Every ``cell.border = BORDER`` asks the list for the object's index, and openpyxl answers by
    hashing the object, which walks all its fields (a Border: 5 Sides, each with a Color): about a
    third of building the sample's workbook (issue 18). Our style objects are shared constants that
    are never changed after creation, so the same object always has the same index; the list keeps
    each object it remembers, so an id is never reused for another. Indices, and so the file, are
    exactly what openpyxl would write.
    """

    def __init__(self, source: IndexedList) -> None:
        super().__init__()
        list.extend(self, source)
        self._dict = dict(source._dict)  # noqa: SLF001
        self.clean = source.clean
        self._by_id: dict[int, tuple[object, int]] = {}

    def add(self, value: object) -> int:
        hit = self._by_id.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        index: int = super().add(value)
        self._by_id[id(value)] = (value, index)
        return index


STYLE_LISTS = ("_fonts", "_fills", "_borders", "_alignments", "_protections")


def remember_style_indices(wb: Workbook) -> None:
    """Give ``wb`` style lists that find a style object's index without hashing it again."""
    for name in STYLE_LISTS:
        setattr(wb, name, _RememberingList(getattr(wb, name)))


def display_width(text: str) -> int:
    """Width of a string in half-width characters (全角 = 2), as Excel measures it roughly."""
    width = 0
    for ch in text:
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1
    return width


def set_widths(ws: Worksheet, widths: Mapping[int, float]) -> None:
    """Column widths in Excel character units, keyed by 1-based column index."""
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width


def fit_width(values: list[str], minimum: float = 6, maximum: float = 60, padding: float = 2) -> float:
    """A column width that shows the longest of ``values`` (capped; longer text wraps)."""
    longest = max((text_units(v) for v in values if v), default=0)
    return float(min(maximum, max(minimum, longest + padding)))


# A 10pt full-width character takes about 1.7 Excel width units, a half-width one about 0.9
# (measured on LibreOffice and Excel with 游ゴシック / Noto Sans CJK at 10pt; a little generous).
WIDE_UNITS = 1.7
NARROW_UNITS = 0.95


def text_units(text: str) -> float:
    return sum(WIDE_UNITS if unicodedata.east_asian_width(ch) in ("W", "F", "A") else NARROW_UNITS for ch in text)


def estimate_lines(text: str, width_chars: float) -> int:
    usable = max(1.0, width_chars - 1.5)
    lines = 0
    for part in str(text).split("\n"):
        lines += max(1, math.ceil(text_units(part) / usable))
    return lines


def estimate_row_height(text: str, width_chars: float, line_height: float = 13.5) -> float:
    """Row height (points) for ``text`` wrapped in a column ``width_chars`` wide."""
    if not text:
        return line_height + 3
    return min(409.0, estimate_lines(str(text), width_chars) * line_height + 3)


def page_setup(
    ws: Worksheet,
    *,
    company: str,
    date_text: str,
    title_rows: str | None = None,
    title_cols: str | None = None,
    landscape: bool = True,
    fit_height: int = 0,
) -> None:
    """A4, landscape, fit to one page wide, repeated header rows, company and date in the header."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.4
    ws.page_margins.right = 0.4
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.5
    ws.page_margins.header = 0.25
    ws.page_margins.footer = 0.2
    if title_rows:
        ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    # Header/footer codes treat "&" as an escape: double it in user text.
    safe_company = company.replace("&", "&&")
    ws.oddHeader.left.text = safe_company
    ws.oddHeader.left.size = 9
    ws.oddHeader.center.text = "&A"
    ws.oddHeader.center.size = 9
    ws.oddHeader.right.text = date_text.replace("&", "&&")
    ws.oddHeader.right.size = 9
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.size = 8
