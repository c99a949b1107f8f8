"""The records of a plan-vs-actual comparison: the bands, each line's row, 着地見込, the cash outlook,
the deep dive, and :class:`Comparison` that holds them (built by :func:`.compare.compare_month`).

Split out of ``compare.py`` by concern (what a comparison is, apart from how it is computed);
``compare`` re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..model.plan import Plan
from .decompose import GrossSplit, GrossSplit3, SalesSplit, SegmentSplit
from .fiscal import MonthPos, month_text
from .lines import CAUSE_KEYS, PROFIT_KEYS
from .plan_months import MonthlyPlan

BAND_LABELS = {"ok": "計画どおり", "watch": "注意", "miss": "未達"}
BAND_NOTE = (
    "判定の目安: 達成率100%以上=計画どおり、80〜100%=注意、80%未満=未達 "
    "(金融機関の実務で使われる「8割」の目安。規則ではなく、計画ごとに変えられます)"
)


@dataclass(frozen=True)
class Bands:
    ok: Decimal = Decimal("1")
    watch: Decimal = Decimal("0.8")

    @classmethod
    def of(cls, plan: Plan) -> Bands:
        mp = plan.monitoring_plan
        return cls(Decimal(getattr(mp, "band_ok", 1)), Decimal(getattr(mp, "band_watch", Decimal("0.8"))))

    @property
    def note(self) -> str:
        if self == Bands():
            return BAND_NOTE
        ok, watch = _pct(self.ok), _pct(self.watch)
        return (
            f"判定の目安: 達成率{ok}以上=計画どおり、{watch}〜{ok}=注意、{watch}未満=未達 "
            "(この計画で設定した目安。金融機関の実務の「8割」を基にしています)"
        )


def _pct(d: Decimal) -> str:
    return f"{(d * 100).normalize():f}%"


def rate_of(actual: int | None, plan: int) -> Fraction | None:
    if actual is None or plan <= 0:
        return None  # 達成率 is undefined for a plan ≤ 0 (a 赤字 plan): judge on 差異
    return Fraction(actual, plan)


def band_of(plan: int, actual: int | None, lower_is_better: bool, bands: Bands) -> str | None:
    """ "ok" | "watch" | "miss" (None without an actual). Cost lines mirror the bands: up to the
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
            "key": self.key,
            "label": self.label,
            "lower_is_better": self.lower_is_better,
            "plan": self.plan,
            "actual": self.actual,
            "diff": self.diff,
            "rate": _f(self.rate),
            "cum_plan": self.cum_plan,
            "cum_actual": self.cum_actual,
            "cum_diff": self.cum_diff,
            "cum_rate": _f(self.cum_rate),
            "cum_months": self.cum_months,
            "band": self.band,
            "cum_band": self.cum_band,
            "favourable": self.favourable,
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
        return {
            "key": self.key,
            "label": self.label,
            "annual_plan": self.annual_plan,
            "landing": self.landing,
            "rate": _f(self.rate),
            "band": self.band,
            "trend": self.trend,
            "watch_line": int(Fraction(self.annual_plan) * Fraction(self.bands.watch))
            if self.annual_plan > 0
            else None,
        }


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
        return {
            "actual": self.actual,
            "plan": self.plan,
            "diff": self.diff,
            "minimum": self.minimum,
            "projection": [{"month": m, "balance": b} for m, b in self.projection],
            "lowest_month": low[0] if low else None,
            "lowest_balance": low[1] if low else None,
            "short_by": self.short_by,
        }


@dataclass
class DeepDive:
    segments: list[SegmentSplit] = field(default_factory=list)
    gross: GrossSplit | None = None
    gross3: GrossSplit3 | None = None
    plan_margin: Fraction | None = None
    actual_margin: Fraction | None = None
    sga: list[tuple[str, int, int]] = field(default_factory=list)  # (label, plan, actual)

    @property
    def sales_split(self) -> SalesSplit | None:
        if not self.segments:
            return None
        q = sum(s.split.quantity for s in self.segments)
        p = sum(s.split.price for s in self.segments)
        return SalesSplit(q, p)

    def as_json(self) -> dict[str, Any]:
        ss = self.sales_split
        return {
            "sales": None if ss is None else {"quantity": ss.quantity, "price": ss.price, "total": ss.total},
            "segments": [
                {
                    "name": s.name,
                    "unit": s.unit,
                    "plan_quantity": s.plan_qty,
                    "actual_quantity": s.actual_qty,
                    "plan_sales": s.plan_sales,
                    "actual_sales": s.actual_sales,
                    "plan_unit_price_yen": s.plan_price_yen,
                    "actual_unit_price_yen": s.actual_price_yen,
                    "quantity_variance": s.split.quantity,
                    "price_variance": s.split.price,
                }
                for s in self.segments
            ],
            "gross_profit": None
            if self.gross is None
            else {
                "sales_factor": self.gross.sales,
                "margin_factor": self.gross.margin,
                "total": self.gross.total,
                "plan_margin": _f(self.plan_margin),
                "actual_margin": _f(self.actual_margin),
            },
            "gross_profit_3way": None
            if self.gross3 is None
            else {
                "quantity": self.gross3.quantity,
                "price": self.gross3.price,
                "cost": self.gross3.cost,
                "total": self.gross3.total,
            },
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
    period: Any = None  # a periods.Period when the rows are a 四半期/半期/年度's totals

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
            "month": self.month,
            "plan_year": self.pos.plan_year,
            "fiscal_month": self.pos.index,
            "label": self.pos.label,
            "not_closed": self.not_closed,
            "bands": {"ok": float(self.bands.ok), "watch": float(self.bands.watch), "note": self.bands.note},
            "lines": [r.as_json() for r in self.rows],
            "forecast": {k: f.as_json() for k, f in self.forecast.items()},
            "cash": self.cash.as_json(),
            "deep_dive": self.deep.as_json(),
            "material_misses": self.material_misses(),
            "plan_source": {"weights": [str(w) for w in self.mplan.weights], "cash": self.mplan.cash_source},
            "plan_version": self.version_json(),
            "notes": list(self.notes),
            "period": None
            if self.period is None
            else {
                "code": self.period.code,
                "kind": self.period.kind,
                "title": self.period.title,
                "months": list(self.period.months),
            },
        }
