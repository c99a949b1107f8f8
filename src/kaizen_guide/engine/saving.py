"""Saving a plan after every accepted answer, shared by the interview and the monthly review.

``save()`` writes atomically (``model.store.save_plan``). ``save_or_rollback()`` is what an
answer calls: when the write fails, the in-memory plan goes back to what is on disk, so the
screen never shows an answer a crash would lose, and the caller gets a Japanese message.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from kaizen_guide.model.plan import Plan
from kaizen_guide.model.store import PlanFileError, load_plan, save_plan


class PlanSaver:
    def __init__(self, path: str | Path | None, *, autosave: bool = True,
                 write: Callable[[Plan, Path], object] | None = None):
        self.path: Path | None = Path(path) if path is not None else None
        self._write = write or (lambda plan, p: save_plan(plan, p))
        self.autosave: bool = autosave and self.path is not None
        self.last_saved_at: datetime | None = None
        self.save_error: str | None = None

    def save(self, plan: Plan) -> None:
        if not self.autosave or self.path is None:
            return
        self._write(plan, self.path)
        self.last_saved_at = datetime.now()
        self.save_error = None

    def save_or_rollback(self, plan: Plan, *, what: str = "回答") -> tuple[Plan, str | None]:
        """(plan to use from now on, None) after a save; (plan reloaded from disk, message) when it failed."""
        try:
            self.save(plan)
        except Exception as exc:  # noqa: BLE001 - any write failure is reported, never lost silently
            assert self.path is not None
            try:
                plan = load_plan(self.path)
            except PlanFileError:
                pass
            self.save_error = f"保存できませんでした ({exc})"
            return plan, (f"{what}を保存できませんでした ({exc})。この{what}はまだ記録されていません。"
                          "保存先に書き込めるか確認して、もう一度入力してください。")
        return plan, None
