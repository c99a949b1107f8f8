"""Plan rules on the 伴走支援 records: a miss without a cause, a month without 次月アクション,
last month's actions never checked, and monitoring overdue by the plan's own cadence.

``record_findings`` runs the per-month rules for one month (the review shows them as it goes);
``check_plan`` runs them over every record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from ..model.plan import MonitoringRecord, Plan
from .findings import Finding
from .registry import Hit, RuleContext, rule

if TYPE_CHECKING:  # monitoring is imported lazily, when a rule runs
    from kaizen_guide.monitoring.compare import Comparison

CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
CADENCE_LABELS = {"monthly": "毎月", "quarterly": "四半期ごと", "half_yearly": "半期ごと", "yearly": "決算時"}


def _today() -> date:
    return date.today()


def _index(plan: Plan, month: str) -> int:
    return next(i for i, r in enumerate(plan.monitoring) if r.month == month)


def _previous(plan: Plan, month: str) -> MonitoringRecord | None:
    earlier = [r for r in plan.monitoring if r.month < month and r.next_actions]
    return max(earlier, key=lambda r: r.month) if earlier else None


def _reviewed(rec: MonitoringRecord, plan: Plan | None = None) -> bool:
    """A record that is a review: its month's actuals complete, and on a plan reviewed per 四半期/半期/
    決算 a period's review (the other months of a period hold only their actuals)."""
    from kaizen_guide.finance.month_lines import INPUT_KEYS

    if plan is not None and plan.monitoring_plan.frequency != "monthly" and not rec.period:
        return False

    return all(k in rec.actuals for k in INPUT_KEYS)


def _month_hits(
    plan: Plan, rec: MonitoringRecord, cmp: Comparison | None
) -> Iterator[tuple[str, str | None, dict[str, Any]]]:
    """(rule id, path, values) for one reviewed month."""
    i = _index(plan, rec.month)
    from kaizen_guide.finance.fiscal import month_text

    mt = month_text(rec.month)
    if cmp is not None:
        explained = {c.line for c in rec.variance_causes if c.text.strip()}
        for key in cmp.material_misses():
            if key not in explained:
                row = cmp.row(key)
                rate = "—" if row.rate is None else f"{float(row.rate) * 100:.1f}%"
                yield (
                    "plan.monitoring_miss_without_cause",
                    f"monitoring[{i}].variance_causes",
                    {"month": mt, "line": row.label, "rate": rate, "diff": f"{row.diff:+,}"},
                )
    if not rec.next_actions:
        yield "plan.monitoring_no_next_action", f"monitoring[{i}].next_actions", {"month": mt}
    prev = _previous(plan, rec.month)
    if prev is not None:
        checked = {c.index for c in rec.action_checks if c.month == prev.month}
        missing = [a.text for j, a in enumerate(prev.next_actions) if j not in checked]
        if missing:
            yield (
                "plan.monitoring_actions_not_checked",
                f"monitoring[{i}].action_checks",
                {"month": mt, "from": month_text(prev.month), "count": len(missing), "first": missing[0]},
            )


def _comparisons(plan: Plan, ctx: RuleContext) -> dict[str, Comparison | None]:
    if ctx.monitoring_cmp is None:
        out: dict[str, Comparison | None] = {}
        proj = ctx.projection() if ctx.numbers_ready is None else None
        if proj is not None:
            from kaizen_guide.finance.fiscal import MonitoringError
            from kaizen_guide.monitoring.compare import compare_month, plan_source

            plans = plan_source(plan, proj)
            actuals = {r.month: dict(r.actuals) for r in plan.monitoring if r.actuals}
            for rec in plan.monitoring:
                if not _reviewed(rec, plan):
                    continue
                try:
                    segs = {s.name: (s.quantity, s.sales) for s in rec.segment_actuals}
                    out[rec.month] = compare_month(plan, rec.month, actuals, segs, plans=plans)
                except MonitoringError:
                    out[rec.month] = None
        ctx.monitoring_cmp = out
    return ctx.monitoring_cmp


def _per_month(rule_id: str) -> Callable[[Plan, RuleContext], Iterator[Hit]]:
    def fn(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
        cmps = _comparisons(plan, ctx)
        for rec in plan.monitoring:
            if not _reviewed(rec, plan):
                continue
            for rid, path, values in _month_hits(plan, rec, cmps.get(rec.month)):
                if rid == rule_id:
                    yield path, values

    return fn


for _rid in (
    "plan.monitoring_miss_without_cause",
    "plan.monitoring_no_next_action",
    "plan.monitoring_actions_not_checked",
):
    rule(_rid)(_per_month(_rid))


def due_months(plan: Plan, today: date) -> list[str]:
    """Months whose review is due by ``today`` under the plan's cadence: from the first monitoring
    month, every 1/3/6/12 months, each due by the end of the following month (試算表 practice)."""
    from kaizen_guide.finance.fiscal import MonitoringError, add_months, all_months

    mp = plan.monitoring_plan
    if not mp.start:
        return []
    step = CADENCE_MONTHS.get(mp.frequency, 3)
    try:
        months = all_months(plan)
    except MonitoringError:
        return []
    last = months[-1] if months else mp.start
    end = add_months(mp.start, mp.period_years * 12 - 1)
    cur = mp.start
    out = []
    limit = f"{today.year:04d}-{today.month:02d}"
    while cur <= min(last, end):
        if add_months(cur, 1) < limit:  # the month after has ended
            out.append(cur)
        cur = add_months(cur, step)
    return out


@rule("plan.monitoring_overdue")
def _overdue(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    from kaizen_guide.finance.fiscal import month_text

    due = due_months(plan, _today())
    if not due:
        return
    reviewed = sorted(r.month for r in plan.monitoring if _reviewed(r, plan))
    latest_due = due[-1]
    step = CADENCE_MONTHS.get(plan.monitoring_plan.frequency, 3)
    from kaizen_guide.finance.fiscal import add_months

    window_start = add_months(latest_due, -(step - 1))
    if not any(window_start <= m <= latest_due for m in reviewed):
        yield (
            "monitoring",
            {
                "month": month_text(latest_due),
                "cadence": CADENCE_LABELS.get(plan.monitoring_plan.frequency, ""),
                "last": month_text(reviewed[-1]) if reviewed else "まだありません",
            },
        )


def record_findings(plan: Plan, month: str, cmp: Comparison | None, *, today: date | None = None) -> list[Finding]:
    """The per-month rules for one month, as findings (the review shows these before it closes)."""
    from kaizen_guide.banks.industries import industry_key

    from .registry import make_finding

    rec = next((r for r in plan.monitoring if r.month == month), None)
    if rec is None or not _reviewed(rec):
        return []
    industry = industry_key(plan.company.industry)
    return [make_finding(rid, path, values, industry=industry) for rid, path, values in _month_hits(plan, rec, cmp)]
