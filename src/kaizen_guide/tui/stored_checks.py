"""The outline's 「要確認」 marks of a reopened plan, computed after the first frame (issue 18).

The marks need the findings of every stored answer (~0.1 s of text checks on the demo, more on a
large plan). The first frame shows the outline without them (a complete section whose answers are
not checked yet reads 「…」); then a worker runs the checks and the outline is refreshed. Until
then the screen asks for progress without checks, so an answer given meanwhile never waits for
them (see :mod:`kaizen_guide.engine.stored_checks` for why a late result cannot overwrite it).
"""

from __future__ import annotations

from typing import Any

from kaizen_guide.engine.stored_checks import PendingCheck, adopt, pending_checks, run_pending


class StoredChecks:
    """Runs the checks of the plan's stored answers once, off the UI thread, for ``screen``."""

    def __init__(self, screen: Any) -> None:
        self.screen = screen
        self.done = False
        """True once the stored answers are checked (or the run failed: progress checks itself)."""

    def start(self) -> None:
        jobs = pending_checks(self.screen.interview)
        if not jobs:
            self.done = True
            return
        self.screen.run_worker(
            lambda: self._run(jobs), thread=True, exclusive=True, group="stored-checks", exit_on_error=False
        )

    def _run(self, jobs: list[PendingCheck]) -> None:
        try:
            results = run_pending(self.screen.interview, jobs)
        except Exception:  # noqa: BLE001 - a check bug: progress() then runs the checks itself
            results = []
        self.screen.app.call_from_thread(self._adopt, results)

    def _adopt(self, results: list[tuple[PendingCheck, list[Any]]]) -> None:
        adopt(self.screen.interview, results)
        self.done = True
        if self.screen.is_attached:
            self.screen._refresh_status()
