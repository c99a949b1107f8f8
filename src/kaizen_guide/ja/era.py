"""和暦 for labels: 「令和9年」「令和9年3月期」「令和元年5月」 (the eras ``parse`` reads, written out)."""

from __future__ import annotations

from datetime import date

from kaizen_guide.ja.dates import _ERAS


def era_year(year: int, month: int = 12) -> str:
    """The 和暦 year of a (year, month): 2027 → 「令和9年」, 2019-04 → 「平成31年」, 2019-05 → 「令和元年」."""
    first = date(year, month, 1)
    for name, (base, start, _end) in _ERAS.items():
        # the era a month belongs to is the one in force on its last day (2019-05 is 令和)
        if first >= date(start.year, start.month, 1):
            n = year - base + 1
            return f"{name}{'元' if n == 1 else n}年"
    return f"{year}年"


def era_month(year: int, month: int) -> str:
    """「令和9年6月」."""
    return f"{era_year(year, month)}{month}月"


def era_fiscal_label(end_year: int, end_month: int) -> str:
    """A fiscal year named by its end: (2027, 3) → 「令和9年3月期」."""
    return f"{era_year(end_year, end_month)}{end_month}月期"
