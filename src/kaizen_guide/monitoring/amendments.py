"""Reported months and their amendments (報告後の訂正).

Once a month's record went to the banks (``mark_reported``), a later correction of its actuals or
answers is not a silent rewrite: the record keeps an :class:`~kaizen_guide.model.versions.Amendment`
(what, before, after, who, when, why). The next report lists the amendments not reported yet
(``amendments_since_last_report``) and marks them reported with the months it covers.
Pure functions on the plan model; the review (TUI and headless) calls ``amend``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kaizen_guide.engine.records import GIVER_LABELS
from kaizen_guide.model.plan import MonitoringRecord, Plan
from kaizen_guide.model.versions import Amendment

from .fiscal import month_text


def is_reported(rec: MonitoringRecord | None) -> bool:
    return rec is not None and rec.reported_at is not None


def amend(
    rec: MonitoringRecord,
    item: str,
    label: str,
    before: Any,
    after: Any,
    given_by: str,
    *,
    at: datetime | None = None,
    reason: str = "",
) -> Amendment | None:
    """Keep a change of a reported record as an amendment (None when the month was not reported
    yet, or nothing changed). ``before`` / ``after`` are JSON values (千円 for actuals)."""
    if not is_reported(rec) or before == after:
        return None
    a = Amendment(
        item=item,
        label=label,
        before=before,
        after=after,
        given_by=given_by,  # type: ignore[arg-type]
        given_at=at or datetime.now(UTC),
        reason=reason.strip(),
    )
    rec.amendments.append(a)
    return a


def reported_note(rec: MonitoringRecord | None) -> str:
    """The sentence a confirmation adds for a reported month ("" when it was not reported)."""
    if rec is None or rec.reported_at is None:
        return ""
    return (
        f"{month_text(rec.month)}は{rec.reported_at.astimezone():%Y年%m月%d日}に金融機関へ報告済みです。"
        "変更は訂正として記録し、次の報告に載せます。"
    )


def mark_reported(plan: Plan, months: Iterable[str], at: datetime) -> list[str]:
    """Mark the records of ``months`` as reported at ``at``, and every amendment not reported yet
    (of any month: the report lists them all) as reported. Returns the months marked."""
    wanted = set(months)
    marked = []
    for rec in plan.monitoring:
        for a in rec.amendments:
            if a.reported_at is None:
                a.reported_at = at
        if rec.month in wanted:
            rec.reported_at = at
            marked.append(rec.month)
    return sorted(marked)


@dataclass(frozen=True)
class MonthAmendment:
    month: str
    amendment: Amendment

    def text(self) -> str:
        """「2027年5月 売上高: 36,500 → 37,200 (支援者・2027-07-02 10:15、理由: 試算表の修正)」"""
        a = self.amendment
        who = f"{GIVER_LABELS.get(a.given_by, a.given_by)}・{a.given_at.astimezone():%Y-%m-%d %H:%M}"
        why = f"、理由: {a.reason}" if a.reason else ""
        return f"{month_text(self.month)} {a.label or a.item}: {_show(a.before)} → {_show(a.after)} ({who}{why})"

    def as_json(self) -> dict[str, Any]:
        return {"month": self.month, **self.amendment.model_dump(mode="json")}


def _show(v: Any) -> str:
    if v is None or v == "":
        return "(なし)"
    if isinstance(v, bool):
        return "はい" if v else "いいえ"
    if isinstance(v, int):
        from kaizen_guide.ja import format_amount

        return format_amount(v)
    return str(v)


def amendments_since_last_report(plan: Plan, months: Iterable[str] | None = None) -> list[MonthAmendment]:
    """Amendments not reported yet (optionally of some months only), oldest first."""
    only = set(months) if months is not None else None
    out = [
        MonthAmendment(rec.month, a)
        for rec in plan.monitoring
        if only is None or rec.month in only
        for a in rec.amendments
        if a.reported_at is None
    ]
    return sorted(out, key=lambda m: (m.amendment.given_at, m.month))


def all_amendments(plan: Plan) -> list[MonthAmendment]:
    out = [MonthAmendment(rec.month, a) for rec in plan.monitoring for a in rec.amendments]
    return sorted(out, key=lambda m: (m.amendment.given_at, m.month))
