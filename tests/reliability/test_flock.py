"""The plan lock on POSIX is a plain flock (issue 18: importing filelock took ~15 ms of every start):
counted per process (two Interviews of one plan share it), owner-only, and held against another
process until the last holder releases it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from kaizen_guide.model.lock import PlanLock

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX flock")

TRY_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    print("free")
except OSError:
    print("taken")
"""


def _other_process_sees(lock_path) -> str:
    return subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(lock_path)], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_lock_is_counted_owner_only_and_held_until_the_last_release(tmp_path):
    plan = tmp_path / "plan.json"
    a, b = PlanLock(plan), PlanLock(plan)
    a.acquire()
    b.acquire()  # the same process: shared, counted
    assert stat.S_IMODE(os.stat(a.lock_path).st_mode) & 0o077 == 0
    assert _other_process_sees(a.lock_path) == "taken"
    a.release()
    assert b.held and _other_process_sees(a.lock_path) == "taken"
    b.release()
    assert not b.held and _other_process_sees(a.lock_path) == "free"


def test_a_lock_another_process_holds_is_refused_after_the_wait(tmp_path):
    plan = tmp_path / "plan.json"
    holder = PlanLock(plan)
    holder.acquire()
    code = (
        "import sys; from kaizen_guide.model.lock import PlanLock, PlanLockedError\n"
        "try:\n    PlanLock(sys.argv[1]).acquire(timeout=0.2)\nexcept PlanLockedError:\n    print('refused')\n"
        "print('filelock' in sys.modules)"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code, str(plan)], capture_output=True, text=True, check=True)
    finally:
        holder.release()
    assert out.stdout.split() == ["refused", "False"]  # and filelock was never imported
