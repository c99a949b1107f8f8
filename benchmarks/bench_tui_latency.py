"""In-app latency: from Enter on an answer to the next question on screen (Pilot, headless).

Answers the first N questions of a new plan (text, month, amount, integer … through the real engine,
which saves the plan file before returning) and times each one from the key press until the next
question's message is laid out and its editor mounted (the terminal paint follows on the next
frame, at most 1/60 s later).

    python benchmarks/bench_tui_latency.py [-n 9] [--size 80x24]

Prints mean / p95 / max in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ANSWERS = [
    "株式会社ベンチ",  # company.name (text)
    "山田 太郎",  # company.representative
    "静岡県浜松市中央区1-2-3",  # company.address
    "昭和60年4月",  # company.established (month)
    "1,000万円",  # company.capital (amount)
    "飲食業",  # company.industry
    None,  # company.business (long text: ctrl+s)
    "38人",  # company.employees (integer)
    "3月",  # company.fiscal_month
    "62",  # company.representative_age
]


def _next_question_shown(screen, before: str) -> bool:
    from kaizen_guide.tui.widgets.chat_log import AssistantMessage

    q = screen.question
    editor = screen.composer.editor
    if q is None or q.id == before or editor is None or editor.question.id != q.id or not editor.is_mounted:
        return False
    messages = screen.chat.query(AssistantMessage)
    if not messages:
        return False
    last = messages.last()
    return q.prompt.strip()[:10] in last.source and bool(last.children) and last.size.height > 0


async def measure(n: int, size: tuple[int, int]) -> list[float]:
    from textual import events

    from kaizen_guide.tui.app import KaizenApp

    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("KAIZEN_GUIDE_DATA_DIR", str(Path(tmp) / "data"))
        app = KaizenApp(Path(tmp) / "plan.json", show_save_time=False)
        async with app.run_test(size=size) as pilot:
            from kaizen_guide.tui.screens.interview import InterviewScreen

            # The plan opens in a worker behind a loading screen: wait (bounded) for the interview.
            for _ in range(2000):
                if isinstance(app.screen, InterviewScreen) and app.screen.question is not None:
                    break
                await pilot.pause(0.01)
            else:
                raise SystemExit("the interview screen did not appear")
            for i in range(n):
                text = ANSWERS[i % len(ANSWERS)]
                screen = app.screen
                before = screen.question.id
                if text is None:
                    app.post_message(events.Paste("日本料理店2店舗の運営と、法要向け仕出し弁当の製造販売。"))
                    key = "ctrl+s"
                else:
                    app.post_message(events.Paste(text))
                    key = "enter"
                await pilot.pause()
                start = time.perf_counter()
                # The key as the terminal driver delivers it (Pilot.press would also wait for idle).
                app._driver.send_message(events.Key(key, "\r" if key == "enter" else None))
                # Until the next question is asked, its editor mounted and its Markdown laid out.
                while not _next_question_shown(screen, before):
                    await asyncio.sleep(0)
                times.append((time.perf_counter() - start) * 1000)
                await pilot.pause()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=len(ANSWERS) - 1, help="answers to time")
    parser.add_argument("--size", default="80x24", help="terminal size, e.g. 120x40")
    args = parser.parse_args(argv)
    w, h = (int(x) for x in args.size.split("x"))
    times = asyncio.run(measure(args.n, (w, h)))
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"Enter → next question ({args.size}, {len(times)} answers, plan saved on each):")
    print("  each ms: " + " ".join(f"{t:.0f}" for t in times))
    print(f"  mean {statistics.mean(times):.1f} ms   p95 {p95:.1f} ms   max {max(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
