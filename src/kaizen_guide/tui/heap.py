"""Garbage collection kept off the Enter → next question path.

CPython's cyclic collector runs when allocations pass its thresholds, so it ran in the middle of
an answer's layout: a full (generation 2) collection scanned every object of the app — the banks,
the plan, the widgets — and took 80–270 ms, the answers' worst times (issue 18). So:

- the objects alive when the first answer has been drawn (modules, banks, the opened plan, the
  screen) are frozen once: later collections do not scan them again;
- after each answer's frame, a full collection that is nearly due is run then, while the person
  reads the next question, instead of during the next answer.
"""

from __future__ import annotations

import gc

EARLY = 2
"""Run the full collection this many young collections before CPython would consider it."""

_frozen = False


def tidy() -> None:
    """Call after an answer's frame is drawn (see the module docstring)."""
    global _frozen
    if not _frozen:
        # Once per process: a frozen object is never collected, so freezing again (a second app in
        # one process, as in the tests) would keep the first app's garbage for good.
        _frozen = True
        gc.freeze()
        return
    if gc.isenabled() and gc.get_count()[2] >= max(1, gc.get_threshold()[2] - EARLY):
        gc.collect()
