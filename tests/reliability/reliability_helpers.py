"""Helpers for the reliability suite: a second process that holds a plan open, CLI runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A child that opens a plan for writing (as a TUI does), says so, and keeps it until stdin closes.
HOLDER = r"""
import sys
from kaizen_guide.engine import Interview
iv = Interview.open(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
iv.close()
print("closed", flush=True)
"""


class Holder:
    """A live process holding a plan's lock (the other TUI)."""

    def __init__(self, plan: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(plan)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=child_env(),
        )
        line = self.proc.stdout.readline()  # blocks until the lock is held (no sleep)
        assert line.strip() == "held", self.proc.stderr.read()

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.stdout.readline().strip() == "closed"
        self.proc.wait(timeout=30)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def cli(*args: str, timeout: float = 120, input: str | None = None) -> subprocess.CompletedProcess:
    """Run `kaizen-guide ARGS` in a fresh interpreter (what a user's shell does)."""
    return subprocess.run(
        [sys.executable, "-m", "kaizen_guide.cli", *args],
        capture_output=True, text=True, timeout=timeout, env=child_env(), input=input,
    )


def catastrophic_check(stage: str, text: str, **_kwargs) -> list:
    """A check with the pre-fix 金融支援 pattern: seconds per extra pair of digits (issue 11.2)."""
    import re

    if stage == "issue" and text == "準備":
        return []
    re.search(r"(?:(?:\d[\d,.]*|[〇一二三四五六七八九十百千]+)(?:百万|千万|万|千|億)?)+円", text)
    return []
