"""`kaizen-guide portfolio DIR`: every plan under a folder at a glance (TUI, or --format text|json|csv).

Headless output is for cron and scripts: exit 1 when anything is overdue (monitoring/calendar.py,
as `due`), else 0; plans that fail to load are listed with the reason."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

from ..portfolio.cache import list_folder
from ..portfolio.columns import columns

Out = Callable[[str], None]


def run_portfolio(args: argparse.Namespace, out: Out, err: Out) -> int:
    folder = Path(args.dir).expanduser()
    if not folder.is_dir():
        err(f"{folder} はフォルダではありません。計画ファイルのあるフォルダを指定してください。")
        return 2
    if args.format is None and sys.stdout.isatty():
        from ..tui.app import run

        return run(portfolio=folder, advisor=args.advisor)
    today = None
    if getattr(args, "today", None):
        from ..ja import ParseError, parse_date

        try:
            today = parse_date(args.today)
        except (ParseError, ValueError) as exc:
            err(f"--today「{args.today}」を日付として読めません ({exc})。例: 2027-07-25")
            return 2
    fmt = args.format or "text"
    on_terminal = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if on_terminal and (done == total or done % 50 == 0):
            end = "\n" if done == total else ""
            print(f"\r計画を読み込んでいます {done}/{total}", end=end, file=sys.stderr, flush=True)

    listing = list_folder(folder, progress=progress, today=today)
    cols = columns(folder)
    if fmt == "json":
        out(
            json.dumps(
                {
                    "folder": str(folder),
                    "plans": [{**s.as_json(), "file": cols[0].text(s)} for s in listing.summaries],
                    "summary": {
                        "plans": len(listing.summaries),
                        "unreadable": sum(bool(s.error) for s in listing.summaries),
                        "overdue": sum(s.overdue for s in listing.summaries),
                        "from_cache": len(listing.summaries) - listing.computed,
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([c.header for c in cols])
        for s in listing.summaries:
            writer.writerow([c.text(s) for c in cols])
        out("\ufeff" + buf.getvalue().rstrip("\n"))  # BOM: Excel opens Japanese CSV as UTF-8
    else:
        lines = [f"{folder} の計画 {len(listing.summaries)}件"]
        for s in listing.summaries:
            cells = [f"{c.header} {c.text(s)}" for c in cols[1:] if c.text(s)]
            lines.append(f"- {cols[0].text(s)}: " + " / ".join(cells))
        out("\n".join(lines))
    return 1 if any(s.overdue for s in listing.summaries) else 0
