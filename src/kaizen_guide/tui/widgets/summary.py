"""The plan summary: key figures and the targets a bank reads first (黒字化年度, 債務償還年数).

The projection is computed by :func:`kaizen_guide.finance.compute_projection` in a thread worker
(imported lazily) after answers change; until the numbers exist the panel says what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from textual import work
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import get_current_worker

from .. import heap

if TYPE_CHECKING:
    from textual.timer import Timer

    from kaizen_guide.finance.results import TargetsResult


def _yen(value: int | None) -> str:
    from kaizen_guide.ja import format_amount

    return "—" if value is None else f"{format_amount(value)}千円"


def _years(value: Decimal | None) -> str:
    return "算出不能" if value is None else f"{value:.1f}年"


def _year(n: int | None) -> str:
    return "期間内は未達" if n is None else f"計画{n}年目"


INPUTS = {
    "pl": "損益計算書 (決算実績)",
    "bs": "貸借対照表 (決算実績)",
    "sales": "売上見通し (売上区分)",
    "costs": "費用見通し (原価率・人件費)",
}
"""What each figure is computed from, named as the interview asks for it."""

NEEDS = {
    "actual_pl": ("pl",),
    "actual_debt_years": ("pl", "bs"),
    "profit": ("pl", "sales", "costs"),
    "solvency": ("bs", "sales", "costs"),
    "debt_years": ("pl", "bs", "sales", "costs"),
}


def entered(plan: Any) -> set[str]:
    """Which inputs of :data:`INPUTS` the plan has (an untouched form is all zeros)."""
    out: set[str] = set()
    years = list(plan.financials.years)
    if any(y.pl.sales and (y.pl.cost_of_sales or y.pl.sga) for y in years):
        out.add("pl")
    if any(y.bs.total_assets for y in years):
        out.add("bs")
    if plan.drivers.segments:
        out.add("sales")
    d = plan.drivers
    if d.cost_ratio and (d.personnel or d.other_sga):
        out.add("costs")
    return out


def missing_for(plan: Any, figure: str) -> list[str]:
    """The inputs ``figure`` still needs (empty: it can be computed)."""
    have = entered(plan)
    return [INPUTS[k] for k in NEEDS[figure] if k not in have]


def has_numbers(plan: Any) -> bool:
    """Something can be computed: at least the actual P/L, or a full plan projection."""
    return not missing_for(plan, "actual_pl") or not missing_for(plan, "profit")


def _mark(ok: bool) -> str:
    return "[$text-success]✓[/]" if ok else "[$text-warning]![/]"


def _not_yet(missing: list[str]) -> str:
    """The line shown instead of a figure that cannot be computed yet: what is missing."""
    return "\n".join(f"   [dim]未算出・要入力: {m.split(' (')[0]}[/]" for m in missing)


def render_summary(plan: Any, projection: Any) -> str:
    """Content markup for the panel (pure; tested without the app). A figure whose inputs are not
    all entered is never shown (a projection of zeros would read as 「黒字化 ✓」): the panel says
    which answers it still needs instead."""
    lines: list[str] = []
    company = plan.company.name or "(会社名未入力)"
    lines.append(f"[b]{company}[/b]")
    latest = projection.actual_metrics[-1] if projection is not None and projection.actual_metrics else None
    if latest is not None and not missing_for(plan, "actual_pl"):
        lines.append(f"[dim]直近実績 {latest.label}[/]")
        lines.append(f"売上高 {_yen(latest.sales)}")
        lines.append(f"経常利益 {_yen(latest.ordinary_income)}")
        missing = missing_for(plan, "actual_debt_years")
        if missing:
            lines.append("債務償還年数")
            lines.append(_not_yet(missing))
        else:
            lines.append(f"債務償還年数 {_years(latest.debt_repayment_years)}")
    else:
        lines.append("[dim]直近実績[/]")
        lines.append(_not_yet(missing_for(plan, "actual_pl")))
    lines.append("")
    lines.append("[b]改善目標[/b]")
    t = projection.targets if projection is not None else None
    targets = plan.targets
    # Each figure's (met, shown) from the computed targets (asked only when there are some).
    rows: list[tuple[str, str, Callable[[TargetsResult], tuple[bool, str]], str]] = [
        (
            "profit",
            "経常黒字化",
            lambda r: (r.profit_met, _year(r.profit_year)),
            f"計画{targets.profit_target_year}年目",
        ),
        (
            "solvency",
            "債務超過解消",
            lambda r: (r.solvency_met, _year(r.solvency_year)),
            f"計画{targets.solvency_target_year}年目",
        ),
        (
            "debt_years",
            "債務償還年数",
            lambda r: (r.debt_years_met, _years(r.final_debt_years)),
            f"{targets.debt_years_target:g}年以内 (最終年)",
        ),
    ]
    for figure, label, result, target in rows:
        missing = missing_for(plan, figure)
        if missing or t is None:
            lines.append(f"[$text-muted]―[/] {label}")
            lines.append(_not_yet(missing) if missing else "   [dim]未算出 ― 入力を計算できませんでした[/]")
        else:
            met, shown = result(t)
            lines.append(f"{_mark(met)} {label} {shown}")
        lines.append(f"   [dim]目標 {target}[/]")
    # The targets above are the base case; say so when a stress case breaks the plan (only once
    # the plan can be computed at all: a stress test of zeros says nothing).
    stress = getattr(projection, "stress", None) if t is not None and not missing_for(plan, "debt_years") else None
    if stress is not None:
        lines.append(f"{_mark(stress.passed)} ストレステスト {'可' if stress.passed else '不成立'}")
        if not stress.passed:
            lines.append("   [dim]目標は基本ケースのみ達成[/]")
    plan_metrics = projection.plan_metrics if projection is not None and not missing_for(plan, "profit") else None
    if plan_metrics:
        lines.append("")
        from kaizen_guide.ja import format_amount

        lines.append("[b]経常利益の計画[/b] [dim](千円)[/]")
        for m in plan_metrics:
            label = m.label.replace("計画", "").replace("年目", "年")
            lines.append(f"{label:>4} {format_amount(m.ordinary_income):>10}")
    return "\n".join(lines)


FINANCE_INPUTS: dict[str, Any] = {
    "company": {"fiscal_month", "employees"},
    **dict.fromkeys(("financials", "banks", "collaterals", "actions", "targets", "drivers", "cash", "support"), True),
}
"""The parts of a plan the projection reads, as pydantic's ``include`` (``finance/`` reads no other
field; a test compares the projection of these alone with that of the whole plan)."""

WAITING = "決算実績と数値計画の前提がそろうと、黒字化年度と債務償還年数をここに表示します。"
"""Shown before the plan file is read (the panel then lists what each figure still needs)."""


class Summary(VerticalScroll, can_focus=False):
    """Right-hand panel with the key figures; refreshed in a worker after each accepted answer."""

    DEFAULT_CSS = """
    Summary {
        width: 34;
        height: 1fr;
        border-left: solid $primary 40%;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    Summary #summary-title { color: $text-accent; text-style: bold; }
    Summary #summary-body { color: $text; }
    """

    def compose(self):
        yield Static("計画の要約", id="summary-title")
        yield Static(WAITING, id="summary-body")

    DELAY = 0.4
    """Seconds to wait after an answer, so the next question is drawn first."""

    _timer: Timer | None = None
    _plan: Any = None
    _last: tuple[str, Any] | None = None
    """The inputs last computed (:data:`FINANCE_INPUTS` as JSON) and their projection."""

    def refresh_from(self, plan: Any, *, delay: float | None = None) -> None:
        """Recompute from a copy of ``plan`` in a thread, shortly after the last call."""
        if not self.display:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        delay = self.DELAY if delay is None else delay
        if delay <= 0:
            self._start(plan)
        else:
            self._timer = self.set_timer(delay, lambda: self._start(plan))

    def _start(self, plan: Any) -> None:
        # Most answers (names, texts, the plan's story) change none of the figures' inputs: the last
        # projection is shown again with the new name, without computing (issue 18). Otherwise the
        # worker gets the inputs as JSON (pydantic's serialiser: about 5 ms for a plan 10× the
        # sample) and rebuilds them off the UI thread; a deep copy here took 25 ms of the UI thread.
        self._plan = plan
        inputs = plan.model_dump_json(include=FINANCE_INPUTS)
        if self._last is not None and self._last[0] == inputs:
            self._show(render_summary(plan, self._last[1]))
            return
        self._compute(inputs)

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _compute(self, snapshot: str) -> None:
        with heap.background():  # steps aside while an answer is being handled
            from kaizen_guide.model import Plan

            plan = Plan.model_validate_json(snapshot)
            projection = None
            try:
                if has_numbers(plan):
                    from kaizen_guide.finance import compute_projection

                    projection = compute_projection(plan)
            except Exception:  # noqa: BLE001 - an incomplete plan: say what is missing, do not crash
                projection = None
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._computed, snapshot, projection)

    def _computed(self, inputs: str, projection: Any) -> None:
        self._last = (inputs, projection)
        if self._plan is not None:  # the panel's text from the plan as it is now (its name, what is missing)
            self._show(render_summary(self._plan, projection))

    def _show(self, text: str) -> None:
        self.query_one("#summary-body", Static).update(text)
