"""Plan vs actual for one month: per line 計画/実績/差異/達成率, 累計, bands, 着地見込, cash outlook.

Pure: ``compare_month(plan, month, actuals)`` where ``actuals`` is ``{"YYYY-MM": {line_key: 千円}}``
(the same shape ``imports.read_actuals(...).months`` returns). The bands are the 8割 working
threshold banks use in practice (not a regulation), configurable per plan in
``monitoring_plan.band_ok`` / ``band_watch``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from kaizen_guide.finance.results import Projection

from ..model.plan import Plan
from .fiscal import MonitoringError, MonthPos, add_months, month_text, position
from .lines import LINES, Line, derive
from .plan_months import MonthlyPlan, monthly_plan

# The comparison's records live in compare_types; callers keep importing them from here.
__all__ = [
    "BAND_LABELS",
    "BAND_NOTE",
    "Bands",
    "CashOutlook",
    "Comparison",
    "DeepDive",
    "Forecast",
    "LineRow",
    "PlanSource",
    "Rates",
    "band_of",
    "compare_month",
    "plan_source",
    "planned_cash_path",
    "rate_of",
    "reproject",
    "trend_landing",
]
from .compare_types import (
    BAND_LABELS,
    BAND_NOTE,
    Bands,
    CashOutlook,
    Comparison,
    DeepDive,
    Forecast,
    LineRow,
    Rates,
    band_of,
    rate_of,
)
from .decompose import SegmentSplit, split_gross, split_gross3, split_sales


def reproject(actual: int, planned_flows: list[int]) -> list[int]:
    """F_k = A現預金_m + Σ_{j=m+1..k} P純収支_j."""
    out, bal = [], actual
    for f in planned_flows:
        bal += f
        out.append(bal)
    return out


class PlanSource:
    """Monthly plans by plan year of one plan, computed once each (the projection at most once).

    ``for_month(month)`` is the source of the version in force for that month (当初計画 / 修正計画,
    ``model.versions.plan_in_force``); a plan never frozen is its own source.
    """

    def __init__(self, plan: Plan, projection: Projection | None = None, *, number: int | None = None):
        self.plan = plan
        self.number = number
        self._projection = projection
        self._cache: dict[int, MonthlyPlan] = {}
        self._versions: dict[int, PlanSource] = {}

    def __call__(self, year: int) -> MonthlyPlan:
        if year not in self._cache:
            if self._projection is None:
                from kaizen_guide.finance import compute_projection

                try:
                    self._projection = compute_projection(self.plan)
                except (ValueError, ArithmeticError) as exc:
                    raise MonitoringError(f"数値計画を計算できないため、月ごとの計画を作れません ({exc})。") from None
            self._cache[year] = monthly_plan(self.plan, year, self._projection)
        return self._cache[year]

    def for_month(self, month: str) -> PlanSource:
        from kaizen_guide.model.versions import VersionError, in_force_number, version_plan

        number = in_force_number(self.plan, month) if getattr(self.plan, "versions", None) else None
        if number is None:
            return self
        if number not in self._versions:
            try:
                vplan = version_plan(self.plan, number)
            except VersionError as exc:
                raise MonitoringError(exc.message) from None
            self._versions[number] = PlanSource(vplan, number=number)
        return self._versions[number]

    def remember(self, number: int, plan: Plan, projection: Projection) -> None:
        """Use ``plan`` and its ``projection``, already computed by the caller, for version
        ``number`` (so ``for_month`` does not compute that version's projection again)."""
        self._versions[number] = PlanSource(plan, projection, number=number)

    @property
    def label(self) -> str:
        from kaizen_guide.model.versions import version_label

        return version_label(self.number) if self.number is not None else ""


def plan_source(plan: Plan, projection: Projection | None = None) -> PlanSource:
    """Monthly plans of ``plan`` by plan year (see :class:`PlanSource`)."""
    return PlanSource(plan, projection)


def compare_month(
    plan: Plan,
    month: str,
    actuals: dict[str, dict[str, int]],
    segment_actuals: dict[str, tuple[int | None, int | None]] | None = None,
    *,
    plans: PlanSource | Callable[[int], MonthlyPlan] | None = None,
    projection: Projection | None = None,
    today: str | None = None,
    horizon: int = 12,
) -> Comparison:
    """Compare ``month`` with the plan, using every month's actuals of its fiscal year for 累計.

    ``plans`` gives the monthly plan of a plan year (default: derived from the plan); the cash
    outlook re-projects ``horizon`` months from the actual month-end balance.
    """
    # The version in force for the month (当初計画 / 修正計画) is the plan side of everything below.
    plans = plans or plan_source(plan, projection)
    number = None
    if isinstance(plans, PlanSource):
        plans = plans.for_month(month)
        plan, number = plans.plan, plans.number
    pos = position(plan, month)
    mp = plans(pos.plan_year)
    bands = Bands.of(plan)
    derived = {m: derive(v)[0] for m, v in actuals.items() if m in pos.months}
    cur = derived.get(month, {})
    rows: list[LineRow] = []
    for ln in LINES:
        rows.append(_row(ln, mp, pos, derived, cur, bands))
    forecast = {ln.key: _forecast(ln, mp, pos, derived, bands) for ln in LINES if not ln.balance}
    cash = _cash(plan, pos, mp, cur.get("cash_end"), plans, horizon)
    if cash.actual is not None and cash.projection:
        forecast["cash_end"] = Forecast(
            "cash_end", "月末現預金", mp.annual["cash_end"], _year_end_cash(cash, pos), None, False, bands
        )
    notes = list(_notes(mp, derive(actuals.get(month, {}))[1]))
    not_closed = bool(today and month >= today[:7])
    if not_closed and today is not None:
        notes.insert(
            0,
            f"{month_text(month)}はまだ締まっていない月です (今日は{month_text(today[:7])})。"
            "試算・デモ・見込みの振り返りとして記録します。",
        )
    deep = _deep_dive(mp, pos, cur, segment_actuals or {})
    return Comparison(pos, mp, rows, forecast, cash, deep, bands, not_closed, notes, number)


def _notes(mp: MonthlyPlan, derive_notes: list[str]) -> list[str]:
    return [*mp.notes, *derive_notes]


def _row(
    ln: Line, mp: MonthlyPlan, pos: MonthPos, derived: dict[str, dict[str, int]], cur: dict[str, int], bands: Bands
) -> LineRow:
    plan_v = mp.value(ln.key, pos.month)
    actual = cur.get(ln.key)
    if ln.balance:
        cum_plan, cum_actual, n = plan_v, actual, (1 if actual is not None else 0)
    else:
        months = [m for m in pos.to_date if ln.key in derived.get(m, {})]
        n = len(months)
        cum_plan = sum(mp.value(ln.key, m) for m in months) if months else sum(mp.value(ln.key, m) for m in pos.to_date)
        cum_actual = sum(derived[m][ln.key] for m in months) if months else None
    return LineRow(
        ln.key,
        ln.label,
        ln.lower_is_better,
        ln.balance,
        plan_v,
        actual,
        cum_plan,
        cum_actual,
        n,
        band_of(plan_v, actual, ln.lower_is_better, bands),
        band_of(cum_plan, cum_actual, ln.lower_is_better, bands),
    )


def _forecast(ln: Line, mp: MonthlyPlan, pos: MonthPos, derived: dict[str, dict[str, int]], bands: Bands) -> Forecast:
    landing = 0
    for m in pos.months[: pos.index]:
        landing += derived.get(m, {}).get(ln.key, mp.value(ln.key, m))
    landing += sum(mp.value(ln.key, m) for m in pos.remaining)
    annual = mp.annual[ln.key]
    months = [m for m in pos.to_date if ln.key in derived.get(m, {})]
    trend = None
    if months:
        cp = sum(mp.value(ln.key, m) for m in months)
        ca = sum(derived[m][ln.key] for m in months)
        trend = trend_landing(annual, cp, ca)
    return Forecast(ln.key, ln.label, annual, landing, trend, ln.lower_is_better, bands)


def trend_landing(annual: int, cum_plan: int, cum_actual: int) -> int | None:
    """趨勢 = 年間計画 × 累計実績 ÷ 累計計画, only when the three have the same sign.

    When the 累計 crosses zero (a profit plan with a loss to date, a loss plan that is in profit so
    far, or a year planned as a loss after profitable months) the ratio has no meaning as a pace:
    120 × (−50 ÷ 100) would read a profit plan as a −60 year. Then there is no trend (None), and
    the reader relies on the standard 着地見込 (実績 + 残りの計画)."""
    signs = {(v > 0) - (v < 0) for v in (annual, cum_plan, cum_actual)}
    if len(signs) != 1 or 0 in signs:
        return None
    from kaizen_guide.finance.rounding import to_int

    return to_int(Fraction(annual) * Fraction(cum_actual, cum_plan))


def planned_cash_path(
    plan: Plan, pos: MonthPos, mp: MonthlyPlan, plans: Callable[[int], MonthlyPlan], horizon: int = 12
) -> list[tuple[str, int]]:
    """Planned net cash flow of each of the ``horizon`` months after ``pos`` (crossing into the next
    plan year), as the change of the planned month-end balance."""
    out: list[tuple[str, int]] = []
    cur_plan = mp
    prev = mp.value("cash_end", pos.month)
    month = pos.month
    for _ in range(horizon):
        month = add_months(month, 1)
        if month not in cur_plan.months:
            try:
                cur_plan = plans(position(plan, month).plan_year)
            except MonitoringError:
                break  # the plan ends here
        val = cur_plan.value("cash_end", month)
        out.append((month, val - prev))
        prev = val
    return out


def _cash(
    plan: Plan, pos: MonthPos, mp: MonthlyPlan, actual: int | None, plans: Callable[[int], MonthlyPlan], horizon: int
) -> CashOutlook:
    plan_v = mp.value("cash_end", pos.month)
    proj: list[tuple[str, int]] = []
    if actual is not None:
        flows = planned_cash_path(plan, pos, mp, plans, horizon)
        proj = list(zip([m for m, _ in flows], reproject(actual, [f for _, f in flows])))
    return CashOutlook(actual, plan_v, proj, plan.drivers.minimum_cash)


def _year_end_cash(cash: CashOutlook, pos: MonthPos) -> int:
    end = pos.months[-1]
    if pos.month == end:
        return cash.actual or 0
    return next((b for m, b in cash.projection if m == end), cash.projection[-1][1])


def _deep_dive(
    mp: MonthlyPlan, pos: MonthPos, cur: dict[str, int], seg_actuals: dict[str, tuple[int | None, int | None]]
) -> DeepDive:
    i = pos.index - 1
    deep = DeepDive()
    act_sales = cur.get("sales")
    given = {k: v for k, v in seg_actuals.items() if v[0] is not None}
    if act_sales is not None and given and mp.segments:
        segs = [s for s in mp.segments if s.name in given]
        # With one segment (or only the last one missing), its sales follow from the total.
        known = {n: v[1] for n, v in given.items() if v[1] is not None}
        missing = [s.name for s in segs if s.name not in known]
        if len(segs) == len(mp.segments) and len(missing) == 1:
            known[missing[0]] = act_sales - sum(known.values())
        for s in segs:
            if s.name not in known:
                continue
            aq, asales = given[s.name][0], known[s.name]
            deep.segments.append(
                SegmentSplit(
                    s.name,
                    s.unit,
                    s.quantity[i],
                    aq,  # type: ignore[arg-type]
                    s.sales[i],
                    asales,
                    split_sales(s.quantity[i], s.sales[i], aq, asales),  # type: ignore[arg-type]
                )
            )
    ps, pg = mp.value("sales", pos.month), mp.value("gross_profit", pos.month)
    if act_sales is not None and "gross_profit" in cur:
        deep.gross = split_gross(ps, pg, act_sales, cur["gross_profit"])
        deep.plan_margin = Fraction(pg, ps) if ps else None
        deep.actual_margin = Fraction(cur["gross_profit"], act_sales) if act_sales else None
        if len(deep.segments) == 1 and len(mp.segments) == 1:
            only = deep.segments[0]
            deep.gross3 = split_gross3(
                only.plan_qty,
                ps,
                mp.value("cost_of_sales", pos.month),
                only.actual_qty,
                act_sales,
                cur["cost_of_sales"],
            )
    if "sga" in cur and "personnel" in cur:
        pp, ap = mp.value("personnel", pos.month), cur["personnel"]
        psga = mp.value("sga", pos.month)
        deep.sga = [("人件費", pp, ap), ("その他の販管費", psga - pp, cur["sga"] - ap)]
        deep.sga.sort(key=lambda t: -abs(t[2] - t[1]))
    return deep
