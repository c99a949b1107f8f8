"""The long fault and hostile-input campaign of issue 11 (the CI suite is tests/reliability/).

    python benchmarks/reliability_campaign.py [--kills 200] [--locks 20] [--fuzz 20000] [--seed 11]

Prints, per part, trials and failures:
  kills      SIGKILL at a random moment of an interview (after the k-th acknowledged answer):
             acknowledged answers lost, plans that no longer load, stale locks, temp files left
  malformed  every malformed plan file × check / export / interview --answers
  injection  a hostile payload in every bank text field → xlsx (every XML part parsed), md, html
  lock       a second writer (headless) while a holder process has the plan: must exit 2, file intact
  timing     every check and parser on 10,000-character adversarial strings (max ms, CPU)
  fuzz       random short inputs to every ja parser: anything but ParseError is a failure
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "reliability"))

import reliability_helpers as rh  # noqa: E402


def kills(n: int, rng: random.Random) -> None:
    results = []
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            folder = Path(tmp) / f"t{i}"
            folder.mkdir()
            results.append(rh.kill_trial(folder, rng, jitter_s=0.03))
            if (i + 1) % 20 == 0:
                print(f"  … {i + 1}/{n} kills", flush=True)
    failed = [r for r in results if rh.trial_failed(r)]
    acked = sum(r["acked"] for r in results)
    lost = sum(len(r["lost"]) for r in results)
    temps = sum(1 for r in results if r["temps_before_open"])
    print(
        f"kills      trials {n}, failures {len(failed)}; acknowledged answers {acked}, lost {lost}; "
        f"plans unreadable {sum(1 for r in results if r['load_error'])}; "
        f"reopen refused {sum(1 for r in results if r['reopen_error'])}; "
        f"kills that left a temp file {temps}, left after the next open "
        f"{sum(1 for r in results if r['temps_after_open'])} ({time.monotonic() - t0:.0f} s)"
    )
    for r in failed[:5]:
        print(f"           failed: {r}")


def malformed() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        runs, failures = rh.malformed_failures(Path(tmp))
    print(f"malformed  runs {runs} ({len(rh.COMMANDS)} commands), failures {len(failures)}")
    for f in failures[:5]:
        print(f"           {f}")


def injection() -> None:
    import re
    import zipfile
    from xml.etree import ElementTree

    from openpyxl import load_workbook

    from kaizen_guide.export import export_all

    plan, fields = rh.inject_every_bank_text_field()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        out = {k: Path(tmp) / f"plan.{k}" for k in ("xlsx", "md", "html")}
        export_all(plan, xlsx=out["xlsx"], md=out["md"], html=out["html"])
        parts = 0
        with zipfile.ZipFile(out["xlsx"]) as z:
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    parts += 1
                    try:
                        ElementTree.fromstring(z.read(name))
                    except ElementTree.ParseError as exc:
                        failures.append(f"xlsx part {name}: {exc}")
        wb = load_workbook(out["xlsx"])
        cells = formulas = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and "KZINJ" in c.value:
                        cells += 1
                        if c.data_type != "s":
                            formulas += 1
        md = out["md"].read_text(encoding="utf-8")
        page = out["html"].read_text(encoding="utf-8")
        if "<script" in md or re.search(r"(?<!\\)\]\(javascript:", md) or re.search(r"^\s*# 見出し", md, re.M):
            failures.append("markdown passes markup")
        if "<script>alert" in page:
            failures.append("html passes <script>")
        if "{{7*7}}" not in md or "{{7*7}}" not in page:
            failures.append("template syntax not printed as typed")
    print(
        f"injection  fields {len(fields)} (from the banks, every row), payload cells in the workbook {cells}, "
        f"formulas from text {formulas}, XML parts {parts}, failures {len(failures) + formulas}"
    )
    for f in failures[:5]:
        print(f"           {f}")


def lock(n: int) -> None:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = folder / "plan.json"
        from kaizen_guide.model import save_plan
        from kaizen_guide.sample import build_sample_plan

        save_plan(build_sample_plan(), plan)
        answers = rh.write_answers_file(folder)
        for _ in range(n):
            holder = rh.Holder(plan)
            before = plan.read_bytes()
            r = rh.cli("interview", str(plan), "--answers", str(answers), "--wait", "0.2")
            if r.returncode != 2 or plan.read_bytes() != before or "編集中" not in r.stdout + r.stderr:
                failures += 1
            holder.close()
    print(f"lock       two-writer trials {n}, failures {failures}")


def timing() -> None:
    import test_adversarial_timing as t

    from kaizen_guide.checks import check_text
    from kaizen_guide.checks.rules import STAGES

    worst = (0.0, "")
    over = 0
    for stage in STAGES:
        check_text(stage, "準備")
        for name, text in t.CASES.items():
            ms = t._best_of(lambda s: check_text(stage, s), text) * 1000  # noqa: SLF001
            over += ms >= t.BUDGET_S * 1000
            worst = max(worst, (ms, f"check {stage} × {name}"))
    for parser in t.PARSERS:
        for name, text in t.CASES.items():
            ms = t._best_of(parser, text) * 1000  # noqa: SLF001
            over += ms >= t.BUDGET_S * 1000
            worst = max(worst, (ms, f"{parser.__name__} × {name}"))
    runs = len(STAGES) * len(t.CASES) + len(t.PARSERS) * len(t.CASES)
    print(f"timing     runs {runs} (10,000 chars), over 50 ms {over}, slowest {worst[0]:.1f} ms CPU ({worst[1]})")


def fuzz(n: int, rng: random.Random) -> None:
    from kaizen_guide import ja

    alphabet = (
        string.digits
        + "０１２３４５６７８９,.、。-+▲△()%％万億千百十円年月日令和平成RHS/ 　はいいえ"
        + string.ascii_letters
    )
    parsers = [
        ja.parse_amount,
        ja.parse_percent,
        ja.parse_decimal,
        ja.parse_int,
        ja.parse_month,
        ja.parse_date,
        ja.parse_yes_no,
        ja.parse_fiscal_month,
    ]
    failures = []
    for _ in range(n):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        for p in parsers:
            try:
                p(text)
            except ja.ParseError:
                pass
            except Exception as exc:  # noqa: BLE001 - anything else would be a traceback for the user
                failures.append(f"{p.__name__}({text!r}): {type(exc).__name__}: {exc}")
    print(f"fuzz       parser calls {n * len(parsers)}, failures {len(failures)}")
    for f in failures[:5]:
        print(f"           {f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--locks", type=int, default=20)
    ap.add_argument("--fuzz", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.monotonic()
    malformed()
    injection()
    lock(args.locks)
    timing()
    fuzz(args.fuzz, rng)
    kills(args.kills, rng)
    print(f"total {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
