"""The monthly review: time to open it, and Enter → next question latency (same measure as the
interview's bench_tui_latency.py).

1. Engine: ``Review.open`` on the sample company's June (plan file load, projection, monthly plan,
   comparison) and ``Review.answer`` per answer (parse, check, save atomically, next question).
2. TUI (Pilot, headless): from ``kaizen-guide monitor`` start to the first question on screen, and
   from the Enter key to the next question's message laid out and its editor mounted, over the
   前月アクション and 実績 answers (the plan file is saved on each).

    python benchmarks/bench_monitor.py [--size 80x24] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = date(2026, 12, 1)
ANSWERS = [
    "済",
    "2社訪問・見積2件",
    "済",
    "案内30社",
    "28,100",
    "11,200",
    "22,500",
    "12,800",
    "150",
    "470",
    "8,200",
    "319,985",
]


def _june_file(tmp: Path) -> Path:
    from kaizen_guide.model import save_plan
    from kaizen_guide.sample import build_sample_plan

    plan = build_sample_plan(monitoring=True)
    plan.monitoring = [r for r in plan.monitoring if r.month <= "2027-05"]
    path = tmp / "plan.json"
    save_plan(plan, path, backup=False)
    return path


def engine(repeat: int) -> tuple[list[float], list[float]]:
    from kaizen_guide.monitoring.review import Review

    opens, answers = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            path = _june_file(Path(tmp))
            t = time.perf_counter()
            rv = Review.open(path, "2027-06", today=TODAY)
            rv.current()
            opens.append((time.perf_counter() - t) * 1000)
            for raw in ANSWERS:
                q = rv.current()
                t = time.perf_counter()
                res = rv.answer(q.id, raw)
                res.next  # noqa: B018 - the next question is part of the answer
                answers.append((time.perf_counter() - t) * 1000)
                assert res.accepted, res.error
    return opens, answers


def _shown(screen, before: str) -> bool:
    """The interview benchmark's test: the next question's message laid out and its editor mounted."""
    from bench_tui_latency import _next_question_shown  # the script's folder is on sys.path

    return _next_question_shown(screen, before)


async def tui(size: tuple[int, int]) -> tuple[float, list[float]]:
    from textual import events
    from textual.widgets import OptionList

    from kaizen_guide.tui.app import KaizenApp
    from kaizen_guide.tui.screens.monitor import MonitorScreen

    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KAIZEN_GUIDE_DATA_DIR", str(Path(tmp) / "data"))
        path = _june_file(Path(tmp))
        app = KaizenApp(path, monitor=True, month="2027-06", show_save_time=False, today=TODAY)
        start = time.perf_counter()
        async with app.run_test(size=size) as pilot:
            while not (
                isinstance(app.screen, MonitorScreen)
                and app.screen.question is not None
                and app.screen.composer.editor is not None
                and app.screen.composer.editor.is_mounted
            ):
                await asyncio.sleep(0)
            opened = (time.perf_counter() - start) * 1000
            for raw in ANSWERS:
                screen = app.screen
                before = screen.question.id
                if screen.question.type in ("choice", "yes_no"):
                    ol = screen.composer.query_one(OptionList)
                    ol.highlighted = next(
                        i for i in range(ol.option_count) if str(ol.get_option_at_index(i).prompt).endswith(raw)
                    )
                else:
                    app.post_message(events.Paste(raw))
                await pilot.pause()
                t = time.perf_counter()
                app._driver.send_message(events.Key("enter", "\r"))
                while not _shown(screen, before):
                    await asyncio.sleep(0)
                times.append((time.perf_counter() - t) * 1000)
                await pilot.pause()
    return opened, times


def _stats(xs: list[float]) -> str:
    o = sorted(xs)
    p95 = o[min(len(o) - 1, round(0.95 * (len(o) - 1)))]
    return f"mean {statistics.mean(xs):.1f} ms   p95 {p95:.1f} ms   max {max(xs):.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    opens, answers = engine(args.repeat)
    print(f"engine: open the review (sample, 2027-06)   {_stats(opens)}")
    print(f"engine: answer → next question ({len(answers)} answers, saved on each)   {_stats(answers)}")
    w, h = (int(x) for x in args.size.split("x"))
    opened, times = asyncio.run(tui((w, h)))
    print(f"TUI ({args.size}): start → first question on screen   {opened:.0f} ms")
    print(f"TUI ({args.size}): Enter → next question ({len(times)} answers)   {_stats(times)}")
    print("  each ms: " + " ".join(f"{t:.0f}" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
