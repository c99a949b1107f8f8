"""Japanese text handling: normalisation and parsers for what users type.

The parsers load on first use (:func:`__getattr__`): the TUI's start screen needs only the line
breaking (:mod:`kaizen_guide.ja.linebreak`), and importing the parsers and dates with ``decimal``
cost it ~8 ms (issue 18). ``normalize`` is imported at once: its submodule shares its name, and
importing that submodule later would otherwise leave the module, not the function, under it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kaizen_guide.ja.normalize import normalize, normalize_number_text

if TYPE_CHECKING:
    from kaizen_guide.ja.parse import (
        AmountParse,
        ParseError,
        describe_amount,
        format_amount,
        format_percent,
        parse_amount,
        parse_amount_detail,
        parse_date,
        parse_decimal,
        parse_fiscal_month,
        parse_int,
        parse_month,
        parse_percent,
        parse_yes_no,
    )

__all__ = [
    "AmountParse",
    "ParseError",
    "describe_amount",
    "format_amount",
    "format_percent",
    "normalize",
    "normalize_number_text",
    "parse_amount",
    "parse_amount_detail",
    "parse_date",
    "parse_decimal",
    "parse_fiscal_month",
    "parse_int",
    "parse_month",
    "parse_percent",
    "parse_yes_no",
]

_LAZY = frozenset(__all__) - {"normalize", "normalize_number_text"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module("kaizen_guide.ja.parse"), name)
    globals()[name] = value  # later look-ups do not come here again
    return value
