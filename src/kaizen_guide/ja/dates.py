"""Months and dates as owners type them: 「2027年4月」「2027/4」「令和9年4月」「R9.4」「R9.4.1」.

和暦 (令和・平成・昭和, 元年 too) is checked against the era's real span.
"""

from __future__ import annotations

import re
from datetime import date

from kaizen_guide.ja.normalize import normalize_number_text

from .errors import ParseError

_ERAS: dict[str, tuple[int, date, date | None]] = {
    # name: (western year of 元年, first day, last day)
    "令和": (2019, date(2019, 5, 1), None),
    "平成": (1989, date(1989, 1, 8), date(2019, 4, 30)),
    "昭和": (1926, date(1926, 12, 25), date(1989, 1, 7)),
}
_ERA_ALIASES = {"R": "令和", "H": "平成", "S": "昭和", "令和": "令和", "平成": "平成", "昭和": "昭和"}
_ERA = r"(?P<era>令和|平成|昭和|[RHS])"
_ERA_YEAR = r"(?P<ey>元|\d{1,2})"
_YEAR = r"(?P<y>\d{4})"
_MON = r"(?P<m>\d{1,2})"
_DAY = r"(?P<d>\d{1,2})"
_SEP = r"(?P<sep>[/.\-])"

_MONTH_PATTERNS = [
    re.compile(rf"{_YEAR}年{_MON}月?"),
    re.compile(rf"{_YEAR}{_SEP}{_MON}"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
    re.compile(rf"{_ERA}{_ERA_YEAR}年{_MON}月?"),
    re.compile(rf"{_ERA}{_ERA_YEAR}{_SEP}{_MON}"),
]
_DATE_PATTERNS = [
    re.compile(rf"{_YEAR}年{_MON}月{_DAY}日?"),
    re.compile(rf"{_YEAR}{_SEP}{_MON}(?P=sep){_DAY}"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(rf"{_ERA}{_ERA_YEAR}年{_MON}月{_DAY}日?"),
    re.compile(rf"{_ERA}{_ERA_YEAR}{_SEP}{_MON}(?P=sep){_DAY}"),
]
# Something that looks like an era form but with an unknown era name (「大正5年4月」「X9.4」).
_UNKNOWN_ERA = re.compile(r"(?P<era>[^\d/.\-]+?)(?:元|\d{1,2})(?:年|[/.\-])")

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MONTH_EX = "「2027年4月」「2027/4」「令和9年4月」「R9.4」"
_DATE_EX = "「2027年4月1日」「2027/4/1」「令和9年4月1日」「R9.4.1」"


def _prepare_date_text(text: str, what: str, example: str) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    s = normalize_number_text(text).replace(" ", "").upper()
    if not s:
        raise ParseError(f"{what}が入力されていません。{example}のように入力してください。")
    return s


def _match_ymd(
    s: str, patterns: list[re.Pattern[str]], what: str, example: str
) -> tuple[int, int, int | None, str | None]:
    """Return (western year, month, day or None, era name or None)."""
    for pat in patterns:
        m = pat.fullmatch(s)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["m"])
        day = int(groups["d"]) if groups.get("d") else None
        era = groups.get("era")
        if era:
            era = _ERA_ALIASES[era]
            ey_text = groups["ey"]
            ey = 1 if ey_text == "元" else int(ey_text)
            if ey == 0:
                raise ParseError(f"{era}0年はありません。最初の年は「{era}元年」(または「{era}1年」)です。例:{example}")
            year = _ERAS[era][0] + ey - 1
        else:
            year = int(groups["y"])
        if not 1 <= month <= 12:
            raise ParseError(f"月は1〜12で入力してください。例:{example}")
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise ParseError(f"年は{_MIN_YEAR}年〜{_MAX_YEAR}年の範囲で入力してください。例:{example}")
        return year, month, day, era
    u = _UNKNOWN_ERA.match(s)
    if u and u["era"] not in _ERA_ALIASES:
        raise ParseError(
            f"元号「{u['era']}」には対応していません。令和・平成・昭和(R・H・S)か西暦で入力してください。例:{example}"
        )
    raise ParseError(f"{what}として読めません。{example}のように入力してください。")


def _era_range_error(era: str, what: str, example: str) -> ParseError:
    _, start, end = _ERAS[era]
    span = f"{start.year}年{start.month}月{start.day}日から"
    if end is not None:
        span += f"{end.year}年{end.month}月{end.day}日まで"
    return ParseError(f"{era}は{span}です。その期間内の{what}にするか、西暦で入力してください。例:{example}")


def parse_month(text: str) -> str:
    """Year and month → "YYYY-MM".

    Accepted: 「2027年4月」「2027/4」「2027-04」「2027.4」「202704」「R9.4」「R9年4月」「令和9年4月」
    「令和元年5月」「H31.4」「平成31年4月」 (full-width too). 令和元年 = 2019 (from May),
    平成元年 = 1989, 昭和元年 = 1926. A month outside the era (「令和元年4月」) is rejected.
    """
    s = _prepare_date_text(text, "年月", _MONTH_EX)
    year, month, _, era = _match_ymd(s, _MONTH_PATTERNS, "年月", _MONTH_EX)
    if era:
        _, start, end = _ERAS[era]
        if (year, month) < (start.year, start.month) or (end and (year, month) > (end.year, end.month)):
            raise _era_range_error(era, "年月", _MONTH_EX)
    return f"{year:04d}-{month:02d}"


def parse_date(text: str) -> date:
    """Full date: 「2027年4月1日」「2027/4/1」「2027-04-01」「20270401」「R9.4.1」「令和9年4月1日」."""
    s = _prepare_date_text(text, "日付", _DATE_EX)
    year, month, day, era = _match_ymd(s, _DATE_PATTERNS, "日付", _DATE_EX)
    assert day is not None
    try:
        result = date(year, month, day)
    except ValueError:
        raise ParseError(
            f"{year}年{month}月{day}日という日付はありません。日にちを確認してください。例:{_DATE_EX}"
        ) from None
    if era:
        _, start, end = _ERAS[era]
        if result < start or (end and result > end):
            raise _era_range_error(era, "日付", _DATE_EX)
    return result


# --------------------------------------------------------------------------------------------
# Fiscal month (決算月)
# --------------------------------------------------------------------------------------------


_FISCAL_RE = re.compile(r"(?P<m>\d{1,2})(?:月)?(?:末日?)?(?:決算|期|締め?)?")


def parse_fiscal_month(text: str) -> int:
    """Closing month of the fiscal year: 「3月」「３」「3月決算」「3月末」「3月期」 → 3."""
    bad = "決算月として読めません。「3月」「3」「3月決算」のように1〜12の月を入力してください。"
    s = _prepare_date_text(text, "決算月", "「3月」「3」")
    m = _FISCAL_RE.fullmatch(s)
    if not m:
        raise ParseError(bad)
    month = int(m["m"])
    if not 1 <= month <= 12:
        raise ParseError(bad)
    return month
