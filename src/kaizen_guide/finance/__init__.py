"""Finance engine: projections (P/L, tax, CF, B/S), bank metrics, monthly cash, 資産保全表 and
金融機関別返済計画, computed from a Plan. Pure Python (no Textual / openpyxl / jinja2).

    from kaizen_guide.finance import compute_projection, FinanceSettings
    proj = compute_projection(plan)              # -> results.Projection
    proj.pl[1].ordinary_income, proj.metrics[-1].debt_repayment_years, proj.monthly.lowest_balance

Rounding happens only in ``finance.rounding`` (ROUND_HALF_UP to whole 千円, largest remainder for
allocations).
"""

from __future__ import annotations

from ..model.plan import Plan
from .results import NumericCheck, Projection
from .settings import FinanceSettings, StressCase

__all__ = [
    "FinanceSettings",
    "NumericCheck",
    "Projection",
    "StressCase",
    "compute_projection",
    "evaluate_targets",
]


def compute_projection(plan: Plan, settings: FinanceSettings | None = None) -> Projection:
    """Compute the full projection for ``plan`` (a kaizen_guide.model.Plan)."""
    from .projection import compute_projection as _compute

    return _compute(plan, settings)


def evaluate_targets(projection: Projection) -> list[NumericCheck]:
    """The numeric results (rule ids ``numeric.*``) for the checks module to turn into findings."""
    return list(projection.checks)
