"""The row record of the numeric sheets (``Row``) and the table shorthands ``R`` and ``H``.

Shared by the sheet tables in :mod:`.layout_statements` and :mod:`.layout_schedules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import styles


@dataclass(frozen=True)
class Row:
    """One line of a numeric sheet.

    ``formula`` applies to every year column, ``pformula`` only to plan-year columns (actual
    years then show the entered number). A template that starts with ``?`` falls back to the
    value where a referenced cell does not exist (e.g. the year before 計画0年目). A ``dict``
    formula is chosen by a FinanceSettings variant (``variant`` names the setting).
    """

    key: str
    label: str
    src: str | None = None  # where the engine's number is (see sources.Sources); None = no number
    formula: str | dict[str, str] | None = None
    pformula: str | None = None
    fmt: str = styles.NUM
    total: bool = False  # bold with a total border
    section: bool = False  # a heading row with no numbers
    indent: int = 0
    note: str = ""
    tol: float = 0.0  # tolerance for non-integer formula results (ratios, years)
    variant: str | None = None
    none_expected: str | None = None  # what the formula shows when the engine says None
    value_note: str = ""  # plan-year numbers without a formula are computed values: why (a cell note)


def R(key, label, src=None, formula=None, **kw) -> Row:  # noqa: N802 (table-like shorthand)
    return Row(key, label, src, formula, **kw)


def H(label: str) -> Row:  # noqa: N802
    return Row(key="", label=label, section=True)


# Every ROUND of a product with a rate goes through ROUND(…,6) first: 850 × 0.41 is 348.49999… in
# floating point, while the engine (exact decimals) rounds 348.5 up.
# Placeholders in formula templates:
#   {key}          this sheet, this year        {key@-1}        this sheet, the year before
#   {pl:key}       sheet "pl", this year         {bs:cash@-1}    sheet "bs", the year before
#   {seg*}         the range of rows whose key starts with "seg" (0 when there are none)

SEGMENTS = "__segments__"  # one row per 売上区分 (key "seg.<i>")
BANKS = "__banks__"  # one row per 金融機関
