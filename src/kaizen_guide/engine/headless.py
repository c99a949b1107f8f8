"""``kaizen-guide interview PLAN --answers ANSWERS.yaml``: the interview without a screen.

Answers are applied in interview order through the same engine as the TUI (parse, validate, store,
save, check). Weak answers are kept as they are (recorded as kept_weak) and their findings printed.

Exit codes: 0 complete; 1 complete with flagged answers or plan-level errors; 2 bad input (a
message names the question and what was expected; the plan keeps everything accepted so far) or
the interview is not complete (required questions left unanswered).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kaizen_guide.banks import Bank, BankError, load_bank
from kaizen_guide.model.lock import PlanLockedError
from kaizen_guide.model.store import PlanFileError

from .answers import AnswersFile, AnswersFileError, load_answers
from .checking import FLAGGING
from .interview import Interview

EXIT_OK = 0
EXIT_FLAGGED = 1
EXIT_BAD_INPUT = 2

# A TUI saving an answer holds the lock for milliseconds only when closing; a plan open in a TUI
# holds it for hours. Wait briefly for the first, refuse the second.
LOCK_WAIT_S = 3.0

SEVERITY_LABEL = {"error": "要修正", "warning": "要確認", "info": "参考"}


def _finding_lines(f: Any, indent: str = "    ") -> list[str]:
    lines = [f"{indent}[{SEVERITY_LABEL.get(f.severity, f.severity)}] {f.message}"]
    if getattr(f, "follow_up", None):
        lines.append(f"{indent}    次に考えること: {f.follow_up}")
    if getattr(f, "guideline_ref", None):
        lines.append(f"{indent}    根拠: {f.guideline_ref}")
    return lines


def run_headless(
    plan_path: str | Path,
    answers_path: str | Path,
    *,
    depth: str | None = None,
    given_by: str = "advisor",
    out: Callable[[str], None] = print,
    lock_wait: float = LOCK_WAIT_S,
) -> int:
    """Apply an answers file to a plan file; returns the exit code (see the module docstring)."""
    try:
        bank = load_bank()
    except BankError as exc:
        out(exc.message)
        return EXIT_BAD_INPUT
    try:
        af = load_answers(answers_path)
    except AnswersFileError as exc:
        out(exc.message)
        return EXIT_BAD_INPUT
    unknown = [k for k in af.answers if not bank.has(k)]
    if unknown:
        import difflib

        ids = [q.id for q in bank.questions]
        for k in unknown:
            close = difflib.get_close_matches(k, ids, n=3)
            hint = f" (近いもの: {', '.join(close)})" if close else ""
            out(f"{af.where(k)}: 質問ID「{k}」はありません{hint}。")
        out("回答ファイルを直してから、もう一度実行してください。計画ファイルは変更していません。")
        return EXIT_BAD_INPUT
    try:
        iv = Interview.open(
            plan_path, depth=depth or af.depth, given_by=af.given_by or given_by, bank=bank, lock_timeout=lock_wait
        )
    except PlanLockedError as exc:
        out(exc.after_wait(lock_wait))
        return EXIT_BAD_INPUT
    except PlanFileError as exc:
        out(exc.full_message)
        return EXIT_BAD_INPUT
    try:
        if iv.notice:
            out(iv.notice)
        return _apply_answers(iv, bank, af, out)
    finally:
        iv.close()


def _apply_answers(iv: Interview, bank: Bank, af: AnswersFile, out: Callable[[str], None]) -> int:
    flagged = 0
    applied = 0
    for q in bank.questions:
        if q.id not in af.answers:
            continue
        res = iv.answer(q.id, af.answers[q.id])
        if not res.accepted:
            out(f"{af.where(q.id)}: 質問「{q.id}」の回答を受け付けられません。")
            out(f"  {res.error}")
            out(f"ここまでに受け付けた{applied}件の回答は {iv.path} に保存しました。")
            return EXIT_BAD_INPUT
        applied += 1
        if res.note:
            out(f"{q.id}: {res.note}")
        if res.follow_up:
            iv.keep_as_is(q.id)
        weak = [f for f in res.findings if f.severity in FLAGGING]
        if res.findings:
            out(f"{q.id} ({' '.join(q.prompt.split())}):")
            for f in res.findings:
                for line in _finding_lines(f):
                    out(line)
        if weak:
            flagged += 1

    missing = iv.missing_required()
    review = [
        q for q in iv.visible_questions() if (rec := iv.record(q.id)) is not None and rec.status == "needs_review"
    ]
    out(f"{applied}件の回答を {iv.path} に保存しました。")
    if missing or review:
        if missing:
            out(f"まだ答えていない必須の質問が{len(missing)}件あります:")
            for q in missing:
                out(f"  - {q.id}: {' '.join(q.prompt.split())}")
        if review:
            out(f"見直しが必要な回答が{len(review)}件あります:")
            for q in review:
                out(f"  - {q.id}: {' '.join(q.prompt.split())}")
        return EXIT_BAD_INPUT

    # The answers file is the whole interview: optional questions it leaves out are skipped,
    # so reopening the plan does not ask them again.
    iv.skip_unanswered_optional()
    plan_findings = iv.plan_findings()
    plan_errors = [f for f in plan_findings if f.severity == "error"]
    if plan_findings:
        out("計画全体のチェック:")
        for f in plan_findings:
            for line in _finding_lines(f, "  "):
                out(line)
    if flagged or plan_errors:
        out(
            f"インタビューは完了しました。指摘のある回答が{flagged}件、計画全体の要修正が{len(plan_errors)}件あります。"
        )
        return EXIT_FLAGGED
    warnings = sum(1 for f in plan_findings if f.severity == "warning")
    out(
        "インタビューは完了しました。要修正の指摘はありません"
        + (f" (要確認が{warnings}件あります。上の内容を確認してください)。" if warnings else "。")
    )
    return EXIT_OK
