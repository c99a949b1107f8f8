"""The plan summary: key figures and the targets a bank reads first (黒字化年度, 債務償還年数).

The projection is computed by :func:`kaizen_guide.finance.compute_projection` in a thread worker
(imported lazily) after answers change; until the numbers exist the panel says what is missing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from textual import work
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import get_current_worker


def _yen(value: int | None) -> str:
    from kaizen_guide.ja import format_amount

    return "—" if value is None else f"{format_amount(value)}千円"


def _years(value: Decimal | None) -> str:
    return "算出不能" if value is None else f"{value:.1f}年"


def _year(n: int | None) -> str:
    return "期間内は未達" if n is None else f"計画{n}年目"


def has_numbers(plan: Any) -> bool:
    """The projection means something once there are actuals and sales drivers."""
    return bool(plan.financials.years) and bool(plan.drivers.segments)


def _mark(ok: bool) -> str:
    return "[$text-success]✓[/]" if ok else "[$text-warning]![/]"


def render_summary(plan: Any, projection: Any) -> str:
    """Content markup for the panel (pure; tested without the app)."""
    lines: list[str] = []
    company = plan.company.name or "(会社名未入力)"
    lines.append(f"[b]{company}[/b]")
    latest = projection.actual_metrics[-1] if projection.actual_metrics else None
    if latest is not None:
        lines.append(f"[dim]直近実績 {latest.label}[/]")
        lines.append(f"売上高 {_yen(latest.sales)}")
        lines.append(f"経常利益 {_yen(latest.ordinary_income)}")
        lines.append(f"債務償還年数 {_years(latest.debt_repayment_years)}")
    t = projection.targets
    lines.append("")
    lines.append("[b]改善目標[/b]")
    lines.append(f"{_mark(t.profit_met)} 経常黒字化 {_year(t.profit_year)}")
    lines.append(f"   [dim]目標 計画{t.profit_target_year}年目[/]")
    lines.append(f"{_mark(t.solvency_met)} 債務超過解消 {_year(t.solvency_year)}")
    lines.append(f"   [dim]目標 計画{t.solvency_target_year}年目[/]")
    lines.append(f"{_mark(t.debt_years_met)} 債務償還年数 {_years(t.final_debt_years)}")
    lines.append(f"   [dim]目標 {t.debt_years_target:g}年以内 (最終年)[/]")
    # The targets above are the base case; say so when a stress case breaks the plan.
    stress = projection.stress
    lines.append(f"{_mark(stress.passed)} ストレステスト {'可' if stress.passed else '不成立'}")
    if not stress.passed:
        lines.append("   [dim]目標は基本ケースのみ達成[/]")
    plan_metrics = projection.plan_metrics
    if plan_metrics:
        lines.append("")
        from kaizen_guide.ja import format_amount

        lines.append("[b]経常利益の計画[/b] [dim](千円)[/]")
        for m in plan_metrics:
            label = m.label.replace("計画", "").replace("年目", "年")
            lines.append(f"{label:>4} {format_amount(m.ordinary_income):>10}")
    return "\n".join(lines)


WAITING = "決算実績と数値計画の前提がそろうと、黒字化年度と債務償還年数をここに表示します。"


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

    _timer = None

    def refresh_from(self, plan: Any, *, delay: float | None = None) -> None:
        """Recompute from a copy of ``plan`` in a thread, shortly after the last call."""
        if not self.display:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        delay = self.DELAY if delay is None else delay
        if delay <= 0:
            self._compute(plan.model_copy(deep=True))
        else:
            self._timer = self.set_timer(delay, lambda: self._compute(plan.model_copy(deep=True)))

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False)
    def _compute(self, plan: Any) -> None:
        if not has_numbers(plan):
            self.app.call_from_thread(self._show, WAITING)
            return
        try:
            from kaizen_guide.finance import compute_projection

            projection = compute_projection(plan)
            text = render_summary(plan, projection)
        except ImportError:
            text = "数値計画の計算機能がまだ入っていません。"
        except Exception:  # noqa: BLE001 - an incomplete plan: say so, do not crash the interview
            text = WAITING
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, text)

    def _show(self, text: str) -> None:
        self.query_one("#summary-body", Static).update(text)
