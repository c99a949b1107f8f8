"""The items of each review step (one per prior action, line, segment, miss, next action, plan
action) with their prompt placeholders, computed from the review's state.

Split out of ``review.py`` by concern: *what* is asked, apart from how answers are stored.
"""

from __future__ import annotations

from calendar import monthrange
from typing import TYPE_CHECKING, Any

from .bank import ReviewStep
from .explain import explain_line
from .fiscal import add_months, month_text, split_month
from .lines import INPUT_KEYS, label
from .review_types import ACTUAL_HELP, Item

if TYPE_CHECKING:
    from kaizen_guide.model.plan import ActionItem

    from .review import Review
    from .review_scope import ReviewScope


def step_items(rv: Review, step: ReviewStep) -> list[Item]:
    """The items of ``step`` for the review's month (empty when the step does not apply yet)."""
    common = rv._common()
    rec = rv.find_record(rv.month)
    if step.each == "prior_action":
        prev = rv.previous_record()
        if prev is None:
            return []
        return [
            Item(
                str(i),
                {
                    **common,
                    "text": a.text,
                    "owner": a.owner or "未定",
                    "due": a.due.isoformat() if a.due else "未定",
                    "target": a.target or "未設定",
                    "from_month_text": month_text(prev.month),
                },
            )
            for i, a in enumerate(prev.next_actions)
        ]
    if step.each == "actual_line":
        # one item per line of each month the review covers (a period: its months, in order)
        mp = rv._plans.for_month(rv.month)(rv.pos.plan_year)
        return [
            Item(
                k if m == rv.month else f"{m}:{k}",
                {
                    **common,
                    "month_text": month_text(m),
                    "label": label(k),
                    "plan": f"{mp.value(k, m):,}",
                    "help": ACTUAL_HELP[k][0],
                    "example": ACTUAL_HELP[k][1],
                },
            )
            for m in rv.months
            for k in INPUT_KEYS
        ]
    if step.each == "plan_action":
        return plan_action_items(rv, common)
    if not rv.actuals_complete():
        return []
    cmp = rv.comparison()
    if step.each == "segment":
        mp = cmp.mplan
        if not mp.segments or cmp.row("sales").band == "ok":
            return []
        i = rv.pos.index - 1
        return [
            Item(
                str(k),
                {
                    **common,
                    "name": s.name,
                    "unit": s.unit or "件",
                    "plan_quantity": f"{s.quantity[i]:,}",
                    "plan_sales": f"{s.sales[i]:,}",
                    "multi_segment": len(mp.segments) > 1,
                },
            )
            for k, s in enumerate(mp.segments)
        ]
    if step.each == "miss":
        out = []
        for key in cmp.material_misses():
            row = cmp.row(key)
            out.append(
                Item(
                    key,
                    {
                        **common,
                        "label": row.label,
                        "explanation": explain_line(cmp, key),
                        "plan": f"{row.plan:,}",
                        "actual": f"{row.actual:,}",
                        "diff": f"{row.diff:+,}",
                    },
                )
            )
        return out
    if step.each == "next_action":
        misses = cmp.material_misses()
        need = max(1, len(misses))
        items = []
        i = 0
        nxt = add_months(rv.month, 1)
        y, m = split_month(nxt)
        due_example = f"{y}年{m}月{min(20, monthrange(y, m)[1])}日"
        while i < 50:  # bounded: a person decides when to stop with 「いいえ」
            purpose = f"「{label(misses[i])}」の未達に対して、" if i < len(misses) else ""
            items.append(
                Item(
                    str(i),
                    {
                        **common,
                        "purpose": purpose,
                        "due_example": due_example,
                        "n": i + 1,
                        "enough_actions": i + 1 >= need,
                        "line": misses[i] if i < len(misses) else "",
                    },
                )
            )
            more = rv._value(f"next_actions.{i}.more") if rec else None
            if i + 1 < need or more is True:
                i += 1
                continue
            break
        return items
    return []


def asked_actions(rv: ReviewScope) -> list[ActionItem]:
    """The plan's actions this review asks about: started by the month and not recorded 済 in an
    earlier review (running, due this month, or past due = 遅延 until someone says 済)."""
    from .progress import done_before

    return [a for a in rv.plan.actions if a.start <= rv.month and not done_before(rv.plan, a.id, rv.month)]


def plan_action_items(rv: Review, common: dict[str, Any]) -> list[Item]:
    from .progress import STATUS_LABELS, derived_status
    from .render import num

    board = {b.action_id: b for b in rv.board()}
    items = []
    for a in asked_actions(rv):
        derived = derived_status(a, rv.month)
        b = board.get(a.id)
        effect = ""
        if b is not None and b.effect_plan:
            effect = f" 効果額 (期首から) は計画 {num(b.effect_plan)}千円"
            effect += f"、実績 {num(b.effect_actual)}千円 ({b.effect_basis})。" if b.effect_actual is not None else "。"
        kpi = a.kpi
        items.append(
            Item(
                a.id,
                {
                    **common,
                    "id": a.id,
                    "title": a.title,
                    "owner": a.owner,
                    "start": a.start,
                    "due": a.due,
                    "derived_status": derived,
                    "derived_label": STATUS_LABELS[derived],
                    "has_kpi": kpi is not None,
                    "kpi": kpi.name if kpi else "",
                    "kpi_target": f"{kpi.target:,}" if kpi else "",
                    "kpi_unit": kpi.unit if kpi else "",
                    "effect_text": effect,
                },
            )
        )
    return items
