"""Plan versions (当初計画 / 修正計画) and amendments of reported monitoring months.

A frozen version keeps the plan's planning sections as one serialised JSON text with its SHA-256:
later edits of the plan (the working version) and later changes of the model cannot make it drift,
and a hand edit of the text is caught. Monitoring records are never part of a version; they are
compared against the version in force for their month (``plan_in_force``).

An :class:`Amendment` is a correction of a monthly record after it was reported to the banks: the
record keeps what changed, the value before and after, who, when and why, so the next report can
list it (``monitoring.amendments``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .common import GivenBy

# The records themselves are in version_records.py (plan.py holds them; this module reads plans);
# Amendment is re-exported for the modules that import it from here.
from .version_records import Amendment as Amendment
from .version_records import PlanVersion as PlanVersion

if TYPE_CHECKING:
    from .plan import Plan

# Parts of the plan that are not the plan itself: the file's version, the monitoring of it, the
# interview's position, the import settings, the versions, and the review notes (conversation about
# the plan, never part of what a bank was given). Everything else (including fields
# added later) is planning content and goes into a version.
NOT_PLANNING = frozenset({"schema_version", "monitoring", "interview", "actuals_import", "versions", "notes"})
_ANSWERS_KEY = "_answers"  # the interview's answer records (who / when), kept for ``diff``


class VersionError(ValueError):
    """A version that cannot be made or used; ``message`` is Japanese and says what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def version_label(number: int | None) -> str:
    """「当初計画」 for 第1版, 「修正計画 (第2版)」 after, 「作業中の計画」 for an unfrozen plan."""
    if number is None:
        return "作業中の計画"
    return "当初計画" if number == 1 else f"修正計画 (第{number}版)"


def snapshot_text(plan: Plan) -> str:
    """The planning sections of ``plan`` as canonical JSON (sorted keys: equal plans, equal text)."""
    data: dict[str, Any] = plan.model_dump(mode="json", exclude=set(NOT_PLANNING))
    data[_ANSWERS_KEY] = {k: r.model_dump(mode="json") for k, r in plan.interview.answers.items()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def next_effective_month(plan: Plan, at: datetime) -> str:
    """The first month a new 修正計画 applies to: months already reviewed keep the version they
    were reviewed against, and a month before the freeze was not agreed with the banks yet."""
    local = at.astimezone()
    month = f"{local.year:04d}-{local.month:02d}"
    recorded = [r.month for r in plan.monitoring if r.actuals or r.completed_at is not None]
    if recorded:
        last = max(recorded)
        y, m = int(last[:4]), int(last[5:])
        after = f"{y + m // 12:04d}-{m % 12 + 1:02d}"
        month = max(month, after)
    return month


def freeze(plan: Plan, *, note: str, by: GivenBy, at: datetime, effective_from: str | None = None) -> PlanVersion:
    """Freeze the plan's planning sections as the next version (appended to ``plan.versions``).

    VersionError when nothing changed since the last version. The first version is in force from
    the start of the plan; a later one from ``effective_from`` (default ``next_effective_month``).
    """
    from .plan import SCHEMA_VERSION

    text = snapshot_text(plan)
    digest = _digest(text)
    if plan.versions and plan.versions[-1].digest == digest:
        last = plan.versions[-1]
        raise VersionError(
            f"計画は{version_label(last.number)} (第{last.number}版) から変わっていません。"
            "変更してから確定してください。"
        )
    number = len(plan.versions) + 1
    if effective_from is None and number > 1:
        effective_from = next_effective_month(plan, at)
    version = PlanVersion(
        number=number,
        frozen_at=at,
        frozen_by=by,
        note=note.strip(),
        effective_from=effective_from,
        schema_version=SCHEMA_VERSION,
        snapshot=text,
        digest=digest,
    )
    plan.versions.append(version)
    return version


def freeze_message(v: PlanVersion) -> str:
    """「第2版 (修正計画 (第2版)) として確定しました。月次モニタリングでは2027年7月からこの版と比べます。」"""
    if v.effective_from is None:
        when = "計画の最初から"
    else:
        when = f"{int(v.effective_from[:4])}年{int(v.effective_from[5:])}月から"
    note = f" メモ: {v.note}" if v.note else ""
    return f"第{v.number}版 ({version_label(v.number)}) として確定しました。月次モニタリングでは{when}この版と比べます。{note}"


def find_version(plan: Plan, number: int) -> PlanVersion:
    for v in plan.versions:
        if v.number == number:
            return v
    if not plan.versions:
        raise VersionError(
            'この計画にはまだ確定した版がありません。`kaizen-guide freeze 計画.json --note "…"` で確定できます。'
        )
    numbers = "・".join(str(v.number) for v in plan.versions)
    raise VersionError(f"第{number}版はありません (ある版: {numbers})。")


@lru_cache(maxsize=16)
def _parsed(digest: str, snapshot: str, number: int) -> Plan:
    from .plan import SCHEMA_VERSION, Plan

    if _digest(snapshot) != digest:
        raise VersionError(
            f"第{number}版の内容が確定したときから書き換えられています (SHA-256 が一致しません)。"
            "計画ファイルを編集していないか確認してください。"
        )
    data = json.loads(snapshot)
    answers = data.pop(_ANSWERS_KEY, {})
    data["schema_version"] = SCHEMA_VERSION
    data["interview"] = {"answers": answers}
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        from .errors import describe_validation_error

        details = "; ".join(describe_validation_error(exc, Plan)[:3])
        raise VersionError(f"第{number}版の内容を読めません ({details})。") from None


def version_plan(plan: Plan, number: int) -> Plan:
    """The plan as frozen in version ``number``: its planning sections and answer records, no
    monitoring records and no versions (so comparing against it never looks for a version again).
    A fresh copy each call (about a millisecond): changing it never changes the version.
    """
    v = find_version(plan, number)
    return _parsed(v.digest, v.snapshot, v.number).model_copy(deep=True)


@dataclass(frozen=True)
class InForce:
    """The plan a month is compared against: a frozen version, or the working plan when none is."""

    number: int | None
    plan: Plan
    version: PlanVersion | None = None

    @property
    def label(self) -> str:
        return version_label(self.number)


def in_force_number(plan: Plan, month: str) -> int | None:
    """The number of the version in force for ``month`` ("YYYY-MM"), or None when none is frozen.

    The latest version whose ``effective_from`` is on or before the month; 第1版 (当初計画) covers
    every month before the first 修正計画.
    """
    if not plan.versions:
        return None
    chosen = min(plan.versions, key=lambda v: v.number)
    for v in sorted(plan.versions, key=lambda v: v.number):
        if v.effective_from is None or v.effective_from <= month:
            chosen = v
    return chosen.number


def plan_in_force(plan: Plan, month: str) -> InForce:
    """The version in force for ``month`` and its plan (the working plan itself when none is frozen)."""
    number = in_force_number(plan, month)
    if number is None:
        return InForce(None, plan)
    return InForce(number, version_plan(plan, number), find_version(plan, number))


def original_plan(plan: Plan) -> Plan | None:
    """当初計画 (第1版), or None when the plan was never frozen."""
    return version_plan(plan, plan.versions[0].number) if plan.versions else None
