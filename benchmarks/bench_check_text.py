"""Benchmark the weak-answer text checks.

    /work/venv/bin/python benchmarks/bench_check_text.py [--rounds 50]

Prints
* cold start (fresh interpreter): `import kaizen_guide.checks`, then the first check_text() call, which
  loads and compiles question_banks/checklist.yaml (measured in a subprocess, best of 3);
* warm: mean / p50 / p95 / max microseconds per answer over every labelled answer (the shared dev set
  and tests/checks/data/labelled_extra.yaml), each checked `--rounds` times.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "eval" / "weak_answers_dev.yaml",
    ROOT / "tests" / "checks" / "data" / "labelled_extra.yaml",
    ROOT / "tests" / "checks" / "data" / "labelled_rounds.yaml",
]

COLD = r"""
import time
t0 = time.perf_counter()
import kaizen_guide.checks as checks
t1 = time.perf_counter()
checks.check_text("issue", "コロナ禍で来店客数が減った。")
t2 = time.perf_counter()
checks.check_text("issue", "原価管理の仕組みがない。")
t3 = time.perf_counter()
from kaizen_guide.ja import morph
print(f"# morphological analyser (SudachiPy + sudachidict_core) load: {morph.load_seconds() * 1e3:.1f} ms", file=__import__("sys").stderr)
print(f"{(t1 - t0) * 1e3:.3f} {(t2 - t1) * 1e3:.3f} {(t3 - t2) * 1e6:.1f}")
"""


def cold_start(repeats: int = 3) -> tuple[float, float, float]:
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", COLD], check=True, capture_output=True, text=True).stdout
        runs.append(tuple(float(x) for x in out.split()))
    return min(runs, key=lambda r: r[0] + r[1])


def answers() -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for path in SOURCES:
        if path.is_file():
            items += [(it["stage"], it["text"]) for it in yaml.safe_load(path.read_text(encoding="utf-8"))]
        else:
            print(f"(skipping missing {path})")
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=50, help="times each answer is checked (default 50)")
    args = ap.parse_args()

    imp_ms, first_ms, second_us = cold_start()
    print(f"cold: import kaizen_guide.checks       {imp_ms:8.2f} ms")
    print(f"cold: first check_text (load+compile) {first_ms:8.2f} ms")
    print(f"cold: second check_text               {second_us:8.1f} µs")

    from kaizen_guide.checks import check_text

    items = answers()
    for stage, text in items:  # warm up caches
        check_text(stage, text)
    per_answer: list[float] = []
    flagged = 0
    for _ in range(args.rounds):
        for stage, text in items:
            t0 = time.perf_counter_ns()
            findings = check_text(stage, text)
            per_answer.append((time.perf_counter_ns() - t0) / 1e3)
            flagged += any(f.severity in ("error", "warning") for f in findings)
    per_answer.sort()
    p = lambda q: per_answer[min(len(per_answer) - 1, int(q * len(per_answer)))]  # noqa: E731
    print(
        f"warm: {len(items)} answers x {args.rounds} rounds = {len(per_answer)} checks; "
        f"mean {statistics.fmean(per_answer):.1f} µs, p50 {p(0.50):.1f} µs, p95 {p(0.95):.1f} µs, "
        f"max {per_answer[-1]:.1f} µs per answer"
    )
    by_stage: dict[str, list[float]] = {}
    for _ in range(3):
        for stage, text in items:
            t0 = time.perf_counter_ns()
            check_text(stage, text)
            by_stage.setdefault(stage, []).append((time.perf_counter_ns() - t0) / 1e3)
    for stage, xs in by_stage.items():
        xs.sort()
        print(f"      {stage:<18} mean {statistics.fmean(xs):7.1f} µs   p95 {xs[int(0.95 * (len(xs) - 1))]:7.1f} µs")
    bench_check_plan()


def bench_check_plan(runs: int = 20) -> None:
    """The full `check` of the sample plan: structure, numbers (finance engine) and text rules."""
    from kaizen_guide.checks import check_plan
    from kaizen_guide.sample import build_sample_plan

    plan = build_sample_plan()
    t0 = time.perf_counter()
    n = len(check_plan(plan))
    first = (time.perf_counter() - t0) * 1e3
    xs = []
    for _ in range(runs):
        t0 = time.perf_counter()
        check_plan(plan)
        xs.append((time.perf_counter() - t0) * 1e3)
    print(
        f"full check_plan (sample, {n} findings): first {first:.1f} ms, "
        f"warm mean {statistics.fmean(xs):.1f} ms, max {max(xs):.1f} ms over {runs} runs"
    )


if __name__ == "__main__":
    main()
