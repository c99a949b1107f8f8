"""`kaizen-guide reported PLAN.json 2027-04 2027-05 2027-06 [--at YYYY-MM-DD]`: months reported to the banks.

Marks the months' records as reported (``monitoring.amendments.mark_reported``), so the due calendar
counts them done and later corrections are kept as amendments; the amendments it reported are listed.
The monitoring report's export does the same when it writes a report.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime, time

from .console import ParserT

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def run_reported(
    path: str,
    months: list[str],
    *,
    at: date | None = None,
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> int:
    from kaizen_guide.ja import ParseError, parse_month
    from kaizen_guide.model.plan import Plan
    from kaizen_guide.monitoring.amendments import amendments_since_last_report, mark_reported
    from kaizen_guide.monitoring.fiscal import month_text

    from .plan_edit import EditError, edit_plan

    wanted = []
    for text in months:
        try:
            wanted.append(parse_month(text))
        except ParseError as exc:
            err(f"「{text}」を年月として読めません ({exc})。例: 2027-06")
            return EXIT_BAD_INPUT
    stamp = datetime.combine(at, time(12, 0)).astimezone(UTC) if at is not None else datetime.now(UTC)

    def change(plan: Plan) -> tuple[list[str], list[str]]:
        recorded = {r.month for r in plan.monitoring}
        missing = [m for m in wanted if m not in recorded]
        if missing:
            raise _Refused(
                "、".join(month_text(m) for m in missing) + "のモニタリング記録がありません。"
                "振り返り (kaizen-guide monitor) を済ませてから記録してください。"
            )
        amended = [a.text() for a in amendments_since_last_report(plan)]
        return mark_reported(plan, wanted, stamp), amended

    try:
        marked, amended = edit_plan(path, change)
    except _Refused as exc:
        err(exc.message + " 計画ファイルは変更していません。")
        return EXIT_BAD_INPUT
    except EditError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    out(
        "金融機関に報告した月として記録しました: "
        + "、".join(month_text(m) for m in marked)
        + f" ({stamp.astimezone():%Y-%m-%d})"
    )
    if amended:
        out("この報告に含めた、報告済みの月の訂正:")
        out("\n".join(f"  {line}" for line in amended))
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction[ParserT]) -> None:
    p = sub.add_parser(
        "reported", help="モニタリングの月を金融機関に報告済みとして記録する (期限の管理と報告後の訂正のため)"
    )
    p.add_argument("plan", help="計画ファイル (.json)")
    p.add_argument("months", nargs="+", metavar="YYYY-MM", help="報告した月 (複数可。例: 2027-04 2027-05 2027-06)")
    p.add_argument("--at", default=None, metavar="YYYY-MM-DD", help="報告した日 (既定: 今日)")
    p.set_defaults(func=_cmd)


def _cmd(args: argparse.Namespace) -> int:
    from kaizen_guide.ja import ParseError, parse_date

    from .console import print_error as _err
    from .console import print_safe as _print

    at = None
    if args.at:
        try:
            at = parse_date(args.at)
        except ParseError as exc:
            _err(f"--at「{args.at}」を日付として読めません ({exc})。例: 2027-07-15")
            return EXIT_BAD_INPUT
    return run_reported(args.plan, args.months, at=at, out=_print, err=_err)
