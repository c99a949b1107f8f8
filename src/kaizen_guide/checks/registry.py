"""The registry of plan rules: plan_rules.py and monitoring_rules.py register their tests here by
rule id (the wording of each rule is in checklist.yaml), and ``make_finding`` words a hit.

Its own module so the two rule modules share it instead of importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from kaizen_guide.banks.industries import pick

from ..model.plan import Plan
from .findings import Finding
from .rules import default_checklist

if TYPE_CHECKING:  # the finance engine is imported when a rule first needs the numbers
    from ..finance.results import Projection

Hit = tuple[str | None, dict[str, Any]]  # (plan path, values for the message placeholders)


class RuleContext:
    """Lazily computed figures shared by the rules (the projection is computed at most once)."""

    def __init__(self, plan: Plan, projection: Projection | None = None):
        """``projection``: the plan's projection with the default settings when the caller has
        already computed it (``export`` does, for the workbook and the reports)."""
        self.plan = plan
        self._projection: Projection | None = projection
        self.projection_error: str | None = None
        self._computed = projection is not None
        # The month comparisons of the monthly-review rules (monitoring_rules types them).
        self.monitoring_cmp: dict[str, Any] | None = None

    @property
    def numbers_ready(self) -> str | None:
        """None when the numeric plan can be computed, else a Japanese reason."""
        missing = []
        if not self.plan.financials.years:
            missing.append("決算実績")
        if not self.plan.drivers.segments:
            missing.append("売上の前提")
        return "・".join(missing) + "が未入力" if missing else None

    def projection(self) -> Projection | None:
        if not self._computed:
            self._computed = True
            from ..finance import compute_projection

            try:
                self._projection = compute_projection(self.plan)
            except (ValueError, ArithmeticError) as exc:  # an inconsistent plan, not a crash
                self.projection_error = str(exc)
        return self._projection


RuleFn = Callable[[Plan, RuleContext], Iterator[Hit]]  # (plan, the rules' shared context) -> hits

_REGISTRY: dict[str, RuleFn] = {}


def rule(rule_id: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        _REGISTRY[rule_id] = fn
        return fn

    return register


class _SafeFormat(dict[str, Any]):
    """str.format_map values where a missing placeholder stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def make_finding(
    rule_id: str, path: str | None, values: dict[str, Any], severity: str | None = None, *, industry: str | None = None
) -> Finding:
    """A finding of a plan rule, worded by its checklist.yaml entry (follow-ups fitting ``industry``)."""
    spec = default_checklist().plan_rule(rule_id)
    fmt = _SafeFormat(values)
    # A met standard is reported as a note; it needs no follow-up question.
    note_only = severity == "info" and spec.severity != "info"
    return Finding(
        rule_id=rule_id,
        severity=severity or spec.severity,  # type: ignore[arg-type]
        message=spec.message.format_map(fmt),
        guideline_ref=spec.guideline_ref,
        follow_up=pick(spec.follow_up, spec.follow_ups, industry).format_map(fmt)
        if spec.follow_up and not note_only
        else None,
        example=None if note_only else pick(spec.example or "", spec.examples, industry) or None,
        path=path,
        section=spec.section,
    )
