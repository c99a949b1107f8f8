"""`kaizen-guide freeze PLAN.json --note "…"`: freeze the plan as a version (当初計画 / 修正計画)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime

from .console import ParserT

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run_freeze(
    path: str,
    *,
    note: str,
    given_by: str = "advisor",
    effective_from: str | None = None,
    at: datetime | None = None,
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> int:
    from kaizen_guide.ja import ParseError, parse_month
    from kaizen_guide.model.versions import VersionError, freeze, freeze_message

    from .plan_edit import EditError, edit_plan

    if not note.strip():
        err('--note に、確定の理由や提出先を書いてください。例: --note "ひまわり銀行に提出 (当初計画)"')
        return EXIT_BAD_INPUT
    month = None
    if effective_from:
        try:
            month = parse_month(effective_from)
        except ParseError as exc:
            err(f"--effective「{effective_from}」を年月として読めません ({exc})。例: 2027-10")
            return EXIT_BAD_INPUT
    stamp = at or datetime.now(UTC)
    try:
        version = edit_plan(
            path,
            lambda plan: freeze(
                plan,
                note=note,
                by=given_by,  # type: ignore[arg-type]
                at=stamp,
                effective_from=month,
            ),
        )
    except VersionError as exc:
        err(exc.message + " 計画ファイルは変更していません。")
        return EXIT_BAD_INPUT
    except EditError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    out(freeze_message(version))
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction[ParserT]) -> None:
    p = sub.add_parser("freeze", help="計画を版として確定する (金融機関に提出した当初計画・修正計画)")
    p.add_argument("plan", help="計画ファイル (.json)")
    p.add_argument("--note", required=True, help='確定の理由や提出先 (例: "ひまわり銀行に提出")')
    p.add_argument(
        "--effective",
        metavar="YYYY-MM",
        default=None,
        help="この版で比較を始める月 (省略時: 第1版は計画の最初から、修正計画は記録済みの月の次の月から)",
    )
    p.add_argument("--owner", action="store_true", help="確定した人を経営者として記録する (既定は支援者)")
    p.set_defaults(func=_cmd)


def _cmd(args: argparse.Namespace) -> int:
    from .console import print_error as _err
    from .console import print_safe as _print

    return run_freeze(
        args.plan,
        note=args.note,
        given_by="owner" if args.owner else "advisor",
        effective_from=args.effective,
        out=_print,
        err=_err,
    )
