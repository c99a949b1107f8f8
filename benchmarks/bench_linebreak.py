"""Japanese line breaking: the cost of BudouX on the first Japanese text, and per wrap after.

    python benchmarks/bench_linebreak.py

Each figure of the first call is measured in a fresh interpreter (the import is lazy: the app
pays it on the first text with Japanese in it, not at start-up).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

FIRST = """
import time
t0 = time.perf_counter()
import kaizen_guide.ja.linebreak as lb
t1 = time.perf_counter()
lb.divide_line("会社の正式な名前(商号)を教えてください。計画書の表紙に載せます。", 30)
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.2f} {(t2 - t1) * 1000:.2f}")
"""


def main() -> None:
    runs = [
        subprocess.run([sys.executable, "-c", FIRST], capture_output=True, text=True, check=True).stdout.split()
        for _ in range(5)
    ]
    mod = [float(a) for a, _ in runs]
    first = [float(b) for _, b in runs]
    print(f"import kaizen_guide.ja.linebreak: median {statistics.median(mod):.1f} ms (BudouX not imported yet)")
    print(
        f"first Japanese wrap (imports BudouX, loads its model): median {statistics.median(first):.1f} ms, "
        f"min {min(first):.1f} ms"
    )

    from kaizen_guide.banks import load_bank
    from kaizen_guide.ja import linebreak

    texts = [q.help for q in load_bank().questions if q.help]
    linebreak.divide_line(texts[0], 60)
    linebreak.phrases.cache_clear()
    t = time.perf_counter()
    for text in texts:
        linebreak.divide_line(text, 60)
    cold = (time.perf_counter() - t) / len(texts)
    t = time.perf_counter()
    for text in texts:
        linebreak.divide_line(text, 60)
    warm = (time.perf_counter() - t) / len(texts)
    print(f"wrap one help text ({len(texts)} texts): {cold * 1000:.3f} ms uncached, {warm * 1000:.3f} ms cached")


if __name__ == "__main__":
    main()
