"""One writer per plan: an OS file lock beside the plan, with the holder named in a side file.

The lock itself is filelock's ``FileLock`` (fcntl/flock on Linux and macOS, msvcrt on Windows): the
operating system drops it when the holding process dies, however it dies, so a crashed TUI never
leaves a plan locked. The side file ``.<plan>.lock.json`` names the holder (pid, host, start time)
for the message a second opener gets, and tells the next opener that the previous holder did not
close the plan (a stale record: taken over, with a message). When the OS lock is free but the side
file names a live process on this host (a filesystem whose locks are no-ops), the plan counts as
busy: we would rather refuse than have two writers.
"""

from __future__ import annotations

import json
import os
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from .store import PlanFileError, atomic_write_bytes, plan_target

OWNER_SUFFIX = ".lock.json"


class PlanLockedError(PlanFileError):
    """Another live process has the plan open for writing; ``holder`` describes it (may be {})."""

    def __init__(self, message: str, path: Path, holder: dict[str, Any]):
        super().__init__(message, path)
        self.holder = holder

    def after_wait(self, seconds: float) -> str:
        """The message a headless command prints when it gave up waiting for the lock."""
        return f"{self.full_message}\n{seconds:g}秒待ちましたが空きませんでした。計画ファイルは変更していません。"


def lock_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """(lock file, side file) for a plan path (the symlink target's folder, so all links share one)."""
    target = plan_target(path)
    return target.with_name(f".{target.name}.lock"), target.with_name(f".{target.name}{OWNER_SUFFIX}")


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read().decode("ascii", "replace")
        return stat.rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _proc_start(pid: int) -> str | None:
    """Start time of a process (Linux /proc), to tell a live holder from a reused pid."""
    fields = _proc_stat(pid)
    return fields[19] if fields is not None and len(fields) > 19 else None


def _proc_dead(pid: int) -> bool:
    """A killed process nobody has reaped yet (a zombie: a container without an init that reaps)
    still answers ``kill(pid, 0)``; it holds nothing."""
    fields = _proc_stat(pid)
    return fields is not None and bool(fields) and fields[0] in ("Z", "X", "x")


def _alive(holder: dict[str, Any]) -> bool:
    """True when the side file names a process that is still running on this host."""
    if holder.get("host") != socket.gethostname():
        return False  # cannot ask another machine: the OS lock is the authority there
    pid = holder.get("pid")
    if not isinstance(pid, int) or pid <= 0 or pid == os.getpid():
        return False
    if os.name == "nt":
        return False  # os.kill would terminate it; Windows locks are reliable, trust the OS lock
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    except OSError:
        return False
    if _proc_dead(pid):
        return False
    start = holder.get("proc_start")
    return start is None or _proc_start(pid) in (None, start)


def _describe(holder: dict[str, Any]) -> str:
    parts = []
    if holder.get("since"):
        parts.append(f"{holder['since']} から")
    if holder.get("host"):
        parts.append(f"コンピューター {holder['host']}")
    if holder.get("pid"):
        parts.append(f"プロセス番号 {holder['pid']}")
    return "、".join(parts)


class PlanLock:
    """Exclusive right to write one plan file. ``acquire`` raises PlanLockedError when it is taken."""

    def __init__(self, path: str | os.PathLike[str]):
        from filelock import FileLock

        self.path = Path(path)
        self.lock_path, self.owner_path = lock_paths(path)
        # thread_local=False: the TUI opens a plan in a worker thread and closes it on the main one.
        # is_singleton: two Interviews on one plan in one process share one counted lock (the
        # on-disk signature check still keeps them from overwriting each other).
        self._lock = FileLock(str(self.lock_path), mode=0o600, thread_local=False, is_singleton=True)
        self.notice: str | None = None  # Japanese: set when a stale lock was taken over

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def holder(self) -> dict[str, Any]:
        try:
            data = json.loads(self.owner_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def acquire(self, timeout: float = 0.0) -> str | None:
        """Take the lock, waiting up to ``timeout`` seconds; returns a takeover notice or None."""
        from filelock import Timeout

        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                self._lock.acquire(timeout=max(0.0, deadline - time.monotonic()))
            except Timeout:
                raise self._busy(self.holder()) from None
            except OSError as exc:
                raise PlanFileError(
                    f"{self.path} の編集用ロック ({self.lock_path.name}) を作れません ({exc.strerror or exc})。"
                    "フォルダに書き込めるか確認してください。",
                    self.path,
                ) from None
            if self._lock.lock_counter > 1:
                return None  # this process already holds it
            previous = self.holder()
            if previous.get("pid") == os.getpid() and previous.get("host") == socket.gethostname():
                previous = {}  # our own record (an earlier Interview here was not closed)
            if previous and _alive(previous):
                # The OS lock was free, yet a live process says it writes: locks do not work here.
                self._lock.release()
                if time.monotonic() < deadline:
                    time.sleep(0.05)  # bounded by the deadline; the other side may be closing
                    continue
                raise self._busy(previous)
            break
        self.notice = None
        if previous:
            self.notice = (
                f"前回この計画を開いていたプログラム ({_describe(previous)}) が正しく終了しなかったようです。"
                "編集用のロックを引き継ぎました。回答は最後に保存した時点まで残っています。"
            )
        self._write_owner()
        return self.notice

    def _write_owner(self) -> None:
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().isoformat(timespec="seconds"),
            "proc_start": _proc_start(os.getpid()),
            "app": "kaizen-guide",
        }
        try:
            atomic_write_bytes(self.owner_path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # the OS lock is the guarantee; the record only improves messages

    def _busy(self, holder: dict[str, Any]) -> PlanLockedError:
        who = _describe(holder)
        return PlanLockedError(
            f"{self.path} は別の画面かコマンドで編集中です"
            + (f" ({who})" if who else "")
            + "。同時に書き込むと回答が失われるため、ここでは書き込めません。"
            "編集するには、もう一方を終了してから開き直してください。",
            self.path,
            holder,
        )

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        if self._lock.lock_counter == 1 and self.holder().get("pid") == os.getpid():
            try:
                self.owner_path.unlink()
            except OSError:
                pass
        self._lock.release()

    def __enter__(self) -> PlanLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
