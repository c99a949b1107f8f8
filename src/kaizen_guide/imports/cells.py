"""Amount cells as accounting exports write them → Decimal in the file's unit.

Accepted: 1,234 / ▲1,234 / △1,234 / (1,234) / -1,234 / １，２３４ / －1,234 / 1,234円 / "1,234 " /
numbers already typed by openpyxl. Blank, "-", "―", "－" read as nothing (0). The sign and
digit rules are the ones users type elsewhere (``ja.parse_decimal``), so a cell such as
「12,34」 is an error rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from kaizen_guide.ja import ParseError, normalize_number_text, parse_decimal

# The forms exports print most (1234 / 1,234 / ▲1,234 / △1,234 / -1,234 / (1,234)), read without the
# general parser's normalisation; anything else goes through ``parse_decimal``.
_FAST = re.compile(r"(?P<neg>[-▲△])?(?P<num>\d{1,3}(?:,\d{3})+|\d{1,15})|\((?P<paren>\d{1,3}(?:,\d{3})+|\d{1,15})\)")
_EMPTY_MARKS = {"", "-", "--", "ー", "*"}
_TRIM = " \"'\u3000"


class CellError(ValueError):
    """A cell that should hold an amount does not; ``message`` is Japanese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_cell(value: object) -> Decimal | None:
    """Amount in the file's unit, or None for an empty cell (blank or a dash)."""
    if value is None:
        return None
    if isinstance(value, (bool, date, datetime)):
        raise CellError(f"「{value}」は金額ではありません。")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("金額のセルが数値ではありません (NaN/無限大)。")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    text = str(value).strip(_TRIM)
    fast = _FAST.fullmatch(text)
    if fast:
        if fast["paren"]:
            return -Decimal(fast["paren"].replace(",", ""))
        value = Decimal(fast["num"].replace(",", ""))
        return -value if fast["neg"] else value
    s = normalize_number_text(text).strip(_TRIM)
    if s in _EMPTY_MARKS or set(s) <= {"-"}:
        return None
    if s.endswith("円") and not s.endswith("千円"):
        s = s[:-1]
    if s.startswith("¥"):
        s = s[1:]
    try:
        return parse_decimal(s)
    except ParseError:
        pass
    except InvalidOperation:  # pragma: no cover - parse_decimal validates its input first
        pass
    raise CellError(f"「{text}」を金額として読めません。1,234 / ▲1,234 / (1,234) / -1,234 のような数字にしてください。")


def looks_numeric(value: object) -> bool:
    """True for a non-empty cell that reads as an amount (used to classify rows and columns)."""
    try:
        return parse_cell(value) is not None
    except CellError:
        return False
