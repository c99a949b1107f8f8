"""Text checks in a helper process with a time budget, so no answer can freeze the screen.

A regular expression that backtracks holds the GIL for as long as it runs: a thread cannot keep the
UI alive beside it, and cannot be stopped. The TUI therefore runs ``check_text`` in one long-lived
helper process (spawned in the background at start-up, shared by every screen of the process).
An answer whose check takes longer than the budget is saved unchecked with a note, and the helper
is killed and restarted; the headless CLI keeps checking in-process (nobody is typing there).
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing as mp
import threading
from collections.abc import Callable
from typing import Any

BUDGET_S = 2.0
_START_TIMEOUT_S = 60.0


class CheckTimeout(Exception):
    """The check did not answer within the budget (the helper is being restarted)."""


class GuardUnavailable(Exception):
    """The helper is not running (starting or restarting): check in-process instead."""


def _resolve(target: str) -> Callable[[str, str], list[Any]]:
    module, _, name = target.partition(":")
    fn: Callable[[str, str], list[Any]] = getattr(importlib.import_module(module), name)
    return fn


def _serve(conn: Any, target: str) -> None:
    check = _resolve(target)
    try:
        check("issue", "準備")  # load and compile the checklist before saying ready
    except Exception:  # noqa: BLE001 - a broken checklist is reported per call below
        pass
    conn.send("ready")
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        if req is None:
            return
        stage, text, kwargs = req
        try:
            conn.send(("ok", check(stage, text, **kwargs)))
        except Exception as exc:  # noqa: BLE001 - the caller decides what an error means
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class GuardedChecker:
    """``check_text`` in a helper process; ``__call__`` raises CheckTimeout past ``budget``."""

    def __init__(self, budget: float = BUDGET_S, target: str = "kaizen_guide.checks:check_text"):
        self.budget = budget
        self.target = target
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None
        self.restarts = 0

    @property
    def ready(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def start(self) -> None:
        """Spawn the helper and wait until it has loaded the checklist (call from a worker)."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self.ready:
            return
        ctx = mp.get_context("spawn")  # never fork a process that runs Textual's threads
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.target), daemon=True, name="kaizen-checks")
        proc.start()
        child.close()
        if not parent.poll(_START_TIMEOUT_S) or parent.recv() != "ready":
            proc.kill()
            raise CheckTimeout("the check helper did not start")
        self._proc, self._conn = proc, parent

    def __call__(self, stage: str, text: str, **kwargs: Any) -> list[Any]:
        with self._lock:
            if not self.ready:
                raise GuardUnavailable
            self._conn.send((stage, text, kwargs))
            if not self._conn.poll(self.budget):
                self._stop_locked()
                self.restarts += 1
                # Restart in the background: the screen must not wait for a new interpreter.
                threading.Thread(target=self.start, daemon=True, name="kaizen-checks-restart").start()
                raise CheckTimeout(f"check_text({stage!r}) took longer than {self.budget} s")
            status, payload = self._conn.recv()
        if status != "ok":
            raise RuntimeError(payload)
        found: list[Any] = payload
        return found

    def _stop_locked(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        with self._lock:
            self._stop_locked()


_shared: GuardedChecker | None = None


def shared_checker() -> GuardedChecker:
    """The process-wide helper used by the TUI (started on first use, stopped at exit)."""
    global _shared
    if _shared is None:
        _shared = GuardedChecker()
        atexit.register(_shared.close)
    return _shared
