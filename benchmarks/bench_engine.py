"""Time the interview engine per answer (parse + store + save + checks) on the sample company.

    /work/venv/bin/python benchmarks/bench_engine.py [--rounds N]

Replays the sample company's answers (plan_to_answers(build_sample_plan())) through a fresh
Interview in a temporary folder, N rounds, and prints mean / p50 / p95 / max per answer, with and
without the atomic save, plus the time to load and validate the question banks.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def _line(name: str, ms: list[float]) -> str:
    return (
        f"{name:<34} n={len(ms):<4} mean {statistics.mean(ms):7.2f} ms   p50 {statistics.median(ms):7.2f}"
        f"   p95 {_pct(ms, 95):7.2f}   max {max(ms):7.2f}"
    )


def replay(bank, answers: dict, directory: Path, *, autosave: bool) -> list[float]:
    from kaizen_guide.engine import Interview

    iv = Interview.open(directory / "plan.json", bank=bank, autosave=autosave, given_by="advisor")
    times = []
    for q in bank.questions:
        if q.id not in answers:
            continue
        t0 = time.perf_counter()
        res = iv.answer(q.id, answers[q.id])
        times.append((time.perf_counter() - t0) * 1000)
        assert res.accepted, res.error
        if res.follow_up:
            iv.keep_as_is(q.id)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from kaizen_guide.banks import load_bank
    from kaizen_guide.engine import plan_to_answers
    from kaizen_guide.sample import build_sample_plan

    import_ms = (time.perf_counter() - t0) * 1000

    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        bank = load_bank(use_cache=False)
        loads.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    load_bank()
    load_bank()
    cached_ms = (time.perf_counter() - t0) * 1000 / 2

    answers = plan_to_answers(build_sample_plan(), bank)

    # One-time start-up of the text checks (their checklist and regexes), outside the timings.
    t0 = time.perf_counter()
    try:
        from kaizen_guide.checks import check_text

        check_text("issue", "ウォームアップ")
    except ImportError:
        pass
    checks_warmup_ms = (time.perf_counter() - t0) * 1000

    with_save: list[float] = []
    without_save: list[float] = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as d:
            with_save += replay(bank, answers, Path(d), autosave=True)
        with tempfile.TemporaryDirectory() as d:
            without_save += replay(bank, answers, Path(d), autosave=False)

    print(f"kaizen-guide engine benchmark — sample company, {len(answers)} answers × {args.rounds} rounds")
    print(f"{'import engine + banks + sample':<34} {import_ms:7.1f} ms")
    print(f"{'bank load + validate (uncached)':<34} mean {statistics.mean(loads):7.1f} ms   min {min(loads):7.1f} ms")
    print(f"{'bank load (cached)':<34} {cached_ms:7.3f} ms")
    print(f"{'text checks start-up (one-time)':<34} {checks_warmup_ms:7.1f} ms")
    print(_line("answer: parse+store+checks+save", with_save))
    print(_line("answer: parse+store+checks (no save)", without_save))
    print(f"{'whole sample interview (with save)':<34} {sum(with_save) / args.rounds:7.1f} ms")


if __name__ == "__main__":
    main()
