"""Plan vs actual for one month: per line 計画/実績/差異/達成率, 累計, bands, 着地見込, cash outlook.

Pure: ``compare_month(plan, month, actuals)`` where ``actuals`` is ``{"YYYY-MM": {line_key: 千円}}``
(the same shape ``imports.read_actuals(...).months`` returns). The bands are the 8割 working
threshold banks use in practice (not a regulation), configurable per plan in
``monitoring_plan.band_ok`` / ``band_watch``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .decompose import GrossSplit, GrossSplit3, SegmentSplit, split_gross, split_gross3, split_sales
from .fiscal import MonitoringError, MonthPos, add_months, month_text, position
from .lines import CAUSE_KEYS, LINES, PROFIT_KEYS, Line, derive
from .plan_months import MonthlyPlan, monthly_plan

BAND_LABELS = {"ok": "計画どおり", "watch": "注意", "miss": "未達"}
BAND_NOTE = ("判定の目安: 達成率100%以上=計画どおり、80〜100%=注意、80%未満=未達 "
             "(金融機関の実務で使われる「8割」の目安。規則ではなく、計画ごとに変えられます)")


@dataclass(frozen=True)
class Bands:
    ok: Decimal = Decimal("1")
    watch: Decimal = Decimal("0.8")

    @classmethod
    def of(cls, plan) -> Bands:
        mp = plan.monitoring_plan
        return cls(Decimal(getattr(mp, "band_ok", 1)), Decimal(getattr(mp, "band_watch", Decimal("0.8"))))

    @property
    def note(self) -> str:
        if self == Bands():
            return BAND_NOTE
        ok, watch = _pct(self.ok), _pct(self.watch)
        return (f"判定の目安: 達成率{ok}以上=計画どおり、{watch}〜{ok}=注意、{watch}未満=未達 "
                "(この計画で設定した目安。金融機関の実務の「8割」を基にしています)")


def _pct(d: Decimal) -> str:
    return f"{(d * 100).normalize():f}%"


def rate_of(actual: int | None, plan: int) -> Fraction | None:
    if actual is None or plan <= 0:
        return None  # 達成率 is undefined for a plan ≤ 0 (a 赤字 plan): judge on 差異
    return Fraction(actual, plan)


def band_of(plan: int, actual: int | None, lower_is_better: bool, bands: Bands) -> str | None:
    """"ok" | "watch" | "miss" (None without an actual). Cost lines mirror the bands: up to the
    plan is ok, an overrun up to (ok − watch) of the plan is watch, more is miss."""
    if actual is None:
        return None
    ok, watch = Fraction(bands.ok), Fraction(bands.watch)
    slack = ok - watch
    if plan > 0:
        r = Fraction(actual, plan)
        if lower_is_better:
            return "ok" if r <= ok else ("watch" if r <= ok + slack else "miss")
        return "ok" if r >= ok else ("watch" if r >= watch else "miss")
    # plan ≤ 0: judge on the 差異 against the plan's size
    diff = actual - plan
    favourable = diff <= 0 if lower_is_better else diff >= 0
    if favourable:
        return "ok"
    if plan < 0 and abs(diff) <= slack * abs(plan):
        return "watch"
    return "miss"


def _f(r: Fraction | None) -> float | None:
    return None if r is None else round(float(r), 4)


class Rates:
    """差異 and 達成率 of a row with ``plan``/``actual`` and ``cum_plan``/``cum_actual`` (month or period)."""

    plan: int
    actual: int | None
    cum_plan: int
    cum_actual: int | None

    @property
    def diff(self) -> int | None:
        return None if self.actual is None else self.actual - self.plan

    @property
    def rate(self) -> Fraction | None:
        return rate_of(self.actual, self.plan)

    @property
    def cum_diff(self) -> int | None:
        return None if self.cum_actual is None else self.cum_actual - self.cum_plan

    @property
    def cum_rate(self) -> Fraction | None:
        return rate_of(self.cum_actual, self.cum_plan)


@dataclass
class LineRow(Rates):
    key: str
    label: str
    lower_is_better: bool
    balance: bool
    plan: int
    actual: int | None
    cum_plan: int
    cum_actual: int | None
    cum_months: int
    band: str | None
    cum_band: str | None

    @property
    def favourable(self) -> bool | None:
        d = self.diff
        if d is None or d == 0:
            return None
        return d < 0 if self.lower_is_better else d > 0

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "label": self.label, "lower_is_better": self.lower_is_better,
            "plan": self.plan, "actual": self.actual, "diff": self.diff, "rate": _f(self.rate),
            "cum_plan": self.cum_plan, "cum_actual": self.cum_actual, "cum_diff": self.cum_diff,
            "cum_rate": _f(self.cum_rate), "cum_months": self.cum_months,
            "band": self.band, "cum_band": self.cum_band, "favourable": self.favourable,
        }


@dataclass
class Forecast:
    """着地見込 = 累計実績 + 残りの計画 (標準); 趨勢 = 年間計画 × 累計達成率 (参考)."""

    key: str
    label: str
    annual_plan: int
    landing: int
    trend: int | None
    lower_is_better: bool
    bands: Bands

    @property
    def rate(self) -> Fraction | None:
        return rate_of(self.landing, self.annual_plan)

    @property
    def band(self) -> str | None:
        return band_of(self.annual_plan, self.landing, self.lower_is_better, self.bands)

    @property
    def below_watch(self) -> bool:
        """Below the 8割 line (for a cost line: above the mirrored line)."""
        return self.band == "miss"

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "annual_plan": self.annual_plan, "landing": self.landing,
                "rate": _f(self.rate), "band": self.band, "trend": self.trend,
                "watch_line": int(Fraction(self.annual_plan) * Fraction(self.bands.watch)) if self.annual_plan > 0 else None}


@dataclass
class CashOutlook:
    """月末現預金 vs plan, the next months re-projected from the actual balance, and the 谷間."""

    actual: int | None
    plan: int
    projection: list[tuple[str, int]]
    minimum: int

    @property
    def diff(self) -> int | None:
        return None if self.actual is None else self.actual - self.plan

    @property
    def lowest(self) -> tuple[str, int] | None:
        if not self.projection:
            return None
        return min(self.projection, key=lambda p: (p[1], p[0]))

    @property
    def short_by(self) -> int:
        low = self.lowest
        return max(0, self.minimum - low[1]) if low else 0

    def as_json(self) -> dict[str, Any]:
        low = self.lowest
        return {"actual": self.actual, "plan": self.plan, "diff": self.diff, "minimum": self.minimum,
                "projection": [{"month": m, "balance": b} for m, b in self.projection],
                "lowest_month": low[0] if low else None, "lowest_balance": low[1] if low else None,
                "short_by": self.short_by}


def reproject(actual: int, planned_flows: list[int]) -> list[int]:
    """F_k = A現預金_m + Σ_{j=m+1..k} P純収支_j."""
    out, bal = [], actual
    for f in planned_flows:
        bal += f
        out.append(bal)
    return out


@dataclass
class DeepDive:
    segments: list[SegmentSplit] = field(default_factory=list)
    gross: GrossSplit | None = None
    gross3: GrossSplit3 | None = None
    plan_margin: Fraction | None = None
    actual_margin: Fraction | None = None
    sga: list[tuple[str, int, int]] = field(default_factory=list)   # (label, plan, actual)

    @property
    def sales_split(self):
        if not self.segments:
            return None
        q = sum(s.split.quantity for s in self.segments)
        p = sum(s.split.price for s in self.segments)
        from .decompose import SalesSplit

        return SalesSplit(q, p)

    def as_json(self) -> dict[str, Any]:
        ss = self.sales_split
        return {
            "sales": None if ss is None else {"quantity": ss.quantity, "price": ss.price, "total": ss.total},
            "segments": [{"name": s.name, "unit": s.unit, "plan_quantity": s.plan_qty, "actual_quantity": s.actual_qty,
                          "plan_sales": s.plan_sales, "actual_sales": s.actual_sales,
                          "plan_unit_price_yen": s.plan_price_yen, "actual_unit_price_yen": s.actual_price_yen,
                          "quantity_variance": s.split.quantity, "price_variance": s.split.price}
                         for s in self.segments],
            "gross_profit": None if self.gross is None else {
                "sales_factor": self.gross.sales, "margin_factor": self.gross.margin, "total": self.gross.total,
                "plan_margin": _f(self.plan_margin), "actual_margin": _f(self.actual_margin)},
            "gross_profit_3way": None if self.gross3 is None else {
                "quantity": self.gross3.quantity, "price": self.gross3.price, "cost": self.gross3.cost,
                "total": self.gross3.total},
            "sga": [{"label": lb, "plan": p, "actual": a, "diff": a - p} for lb, p, a in self.sga],
        }


@dataclass
class Comparison:
    pos: MonthPos
    mplan: MonthlyPlan
    rows: list[LineRow]
    forecast: dict[str, Forecast]
    cash: CashOutlook
    deep: DeepDive
    bands: Bands
    not_closed: bool = False
    notes: list[str] = field(default_factory=list)
    version: int | None = None  # the plan version compared against (None: the plan was never frozen)
    period: Any = None      # a periods.Period when the rows are a 四半期/半期/年度's totals

    @property
    def when_text(self) -> str:
        """「2027年6月」 or 「令和10年3月期 第1四半期 (2027年4月〜6月)」: what the rows cover."""
        if self.period is None:
            return month_text(self.month)
        return f"{self.period.short_title} ({self.period.span_text})"

    @property
    def month(self) -> str:
        return self.pos.month

    def row(self, key: str) -> LineRow:
        return next(r for r in self.rows if r.key == key)

    @property
    def has_actuals(self) -> bool:
        return any(r.actual is not None for r in self.rows)

    def material_misses(self) -> list[str]:
        """Lines whose miss needs a cause: 売上・粗利・販管費・現預金 on their own; a profit line only
        when none of those explains it (a profit miss usually follows from them)."""
        misses = [k for k in CAUSE_KEYS if self.row(k).band == "miss"]
        if not misses:
            misses = [k for k in PROFIT_KEYS if self.row(k).band == "miss"][-1:]
        return misses

    @property
    def version_label(self) -> str:
        """「当初計画」「修正計画 (第2版)」, or "" when the plan was never frozen."""
        from kaizen_guide.model.versions import version_label

        return version_label(self.version) if self.version is not None else ""

    def version_json(self) -> dict[str, Any] | None:
        return None if self.version is None else {"number": self.version, "label": self.version_label}

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month, "plan_year": self.pos.plan_year, "fiscal_month": self.pos.index,
            "label": self.pos.label, "not_closed": self.not_closed,
            "bands": {"ok": float(self.bands.ok), "watch": float(self.bands.watch), "note": self.bands.note},
            "lines": [r.as_json() for r in self.rows],
            "forecast": {k: f.as_json() for k, f in self.forecast.items()},
            "cash": self.cash.as_json(),
            "deep_dive": self.deep.as_json(),
            "material_misses": self.material_misses(),
            "plan_source": {"weights": [str(w) for w in self.mplan.weights], "cash": self.mplan.cash_source},
            "plan_version": self.version_json(),
            "notes": list(self.notes),
            "period": None if self.period is None else {
                "code": self.period.code, "kind": self.period.kind, "title": self.period.title,
                "months": list(self.period.months)},
        }


class PlanSource:
    """Monthly plans by plan year of one plan, computed once each (the projection at most once).

    ``for_month(month)`` is the source of the version in force for that month (当初計画 / 修正計画,
    ``model.versions.plan_in_force``); a plan never frozen is its own source.
    """

    def __init__(self, plan, projection=None, *, number: int | None = None):
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

    @property
    def label(self) -> str:
        from kaizen_guide.model.versions import version_label

        return version_label(self.number) if self.number is not None else ""


def plan_source(plan, projection=None) -> PlanSource:
    """Monthly plans of ``plan`` by plan year (see :class:`PlanSource`)."""
    return PlanSource(plan, projection)


def compare_month(plan, month: str, actuals: dict[str, dict[str, int]],
                  segment_actuals: dict[str, tuple[int | None, int | None]] | None = None,
                  *, plans: PlanSource | Callable[[int], MonthlyPlan] | None = None, projection=None,
                  today: str | None = None,
                  horizon: int = 12) -> Comparison:
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
        forecast["cash_end"] = Forecast("cash_end", "月末現預金", mp.annual["cash_end"],
                                        _year_end_cash(cash, pos), None, False, bands)
    notes = list(_notes(mp, derive(actuals.get(month, {}))[1]))
    not_closed = bool(today and month >= today[:7])
    if not_closed:
        notes.insert(0, f"{month_text(month)}はまだ締まっていない月です (今日は{month_text(today[:7])})。"
                        "試算・デモ・見込みの振り返りとして記録します。")
    deep = _deep_dive(mp, pos, cur, segment_actuals or {})
    return Comparison(pos, mp, rows, forecast, cash, deep, bands, not_closed, notes, number)


def _notes(mp: MonthlyPlan, derive_notes: list[str]) -> list[str]:
    return [*mp.notes, *derive_notes]


def _row(ln: Line, mp: MonthlyPlan, pos: MonthPos, derived, cur, bands: Bands) -> LineRow:
    plan_v = mp.value(ln.key, pos.month)
    actual = cur.get(ln.key)
    if ln.balance:
        cum_plan, cum_actual, n = plan_v, actual, (1 if actual is not None else 0)
    else:
        months = [m for m in pos.to_date if ln.key in derived.get(m, {})]
        n = len(months)
        cum_plan = sum(mp.value(ln.key, m) for m in months) if months else sum(mp.value(ln.key, m) for m in pos.to_date)
        cum_actual = sum(derived[m][ln.key] for m in months) if months else None
    return LineRow(ln.key, ln.label, ln.lower_is_better, ln.balance, plan_v, actual, cum_plan, cum_actual, n,
                   band_of(plan_v, actual, ln.lower_is_better, bands),
                   band_of(cum_plan, cum_actual, ln.lower_is_better, bands))


def _forecast(ln: Line, mp: MonthlyPlan, pos: MonthPos, derived, bands: Bands) -> Forecast:
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


def planned_cash_path(plan, pos: MonthPos, mp: MonthlyPlan, plans: Callable[[int], MonthlyPlan], horizon: int = 12) -> list[tuple[str, int]]:
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


def _cash(plan, pos: MonthPos, mp: MonthlyPlan, actual: int | None, plans: Callable[[int], MonthlyPlan], horizon: int) -> CashOutlook:
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


def _deep_dive(mp: MonthlyPlan, pos: MonthPos, cur: dict[str, int],
               seg_actuals: dict[str, tuple[int | None, int | None]]) -> DeepDive:
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
            deep.segments.append(SegmentSplit(s.name, s.unit, s.quantity[i], aq, s.sales[i], asales,  # type: ignore[arg-type]
                                              split_sales(s.quantity[i], s.sales[i], aq, asales)))  # type: ignore[arg-type]
    ps, pg = mp.value("sales", pos.month), mp.value("gross_profit", pos.month)
    if act_sales is not None and "gross_profit" in cur:
        deep.gross = split_gross(ps, pg, act_sales, cur["gross_profit"])
        deep.plan_margin = Fraction(pg, ps) if ps else None
        deep.actual_margin = Fraction(cur["gross_profit"], act_sales) if act_sales else None
        if len(deep.segments) == 1 and len(mp.segments) == 1:
            s = deep.segments[0]
            deep.gross3 = split_gross3(s.plan_qty, ps, mp.value("cost_of_sales", pos.month),
                                       s.actual_qty, act_sales, cur["cost_of_sales"])
    if "sga" in cur and "personnel" in cur:
        pp, ap = mp.value("personnel", pos.month), cur["personnel"]
        psga = mp.value("sga", pos.month)
        deep.sga = [("人件費", pp, ap), ("その他の販管費", psga - pp, cur["sga"] - ap)]
        deep.sga.sort(key=lambda t: -abs(t[2] - t[1]))
    return deep
