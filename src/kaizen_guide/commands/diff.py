"""`kaizen-guide diff PLAN.json [--from V1] [--to V2 | --against OTHER.json] [--format text|json]`: what changed."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kaizen_guide.model.plan import Plan

from .console import ParserT

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_WORKING = {"working", "作業中", "現在", "w"}


def parse_version(text: str | None) -> int | None:
    """「2」「V2」「v2」「第2版」 → 2; 「working」「作業中」 → None (the working plan). ValueError otherwise."""
    if text is None:
        return None
    from kaizen_guide.ja import normalize

    t = normalize(text).strip().lower()
    if t in _WORKING:
        return None
    m = re.fullmatch(r"(?:v|第)?(\d{1,4})(?:版)?", t)
    if not m or int(m.group(1)) < 1:
        raise ValueError(text)
    return int(m.group(1))


def run_diff(
    path: str,
    *,
    old: str | None = None,
    new: str | None = None,
    against: str | None = None,
    fmt: str = "text",
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> int:
    from kaizen_guide.model.store import PlanFileError, load_plan
    from kaizen_guide.model.versions import VersionError, find_version, version_plan
    from kaizen_guide.monitoring.plan_diff import Side, diff_plans

    try:
        plan = load_plan(path)
    except PlanFileError as exc:
        err(exc.full_message)
        return EXIT_BAD_INPUT
    if against is not None:
        return _diff_files(against, path, plan, fmt=fmt, out=out, err=err)
    try:
        n_old, n_new = parse_version(old), parse_version(new)
    except ValueError as exc:
        err(f"版「{exc}」を読めません。版の番号 (例: 1 / V2 / 第2版) か working (作業中の計画) を指定してください。")
        return EXIT_BAD_INPUT
    if not plan.versions:
        err(
            "この計画にはまだ確定した版がないため、比べられません。"
            '`kaizen-guide freeze 計画.json --note "…"` で当初計画として確定してください。'
        )
        return EXIT_BAD_INPUT
    if old is None:
        # Default: the latest version against the working plan; with only --to N, the version before N.
        n_old = plan.versions[-1].number if n_new is None else n_new - 1
    try:
        if n_old is None:
            raise VersionError("--from には確定した版の番号を指定してください (作業中の計画は --to に指定します)。")
        v_old = find_version(plan, n_old)
        v_new = find_version(plan, n_new) if n_new is not None else None
        p_old = version_plan(plan, n_old)
        p_new = version_plan(plan, n_new) if n_new is not None else plan
    except VersionError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    from kaizen_guide.banks import load_bank
    from kaizen_guide.monitoring.notes_diff import notes_between

    bank = load_bank()
    d = diff_plans(p_old, p_new, old_side=Side.of(v_old), new_side=Side.of(v_new), bank=bank)
    # Notes are not part of a version: the plan's note history says what happened in between.
    d.sections.append(notes_between(plan.notes, v_old.frozen_at, v_new.frozen_at if v_new else None, bank))
    _show(d, fmt, out)
    return EXIT_OK


def _diff_files(
    other_path: str, path: str, plan: Plan, *, fmt: str, out: Callable[[str], None], err: Callable[[str], None]
) -> int:
    """Another copy of the plan (the file sent to the owner, say) against this one, both as they are."""
    from pathlib import Path

    from kaizen_guide.banks import load_bank
    from kaizen_guide.model.store import PlanFileError, load_plan
    from kaizen_guide.monitoring.notes_diff import notes_section
    from kaizen_guide.monitoring.plan_diff import Side, diff_plans

    try:
        other = load_plan(other_path)
    except PlanFileError as exc:
        err(exc.full_message)
        return EXIT_BAD_INPUT
    bank = load_bank()
    old_side, new_side = Side(None, file=Path(other_path).name), Side(None, file=Path(path).name)
    d = diff_plans(other, plan, old_side=old_side, new_side=new_side, bank=bank)
    d.sections.append(notes_section(other.notes, plan.notes, bank))
    _show(d, fmt, out)
    return EXIT_OK


def _show(d: Any, fmt: str, out: Callable[[str], None]) -> None:
    from kaizen_guide.monitoring.plan_diff import render_text

    if fmt == "json":
        out(json.dumps(d.as_json(), ensure_ascii=False, indent=2))
    else:
        out(render_text(d).rstrip("\n"))


def add_parser(sub: argparse._SubParsersAction[ParserT]) -> None:
    p = sub.add_parser("diff", help="確定した版 (当初計画・修正計画) どうし、または版と作業中の計画の変更点を表示する")
    p.add_argument("plan", help="計画ファイル (.json)")
    p.add_argument(
        "--from", dest="old", metavar="V1", default=None, help="比べる元の版 (例: 1 / V1 / 第1版。省略時は最新の確定版)"
    )
    p.add_argument("--to", dest="new", metavar="V2", default=None, help="比べる先の版 (省略時は作業中の計画)")
    p.add_argument(
        "--against",
        metavar="OTHER.json",
        default=None,
        help="版ではなく別の計画ファイル (経営者に渡したコピーなど) と比べる (OTHER → PLAN の変更点とメモ)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="出力形式")
    p.set_defaults(func=_cmd)


def _cmd(args: argparse.Namespace) -> int:
    from .console import print_error as _err
    from .console import print_safe as _print

    return run_diff(args.plan, old=args.old, new=args.new, against=args.against, fmt=args.format, out=_print, err=_err)
