"""`kaizen-guide due PLAN.json... | DIR [--today YYYY-MM-DD] [--format text|json]`: reviews and reports due.

One list for one or many plans (a folder is searched for plan files), sorted by date. Exit 1 when
something is overdue (for cron), 2 when no plan could be read, else 0.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .console import ParserT

EXIT_OK = 0
EXIT_OVERDUE = 1
EXIT_BAD_INPUT = 2

_SNIFF_BYTES = 4096


@dataclass
class PlanDue:
    path: Path
    company: str = ""
    items: list[Any] = field(default_factory=list)  # monitoring.calendar.DueItem
    error: str | None = None


def plan_files(target: Path) -> list[Path]:
    """A folder's plan files (searched below it; backups, temp and hidden files skipped)."""
    if not target.is_dir():
        return [target]
    out = []
    for p in sorted(target.rglob("*.json")):
        if any(part.startswith(".") for part in p.relative_to(target).parts):
            continue
        try:
            with p.open("rb") as fh:
                head = fh.read(_SNIFF_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
        if '"schema_version"' in head:  # a plan file (other JSON in a client folder is not ours)
            out.append(p)
    return out


def collect(targets: list[str], today: date, *, upcoming: int = 1) -> list[PlanDue]:
    from kaizen_guide.model.store import PlanFileError, load_plan
    from kaizen_guide.monitoring.calendar import due_items
    from kaizen_guide.monitoring.fiscal import MonitoringError

    out: list[PlanDue] = []
    for t in targets:
        target = Path(t)
        if not target.exists():
            out.append(PlanDue(target, error=f"{target} が見つかりません。"))
            continue
        for p in plan_files(target):
            try:
                plan = load_plan(p)
                out.append(PlanDue(p, plan.company.name, due_items(plan, today, upcoming=upcoming)))
            except PlanFileError as exc:
                out.append(PlanDue(p, error=exc.full_message))
            except MonitoringError as exc:
                out.append(PlanDue(p, error=f"{p}: {exc.message}"))
    return out


def _flat(plans: list[PlanDue]) -> list[tuple[PlanDue, Any]]:
    rows = [(pd, item) for pd in plans for item in pd.items]
    return sorted(rows, key=lambda r: (r[1].due, r[0].company, str(r[0].path)))


def render_text(plans: list[PlanDue], today: date) -> str:
    from kaizen_guide.monitoring.calendar import due_text

    rows = _flat(plans)
    read = [pd for pd in plans if pd.error is None]
    lines = [f"伴走支援の予定 ({today.isoformat()} 時点・{len(read)}計画)"]
    pending = [(pd, i) for pd, i in rows if i.pending]
    if not pending:
        lines.append("期限の来ている振り返り・報告はありません。")
    for pd, item in rows:
        name = pd.company or pd.path.name
        lines.append(f"  {due_text(item, today).replace('] ', f'] {name}: ', 1)}")
    overdue = [r for r in rows if r[1].overdue]
    if overdue:
        lines.append(
            f"期限切れ: {len(overdue)}件 ({len({str(pd.path) for pd, _ in overdue})}計画)。"
            "報告を済ませたら、報告した月を記録してください (kaizen-guide reported 計画.json 2027-06 …)。"
        )
    if len(read) > 1:
        lines.append("計画ファイル:")  # (unreadable ones were said on stderr)
        lines.extend(f"  {pd.path} ({pd.company or '社名未入力'})" for pd in read)
    return "\n".join(lines)


def as_json(plans: list[PlanDue], today: date) -> dict[str, Any]:
    rows = _flat(plans)
    return {
        "today": today.isoformat(),
        "overdue": sum(1 for _, i in rows if i.overdue),
        "items": [{"path": str(pd.path), "company": pd.company, **i.as_json()} for pd, i in rows],
        "plans": [
            {"path": str(pd.path), "company": pd.company, "error": pd.error, "count": len(pd.items)} for pd in plans
        ],
    }


def run_due(
    targets: list[str],
    *,
    today: date | None = None,
    fmt: str = "text",
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> int:
    day = today or date.today()
    plans = collect(targets, day)
    if not plans:
        err(
            "計画ファイルが見つかりませんでした。計画ファイル (.json) か、計画ファイルのあるフォルダを指定してください。"
        )
        return EXIT_BAD_INPUT
    for pd in plans:
        if pd.error:
            err(pd.error)
    if fmt == "json":
        out(json.dumps(as_json(plans, day), ensure_ascii=False, indent=2))
    else:
        out(render_text(plans, day))
    if any(i.overdue for pd in plans for i in pd.items):
        return EXIT_OVERDUE
    return EXIT_BAD_INPUT if all(pd.error for pd in plans) else EXIT_OK


def add_parser(sub: argparse._SubParsersAction[ParserT]) -> None:
    p = sub.add_parser("due", help="伴走支援の振り返り・金融機関への報告の期限 (期限切れがあれば終了コード 1)")
    p.add_argument(
        "plans", nargs="+", metavar="PLAN", help="計画ファイル (.json) か、計画ファイルのあるフォルダ (複数可)"
    )
    p.add_argument("--today", default=None, metavar="YYYY-MM-DD", help="この日を今日として判定する (既定: 今日)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="出力形式")
    p.set_defaults(func=_cmd)


def _cmd(args: argparse.Namespace) -> int:
    from kaizen_guide.ja import ParseError, parse_date

    from .console import print_error as _err
    from .console import print_safe as _print

    today = None
    if args.today:
        try:
            today = parse_date(args.today)
        except (ParseError, ValueError) as exc:
            _err(f"--today「{args.today}」を日付として読めません ({exc})。例: 2027-07-25")
            return EXIT_BAD_INPUT
    return run_due(args.plans, today=today, fmt=args.format, out=_print, err=_err)
