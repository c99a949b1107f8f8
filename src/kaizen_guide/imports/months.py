"""Column labels → months (決算月 other than March too; the fiscal calendar is finance.fiscal.FiscalCalendar).

A label is one of: a full month (「2026年4月」「2026/04」「R8.4」「令和8年4月度」「202604」, or a
date cell from Excel), a month without a year (「4月」「4月度」, resolved against a fiscal year), a
subtotal (上半期, 下半期, 四半期, 期間累計, 合計, 決算仕訳 … never a month), or something else.
Years and eras are read by ``ja.parse_month``, the parser users' typed months go through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from kaizen_guide.finance.fiscal import FiscalCalendar as FiscalCalendar  # one fiscal calendar: finance/fiscal
from kaizen_guide.ja import ParseError, normalize, parse_month

# Words that make a column a subtotal / non-month column even if it also names a month
# (「4月〜9月合計」「上半期(4-9月)」). Checked before any month reading.
SUBTOTAL_WORDS = (
    "上半期",
    "下半期",
    "半期",
    "四半期",
    "期間累計",
    "累計",
    "合計",
    "小計",
    "総計",
    "年計",
    "計",
    "決算仕訳",
    "決算整理",
    "決算",
    "当期仮残高",
    "当期残高",
    "期末残高",
    "期首残高",
    "前期繰越",
    "前月繰越",
    "繰越",
    "構成比",
    "前年",
    "前期",
    "比率",
    "平均",
    "中間",
    "第1Q",
    "第2Q",
    "第3Q",
    "第4Q",
)
_QUARTER = re.compile(r"^(?:第?[1-4一二三四]Q|Q[1-4]|[1-4]Q)$", re.IGNORECASE)

_ERA = r"(?:令和|平成|R|H)"
# Year-month pieces inside a longer label or a preamble sentence, longest forms first.
_YM_RE = re.compile(
    rf"(?P<era>{_ERA}(?:元|\d{{1,2}})(?:年|[./\-])\d{{1,2}})(?:月|(?![\d]))"
    rf"|(?P<west>\d{{4}}(?:年|[./\-])\d{{1,2}})(?:月|(?!\d))"
    rf"|(?P<compact>(?<!\d)\d{{6}}(?!\d))",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(r"^(?P<m>\d{1,2})月(?:度|分|発生|月間発生|実績|残高|金額)?$")
_TAX_MARK = re.compile(r"[(\[]?税[抜込](?:経理)?[)\]]?")
_PERIOD_WORDS = re.compile(r"開始|終了|期間|^自|^至|[〜～~]|[:：]")
_FY_LABEL = re.compile(rf"(?P<y>\d{{4}}|{_ERA}(?:元|\d{{1,2}}))年(?P<m>\d{{1,2}})月期")


def tax_mark(text: str) -> str | None:
    """ "excluded" / "included" when a label says 税抜 / 税込."""
    if "税抜" in text:
        return "excluded"
    if "税込" in text:
        return "included"
    return None


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # "ym" (value "YYYY-MM"), "m" (calendar month 1-12), "sub" (subtotal), "other"
    ym: str | None = None
    month: int | None = None
    text: str = ""


def _clean(text: str) -> str:
    return normalize(text).replace(" ", "").upper()


def _ym_from_piece(piece: str) -> str | None:
    try:
        return parse_month(piece)
    except ParseError:
        return None


def classify_label(value: object) -> Label:
    """What a header cell names (see module docstring)."""
    if isinstance(value, (datetime, date)):
        return Label("ym", ym=f"{value.year:04d}-{value.month:02d}", text=str(value))
    if value is None:
        return Label("other")
    if isinstance(value, (int, float)):
        return Label("other", text=str(value))
    full = _clean(str(value))
    # 「4月(税抜)」「4月(税込)」: the month is read without the tax marker, which the reader uses
    # to pick the columns on the plan's basis.
    text = _TAX_MARK.sub("", full)
    if not text:
        return Label("other", text=full)
    if _QUARTER.match(text) or any(w in text for w in SUBTOTAL_WORDS):
        return Label("sub", text=full)
    if _FY_LABEL.search(text) or _PERIOD_WORDS.search(text):
        # 「2027年3月期」 names a fiscal year; 「開始月:2027/04」「自 令和9年4月1日」 a period, not a column
        return Label("other", text=full)
    m = _MONTH_ONLY.match(text)
    if m:
        month = int(m["m"])
        return Label("m", month=month, text=full) if 1 <= month <= 12 else Label("other", text=full)
    found = _YM_RE.search(text)
    if found:
        ym = _ym_from_piece(found.group(0).rstrip("月") if found["compact"] is None else found.group(0))
        # A label that is mostly something else (「2026/04 予算」) is not an actuals month.
        if ym and not re.search(r"予算|計画|見込", text):
            return Label("ym", ym=ym, text=full)
    return Label("other", text=full)


def months_in_text(text: str) -> list[str]:
    """Every year-month mentioned in a sentence, in order (「自 令和8年4月1日 至 令和9年3月31日」)."""
    out = []
    for found in _YM_RE.finditer(_clean(text)):
        piece = found.group(0)
        ym = _ym_from_piece(piece.rstrip("月") if found["compact"] is None else piece)
        if ym:
            out.append(ym)
    return out


def fiscal_year_label_end(text: str) -> str | None:
    """「令和9年3月期」「2027年3月期」 → the closing month "2027-03" (○年○月期 is named by its end)."""
    found = _FY_LABEL.search(_clean(text))
    if not found:
        return None
    return _ym_from_piece(f"{found['y']}年{found['m']}月")


# --------------------------------------------------------------------------------------------
# Month arithmetic (the fiscal calendar itself is finance.fiscal.FiscalCalendar)


def ym_add(ym: str, months: int) -> str:
    y, m = int(ym[:4]), int(ym[5:7])
    total = y * 12 + m - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def ym_diff(a: str, b: str) -> int:
    """Months from b to a."""
    return (int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7]))
