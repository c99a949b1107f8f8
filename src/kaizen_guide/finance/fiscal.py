"""The plan's fiscal calendar in months: which plan year and fiscal month a "YYYY-MM" is.

Plan year 0 is the 進行期; plan year 1 starts the month after its 決算月 (any 決算月, not only
March). Built on ``finance.labels.fiscal_end`` so the review and the workbook agree on the years.

One calendar for the monthly review (``monitoring.fiscal`` re-exports it), the importers
(``imports.months``) and the review's plan rules (``checks.monitoring_rules``): it sits in finance,
below all three, beside the labels it is built on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kaizen_guide.finance.labels import first_month_number, fiscal_end, fiscal_label, fiscal_months

from ..model.plan import Plan

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class MonitoringError(ValueError):
    """A review that cannot be done as asked; ``message`` is Japanese and says what to do.

    Named for the review, whose error it is; the calendar raises it for a month it cannot place."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def split_month(ym: str) -> tuple[int, int]:
    m = _MONTH.match(ym or "")
    if not m:
        raise MonitoringError(f"「{ym}」は年月として読めません。2027-06 のように入力してください。")
    return int(m.group(1)), int(m.group(2))


def add_months(ym: str, n: int) -> str:
    y, m = split_month(ym)
    total = y * 12 + (m - 1) + n
    return month_key(total // 12, total % 12 + 1)


def months_between(a: str, b: str) -> int:
    """Months from ``b`` to ``a`` (negative when ``a`` is earlier)."""
    ya, ma = split_month(a)
    yb, mb = split_month(b)
    return (ya * 12 + ma) - (yb * 12 + mb)


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """The fiscal year by its 期首月, for any year (an accounting file or a due date may fall outside
    the plan's years, where ``position`` refuses). Any 決算月, not only March."""

    start_month: int

    @classmethod
    def of_plan(cls, plan: Plan) -> FiscalCalendar:
        return cls(first_month_number(plan))

    def year_start(self, ym: str) -> str:
        """First month of the fiscal year containing ``ym``."""
        y, m = split_month(ym)
        return month_key(y if m >= self.start_month else y - 1, self.start_month)

    def months(self, year_start: str) -> list[str]:
        return [add_months(year_start, k) for k in range(12)]

    def index(self, ym: str) -> int:
        """Fiscal month number 1..12 (1 = 期首月)."""
        return months_between(ym, self.year_start(ym)) + 1

    def resolve(self, month: int, year_start: str) -> str:
        """Calendar month ``month`` inside the fiscal year starting at ``year_start``."""
        return add_months(year_start, (month - self.start_month) % 12)

    def label(self, year_start: str) -> str:
        """「2028年3月期」: the fiscal year is named by its last month."""
        y, m = split_month(add_months(year_start, 11))
        return f"{y}年{m}月期"


def month_text(ym: str) -> str:
    y, m = split_month(ym)
    return f"{y}年{m}月"


@dataclass(frozen=True)
class MonthPos:
    """Where a month sits in the plan: plan year, fiscal month index (1 = 期首月) and its year."""

    month: str
    plan_year: int
    index: int
    months: tuple[str, ...]
    fiscal_label: str

    @property
    def label(self) -> str:
        """「2027年6月 (2028年3月期・計画1年目 3か月目)」"""
        fy = f"{self.fiscal_label}・" if self.fiscal_label else ""
        return f"{month_text(self.month)} ({fy}計画{self.plan_year}年目 {self.index}か月目)"

    @property
    def short_label(self) -> str:
        return f"{month_text(self.month)} (計画{self.plan_year}年目 {self.index}か月目)"

    @property
    def to_date(self) -> tuple[str, ...]:
        """This fiscal year's months up to and including this one (累計 restarts at each 期首)."""
        return self.months[: self.index]

    @property
    def remaining(self) -> tuple[str, ...]:
        return self.months[self.index :]


def year_months(plan: Plan, year: int) -> tuple[str, ...]:
    months = fiscal_months(plan, year)
    if months is None:
        raise MonitoringError(
            "決算期がわからないため、月ごとの計画を作れません。決算実績 (決算年月) か"
            "「計画1年目の決算期」を入力してください。"
        )
    return tuple(month_key(y, m) for y, m in months)


def plan_year_range(plan: Plan) -> range:
    return range(0, plan.targets.plan_years + 1)


def position(plan: Plan, ym: str) -> MonthPos:
    """The plan year and fiscal month of ``ym``; MonitoringError when it is outside the plan."""
    split_month(ym)
    if fiscal_end(plan, 0) is None:
        year_months(plan, 0)  # raises the Japanese message
    for year in plan_year_range(plan):
        months = year_months(plan, year)
        if ym in months:
            return MonthPos(ym, year, months.index(ym) + 1, months, fiscal_label(plan, year))
    first = year_months(plan, 0)[0]
    last = year_months(plan, plan.targets.plan_years)[-1]
    raise MonitoringError(
        f"{month_text(ym)}は計画の期間 ({month_text(first)}〜{month_text(last)}) に入っていません。"
        "計画の期間内の月を指定してください。"
    )


def all_months(plan: Plan) -> list[str]:
    out: list[str] = []
    for year in plan_year_range(plan):
        out.extend(year_months(plan, year))
    return out
