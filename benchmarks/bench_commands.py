"""Whole-process timings of the commands, against their goals (issue 18).

Each round runs, alternately so that load drifts hit all alike:
- the yardstick ``python -c "import pydantic"``,
- ``kaizen-guide check`` on the sample and on a plan 10× its size (benchmarks/big_plan.py),
- ``kaizen-guide export`` (xlsx + md + html) on both,
- a fresh interpreter that imports the checks, then times its first ``check_text`` call,
- the floor of ``check``: a process that only loads the sample through the plan model (the pydantic
  import, the model classes, the validator's build and the validation), which every command that
  reads a plan does before any rule runs.

    python benchmarks/bench_commands.py [--runs 5]

Prints medians, the ratios the goals are stated in, and the machine's load average. Each process
gets its own empty data folder unless ``--warm-cache`` is given (then the per-user cache of the
checklist and templates, built on the first run, is reused as on a user's machine).

Before the rounds the package is byte-compiled (``compileall`` in a subprocess, with
``PYTHONDONTWRITEBYTECODE`` unset), as ``pip install .`` does for a user: an editable install in an
environment that sets that variable never gets ``.pyc`` files, and every process would compile our
sources again (~0.17 s), which no user pays. ``--no-compile`` skips it (to measure that cost).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_CHECK = (
    "import time, kaizen_guide.checks.text\n"
    "from kaizen_guide.checks import check_text\n"
    "t = time.perf_counter(); check_text('issue', 'コロナで売上が減少した。')\n"
    "print(time.perf_counter() - t)\n"
)
LOAD_ONLY = "import sys\nfrom kaizen_guide.model import load_plan\nload_plan(sys.argv[1])\n"


def _run(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - t
    if res.returncode not in (0, 1):  # check exits 1 when it has findings
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}):\n{res.stderr}")
    return took


def byte_compile() -> Path:
    """Write the package's ``.pyc`` files as an installer would; returns the folder compiled.

    The report templates' compiled modules (templates/compiled) are inside the package of a wheel,
    so pip byte-compiles them too; in a source checkout they are beside it."""
    import kaizen_guide
    from kaizen_guide.locations import templates_dir

    pkg = Path(kaizen_guide.__file__).resolve().parent
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    folders = [str(pkg), str(templates_dir() / "compiled")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=env, check=True)
    return pkg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm-cache", action="store_true")
    parser.add_argument("--no-compile", action="store_true", help="do not byte-compile the package first")
    args = parser.parse_args(argv)
    compiled = "not byte-compiled (--no-compile)" if args.no_compile else f"byte-compiled {byte_compile()}"
    py = sys.executable
    kg = [py, "-m", "kaizen_guide"]
    load_before = os.getloadavg()
    t: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        sample, big = tmp / "sample.json", tmp / "big.json"
        sys.path.insert(0, str(HERE))
        from big_plan import build_big_plan
        from kaizen_guide.model import save_plan
        from kaizen_guide.sample import build_sample_plan

        save_plan(build_sample_plan(monitoring=True), sample, backup=False)
        save_plan(build_big_plan(), big, backup=False)
        for r in range(args.runs):
            env = dict(os.environ, KAIZEN_GUIDE_DATA_DIR=str(tmp / f"data-{r}"))
            env["KAIZEN_GUIDE_CACHE_DIR"] = str(tmp / ("cache" if args.warm_cache else f"cache-{r}"))
            steps = {
                "import pydantic": [py, "-c", "import pydantic"],
                "plan model floor": [py, "-c", LOAD_ONLY, str(sample)],
                "check sample": [*kg, "check", str(sample)],
                "check 10x": [*kg, "check", str(big)],
                "export sample": [
                    *kg,
                    "export",
                    str(sample),
                    "--xlsx",
                    str(tmp / "s.xlsx"),
                    "--md",
                    str(tmp / "s.md"),
                    "--html",
                    str(tmp / "s.html"),
                ],
                "export 10x": [
                    *kg,
                    "export",
                    str(big),
                    "--xlsx",
                    str(tmp / "b.xlsx"),
                    "--md",
                    str(tmp / "b.md"),
                    "--html",
                    str(tmp / "b.html"),
                ],
            }
            for name, cmd in steps.items():
                t.setdefault(name, []).append(_run(cmd, env))
            out = subprocess.run([py, "-c", FIRST_CHECK], env=env, capture_output=True, text=True, check=True)
            t.setdefault("first check_text", []).append(float(out.stdout.strip()))
    load_after = os.getloadavg()
    med = {k: statistics.median(v) for k, v in t.items()}
    print(
        f"commands, {args.runs} rounds ({'warm' if args.warm_cache else 'cold'} per-user cache); load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after ({os.cpu_count()} cores)"
    )
    print(f"  package {compiled}")
    for k, v in t.items():
        print(f"  {k:17} median {med[k]:.3f} s   " + " ".join(f"{x:.2f}" for x in v))
    goals = [
        ("check sample ÷ import pydantic", med["check sample"] / med["import pydantic"], 2.0),
        ("export sample (s)", med["export sample"], 1.0),
        ("first check_text (s)", med["first check_text"], 0.150),
        ("check 10x ÷ check sample", med["check 10x"] / med["check sample"], 2.0),
        ("export 10x ÷ export sample", med["export 10x"] / med["export sample"], 2.0),
    ]
    for name, value, goal in goals:
        print(f"  {name:31} {value:6.2f}  (goal ≤ {goal}: {'meets' if value <= goal else 'misses'})")
    floor = med["plan model floor"] / med["import pydantic"]
    print(f"  {'floor (plan only) ÷ pydantic':31} {floor:6.2f}  (loading the plan alone, before any rule)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
