"""Start-up in a real terminal, as a ratio to a bare Textual app (issue 18).

Each round launches, in tmux, the bare app (one Static line, ``benchmarks/bare_app.py``) and then
each of our scenarios, alternately, and times from ``tmux new-session`` until the expected text is
on screen (``tmux capture-pane``):

- ``start``  — ``kaizen-guide`` (the start screen),
- ``demo``   — ``kaizen-guide demo`` (copy the sample company and open it: a new user's first run),
- ``new``    — ``kaizen-guide interview NEW.json`` (a new plan, first question),
- ``reopen`` — ``kaizen-guide interview BIG.json`` (a plan 10× the sample, opened before),
- ``floor``  — the bare app that first loads the sample plan through our plan model
  (``bare_app.py --with-plan``): what every first question needs before it can be drawn, so no
  screen work takes a first question below it (it has no goal of its own; ``--only`` adds it).

For ``new`` it also times the first answer: as soon as the first question is on screen the company
name is typed and sent, and the clock runs until the next question is on screen ("first answer",
goal ≤ 100 ms after the screen is up: what starts after the first frame must not make it wait).

    python benchmarks/bench_tui_startup.py [--runs 5] [--size 120x40] [--only demo,new]

Prints each scenario's times, its median and its ratio to the bare app's median in the same run,
with the machine's load average (the ratios are what the goals are about: start ≤ 1.2×, the
others ≤ 1.3×).

Before the rounds the package it times is byte-compiled (``compileall`` in a subprocess, with
``PYTHONDONTWRITEBYTECODE`` unset), as ``pip install .`` does for a user: an editable install under
``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile our sources in every launch. ``--no-compile``
times without it.
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

HERE = Path(__file__).resolve().parent
POLL = 0.005
TIMEOUT = 30.0
GOALS = {"start": 1.2, "demo": 1.3, "new": 1.3, "reopen": 1.3}
FLOOR_OF = 1.3  # the floor row is printed against the first question's goal


def _exe() -> str:
    exe = shutil.which("kaizen-guide")
    return shlex.quote(exe) if exe else f"{shlex.quote(sys.executable)} -m kaizen_guide"


def byte_compile() -> str:
    """Byte-compile the kaizen_guide package that the launches will import (a user's install has .pyc
    files); returns where, for the output."""
    import kaizen_guide

    pkg = str(Path(kaizen_guide.__file__).resolve().parent)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", pkg], check=True, env=env)
    return pkg


def _prompt_head(question_id: str | None) -> str:
    from kaizen_guide.banks import load_bank

    bank = load_bank()
    q = bank.question(question_id) if question_id and bank.has(question_id) else bank.questions[0]
    return q.prompt.strip()[:8]  # the composer's header shows the question being asked


def _prepare(tmp: Path) -> dict[str, tuple[str, str]]:
    """Scenario → (command, text that shows it is ready)."""
    sys.path.insert(0, str(HERE))
    from big_plan import build_big_plan
    from kaizen_guide.engine import Interview
    from kaizen_guide.model import save_plan
    from kaizen_guide.sample import build_sample_plan
    from kaizen_guide.tui.app import DEMO_START

    big = tmp / "big.json"
    save_plan(build_big_plan(), big, backup=False)
    sample = tmp / "sample.json"
    save_plan(build_sample_plan(), sample, backup=False)
    with Interview.open(big) as iv:  # adopted once, and left mid-way, as a plan opened before
        iv.goto(DEMO_START)  # _move_to saves the position
        reopen_marker = _prompt_head(iv.current().id)
    with Interview.open(tmp / "first-answer.json") as iv:
        global FIRST_ANSWER
        FIRST_ANSWER = (FIRST_ANSWER[0], _prompt_head(iv.answer(iv.current().id, FIRST_ANSWER[0]).next.id))
    exe = _exe()
    return {
        "bare": (f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'bare_app.py'))}", "BARE-APP-READY"),
        "start": (exe, "経営改善計画づくりの相談相手"),
        "demo": (f"{exe} demo", _prompt_head(DEMO_START)),
        "new": (f"{exe} interview {{new}}", _prompt_head(None)),
        "reopen": (f"{exe} interview {shlex.quote(str(big))}", reopen_marker),
        "floor": (
            f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'bare_app.py'))} --with-plan {shlex.quote(str(sample))}",
            "BARE-APP-READY",
        ),
    }


FIRST_ANSWER = ("テスト工業株式会社", "")
"""What is typed to the new plan's first question, and (set by _prepare) the next question's head."""

# Our own tmux server, kept alive by an idle session: when the last session of a server is killed the
# server exits, and the next new-session can race with it going away ("server exited unexpectedly").
TMUX = ["tmux", "-L", f"kgbench{os.getpid()}"]


def _wait_for(session: str, marker: str, start: float) -> float:
    while True:
        out = subprocess.run([*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
        if marker in out.replace("\n", ""):
            return time.perf_counter() - start
        if time.perf_counter() - start > TIMEOUT:
            raise RuntimeError(f"'{marker}' not on screen after {TIMEOUT}s:\n{out}")
        time.sleep(POLL)


def time_once(
    cmd: str,
    size: tuple[int, int],
    marker: str,
    data_dir: str,
    cache_dir: str | None = None,
    answer: tuple[str, str] | None = None,
) -> tuple[float, float | None]:
    """Seconds until ``marker`` is on screen; with ``answer`` (text, next marker) that text is then
    typed and sent at once, and the second figure is the seconds until the next marker shows."""
    session = "timed"
    subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        [
            *TMUX,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "-e",
            f"KAIZEN_GUIDE_DATA_DIR={data_dir}",
            *(["-e", f"KAIZEN_GUIDE_CACHE_DIR={cache_dir}"] if cache_dir else []),
            cmd,
        ],
        check=True,
    )
    try:
        shown = _wait_for(session, marker, start)
        if answer is None:
            return shown, None
        subprocess.run([*TMUX, "send-keys", "-t", session, "-l", answer[0]], check=True)
        sent = time.perf_counter()
        subprocess.run([*TMUX, "send-keys", "-t", session, "Enter"], check=True)
        return shown, _wait_for(session, answer[1], sent)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


def _rounds(
    runs: int,
    wanted: list[str],
    scenarios: dict[str, tuple[str, str]],
    times: dict[str, list[float]],
    tmp: Path,
    size: tuple[int, int],
    cache: str | None,
) -> None:
    for r in range(runs):
        for name in wanted:
            data = str(tmp / f"data-{r}-{name}")  # a fresh data folder: a first run
            cmd, marker = scenarios[name]
            cmd = cmd.replace("{new}", shlex.quote(str(tmp / f"new-{r}.json")))
            # Alternate: the yardstick right before each of ours, so load drifts hit both alike.
            times["bare"].append(time_once(scenarios["bare"][0], size, "BARE-APP-READY", data)[0])
            shown, answered = time_once(cmd, size, marker, data, cache, FIRST_ANSWER if name == "new" else None)
            times[name].append(shown)
            if answered is not None:
                times.setdefault("first-answer", []).append(answered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="120x40")
    parser.add_argument("--only", default="start,demo,new,reopen", help="scenarios, comma-separated (also: floor)")
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="an empty per-user cache on every launch (a first run after installing)",
    )
    parser.add_argument(
        "--no-compile", action="store_true", help="do not byte-compile the package first (an editable install)"
    )
    args = parser.parse_args(argv)
    if not shutil.which("tmux"):
        print("tmux is not installed; install it to run this benchmark.", file=sys.stderr)
        return 2
    w, h = (int(x) for x in args.size.split("x"))
    wanted = [s for s in args.only.split(",") if s]
    times: dict[str, list[float]] = {s: [] for s in ["bare", *wanted]}
    compiled = None if args.no_compile else byte_compile()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        os.environ["KAIZEN_GUIDE_DATA_DIR"] = str(tmp / "prep")
        cache = None if args.cold_cache else str(tmp / "cache")
        if cache:
            os.environ["KAIZEN_GUIDE_CACHE_DIR"] = cache  # warmed by preparing the plans, as on a user's machine
        scenarios = _prepare(tmp)
        subprocess.run([*TMUX, "new-session", "-d", "-s", "keepalive", "sleep 86400"], check=True)
        try:
            _rounds(args.runs, wanted, scenarios, times, tmp, (w, h), cache)
        finally:
            subprocess.run([*TMUX, "kill-server"], capture_output=True)
    load_after = os.getloadavg()
    bare = statistics.median(times["bare"])
    print(
        f"start-up to first screen, {args.size}, {args.runs} rounds, "
        f"{'cold' if args.cold_cache else 'warm'} per-user cache; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} cores)"
    )
    print(f"  byte-compiled before the rounds: {compiled}" if compiled else "  not byte-compiled (--no-compile)")
    print(f"  {'bare':7} median {bare:.2f} s   " + " ".join(f"{t:.2f}" for t in times["bare"]))
    for name in wanted:
        med = statistics.median(times[name])
        if name == "floor":
            print(
                f"  {name:7} median {med:.2f} s   ratio {med / bare:.2f}× (bare + loading the plan model:"
                f" {'above' if med / bare > FLOOR_OF else 'within'} the {FLOOR_OF}× goal by itself)   "
                + " ".join(f"{t:.2f}" for t in times[name])
            )
            continue
        goal = GOALS[name]
        verdict = "meets" if med / bare <= goal else "misses"
        print(
            f"  {name:7} median {med:.2f} s   ratio {med / bare:.2f}× (goal ≤ {goal}×: {verdict})   "
            + " ".join(f"{t:.2f}" for t in times[name])
        )
    if times.get("first-answer"):
        answer = statistics.median(times["first-answer"])
        print(
            f"  first answer (new plan: typed at once, sent, until the next question): median {answer * 1000:.0f} ms"
            f" (goal ≤ 100 ms: {'meets' if answer <= 0.1 else 'misses'})   "
            + " ".join(f"{t * 1000:.0f}" for t in times["first-answer"])
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
