"""Freezing the plan an interview has open (the TUI's 「版として確定」), saved like an answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kaizen_guide.model.versions import PlanVersion, VersionError, freeze, next_effective_month


def preview(interview: Any, at: datetime | None = None) -> tuple[int, str | None]:
    """(number the next version gets, month it applies from; None = from the start)."""
    plan = interview.plan
    number = len(plan.versions) + 1
    return number, None if number == 1 else next_effective_month(plan, at or datetime.now(UTC))


def freeze_open_plan(interview: Any, note: str, *, at: datetime | None = None) -> tuple[PlanVersion | None, str | None]:
    """Freeze ``interview.plan`` and save it through the interview (its lock, its on-disk check).

    (version, None) when saved; (None, Japanese message) when refused or not saved (then the
    plan in memory is what is on disk, as after any answer that failed to save).
    """
    if getattr(interview, "read_only", False):
        return None, "この計画は別の画面で編集中のため、読み取り専用です。確定はその画面で行ってください。"
    if interview.path is None:
        return None, "計画ファイルが未保存のため確定できません。"
    if not note.strip():
        return None, "メモ (提出先や確定の理由) を入力してください。例: ひまわり銀行に提出"
    try:
        version = freeze(interview.plan, note=note, by=interview.given_by, at=at or datetime.now(UTC))
    except VersionError as exc:
        return None, exc.message
    # The interview's own save: under its lock, refusing a file changed elsewhere, rolled back on failure.
    error = interview._save_or_rollback()
    if error:
        return None, error.replace("この回答", "この確定")
    return version, None
