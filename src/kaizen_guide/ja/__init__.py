"""Japanese text handling: normalisation and parsers for what users type."""

from kaizen_guide.ja.normalize import normalize, normalize_number_text
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
