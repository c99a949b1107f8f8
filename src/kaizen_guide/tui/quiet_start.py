"""Background work that waits for a quiet moment after the first frame (issue 18).

The checks' warm-up (importing the checklist, loading the morphological dictionary) is ~0.3 s of
CPU in a thread; started on the first frame, it took the interpreter from the UI thread while the
person typed the first answer at once (an IME hands over a whole word in one burst): in a real
terminal the keys then waited ~0.5 s to be shown. So it starts once no key or paste has come for
``QUIET_S`` after the first frame (while an IME composes nothing reaches the app, so that is
usually at once), and at the latest ``LATEST_S`` after it, however fast the typing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

QUIET_S = 0.3
LATEST_S = 3.0


class QuietStart:
    """Runs ``start`` once, after ``QUIET_S`` without input (at most ``LATEST_S`` after ``arm``)."""

    def __init__(self, app: Any, start: Callable[[], None]) -> None:
        self.app = app
        self._start = start
        self._timer: Any = None
        self._latest = 0.0
        self.started = False

    def arm(self) -> None:
        if self._timer is not None or self.started:
            return
        self._latest = time.monotonic() + LATEST_S
        self._timer = self.app.set_timer(QUIET_S, self._fire, name="quiet-start")

    def input_seen(self) -> None:
        """A key or a paste: wait for the next quiet moment (unless it is time already)."""
        if self._timer is not None and not self.started and time.monotonic() + QUIET_S < self._latest:
            self._timer.reset()

    def _fire(self) -> None:
        if self.started:
            return
        self.started = True
        self._start()
