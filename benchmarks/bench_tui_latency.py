"""In-app latency: from Enter on an answer to the first frame that shows the next question (Pilot).

Answers N questions through the real app and engine (which saves the plan file before returning)
and times each one from the key as the terminal driver delivers it until the first frame the
screen paints with the next question's message laid out and its editor mounted. The headless
driver writes nothing, so each frame is also rendered to terminal sequences here (the work a real
terminal's frame costs; only the write itself is missing).

    python benchmarks/bench_tui_latency.py [-n 30] [--size 80x24|120x40] [--plan new|demo|big] [--profile]

``--plan new``: a new plan; the first questions are typed (text, month, amount, integer …), and
the row forms and year grids, which a person fills field by field, open with the sample company's
rows as a draft, so any N works. ``--plan demo``: a copy of the sample company (every answer given, the
summary's figures recomputed after each one) with its answers marked for review, as after an
earlier answer changed: each question is asked again from the first, and its stored answer sent. A weak answer's follow-up is kept with ctrl+o (timed separately). ``--plan big``: the same with a plan 10× the sample's
size (benchmarks/big_plan.py: 20 segments, 15 banks, 10 years, 60 actions, 36 months), for the
scaling goal (within 2× of the demo's figures). ``--profile``
prints where the UI thread's time went during the timed windows (cProfile, cumulative).

Prints mean / p95 / max in milliseconds and the load average.
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
from typing import Any

TYPED = {
    "company.name": "株式会社ベンチ",
    "company.representative": "山田 太郎",
    "company.address": "静岡県浜松市中央区1-2-3",
    "company.established": "昭和60年4月",
    "company.capital": "1,000万円",
    "company.industry": "飲食業",
    "company.business": "日本料理店2店舗の運営と、法要向け仕出し弁当の製造販売。",
    "company.employees": "38人",
    "company.fiscal_month": "3月",
    "company.representative_age": "62",
}
"""What a person types for the first questions of a new plan (the rest comes from the sample)."""

DEADLINE_S = 20.0
"""A reaction slower than this is a hang: the benchmark stops and says where."""


def _next_question_shown(screen: Any, before: str) -> bool:
    from kaizen_guide.tui.widgets.chat_log import AssistantMessage

    q = screen.question
    editor = screen.composer.editor
    if q is None or q.id == before or editor is None or editor.question.id != q.id or not editor.is_mounted:
        return False
    messages = screen.chat.query(AssistantMessage)
    if not messages:
        return False
    # The question's message, or a note said after it (a draft restored), is the last one.
    asked = [m for m in list(messages)[-2:] if q.prompt.strip()[:10] in m.source]
    last = messages.last()
    return bool(asked) and asked[0].size.height > 0 and last.size.height > 0


def _follow_up_shown(screen: Any, before: str, last_before: Any) -> bool:
    """The answer was not taken as it is: a follow-up (or an error) is on screen instead."""
    from kaizen_guide.tui.widgets.chat_log import AssistantMessage

    if screen.question is None or screen.question.id != before:
        return False
    messages = screen.chat.query(AssistantMessage)
    last = messages.last() if messages else None
    return last is not None and last is not last_before and last.size.height > 0


def _sample_values(tmp: Path) -> dict[str, Any]:
    """Each question's answer in the sample company, in the shape its editor takes."""
    from kaizen_guide.engine import Interview
    from kaizen_guide.model import save_plan
    from kaizen_guide.sample import build_sample_plan

    path = tmp / "sample.json"
    save_plan(build_sample_plan(), path, backup=False)
    iv = Interview.open(path)  # adopts the sample's values as answers
    out: dict[str, Any] = {}
    try:
        for section in iv.bank.sections:
            for q in section.questions:
                try:
                    out[q.id] = iv.edit_value(q.id)
                except Exception:  # noqa: BLE001 - a question the sample does not answer
                    continue
    finally:
        iv.close()
    return out


def _prepare(kind: str, tmp: Path) -> tuple[Path, dict[str, Any]]:
    """The plan file to open and what to type for each question."""
    from kaizen_guide.engine import Interview
    from kaizen_guide.model import Plan, save_plan

    path = tmp / "plan.json"
    if kind in ("demo", "big"):
        from kaizen_guide.sample import build_sample_plan

        if kind == "big":  # the scaling goal: a plan 10× the sample's size (benchmarks/big_plan.py)
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from big_plan import build_big_plan

            save_plan(build_big_plan(), path, backup=False)
        else:
            save_plan(build_sample_plan(monitoring=True), path, backup=False)
        # The sample is complete, so an answer sent again would end the interview. Marked for
        # review (as when an earlier answer changes), each answer is asked again with its value.
        iv = Interview.open(path)
        try:
            for record in iv.plan.interview.answers.values():
                if record.status in ("ok", "kept_weak"):
                    record.status = "needs_review"
            iv.saver.save(iv.plan)
        finally:
            iv.close()
        return path, {}
    values = _sample_values(tmp)
    save_plan(Plan(), path, backup=False)
    iv = Interview.open(path)
    try:
        for qid, value in values.items():
            if isinstance(value, (list, dict)) and value and qid not in TYPED:
                iv.save_draft(qid, value)  # a row form / grid, filled in as the draft
    finally:
        iv.close()
    return path, {**{k: v for k, v in values.items() if isinstance(v, str)}, **TYPED}


def _key_for(editor: Any) -> str:
    from kaizen_guide.tui.widgets.composer import ChoiceEditor, LineEditor

    return "enter" if isinstance(editor, (LineEditor, ChoiceEditor)) else "ctrl+s"


class FrameClock:
    """Renders each frame the compositor sends (as a terminal would get it) and notes when the
    first frame matching ``want`` was painted."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.want: Any = None
        self.painted_at: float | None = None
        self.painted_cpu = 0.0
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            from textual._compositor import CompositorUpdate

            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            if self.want is not None and self.painted_at is None and self.want():
                self.painted_at = time.perf_counter()
                self.painted_cpu = time.thread_time()  # the UI thread's own CPU (the load aside)

        app._display = display

    def expect(self, want: Any) -> None:
        self.want, self.painted_at = want, None


async def _summary_computing(screen: Any) -> None:
    """Start the summary's recompute and return once its worker thread runs (``--busy-summary``)."""
    from textual.worker import WorkerState

    from kaizen_guide.tui.widgets import summary

    inputs = getattr(summary, "FINANCE_INPUTS", None)  # what the panel computes from (all, before it had a name)
    worker = screen.query_one(summary.Summary)._compute(screen.interview.plan.model_dump_json(include=inputs))
    for _ in range(10_000):
        if worker.state != WorkerState.PENDING:
            return
        await asyncio.sleep(0)


async def measure(
    n: int, size: tuple[int, int], kind: str, profiler: Any = None, busy_summary: bool = False
) -> dict[str, list[float]]:
    from textual import events

    from kaizen_guide.tui.app import KaizenApp
    from kaizen_guide.tui.messages import JumpTo
    from kaizen_guide.tui.screens.interview import InterviewScreen

    times: dict[str, list[float]] = {"next": [], "cpu": [], "follow_up": []}
    shown: list[str] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        os.environ.setdefault("KAIZEN_GUIDE_DATA_DIR", str(tmp / "data"))
        path, typed = _prepare(kind, tmp)
        app = KaizenApp(path, show_save_time=False)
        async with app.run_test(size=size) as pilot:
            clock = FrameClock(app)
            for _ in range(2000):  # the plan opens in a worker behind a loading screen
                if isinstance(app.screen, InterviewScreen) and app.screen.is_mounted and app.screen.chat.children:
                    break
                await pilot.pause(0.01)
            else:
                raise SystemExit("the interview screen did not appear")
            screen = app.screen
            first = screen.interview.bank.sections[0].questions[0].id
            await app.workers.wait_for_complete()  # the summary's first figures are not timed
            done = 0
            while done < n:
                if screen.question is None:  # the end of the interview: round again, as for review
                    for record in screen.interview.plan.interview.answers.values():
                        if record.status in ("ok", "kept_weak"):
                            record.status = "needs_review"
                    screen.post_message(JumpTo(first))
                    await pilot.pause()
                    continue
                before = screen.question.id
                editor = screen.composer.editor
                text = typed.get(before)
                key = _key_for(editor)
                if text is not None and not editor.prefill:
                    app.post_message(events.Paste(text))
                elif editor.prefill is None and not screen.question.required:
                    key = "ctrl+n"  # nothing to give for an optional question: skip it
                await pilot.pause()
                from kaizen_guide.tui.widgets.chat_log import AssistantMessage

                messages = screen.chat.query(AssistantMessage)
                last_before = messages.last() if messages else None
                clock.expect(
                    lambda b=before, lb=last_before: _next_question_shown(screen, b) or _follow_up_shown(screen, b, lb)
                )
                if busy_summary:
                    await _summary_computing(screen)
                if profiler is not None:
                    profiler.enable()
                start, start_cpu = time.perf_counter(), time.thread_time()
                # The key as the terminal driver delivers it (Pilot.press would also wait for idle).
                app._driver.send_message(events.Key(key, "\r" if key == "enter" else None))
                while clock.painted_at is None:
                    if time.perf_counter() - start > DEADLINE_S:
                        raise SystemExit(f"no reaction to {key} on {before} ({type(editor).__name__})")
                    await asyncio.sleep(0)
                if profiler is not None:
                    profiler.disable()
                elapsed = (clock.painted_at - start) * 1000
                if screen.question is not None and screen.question.id == before:
                    times["follow_up"].append(elapsed)
                    if screen.pending != before:
                        said = screen.chat.query(AssistantMessage).last().source
                        raise SystemExit(f"{before}: the answer was refused ({type(editor).__name__}): {said}")
                    await pilot.pause()
                    app._driver.send_message(events.Key("ctrl+o", None))  # keep it as it is
                    for _ in range(2000):
                        if screen.question is None or screen.question.id != before:
                            break
                        await pilot.pause(0.005)
                else:
                    times["next"].append(elapsed)
                    times["cpu"].append((clock.painted_cpu - start_cpu) * 1000)
                    shown.append(
                        f"{screen.question.id if screen.question else '(end)'} {type(screen.composer.editor).__name__}"
                    )
                    done += 1
                await pilot.pause()
            await app.workers.wait_for_complete()
            from collections import Counter

            widgets = Counter(type(w).__name__ for w in screen.walk_children())
            times["widgets"] = [float(sum(widgets.values()))]
            measure.shown = shown  # type: ignore[attr-defined]
            print("  widgets on the screen at the end:", sum(widgets.values()), dict(widgets.most_common(8)))
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=30, help="answers to time")
    parser.add_argument("--size", default="80x24", help="terminal size, e.g. 120x40")
    parser.add_argument("--plan", choices=["new", "demo", "big"], default="new")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="-",
        metavar="STATS_FILE",
        help="profile the UI thread in the timed windows (cumulative; STATS_FILE keeps the stats for pstats)",
    )
    parser.add_argument(
        "--busy-summary",
        action="store_true",
        help="each answer sent while the summary panel's figures are being recomputed (its worker thread running)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="each answer's time with the question it led to")
    args = parser.parse_args(argv)
    w, h = (int(x) for x in args.size.split("x"))
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    load = os.getloadavg()
    times = asyncio.run(measure(args.n, (w, h), args.plan, profiler, args.busy_summary))
    nxt = times["next"]
    busy = ", the summary recomputing at each Enter" if args.busy_summary else ""
    print(
        f"Enter → next question painted ({args.plan} plan, {args.size}{busy}, {len(nxt)} answers, plan saved on each):"
    )
    print(f"  load average {load[0]:.2f} → {os.getloadavg()[0]:.2f}")
    print("  each ms: " + " ".join(f"{t:.0f}" for t in nxt))
    if args.verbose:
        for t, c, what in zip(nxt, times["cpu"], measure.shown, strict=False):  # type: ignore[attr-defined]
            print(f"    {t:7.0f} ms  (UI thread {c:4.0f} ms)  → {what}")
    print(f"  mean {statistics.mean(nxt):.1f} ms   p95 {_p95(nxt):.1f} ms   max {max(nxt):.1f} ms   goal p95 ≤ 50 ms")
    cpu = times["cpu"]
    print(f"  UI thread CPU: mean {statistics.mean(cpu):.1f} ms   p95 {_p95(cpu):.1f} ms   (wall minus waiting)")
    if times["follow_up"]:
        fu = times["follow_up"]
        print(
            f"  follow-ups (weak answer → follow-up shown, then ctrl+o): {len(fu)}, mean {statistics.mean(fu):.1f} ms"
        )
    if profiler is not None:
        import pstats

        if args.profile != "-":
            profiler.dump_stats(args.profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    sys.exit(main())
