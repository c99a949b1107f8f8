"""Weak-answer checks for a 経営改善計画: free-text answers (check_text) and whole plans (check_plan).

Public API (names are part of the external contract)::

    from kaizen_guide.checks import check_text, Finding
    findings = check_text("issue", "コロナ禍で売上が減少した。")
    weak = any(f.severity in ("error", "warning") for f in findings)

The rules live in question_banks/checklist.yaml and are loaded once, lazily, on the first check.
Importing this package is cheap: pydantic, rapidfuzz and the YAML are only loaded when first needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .findings import SEVERITY_ORDER, Finding, is_flagged, sort_findings
    from .rules import STAGES, ChecklistError

__all__ = [
    "SEVERITY_ORDER",
    "STAGES",
    "ChecklistError",
    "Finding",
    "check_plan",
    "check_text",
    "is_flagged",
    "sort_findings",
]

_LAZY = {
    "Finding": ("findings", "Finding"),
    "SEVERITY_ORDER": ("findings", "SEVERITY_ORDER"),
    "sort_findings": ("findings", "sort_findings"),
    "is_flagged": ("findings", "is_flagged"),
    "STAGES": ("rules", "STAGES"),
    "ChecklistError": ("rules", "ChecklistError"),
}


def check_text(
    stage: str, text: str, *, question_id: str | None = None, path: str | None = None, industry: str | None = None
) -> list[Finding]:
    """Check one answer typed at an interview stage; returns findings, worst first.

    stage: one of issue, countermeasure, action, next_action, cause, financial_support
    (anything else raises ValueError). An empty answer returns no findings.
    The answer counts as weak when any finding has severity "error" or "warning".
    """
    from .text import check_text as _check_text

    return _check_text(stage, text, question_id=question_id, path=path, industry=industry)


def check_plan(plan: Any, projection: Any = None) -> list[Finding]:
    """Plan-level rules (cross-field consistency, numeric standards); implemented in plan_rules.py.

    projection: the plan's projection with the default finance settings, when the caller already
    has it (it is computed otherwise, when a rule needs the numbers)."""
    from .plan_rules import check_plan as _cp

    return _cp(plan, projection)


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{target[0]}", __name__), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
