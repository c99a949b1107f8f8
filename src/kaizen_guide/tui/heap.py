"""Garbage collection kept off the Enter → next question path.

CPython's cyclic collector runs when allocations pass its thresholds, so it ran in the middle of
an answer's layout: a full (generation 2) collection scanned every object of the app — the banks,
the plan, the widgets — and took 80–270 ms, the answers' worst times (issue 18); the young
collections an answer's allocations set off took another 5–7 ms of it. So:

- from the key that sends an answer until its reply is drawn (:func:`hold` … :func:`tidy`), the
  collector waits: what the answer allocated is collected after the frame, while the person reads
  the next question;
- the objects alive when the first answer has been drawn (modules, banks, the opened plan, the
  screen) are frozen once: later collections do not scan them again;
- after each answer's frame, a full collection that is nearly due is run then, instead of during
  the next answer.

The same window makes background threads step aside (:func:`background`): a worker holding the
interpreter lock (the summary's recompute) took every other 5 ms slice of the answer's thread, so
an answer sent while the figures were recomputed took 15–50 ms longer.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EARLY = 2
"""Run the full collection this many young collections before CPython would consider it."""

STEP_ASIDE_MAX = 0.5
"""Seconds a background thread waits at most for one answer (a frame that never came is no hang)."""

START_HOLD_MAX = 5.0
"""Seconds at most that start-up keeps the collector off (a first frame that never says so)."""

_frozen = False
_held = False
_start_held = False
_answering = False
_calm = threading.Event()
_calm.set()
_local = threading.local()


def hold_start() -> None:
    """Call first thing in the TUI's entry, before its imports: no collection until the first frame
    (:func:`first_frame`). Start-up ran some 220 collections that scanned the modules, the banks and
    the plan being built and found ~3,000 garbage objects in all: 50–150 ms of CPU before the first
    question (issue 18)."""
    global _start_held
    if gc.isenabled():
        gc.disable()
        _start_held = True
        timer = threading.Timer(START_HOLD_MAX, first_frame)
        timer.daemon = True
        timer.start()


def first_frame() -> None:
    """The first screen is drawn: freeze what start-up built (never scanned again; its few garbage
    objects stay, a few hundred kB) and let the collector run again. Only after :func:`hold_start`:
    a second app in one process (the tests) must not freeze the first one's garbage."""
    global _start_held
    if not _start_held:
        return
    _start_held = False
    gc.freeze()
    if not _answering:
        gc.enable()  # (else the answer's tidy() does, after its frame)


def hold() -> None:
    """Call when an answer is sent: no collection, and background threads wait, until :func:`tidy`
    (after its frame)."""
    global _held, _answering
    _answering = True
    _calm.clear()
    if gc.isenabled() or _start_held:
        gc.disable()
        _held = True


def _step_aside(frame: Any, event: str, arg: Any) -> None:
    """A worker thread's profile hook: at each call, wait (blocked, without the lock) while an
    answer is handled — except inside an import, whose module lock the answer may be waiting for."""
    if frame.f_code.co_name == "_find_and_load":
        if event == "call":
            _local.importing = getattr(_local, "importing", 0) + 1
        elif event == "return":
            _local.importing -= 1
        return
    if _answering and not getattr(_local, "importing", 0):
        _calm.wait(STEP_ASIDE_MAX)


SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter lock while another waits for it, when a background
computation runs (Python's default is 5 ms)."""

_background_lock = threading.Lock()
_background_count = 0
_switch_interval: float | None = None


@contextmanager
def background() -> Iterator[None]:
    """Run a worker thread's work so that it steps aside while an answer is handled (the hook is
    the calling thread's only: the UI thread is never slowed).

    Meanwhile the interpreter hands its lock over every :data:`SWITCH_INTERVAL`: the worker sees
    that an answer is being handled only at its next call, and until then the UI thread, woken by
    the key, waited up to Python's 5 ms for the lock at each turn of its event loop (4-5 ms of the
    answers sent while the summary recomputed, issue 18)."""
    global _background_count, _switch_interval
    with _background_lock:
        if _background_count == 0:
            _switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_interval, SWITCH_INTERVAL))
        _background_count += 1
    sys.setprofile(_step_aside)
    try:
        yield
    finally:
        sys.setprofile(None)
        with _background_lock:
            _background_count -= 1
            if _background_count == 0 and _switch_interval is not None:
                sys.setswitchinterval(_switch_interval)


def tidy() -> None:
    """Call after an answer's frame is drawn (see the module docstring)."""
    global _frozen, _held, _answering
    _answering = False
    _calm.set()
    if _held:
        _held = False
        gc.enable()
        if gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(0)  # what the answer allocated, now rather than at the next key
    if not _frozen:
        # Once per process: a frozen object is never collected, so freezing again (a second app in
        # one process, as in the tests) would keep the first app's garbage for good.
        _frozen = True
        gc.freeze()
        return
    if gc.isenabled() and gc.get_count()[2] >= max(1, gc.get_threshold()[2] - EARLY):
        gc.collect()
