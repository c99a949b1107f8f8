"""Reporting periods in the plan's fiscal calendar, and plan vs actual summed over their months.

A period is written as the banks ask for it:

- 「2027-05」: one month;
- 「2027Q1」〜「2027Q4」: a 四半期 (fiscal months 1–3, 4–6 …);
- 「2027H1」 (中間 = 上半期, fiscal months 1–6) and 「2027H2」 (下半期);
- 「FY2027」: the whole fiscal year (決算).

The year is the 年度: the calendar year in which the fiscal year **starts** (for a March closer
FY2027 = 2027年4月〜2028年3月 = 2028年3月期; for a December closer 2027年1月〜12月; for a
September closer 2027年10月〜2028年9月). The labels also name the fiscal year by its end, as
the banks do (「2028年3月期 (令和10年3月期) 第1四半期」), so nobody has to guess.

Aggregation is pure and built on ``compare_month``: flow lines (売上, 原価, 利益) are summed over
the months that have actuals (and their plan over the same months, so a quarter with two closed
months compares like with like); balance lines (現預金, 借入金) are the figure at the period's
last month with actuals; 累計 is fiscal year to date at that month (it restarts at each 期首).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from kaizen_guide.ja.era import era_fiscal_label, era_month

from .compare import (
    Bands,
    CashOutlook,
    Comparison,
    Forecast,
    PlanSource,
    Rates,
    band_of,
    compare_month,
    plan_source,
)
from .fiscal import MonitoringError, month_text, plan_year_range, position, split_month, year_months
from .lines import LINES

PeriodKind = Literal["month", "quarter", "half", "year"]

_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_YEAR = re.compile(r"^FY(\d{4})$")
_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$")

PERIOD_EXAMPLES = "「2027-05」(月)・「2027Q1」(四半期)・「2027H1」(中間)・「FY2027」(決算・通期)"
KIND_LABELS = {"month": "月次", "quarter": "四半期", "half": "中間", "year": "決算 (通期)"}


@dataclass(frozen=True)
class Period:
    """A reporting period of a plan: its months (in order), plan year and the banks' labels."""

    kind: PeriodKind
    code: str  # normalised: 2027-05 / 2027Q1 / 2027H1 / FY2027
    months: tuple[str, ...]
    plan_year: int
    fiscal_label: str  # 「2028年3月期」 (named by the fiscal year's end)
    fiscal_era_label: str  # 「令和10年3月期」
    first_index: int  # fiscal month of the first month (1 = 期首月)

    @property
    def first(self) -> str:
        return self.months[0]

    @property
    def last(self) -> str:
        return self.months[-1]

    @property
    def part(self) -> str:
        """「第1四半期」「上半期 (中間)」「下半期」「通期」「6月度」."""
        if self.kind == "quarter":
            return f"第{(self.first_index - 1) // 3 + 1}四半期"
        if self.kind == "half":
            return "上半期 (中間)" if self.first_index == 1 else "下半期"
        if self.kind == "year":
            return "通期 (決算)"
        return f"{int(self.first[5:])}月度"

    @property
    def span_text(self) -> str:
        """「2027年4月〜6月」 / 「2027年10月〜2028年3月」 / 「2027年6月」."""
        if len(self.months) == 1:
            return month_text(self.first)
        y1, m1 = split_month(self.first)
        y2, m2 = split_month(self.last)
        return f"{y1}年{m1}月〜{m2}月" if y1 == y2 else f"{y1}年{m1}月〜{y2}年{m2}月"

    @property
    def era_span_text(self) -> str:
        """「令和9年4月〜令和9年6月」."""
        a, b = era_month(*split_month(self.first)), era_month(*split_month(self.last))
        return a if a == b else f"{a}〜{b}"

    @property
    def title(self) -> str:
        """The heading a bank reads: 「令和10年3月期 (2028年3月期) 第1四半期 (計画1年目 4月〜6月)」."""
        plan_part = f"計画{self.plan_year}年目"
        if self.kind == "month":
            where = f"{plan_part} {int(self.first[5:])}月"
        elif self.kind == "year":
            where = plan_part
        else:
            where = f"{plan_part} {int(self.first[5:])}月〜{int(self.last[5:])}月"
        return f"{self.fiscal_era_label} ({self.fiscal_label}) {self.part} ({where})"

    @property
    def short_title(self) -> str:
        """「令和10年3月期 第1四半期」."""
        return f"{self.fiscal_era_label} {self.part}"


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text or "")).strip().upper()
    return re.sub(r"[\s_]", "", s).replace("年度", "").replace("年", "-").rstrip("月")


def _bad(text: str) -> MonitoringError:
    return MonitoringError(f"「{text}」は報告の期間として読めません。{PERIOD_EXAMPLES} のように指定してください。")


def _fiscal_year_starting(plan: Any, year: int) -> int:
    """The plan year whose 期首月 is in calendar ``year`` (the 年度 convention)."""
    starts = {}
    for py in plan_year_range(plan):
        months = year_months(plan, py)
        starts[int(months[0][:4])] = py
    if year not in starts:
        spans = "・".join(f"FY{y}" for y in sorted(starts))
        raise MonitoringError(
            f"{year}年度 (FY{year}) は計画の期間に入っていません。この計画の年度は {spans} です "
            "(年度は期首月の年で数えます)。"
        )
    return starts[year]


def parse_period(plan: Any, text: str) -> Period:
    """The period ``text`` names in ``plan``'s fiscal calendar; MonitoringError (Japanese) if not."""
    code = _normalise(text)
    m = _MONTH.match(code)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise _bad(text)
        ym = f"{y:04d}-{mo:02d}"
        pos = position(plan, ym)
        return _make(plan, "month", ym, (ym,), pos.plan_year, pos.index)
    for pattern, kind, size in ((_QUARTER, "quarter", 3), (_HALF, "half", 6)):
        m = pattern.match(code)
        if m:
            py = _fiscal_year_starting(plan, int(m.group(1)))
            start = (int(m.group(2)) - 1) * size
            months = year_months(plan, py)[start : start + size]
            return _make(plan, kind, f"{m.group(1)}{code[4]}{m.group(2)}", months, py, start + 1)  # type: ignore[arg-type]
    m = _YEAR.match(code)
    if m:
        py = _fiscal_year_starting(plan, int(m.group(1)))
        return _make(plan, "year", f"FY{m.group(1)}", year_months(plan, py), py, 1)
    raise _bad(text)


def _make(plan: Any, kind: PeriodKind, code: str, months: tuple[str, ...], py: int, first_index: int) -> Period:
    end_y, end_m = split_month(year_months(plan, py)[-1])
    return Period(kind, code, tuple(months), py, f"{end_y}年{end_m}月期", era_fiscal_label(end_y, end_m), first_index)


def recorded_actuals(plan: Any) -> dict[str, dict[str, int]]:
    """Every month's recorded actuals, as ``compare_month`` takes them."""
    return {r.month: dict(r.actuals) for r in plan.monitoring if r.actuals}


@dataclass
class PeriodLine(Rates):
    """One line over a period: 計画 / 実績 / 差異 / 達成率, the 累計 to the period's end and each month."""

    key: str
    label: str
    lower_is_better: bool
    balance: bool
    plan_full: int  # the whole period's plan (balance: at its last month)
    plan: int  # over the months with actuals (what the actual is compared with)
    actual: int | None
    months_covered: int
    cum_plan: int
    cum_actual: int | None
    band: str | None
    cum_band: str | None
    monthly: list[tuple[str, int, int | None]] = field(default_factory=list)  # (month, plan, actual)

    def as_json(self) -> dict[str, Any]:
        def f(r: Fraction | None) -> float | None:
            return None if r is None else round(float(r), 4)

        return {
            "key": self.key,
            "label": self.label,
            "plan_full": self.plan_full,
            "plan": self.plan,
            "actual": self.actual,
            "diff": self.diff,
            "rate": f(self.rate),
            "months_covered": self.months_covered,
            "cum_plan": self.cum_plan,
            "cum_actual": self.cum_actual,
            "cum_diff": self.cum_diff,
            "cum_rate": f(self.cum_rate),
            "band": self.band,
            "cum_band": self.cum_band,
            "monthly": [{"month": m, "plan": p, "actual": a} for m, p, a in self.monthly],
        }


@dataclass
class PeriodComparison:
    """Plan vs actual over a period; ``months`` holds each month's own comparison."""

    period: Period
    months: list[Comparison]
    lines: list[PeriodLine]
    bands: Bands
    covered: tuple[str, ...]  # months of the period with actuals, in order

    def line(self, key: str) -> PeriodLine:
        return next(ln for ln in self.lines if ln.key == key)

    @property
    def end(self) -> Comparison:
        """The comparison at the period's last month with actuals (cash, 累計, 着地見込 come from it)."""
        return next(c for c in reversed(self.months) if c.month == self.covered[-1])

    @property
    def complete(self) -> bool:
        return len(self.covered) == len(self.period.months)

    @property
    def cash(self) -> CashOutlook:
        return self.end.cash

    @property
    def forecast(self) -> dict[str, Forecast]:
        return self.end.forecast

    def material_misses(self) -> list[str]:
        """Lines missed over the period (same rule as a month: the profit line only on its own)."""
        from .lines import CAUSE_KEYS, PROFIT_KEYS

        misses = [k for k in CAUSE_KEYS if self.line(k).band == "miss"]
        return misses or [k for k in PROFIT_KEYS if self.line(k).band == "miss"][-1:]

    def as_json(self) -> dict[str, Any]:
        p = self.period
        return {
            "period": p.code,
            "kind": p.kind,
            "title": p.title,
            "months": list(p.months),
            "covered": list(self.covered),
            "complete": self.complete,
            "plan_year": p.plan_year,
            "lines": [ln.as_json() for ln in self.lines],
            "cash": self.cash.as_json(),
            "forecast": {k: f.as_json() for k, f in self.forecast.items()},
        }


def compare_period(
    plan: Any,
    period: Period,
    actuals: dict[str, dict[str, int]] | None = None,
    *,
    plans: PlanSource | None = None,
    today: str | None = None,
) -> PeriodComparison:
    """Compare ``period`` with the plan. MonitoringError when none of its months has actuals."""
    actuals = recorded_actuals(plan) if actuals is None else actuals
    covered = tuple(m for m in period.months if actuals.get(m))
    if not covered:
        raise MonitoringError(
            f"{period.short_title} ({period.span_text}) の実績がまだ記録されていません。"
            "先に月次の振り返り (kaizen-guide monitor) で実績を入力してください。"
        )
    plans = plans or plan_source(plan)
    segs = _segments(plan)
    months = [compare_month(plan, m, actuals, segs.get(m), plans=plans, today=today) for m in period.months]
    bands = months[0].bands
    end = next(c for c in months if c.month == covered[-1])
    lines = [_line(ln.key, ln.label, ln.lower_is_better, ln.balance, months, covered, end, bands) for ln in LINES]
    return PeriodComparison(period, months, lines, bands, covered)


def _segments(plan: Any) -> dict[str, dict[str, tuple[int | None, int | None]]]:
    return {r.month: {s.name: (s.quantity, s.sales) for s in r.segment_actuals} for r in plan.monitoring}


def _line(
    key: str,
    label: str,
    lower: bool,
    balance: bool,
    months: list[Comparison],
    covered: tuple[str, ...],
    end: Comparison,
    bands: Bands,
) -> PeriodLine:
    monthly = [(c.month, c.row(key).plan, c.row(key).actual) for c in months]
    with_actual = [(m, p, a) for m, p, a in monthly if a is not None and m in covered]
    if balance:
        plan_full = monthly[-1][1]
        plan_v, actual = (with_actual[-1][1], with_actual[-1][2]) if with_actual else (plan_full, None)
    else:
        plan_full = sum(p for _, p, _ in monthly)
        plan_v = sum(p for _, p, _ in with_actual) if with_actual else plan_full
        actual = sum(a for _, _, a in with_actual if a is not None) if with_actual else None
    er = end.row(key)
    return PeriodLine(
        key,
        label,
        lower,
        balance,
        plan_full,
        plan_v,
        actual,
        len(with_actual),
        er.cum_plan,
        er.cum_actual,
        band_of(plan_v, actual, lower, bands),
        er.cum_band,
        monthly,
    )
