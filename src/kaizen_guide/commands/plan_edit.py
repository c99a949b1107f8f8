"""One locked change of a plan file from a command: take the lock, load, change, save atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kaizen_guide.model.plan import Plan

T = TypeVar("T")

LOCK_WAIT_S = 3.0


class EditError(Exception):
    """A change that was not made; ``message`` is Japanese (the plan file is unchanged)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def edit_plan(path: str | Path, change: Callable[[Plan], T], *, wait: float = LOCK_WAIT_S) -> T:
    """Apply ``change`` to the plan at ``path`` and save it, as the one writer of the plan.

    ``change`` raises to refuse (nothing is written); EditError carries every failure the user can
    cause (busy plan, unreadable file, failed save) as a Japanese message.
    """
    from kaizen_guide.model.lock import PlanLock, PlanLockedError
    from kaizen_guide.model.store import (
        PlanFileError,
        load_plan_signed,
        save_plan,
        write_error_message,
    )

    lock = PlanLock(path)
    try:
        lock.acquire(wait)
    except PlanLockedError as exc:
        raise EditError(exc.after_wait(wait)) from None
    except PlanFileError as exc:
        raise EditError(exc.full_message) from None
    try:
        try:
            plan, signature = load_plan_signed(path)
        except PlanFileError as exc:
            raise EditError(exc.full_message) from None
        result = change(plan)
        try:
            save_plan(plan, path, expected=signature)
        except PlanFileError as exc:
            raise EditError(exc.full_message) from None
        except OSError as exc:
            raise EditError(write_error_message(exc, path) + " 計画ファイルは変更していません。") from None
        return result
    finally:
        lock.release()
