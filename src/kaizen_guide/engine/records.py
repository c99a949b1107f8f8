"""Answer records shared by the interview and the monthly review: who said what, when.

An :class:`~kaizen_guide.model.plan.AnswerRecord` keeps the raw text as typed (JSON form), the
parsed value, who gave it (owner / advisor), when, its status and the rule ids of its findings.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Literal, cast

from kaizen_guide.model.common import GivenBy
from kaizen_guide.model.plan import AnswerRecord

AnswerStatus = Literal["ok", "kept_weak", "needs_review", "hidden"]

GIVERS = ("owner", "advisor")
GIVER_LABELS = {"owner": "経営者", "advisor": "支援者"}
GIVER_MARKS = {"owner": "経営者の回答", "advisor": "支援者の入力"}
"""How an answer is marked on screen by who gave it (the chat, the review, the section form)."""


def giver_mark(given_by: str | None) -> str:
    """「経営者の回答」 / 「支援者の入力」 ("" for anything else)."""
    return GIVER_MARKS.get(given_by or "", "")


def now() -> datetime:
    return datetime.now(UTC)


def jsonable(raw: Any) -> Any:
    """The raw answer in a JSON-friendly form (as stored in the plan file)."""
    if raw is None or isinstance(raw, (str, int, float, bool)):
        return raw
    if isinstance(raw, (list, tuple)):
        return [jsonable(x) for x in raw]
    if isinstance(raw, dict):
        return {str(k): jsonable(v) for k, v in raw.items()}
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    if isinstance(raw, Decimal):
        return str(raw)
    return str(raw)


def check_giver(given_by: str) -> GivenBy:
    # Spelled out so the result is the model's GivenBy, not any str.
    if given_by == "owner":
        return "owner"
    if given_by == "advisor":
        return "advisor"
    raise ValueError(f"given_by must be 'owner' or 'advisor', not {given_by!r}")


def make_record(
    raw: Any, value: Any, given_by: str, *, status: str = "ok", probes: int = 0, findings: list[Any] | None = None
) -> AnswerRecord:
    return AnswerRecord(
        raw=jsonable(raw),
        value=value,
        # Callers pass plain strings; pydantic validates them against the Literal types at runtime.
        given_by=cast(GivenBy, given_by),
        given_at=now(),
        status=cast(AnswerStatus, status),
        probes=probes,
        finding_ids=[f.rule_id for f in findings or []],
    )
