"""Reviews per period (四半期 / 中間 / 決算) for a plan whose 伴走支援計画 is not monthly.

The plan's ``monitoring_plan.frequency`` sets the review period: monthly → one month (the plain
monthly review), quarterly → the 四半期 containing the month, half_yearly → the 半期 (中間 =
上半期), yearly → the fiscal year (決算). Periods are those of :mod:`.periods` (fiscal calendar,
any 決算月). A period's review is recorded at its last month (``MonitoringRecord.period`` holds the
code, e.g. 2027Q1); the actuals of its other months are kept in their own months' records, so
every monthly figure (累計, cash outlook, the board) is computed as for a monthly plan.

:func:`compare_review_period` gives the review a :class:`~.compare.Comparison` whose rows are the
period's totals (flow lines summed over its months; balances at its last month) while 累計,
着地見込 and the cash outlook are those at the period's last month (fiscal year to date).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .compare import Bands, Comparison, LineRow, PlanSource, _deep_dive, band_of, compare_month, plan_source
from .fiscal import MonitoringError, add_months, position
from .lines import LINES, derive
from .periods import Period, parse_period
from .plan_months import MonthlyPlan, SegmentPlan

KIND_OF = {"monthly": "month", "quarterly": "quarter", "half_yearly": "half", "yearly": "year"}
NEXT_LABEL = {"month": "来月", "quarter": "次の四半期", "half": "次の半期", "year": "次の年度"}


def cadence_kind(plan: Any) -> str:
    return KIND_OF.get(plan.monitoring_plan.frequency, "month")


def period_of(plan: Any, month: str, kind: str) -> Period:
    """The period of ``kind`` that contains ``month`` (MonitoringError outside the plan)."""
    pos = position(plan, month)
    year = int(pos.months[0][:4])  # the 年度: the calendar year of the 期首月
    if kind == "quarter":
        return parse_period(plan, f"{year}Q{(pos.index - 1) // 3 + 1}")
    if kind == "half":
        return parse_period(plan, f"{year}H{1 if pos.index <= 6 else 2}")
    if kind == "year":
        return parse_period(plan, f"FY{year}")
    return parse_period(plan, month)


def review_period(plan: Any, *, month: str | None = None, period: str | None = None) -> Period | None:
    """The period a review covers: ``period`` as given (「2027Q1」…), else the plan's cadence period
    containing ``month``. None means the plain monthly review of ``month``."""
    if period:
        p = parse_period(plan, period)
        return None if p.kind == "month" else p
    if month is None:
        return None
    kind = cadence_kind(plan)
    return None if kind == "month" else period_of(plan, month, kind)


def next_period(plan: Any, p: Period) -> Period:
    return period_of(plan, add_months(p.last, 1), p.kind)


def default_period(plan: Any) -> Period:
    """The period a review on a period plan opens on: an unfinished period review, else the period
    after the last one, else the period of the plan's first monitoring month."""
    from .fiscal import year_months

    kind = cadence_kind(plan)
    reviews = sorted((r for r in plan.monitoring if r.period), key=lambda r: r.month)
    open_ = [r for r in reviews if r.completed_at is None]
    if open_:
        return parse_period(plan, open_[0].period)
    if reviews:
        return next_period(plan, parse_period(plan, reviews[-1].period))
    start = plan.monitoring_plan.start or year_months(plan, 1)[0]
    return period_of(plan, start, kind)


def _period_plan(mp: MonthlyPlan, p: Period, end_index: int) -> MonthlyPlan:
    """The month's plan with the period's totals at its last month (for the deep dive and the
    review's questions, which read a plan figure "of the month")."""
    idx = [mp.months.index(m) for m in p.months]
    lines = {}
    for ln in LINES:
        vals = list(mp.lines[ln.key])
        if not ln.balance:
            vals[end_index] = sum(mp.lines[ln.key][i] for i in idx)
        lines[ln.key] = vals
    segs = []
    for s in mp.segments:
        q, sales = list(s.quantity), list(s.sales)
        q[end_index] = sum(s.quantity[i] for i in idx)
        sales[end_index] = sum(s.sales[i] for i in idx)
        segs.append(SegmentPlan(s.name, s.unit, q, sales))
    return replace(mp, lines=lines, segments=segs)


def compare_review_period(
    plan: Any,
    p: Period,
    actuals: dict[str, dict[str, int]],
    segment_actuals: dict[str, tuple[int | None, int | None]] | None = None,
    *,
    plans: PlanSource | None = None,
    today: str | None = None,
) -> Comparison:
    """The period's plan vs actual as one :class:`Comparison` (see the module docstring).

    A line's period actual needs every month of the period (a quarter with a month missing has no
    total yet: the row shows the plan and no actual)."""
    plans = plans or plan_source(plan)
    end = compare_month(plan, p.last, actuals, None, plans=plans, today=today)
    derived = {m: derive(actuals[m])[0] for m in p.months if m in actuals}
    bands: Bands = end.bands
    mp = _period_plan(end.mplan, p, end.pos.index - 1)
    rows: list[LineRow] = []
    totals: dict[str, int] = {}
    for ln in LINES:
        er = end.row(ln.key)
        plan_v = mp.value(ln.key, p.last)
        have = [derived[m][ln.key] for m in p.months if ln.key in derived.get(m, {})]
        if ln.balance:
            actual = er.actual
        else:
            actual = sum(have) if len(have) == len(p.months) else None
        if actual is not None:
            totals[ln.key] = actual
        rows.append(
            LineRow(
                ln.key,
                ln.label,
                ln.lower_is_better,
                ln.balance,
                plan_v,
                actual,
                er.cum_plan,
                er.cum_actual,
                er.cum_months,
                band_of(plan_v, actual, ln.lower_is_better, bands),
                er.cum_band,
            )
        )
    deep = _deep_dive(mp, end.pos, totals, segment_actuals or {})
    missing = [m for m in p.months if not actuals.get(m)]
    notes = list(end.notes)
    if missing:
        from .fiscal import month_text

        notes.insert(
            0,
            f"{p.short_title} のうち {'・'.join(month_text(m) for m in missing)} の実績がまだありません。"
            "期間の合計は、全部の月の実績がそろってから出します。",
        )
    return Comparison(
        end.pos, mp, rows, end.forecast, end.cash, deep, bands, end.not_closed, notes, version=end.version, period=p
    )


__all__ = [
    "KIND_OF",
    "NEXT_LABEL",
    "MonitoringError",
    "cadence_kind",
    "compare_review_period",
    "default_period",
    "next_period",
    "period_of",
    "review_period",
]
