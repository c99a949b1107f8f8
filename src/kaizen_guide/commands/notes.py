"""`kaizen-guide note PLAN add|list|reply|resolve|reopen`: review notes between advisor and owner.

For an advisor going through a batch of plans: each change takes the plan's lock, is checked
against the question banks (an unknown question, row or note is a Japanese error, exit 2) and is
saved atomically like an answer. The notes never reach a bank's output.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def note_json(note: Any, bank: Any) -> dict[str, Any]:
    from kaizen_guide.engine.notes import place_label

    data: dict[str, Any] = note.model_dump(mode="json")
    data["open"] = note.is_open
    data["place"] = place_label(bank, note)
    return data


def note_text(note: Any, bank: Any) -> list[str]:
    """「N1 [未解決] 窮境要因・経営課題 › 経営課題 › 課題 I2」 and the thread under it."""
    from kaizen_guide.engine.notes import place_label, short_time, who_label

    state = "未解決" if note.is_open else f"解決済み {short_time(note.resolved_at)}"
    lines = [f"{note.id} [{state}] {place_label(bank, note)}"]
    lines.append(f"    {who_label(note.by, note.by_name)}より ({short_time(note.created_at)}): {note.text}")
    for r in note.replies:
        lines.append(f"    ↳ {who_label(r.by, r.by_name)} ({short_time(r.at)}): {r.text}")
    return lines


def run_note(
    path: str,
    action: str,
    *,
    question: str | None = None,
    text: str | None = None,
    row: str | None = None,
    finding: str | None = None,
    note_id: str | None = None,
    include_resolved: bool = False,
    fmt: str = "text",
    given_by: str = "advisor",
    out: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> int:
    from kaizen_guide.banks import load_bank
    from kaizen_guide.engine import notes as engine
    from kaizen_guide.model.store import PlanFileError, load_plan

    from .plan_edit import EditError, edit_plan

    bank = load_bank()
    if action == "list":
        try:
            plan = load_plan(path)
        except PlanFileError as exc:
            err(exc.full_message)
            return EXIT_BAD_INPUT
        shown = engine.list_notes(plan, include_resolved=include_resolved)
        if fmt == "json":
            data = {
                "company": plan.company.name,
                "open": sum(n.is_open for n in plan.notes),
                "resolved": sum(not n.is_open for n in plan.notes),
                "notes": [note_json(n, bank) for n in shown],
            }
            out(json.dumps(data, ensure_ascii=False, indent=2))
            return EXIT_OK
        opened = sum(n.is_open for n in plan.notes)
        out(f"{plan.company.name or '計画'}: 未解決のメモ {opened}件 (解決済み {len(plan.notes) - opened}件)")
        for n in shown:
            for line in note_text(n, bank):
                out(line)
        return EXIT_OK

    def change(plan: Any) -> Any:
        if action == "add":
            return engine.add_note(
                plan, bank, question_id=question or "", text=text or "", by=given_by, row=row, finding=finding
            )
        if action == "reply":
            return engine.reply_note(plan, note_id or "", text=text or "", by=given_by)
        if action == "resolve":
            return engine.resolve_note(plan, note_id or "", by=given_by)
        return engine.reopen_note(plan, note_id or "")

    try:
        note = edit_plan(path, change)
    except engine.NoteError as exc:
        err(exc.message + " 計画ファイルは変更していません。")
        return EXIT_BAD_INPUT
    except EditError as exc:
        err(exc.message)
        return EXIT_BAD_INPUT
    done = {
        "add": "を追加しました",
        "reply": "に返信しました",
        "resolve": "を解決済みにしました",
        "reopen": "を未解決に戻しました",
    }
    out(f"メモ {note.id} {done[action]}: {engine.place_label(bank, note)}")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("note", help="支援者と経営者のメモ (回答・行・指摘に付ける。金融機関向けの出力には載りません)")
    p.add_argument("plan", help="計画ファイル (.json)")
    actions = p.add_subparsers(dest="action", required=True, metavar="add|list|reply|resolve|reopen")
    a = actions.add_parser("add", help="メモを付ける")
    a.add_argument("--question", required=True, metavar="ID", help="質問ID (answers-reference のキー)")
    a.add_argument("--text", required=True, help="メモの内容")
    a.add_argument("--row", default=None, metavar="N", help="行の番号 (1から) か行ID (I2 など)、表の行ID")
    a.add_argument("--finding", default=None, metavar="RULE", help="指摘のルールID (check の出力の rule_id)")
    a.add_argument("--owner", action="store_true", help="書いた人を経営者として記録する (既定は支援者)")
    ls = actions.add_parser("list", help="メモの一覧 (未解決が先)")
    ls.add_argument("--all", action="store_true", help="解決済みのメモも表示する")
    ls.add_argument("--format", choices=["text", "json"], default="text", help="出力形式")
    r = actions.add_parser("reply", help="メモに返信する")
    r.add_argument("note_id", metavar="NOTE_ID", help="メモのID (N1 など)")
    r.add_argument("--text", required=True, help="返信の内容")
    r.add_argument("--owner", action="store_true", help="返信した人を経営者として記録する (既定は支援者)")
    s = actions.add_parser("resolve", help="メモを解決済みにする")
    s.add_argument("note_id", metavar="NOTE_ID", help="メモのID (N1 など)")
    s.add_argument("--owner", action="store_true", help="解決にした人を経営者として記録する (既定は支援者)")
    o = actions.add_parser("reopen", help="解決済みのメモを未解決に戻す")
    o.add_argument("note_id", metavar="NOTE_ID", help="メモのID (N1 など)")
    p.set_defaults(func=_cmd)


def _cmd(args: argparse.Namespace) -> int:
    from .console import print_error as _err
    from .console import print_safe as _print

    return run_note(
        args.plan,
        args.action,
        question=getattr(args, "question", None),
        text=getattr(args, "text", None),
        row=getattr(args, "row", None),
        finding=getattr(args, "finding", None),
        note_id=getattr(args, "note_id", None),
        include_resolved=getattr(args, "all", False),
        fmt=getattr(args, "format", "text"),
        given_by="owner" if getattr(args, "owner", False) else "advisor",
        out=_print,
        err=_err,
    )
