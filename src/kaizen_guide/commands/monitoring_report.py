"""`kaizen-guide export PLAN.json --monitoring 2027-06|2027Q1|2027H1|FY2027 --xlsx X --md M --html H`:
the monitoring report for the banks (monitoring.report → export.monitoring_*)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def write_monitoring_report(
    plan_path: str,
    period: str,
    *,
    xlsx: str | None = None,
    md: str | None = None,
    html: str | None = None,
    draft: bool = False,
    err: Callable[[str], None],
    out: Callable[[str], None],
) -> int:
    """Write the report; unless ``draft``, then mark its months (and the amendments it listed) as
    reported in the plan, so a later correction is kept as an amendment and shows in the next one."""
    from kaizen_guide.model.store import PlanFileError, load_plan, write_error_message
    from kaizen_guide.monitoring.fiscal import MonitoringError
    from kaizen_guide.monitoring.report import build_report

    if not (xlsx or md or html):
        err(
            "出力先を1つ以上指定してください。例: kaizen-guide export plan.json --monitoring 2027Q1 --xlsx 報告.xlsx --html 報告.html"
        )
        return EXIT_BAD_INPUT
    try:
        plan = load_plan(plan_path)
    except PlanFileError as exc:
        err(exc.full_message)
        return EXIT_BAD_INPUT
    try:
        rep = build_report(plan, period)
    except MonitoringError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    from kaizen_guide.export.monitoring_report import export_monitoring

    try:
        written = export_monitoring(rep, xlsx=xlsx, md=md, html=html)
    except OSError as exc:
        target = exc.filename or next(p for p in (xlsx, md, html) if p)
        err(write_error_message(exc, target) + " 以前に書き出したファイルはそのまま残っています。")
        return EXIT_BAD_INPUT
    out(f"{rep.title} ({rep.period.span_text}、実績 {len(rep.pc.covered)}/{len(rep.period.months)}か月)")
    for path in written:
        out(f"書き出しました: {Path(path)}")
    if rep.amendments:
        out(f"報告後の訂正 {len(rep.amendments)}件を載せました。")
    if draft:
        out("下書きとして書き出しました (報告済みの記録はしていません)。")
        return EXIT_OK
    return _mark_reported(plan_path, list(rep.pc.covered), err, out)


def _mark_reported(plan_path: str, months: list[str], err: Callable[[str], None], out: Callable[[str], None]) -> int:
    from datetime import datetime

    from kaizen_guide.monitoring.amendments import mark_reported
    from kaizen_guide.monitoring.fiscal import month_text

    from .plan_edit import EditError, edit_plan

    try:
        marked = edit_plan(plan_path, lambda plan: mark_reported(plan, months, datetime.now(UTC)))
    except EditError as exc:
        err(exc.message + " 報告書は書き出しましたが、報告済みの記録はできませんでした。")
        return EXIT_BAD_INPUT
    if marked:
        span = month_text(marked[0]) + (f"〜{month_text(marked[-1])}" if len(marked) > 1 else "")
        out(f"{span}を報告済みとして計画ファイルに記録しました (以後の訂正は次の報告に載ります)。")
    return EXIT_OK


def run(args: argparse.Namespace, err: Callable[[str], None], out: Callable[[str], None]) -> int:
    return write_monitoring_report(
        args.plan,
        args.monitoring,
        xlsx=args.xlsx,
        md=args.md,
        html=args.html,
        draft=getattr(args, "draft", False),
        err=err,
        out=out,
    )
