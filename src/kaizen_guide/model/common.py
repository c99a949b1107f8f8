"""Shared field types and the base model.

Conventions, used by every model:
- Money (金額) is an ``int`` number of 千円 unless the field name ends in ``_yen``.
- Rates and ratios are ``Decimal`` fractions: 0.015 means 1.5%.
- Months are "YYYY-MM" strings; dates are ISO dates.
- Year-indexed lists (``PerYear``) start at 計画0年目 (index 0 = the current, in-progress year);
  a list shorter than the plan is carried forward with its last value.

Build cost (issue 18): the model modules do not use ``from __future__ import annotations`` (pydantic
would then evaluate every annotation string again), and the models build their validators on first
use (``defer_build``): a process that never validates a model does not pay for it, and validating a
plan builds the whole tree once instead of one validator per nested class.
"""

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Amount = int
"""千円, whole numbers (negative allowed where a field says so)."""

NonNegative = Annotated[int, Field(ge=0)]
"""A count or price that cannot be below 0 (数量, 単価)."""

Rate = Annotated[Decimal, Field(ge=Decimal("-10"), le=Decimal("10"))]
"""A fraction (0.12 = 12%). Bounds catch 12 typed where 0.12 was meant."""

Ratio = Annotated[Decimal, Field(ge=Decimal("0"), le=Decimal("1"))]
"""A share between 0 and 1 (シェア, 保証割合, 掛目)."""

YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
"""A month as "YYYY-MM" (e.g. "2027-04")."""

PerYear = list[int]
"""千円 amounts by plan year, index 0 = 計画0年目; shorter lists carry the last value forward."""

PerYearRate = list[Decimal]
"""Fractions by plan year, index 0 = 計画0年目; shorter lists carry the last value forward."""

Severity = Literal["error", "warning", "info"]
GivenBy = Literal["owner", "advisor"]


class KGModel(BaseModel):
    """Base for all plan models: unknown keys are an error, so a typo in a plan file is caught."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        ser_json_inf_nan="constants",
        defer_build=True,  # built on first validation (see the module docstring)
    )


def per_year(values: list[Any], year: int, default: Any = 0) -> Any:
    """Value for plan year ``year`` from a carried-forward per-year list."""
    if not values:
        return default
    if year < len(values):
        return values[year]
    return values[-1]


def _new_list() -> list[Any]:
    return []


def F(title: str, default: Any = ..., **kw: Any) -> Any:
    """Field with a Japanese title (shorthand used throughout this module)."""
    if kw.get("default_factory") is list:
        # The same empty list, from a Python function: pydantic inspects each factory's signature,
        # and for the builtin ``list`` that means parsing its text signature (~0.2 ms, 54 fields).
        kw["default_factory"] = _new_list
    if default is ...:
        return Field(title=title, **kw)
    return Field(default, title=title, **kw)
