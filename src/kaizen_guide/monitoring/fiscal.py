"""The review's fiscal calendar: :mod:`kaizen_guide.finance.fiscal`, under the name the monitoring
modules import it by. It lives in finance so that the importers and the checks may read months
with the same calendar (a lower layer than the review).
"""

from __future__ import annotations

from kaizen_guide.finance.fiscal import (
    FiscalCalendar,
    MonitoringError,
    MonthPos,
    add_months,
    all_months,
    month_key,
    month_text,
    months_between,
    plan_year_range,
    position,
    split_month,
    year_months,
)

__all__ = [
    "FiscalCalendar",
    "MonitoringError",
    "MonthPos",
    "add_months",
    "all_months",
    "month_key",
    "month_text",
    "months_between",
    "plan_year_range",
    "position",
    "split_month",
    "year_months",
]
