"""Shared state while one workbook is being built: the plan, the projection, where cells are."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from . import layout, styles
from .cells import Expectations, SheetWriter, sheet_ref


def date_text(d: date | None) -> str:
    d = d or date.today()
    return f"{d.year}年{d.month}月{d.day}日"


def ym_text(ym: str | None) -> str:
    """ "2027-04" → "2027年4月"."""
    if not ym:
        return ""
    try:
        y, m = ym.split("-")
        return f"{int(y)}年{int(m)}月"
    except ValueError:
        return ym


@dataclass
class BuildContext:
    plan: Any
    proj: Any
    wb: Workbook
    fonts: styles.Fonts
    expectations: Expectations
    settings: Any = None  # finance.FinanceSettings (which 簡易CF / 債務償還年数 variant)
    sheets: dict[str, Worksheet] = field(default_factory=dict)
    sources: Any = None  # sources.Sources
    # (sheet key, row key, year index) → (column, row); filled by the sheets as they are written
    cells: dict[tuple[str, str, int], tuple[int, int]] = field(default_factory=dict)
    # the number each remembered cell shows (engine value), for formulas that link to it
    values: dict[tuple[str, str, int], Any] = field(default_factory=dict)
    # grid._cells_of's index: (number of cells when built, (sheet, year) → [(row key, position)])
    _by_sheet_offset: tuple[int, dict[tuple[str, int], list[tuple[str, tuple[int, int]]]]] | None = field(
        default=None, repr=False
    )

    @property
    def company(self) -> str:
        return self.plan.company.name or "(会社名未入力)"

    @property
    def date_text(self) -> str:
        return "作成日 " + date_text(self.plan.meta.created_on)

    def ws(self, key: str) -> Worksheet:
        return self.sheets[key]

    def writer(self, key: str) -> SheetWriter:
        return SheetWriter(self.sheets[key], self.fonts, self.expectations)

    def remember(self, sheet: str, row_key: str, year: int, col: int, row: int, value: Any = None) -> None:
        self.cells[(sheet, row_key, year)] = (col, row)
        if value is not None:
            self.values[(sheet, row_key, year)] = value

    def link(self, sheet: str, row_key: str, year: int) -> str | None:
        """An absolute, sheet-qualified reference to a remembered cell (for cross-sheet formulas)."""
        pos = self.cells.get((sheet, row_key, year))
        if pos is None:
            return None
        return sheet_ref(layout.SHEET[sheet].name, pos[0], pos[1])

    def link_value(self, sheet: str, row_key: str, year: int) -> Any:
        return self.values.get((sheet, row_key, year))
