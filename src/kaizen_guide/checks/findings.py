"""The result type shared by the text checks and the plan-level checks.

A `Finding` says what is weak in an answer (or a plan), why a bank would mind, where the rule comes
from, and what the interviewer should ask next. Text checks fill `stage` / `question_id`; plan checks
fill `path` (e.g. ``issues[0].description``). `section` groups findings in the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]

#: Lower sorts first: errors, then warnings, then notes.
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

#: Severities that make an answer count as "flagged" (weak).
FLAGGING_SEVERITIES: frozenset[str] = frozenset({"error", "warning"})


class Finding(BaseModel):
    """One weakness found in an answer or a plan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str = Field(description="Stable rule id, e.g. 'issue.external_only'.")
    severity: Severity
    message: str = Field(description="Japanese: what is weak and what to do about it.")
    guideline_ref: str = Field(
        default="", description="Where the standard comes from (実務指針 / 405マニュアル / 協議会数値基準 / 実抜計画)."
    )
    follow_up: str | None = Field(default=None, description="The interviewer's next question.")
    example: str | None = Field(default=None, description="A better answer.")
    stage: str | None = None
    question_id: str | None = None
    path: str | None = Field(default=None, description="Plan path, e.g. 'issues[0].description'.")
    section: str | None = Field(default=None, description="Report grouping (Japanese section name).")
    evidence: tuple[str, ...] = Field(default=(), description="Words in the answer that triggered the rule.")

    @property
    def flags(self) -> bool:
        """True when this finding makes the answer count as weak (error or warning)."""
        return self.severity in FLAGGING_SEVERITIES


def severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.get(severity, len(SEVERITY_ORDER))


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Worst first (error, warning, info); stable within a severity, then by section and rule id."""
    return sorted(findings, key=lambda f: (severity_rank(f.severity), f.section or "", f.rule_id))


def is_flagged(findings: Iterable[Finding]) -> bool:
    """An answer counts as weak when any finding is an error or a warning."""
    return any(f.severity in FLAGGING_SEVERITIES for f in findings)
