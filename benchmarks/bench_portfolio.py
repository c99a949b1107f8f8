"""The portfolio on a practice of 1,000 plans: first open (every plan summarised) and second open
(every summary from the per-user cache), headless and in the TUI.

The plans are made from the sample company as the interview leaves it (answers recorded) and
varied: name, 業種, how many months were reported (0-3) and how they went (売上 50-130% of the
actuals), some sections left unanswered, and 1 in 100 files broken. Ten subfolders of 100.

    python benchmarks/bench_portfolio.py [--plans 1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INDUSTRIES = ["飲食業", "製造業 (金属加工)", "建設業", "小売業", "卸売業", "運送業", "宿泊業", "介護", "印刷業", "農業"]


def make_practice(root: Path, n: int, seed: int = 19) -> None:
    from kaizen_guide.engine import Interview
    from kaizen_guide.model import save_plan
    from kaizen_guide.model.plan import Plan
    from kaizen_guide.sample import build_sample_plan

    base = Interview.from_plan(build_sample_plan(monitoring=True), None, autosave=False).plan.model_dump_json()
    sections = sorted({qid.split(".", 1)[0] for qid in Plan.model_validate_json(base).interview.answers})
    rnd = random.Random(seed)
    for i in range(n):
        folder = root / f"group{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"client{i:04d}.json"
        if i % 100 == 99:
            path.write_text('{"schema_version": 2, "company": {', encoding="utf-8")  # cut off mid-write
            continue
        plan = Plan.model_validate_json(base)
        plan.company.name = f"株式会社テスト{i:04d}"
        plan.company.industry = INDUSTRIES[i % len(INDUSTRIES)]
        months = rnd.randint(0, 3)
        plan.monitoring = plan.monitoring[:months]
        factor = rnd.uniform(0.5, 1.3)
        for rec in plan.monitoring:
            if "sales" in rec.actuals:
                rec.actuals["sales"] = int(rec.actuals["sales"] * factor)
        for gone in rnd.sample(sections, rnd.choice([0, 0, 1, 3])):
            plan.interview.answers = {k: v for k, v in plan.interview.answers.items() if not k.startswith(gone + ".")}
        save_plan(plan, path, backup=False)


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


async def tui_open(root: Path, n: int) -> float:
    from textual.widgets import DataTable

    from kaizen_guide.tui.app import KaizenApp
    from kaizen_guide.tui.screens.portfolio import PortfolioScreen

    app = KaizenApp(portfolio=root)
    t = time.perf_counter()
    async with app.run_test(size=(160, 40)) as pilot:
        deadline = time.monotonic() + 120
        while True:
            screen = app.screen
            if isinstance(screen, PortfolioScreen) and screen.query_one(DataTable).row_count == n:
                break
            assert time.monotonic() < deadline, "the portfolio never listed every plan"
            await pilot.pause(0.01)
        return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for the first open")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KAIZEN_GUIDE_DATA_DIR"] = str(Path(tmp) / "userdata")  # a cache of its own
        root = Path(tmp) / "practice"
        gen, _ = timed(lambda: make_practice(root, args.plans))
        print(
            f"generated {args.plans} plans in {gen:.1f} s ({sum(f.stat().st_size for f in root.rglob('*.json')) / 1e6:.0f} MB)"
        )

        from kaizen_guide.portfolio.cache import cache_path, list_folder

        first, listing = timed(lambda: list_folder(root, jobs=args.jobs))
        broken = sum(bool(s.error) for s in listing.summaries)
        print(
            f"first open  (every plan summarised, {listing.computed} files): {first:.2f} s "
            f"= {first / max(1, listing.computed) * 1000:.0f} ms/plan; {broken} broken listed"
        )
        second, listing = timed(lambda: list_folder(root))
        print(f"second open (cache, {len(listing.summaries) - listing.computed} from cache): {second:.3f} s")
        print(f"cache file: {cache_path().stat().st_size / 1e6:.2f} MB")
        for path in sorted(root.rglob("client00[0-9]*.json"))[:10]:
            os.utime(path)  # 10 plans touched since the last open
        touched, listing = timed(lambda: list_folder(root))
        print(f"open after 10 plans changed ({listing.computed} summarised again): {touched:.2f} s")
        tui = asyncio.run(tui_open(root, args.plans))
        print(f"TUI second open (start to {args.plans} rows in the table): {tui:.2f} s")
        env = dict(os.environ)
        cli, _ = timed(
            lambda: subprocess.run(
                [sys.executable, "-m", "kaizen_guide", "portfolio", str(root), "--format", "json"],
                env=env,
                capture_output=True,
                check=True,
            )
        )
        print(f"`kaizen-guide portfolio DIR --format json` second open, whole process: {cli:.2f} s")


if __name__ == "__main__":
    main()
