"""Benchmark of the actuals import: ``read_actuals`` on a 12-month, 300-account export.

    python benchmarks/bench_imports.py [--runs 20]

Cases: a CP932 CSV (弥生/TKC-like, 円, 300 account rows incl. subtotal columns) and the same
table as .xlsx (openpyxl read-only). Each run reads the file from disk, detects the encoding and
layout, maps every account and converts to 千円. The first run of each case is reported apart
(it includes the lazy imports: the synonym table, openpyxl for .xlsx).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kaizen_guide.imports import read_actuals
from kaizen_guide.sample import build_sample_plan

MONTHS = [f"{2027 + (k + 3) // 12}年{(k + 3) % 12 + 1}月" for k in range(12)]


def table_rows(n_accounts: int = 300) -> list[list[object]]:
    rnd = random.Random(1)
    rows: list[list[object]] = [
        ["月次推移表"],
        ["株式会社ベンチ"],
        ["税抜"],
        ["(単位:円)"],
        ["コード", "勘定科目", *MONTHS[:6], "上半期合計", *MONTHS[6:], "下半期合計", "合計"],
    ]
    known = [
        "売上高",
        "仕入高",
        "役員報酬",
        "給料手当",
        "法定福利費",
        "地代家賃",
        "支払利息",
        "受取利息",
        "普通預金",
        "長期借入金",
    ]
    rows.append(["", "販売費及び一般管理費"])
    for i in range(n_accounts):
        name = known[i] if i < len(known) else f"経費{i:03d}"
        vals = [rnd.randint(0, 5_000_000) for _ in range(12)]
        rows.append([f"{i + 1000}", name, *vals[:6], sum(vals[:6]), *vals[6:], sum(vals[6:]), sum(vals)])
    return rows


def write_csv(path: Path, rows) -> Path:
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(
        [[f"{c:,}" if isinstance(c, int) else c for c in r] for r in rows]
    )
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


def write_xlsx(path: Path, rows) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args(argv)
    plan = build_sample_plan()
    # The generated 経費NNN accounts sit in the 販管費 section: map them so the run is complete.
    plan.actuals_import.account_mapping = {f"経費{i:03d}": "sga" for i in range(300)}
    rows = table_rows()
    with tempfile.TemporaryDirectory() as d:
        for label, path in (
            ("CSV (CP932)", write_csv(Path(d) / "b.csv", rows)),
            ("XLSX", write_xlsx(Path(d) / "b.xlsx", rows)),
        ):
            t0 = time.perf_counter()
            result = read_actuals(path, plan)
            first = time.perf_counter() - t0
            assert result.complete and len(result.months) == 12, result.unknown_accounts[:3]
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                read_actuals(path, plan)
                times.append(time.perf_counter() - t0)
            print(
                f"{label}: 12 months x 300 accounts, first {first * 1000:.0f} ms, "
                f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
                f"({args.runs} runs, {path.stat().st_size // 1024} KiB)"
            )
    t0 = time.perf_counter()
    import charset_normalizer  # noqa: F401  (only for files that are neither UTF-8 nor CP932)

    print(f"charset_normalizer import: {(time.perf_counter() - t0) * 1000:.0f} ms (lazy)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
