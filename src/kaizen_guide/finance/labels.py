"""Column labels and fiscal calendars (計画0年目 … 計画N年目, 決算期, months of a fiscal year)."""

from __future__ import annotations

import re

from ..model.plan import Plan
from .results import ProjectionLabels, YearLabel

_FY_LABEL = re.compile(r"(\d{4})年\s*(\d{1,2})月期")


def fiscal_end(plan: Plan, year: int) -> tuple[int, int] | None:
    """(calendar year, month) of the 決算 that ends plan year ``year`` (0 = 進行期), if derivable.

    From the latest actual ``period_end`` (plan year 0 ends 12 months later); else from
    ``targets.first_plan_year_label`` (「2028年3月期」 = plan year 1).
    """
    latest = plan.financials.latest
    if latest is not None:
        y, m = (int(x) for x in latest.period_end.split("-"))
        return y + 1 + year, m
    match = _FY_LABEL.search(plan.targets.first_plan_year_label or "")
    if match:
        return int(match.group(1)) - 1 + year, int(match.group(2))
    return None


def fiscal_label(plan: Plan, year: int) -> str:
    end = fiscal_end(plan, year)
    return f"{end[0]}年{end[1]}月期" if end else ""


def fiscal_months(plan: Plan, year: int) -> list[tuple[int, int]] | None:
    """The 12 (calendar year, month) pairs of plan year ``year``, 期首月 first."""
    end = fiscal_end(plan, year)
    if end is None:
        return None
    ey, em = end
    out = []
    for k in range(12):
        # month index k=0 is 11 months before the end month
        total = ey * 12 + (em - 1) - 11 + k
        out.append((total // 12, total % 12 + 1))
    return out


def first_month_number(plan: Plan) -> int:
    """Calendar month of 期首 (the month after 決算月)."""
    end = fiscal_end(plan, 0)
    month = end[1] if end else plan.company.fiscal_month
    return month % 12 + 1


def build_labels(plan: Plan, plan_years: int) -> ProjectionLabels:
    actual = []
    years = plan.financials.years
    for k, fy in enumerate(years):
        offset = k - len(years)
        actual.append(
            YearLabel(offset=offset, kind="actual", label=fy.label, fiscal_label=fy.label, heading=f"{fy.label} (実績)")
        )
    plan_labels = []
    for y in range(plan_years + 1):
        fl = fiscal_label(plan, y)
        name = f"計画{y}年目"
        plan_labels.append(
            YearLabel(offset=y, kind="plan", label=name, fiscal_label=fl, heading=f"{name} ({fl})" if fl else name)
        )
    return ProjectionLabels(actual=actual, plan=plan_labels)
