"""What the rows above the header say: title, period, 税抜/税込, unit, 累計 or 月間発生."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kaizen_guide.ja import normalize

from .months import fiscal_year_label_end, months_in_text

UNITS_YEN = {"円": 1, "千円": 1_000, "百万円": 1_000_000}
_UNIT_RE = re.compile(r"単位[^円千百万]{0,4}(百万円|千円|円)|[(（](百万円|千円|円)[)）]|^(百万円|千円|円)$")
_FY_WORD = re.compile(r"(?:\d{4}|令和|平成|R|H)(?:元|\d{0,2})年\d{1,2}月期")
_BOTH = re.compile(r"税抜[/・／]?税込(?:区分)?|税込[/・／]?税抜(?:区分)?")


@dataclass(slots=True)
class Preamble:
    title: str = ""
    texts: list[str] = field(default_factory=list)
    unit: str | None = None
    tax_basis: str | None = None  # "excluded" / "included"
    period: tuple[str, str] | None = None
    cumulative_hint: bool | None = None  # True: 累計/積上, False: 月間発生/当月

    def add(self, cell: object) -> None:
        if cell is None or isinstance(cell, (int, float)):
            return
        text = normalize(str(cell))
        if not text:
            return
        if not self.title:
            self.title = text
        self.texts.append(text)

    def parse(self) -> None:
        joined = " ".join(self.texts)
        for t in self.texts:
            m = _UNIT_RE.search(t)
            if m and self.unit is None:
                self.unit = next(g for g in m.groups() if g)
        rest = _BOTH.sub(" ", joined)
        has_ex, has_in = "税抜" in rest, "税込" in rest
        if has_ex != has_in:
            self.tax_basis = "excluded" if has_ex else "included"
        # 「令和9年3月期」 names a whole fiscal year by its end; read it apart from the months.
        months = months_in_text(_FY_WORD.sub(" ", joined))
        if months:
            self.period = (months[0], months[-1])
        else:
            end = fiscal_year_label_end(joined)
            if end:
                from .months import ym_add

                self.period = (ym_add(end, -11), end)
        if "月間発生" in joined or "当月発生" in joined:
            self.cumulative_hint = False
        elif re.search(r"累計|積上|積み上げ", joined.replace("期間累計", "")):
            self.cumulative_hint = True
