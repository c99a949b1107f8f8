"""Start-up in a real terminal: launch `kaizen-guide demo` in tmux, time until the first question
is on screen (found in `tmux capture-pane`).

    python benchmarks/bench_tui_startup.py [--runs 5] [--size 80x24] [--cmd "kaizen-guide demo"]

Each run uses a fresh data folder (KAIZEN_GUIDE_DATA_DIR), so the demo copies and opens the
sample company as a new user's first run does. Prints each run and the mean / min in seconds.
Also times `interview PLAN` on the copy the demo made (a returning user).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLL = 0.01
TIMEOUT = 30.0


def _question_marker() -> str:
    """Text of the question the demo lands on (from the bank, so the bench follows bank edits)."""
    from kaizen_guide.banks import load_bank
    from kaizen_guide.tui.app import DEMO_START

    bank = load_bank()
    q = bank.question(DEMO_START) if bank.has(DEMO_START) else bank.questions[0]
    return q.prompt.strip()[:8]  # the composer's header shows the question being asked


def _default_cmd() -> str:
    exe = shutil.which("kaizen-guide")
    return f"{shlex.quote(exe)} demo" if exe else f"{shlex.quote(sys.executable)} -m kaizen_guide demo"


def time_once(cmd: str, size: tuple[int, int], marker: str, env: dict[str, str]) -> float:
    session = f"kgbench{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    env_args: list[str] = []
    for key in ("KAIZEN_GUIDE_DATA_DIR",):
        env_args += ["-e", f"{key}={env[key]}"]
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), *env_args, cmd],
        check=True,
    )
    try:
        while True:
            out = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in out.replace("\n", ""):
                return time.perf_counter() - start
            if time.perf_counter() - start > TIMEOUT:
                raise RuntimeError(f"no question on screen after {TIMEOUT}s:\n{out}")
            time.sleep(POLL)
    finally:
        subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], capture_output=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--cmd", default=None, help="command to launch (default: kaizen-guide demo)")
    args = parser.parse_args(argv)
    if not shutil.which("tmux"):
        print("tmux is not installed; install it to run this benchmark.", file=sys.stderr)
        return 2
    w, h = (int(x) for x in args.size.split("x"))
    marker = _question_marker()
    cmd = args.cmd or _default_cmd()
    demo_times: list[float] = []
    resume_times: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, KAIZEN_GUIDE_DATA_DIR=tmp)
            demo_times.append(time_once(cmd, (w, h), marker, env))
            plans = sorted((Path(tmp) / "plans").glob("sample-*.json"))
            if plans and args.cmd is None:
                base = cmd.rsplit(" ", 1)[0]
                resume_times.append(time_once(f"{base} interview {shlex.quote(str(plans[0]))}", (w, h), marker, env))
    print(f"start-up to the first question ({args.size}, {args.runs} runs): {cmd}")
    print("  demo (copy + open the sample): " + " ".join(f"{t:.2f}" for t in demo_times)
          + f"  mean {statistics.mean(demo_times):.2f} s  min {min(demo_times):.2f} s")
    if resume_times:
        print("  reopen that plan (interview PLAN): " + " ".join(f"{t:.2f}" for t in resume_times)
              + f"  mean {statistics.mean(resume_times):.2f} s  min {min(resume_times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
