"""Adopting a plan written without the interview (``kaizen-guide sample``, by hand, an import):
its values become answers, so the interview can review and edit them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kaizen_guide.model.plan import Plan

from . import navigation as nav
from .answering import give_answer, keep_answer

if TYPE_CHECKING:
    from .interview import Interview


def plan_has_content(plan: Plan) -> bool:
    """Anything beyond a new plan's defaults (the interview's own state and the plan style aside)."""
    skip: dict[str, Any] = {"interview": True, "schema_version": True, "meta": {"plan_style"}}
    return plan.model_dump(exclude=skip) != Plan().model_dump(exclude=skip)


def adopt_plan_values(iv: Interview) -> bool:
    """Record the plan's values as answers (weak ones kept as they are); False when there is
    nothing to adopt or the plan already has answers."""
    if iv.plan.interview.answers or not plan_has_content(iv.plan):
        return False
    from .answers import plan_to_answers

    data = plan_to_answers(iv.plan, iv.bank)
    for q in iv.bank.questions:
        if q.id in data:
            res = give_answer(iv, q, data[q.id], given_by=iv.given_by, commit=None)
            if res.accepted and res.follow_up:
                keep_answer(iv, q, commit=None)
    # What the plan leaves at its defaults counts as skipped, so the interview does not ask
    # again what the plan already settles.
    iv.skip_unanswered_optional(save=False)
    iv.plan.interview.current = nav.next_after(iv, None)
    return True
