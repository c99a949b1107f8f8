"""The monthly plan: the annual plan of a plan year spread over its 12 months.

- 売上高 and 売上原価 by the plan's seasonality (``cash.seasonality``, 期首月 first; 1/12 each when
  none is given); fixed costs (その他販管費, 減価償却費, 営業外) evenly; 人件費 evenly with the 賞与
  share in the bonus months. Every split is largest-remainder (``finance.rounding``), so each
  line's 12 months add up exactly to the annual figure, and so do the derived profit lines.
- 月末現預金 and 月末借入金残高: from the monthly 資金繰り表 where the finance engine builds one
  (計画1年目); other years move evenly from the opening to the closing balance (said in ``notes``).
- Segments (単価 × 数量): each segment's plan quantity by the same seasonality, and its share of
  the month's plan sales (the plan's action effects included) for the 数量/単価 deep dive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kaizen_guide.finance.results import PlYear, Projection
from kaizen_guide.finance.rounding import split_even, split_weighted

from ..model.plan import Plan
from .fiscal import MonitoringError, MonthPos, year_months
from .lines import LINE_KEYS


@dataclass
class SegmentPlan:
    name: str
    unit: str
    quantity: list[int]  # per month
    sales: list[int]  # per month, 千円 (sums to the month's plan sales over segments)

    def unit_price_yen(self, i: int) -> int | None:
        q = self.quantity[i]
        return round(self.sales[i] * 1000 / q) if q else None


@dataclass
class MonthlyPlan:
    """12 months of plan figures for one plan year (index 0 = 期首月)."""

    plan_year: int
    months: tuple[str, ...]
    weights: list[Decimal]
    lines: dict[str, list[int]]
    segments: list[SegmentPlan] = field(default_factory=list)
    annual: dict[str, int] = field(default_factory=dict)
    cash_source: str = ""
    notes: list[str] = field(default_factory=list)

    def value(self, key: str, month: str) -> int:
        return self.lines[key][self.months.index(month)]

    def segment(self, name: str) -> SegmentPlan | None:
        return next((s for s in self.segments if s.name == name), None)


def seasonal_weights(plan: Plan) -> list[Decimal]:
    s = plan.cash.seasonality
    if len(s) == 12 and sum(Decimal(w) for w in s) > 0:
        return [Decimal(w) for w in s]
    return [Decimal(1)] * 12


def _spread_months(total: int, idx: list[int]) -> list[int]:
    out = [0] * 12
    for i, part in zip(idx, split_even(total, len(idx))):
        out[i] += part
    return out


def _bonus_index(plan: Plan, months: tuple[str, ...]) -> list[int]:
    cal = [int(m[5:]) for m in months]
    return sorted({cal.index(b) for b in plan.cash.bonus_months if b in cal})


def _balances(opening: int, closing: int, steps: list[int] | None) -> list[int]:
    if steps is None:
        steps = split_even(closing - opening, 12)
    out, bal = [], opening
    for s in steps:
        bal += s
        out.append(bal)
    return out


def monthly_plan(plan: Plan, year: int, projection: Projection | None = None) -> MonthlyPlan:
    """The monthly plan of plan year ``year`` (0 = 進行期 … N). MonitoringError when not computable."""
    if year < 0 or year > plan.targets.plan_years:
        raise MonitoringError(f"計画{year}年目は計画の期間外です。")
    months = year_months(plan, year)
    if projection is None:
        from kaizen_guide.finance import compute_projection

        try:
            projection = compute_projection(plan)
        except (ValueError, ArithmeticError) as exc:
            raise MonitoringError(f"数値計画を計算できないため、月ごとの計画を作れません ({exc})。") from None
    if year >= len(projection.pl):
        raise MonitoringError(f"計画{year}年目の数値計画がありません。")
    py = projection.pl[year]
    w = seasonal_weights(plan)
    notes: list[str] = []
    if w == [Decimal(1)] * 12:
        notes.append("季節指数が未入力のため、売上と原価は12か月で均等に割っています。")

    sales = split_weighted(py.sales, w)
    cos = split_weighted(py.cost_of_sales, w)
    bonus_idx = _bonus_index(plan, months)
    bonus_total = 0
    if bonus_idx and plan.cash.bonus_ratio:
        from kaizen_guide.finance.rounding import mul

        bonus_total = mul(py.personnel, Decimal(plan.cash.bonus_ratio))
    personnel = [
        a + b for a, b in zip(split_even(py.personnel - bonus_total, 12), _spread_months(bonus_total, bonus_idx))
    ]
    other_sga = split_even(py.sga - py.personnel, 12)
    sga = [p + o for p, o in zip(personnel, other_sga)]
    noi = split_even(py.non_operating_income, 12)
    noe = split_even(py.non_operating_expenses, 12)
    gp = [s - c for s, c in zip(sales, cos)]
    op = [g - s for g, s in zip(gp, sga)]
    ordinary = [o + i - e for o, i, e in zip(op, noi, noe)]

    bs_open = projection.bs[year - 1] if year >= 1 else projection.bs_opening
    bs_close = projection.bs[year]
    monthly = getattr(projection, "monthly", None)
    if monthly is not None and monthly.year == year and len(monthly.months) == 12:
        cash = [r.closing for r in monthly.months]
        borrow = _balances(bs_open.borrowings, bs_close.borrowings, [r.borrowing - r.repayment for r in monthly.months])
        cash_source = "月次資金繰り表"
    else:
        cash = _balances(bs_open.cash, bs_close.cash, None)
        borrow = _balances(bs_open.borrowings, bs_close.borrowings, None)
        cash_source = "年間計画から均等に按分"
        notes.append(
            f"計画{year}年目の月末現預金・借入金は、月次資金繰り表がないため期首から期末へ均等に動くものとしています。"
        )

    lines = {
        "sales": sales,
        "cost_of_sales": cos,
        "gross_profit": gp,
        "sga": sga,
        "personnel": personnel,
        "operating_profit": op,
        "non_operating_income": noi,
        "non_operating_expenses": noe,
        "ordinary_profit": ordinary,
        "cash_end": cash,
        "borrowings_end": borrow,
    }
    assert set(lines) == set(LINE_KEYS)
    annual = {k: sum(v) for k, v in lines.items() if k not in ("cash_end", "borrowings_end")}
    annual["cash_end"] = cash[-1]
    annual["borrowings_end"] = borrow[-1]
    return MonthlyPlan(year, months, w, lines, _segments(plan, py, sales, w, year), annual, cash_source, notes)


def _segments(plan: Plan, py: PlYear, sales: list[int], w: list[Decimal], year: int) -> list[SegmentPlan]:
    segs = plan.drivers.segments
    if not segs:
        return []
    base = [py.sales_by_segment.get(s.name, 0) for s in segs]
    if sum(base) <= 0:
        return []
    per_month = [split_weighted(total, base) for total in sales]  # month → segment shares
    out: list[SegmentPlan] = []
    for k, s in enumerate(segs):
        q_year = s.quantity[min(year, len(s.quantity) - 1)] if s.quantity else 0
        out.append(SegmentPlan(s.name, s.unit, split_weighted(q_year, w), [pm[k] for pm in per_month]))
    return out


def plan_for_month(plan: Plan, ym: str, projection: Projection | None = None) -> tuple[MonthPos, MonthlyPlan]:
    """(MonthPos, MonthlyPlan) for a month; MonitoringError when outside the plan."""
    from .fiscal import position

    pos = position(plan, ym)
    return pos, monthly_plan(plan, pos.plan_year, projection)
