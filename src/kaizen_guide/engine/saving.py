"""Saving a plan after every accepted answer, shared by the interview and the monthly review.

``save()`` writes atomically (``model.store.save_plan``). ``save_or_rollback()`` is what an
answer calls: when the write fails, the in-memory plan goes back to what is on disk, so the
screen never shows an answer a crash would lose, and the caller gets a Japanese message.

With ``signed=True`` the saver remembers the file's signature from the last read or write and
refuses to overwrite a file someone else changed since (PlanChangedError): the plan is reloaded
and the caller says so. ``read_only`` savers never write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kaizen_guide.model.plan import Plan
from kaizen_guide.model.store import (
    FileSignature,
    PlanChangedError,
    PlanFileError,
    file_signature,
    load_plan,
    load_plan_signed,
    save_plan,
)

READ_ONLY_MESSAGE = (
    "この計画は読み取り専用で開いています (別の画面かコマンドで編集中です)。"
    "回答は保存されません。編集するには、もう一方を終了してから開き直してください。"
)


def _save_plan(plan: Plan, path: Path, **kw: Any) -> object:
    return save_plan(plan, path, **kw)


class PlanSaver:
    def __init__(
        self,
        path: str | Path | None,
        *,
        autosave: bool = True,
        write: Callable[..., object] | None = None,
        signed: bool = False,
        disk: FileSignature | None = None,
        read_only: bool = False,
    ):
        self.path: Path | None = Path(path) if path is not None else None
        self._write = write or _save_plan
        self.autosave: bool = autosave and self.path is not None
        self.signed = signed
        self.disk: FileSignature | None = disk  # the file as we last read or wrote it (signed only)
        self.read_only = read_only
        self.last_saved_at: datetime | None = None
        self.save_error: str | None = None

    def save(self, plan: Plan) -> None:
        if self.read_only:
            raise PlanFileError(READ_ONLY_MESSAGE, self.path)
        if not self.autosave or self.path is None:
            return
        if self.signed:
            self._write(plan, self.path, expected=self.disk)
            self.disk = file_signature(self.path)  # under the plan's lock nobody writes in between
        else:
            self._write(plan, self.path)
        self.last_saved_at = datetime.now()
        self.save_error = None

    def reload(self, plan: Plan) -> Plan:
        """What is on disk now (``plan`` itself when the file cannot be read)."""
        assert self.path is not None
        try:
            if not self.signed:
                return load_plan(self.path)
            plan, self.disk = load_plan_signed(self.path)
        except PlanFileError:
            pass
        return plan

    def save_or_rollback(self, plan: Plan, *, what: str = "回答") -> tuple[Plan, str | None]:
        """(plan to use from now on, None) after a save; (plan reloaded from disk, message) when it failed."""
        try:
            self.save(plan)
        except Exception as exc:  # noqa: BLE001 - any write failure is reported, never lost silently
            plan = self.reload(plan)
            if isinstance(exc, PlanChangedError):
                self.save_error = "計画ファイルが外で変更されたため、読み込み直しました"
                return plan, (
                    f"{exc.message} 最新の内容を読み込み直しました。この{what}はまだ記録されていません。"
                    "内容を確かめて、もう一度入力してください。"
                )
            if self.read_only:
                self.save_error = "読み取り専用"
                return plan, READ_ONLY_MESSAGE
            self.save_error = f"保存できませんでした ({exc})"
            return plan, (
                f"{what}を保存できませんでした ({exc})。この{what}はまだ記録されていません。"
                "保存先に書き込めるか確認して、もう一度入力してください。"
            )
        return plan, None
