"""Running the text checks on answers, and the assistant's follow-up question when one is weak."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FLAGGING = frozenset({"error", "warning"})

MAX_PROBES = 2
"""Follow-up questions per answer; after that a weak answer is kept (recorded as kept_weak)."""

# Used when a weak finding carries no follow-up of its own: one question per stage, in the voice
# of an advisor sitting with the owner.
DEFAULT_FOLLOW_UPS: dict[str, str] = {
    "issue": "外部環境の影響以外に、社内で見直すべき点はありますか?",
    "cause": "外部の要因のほかに、特定の取引先・商品・業務のやり方など、社内で手を打てる原因はありましたか?",
    "countermeasure": "具体的には、何を・誰に対して・どのくらい行いますか? 数字で言えるところがあれば教えてください。",
    "action": "誰が責任者で、いつまでに、どんな数値を目標に進めますか?",
    "next_action": "来月の会議で「できた・できなかった」を確かめられるよう、件数・金額・期日・成果物のどれかで言い換えられますか?",
    "financial_support": "簡易キャッシュフローから毎月いくらなら返済を続けられそうですか? また、各金融機関への配分はどう考えますか?",
}


def is_flagged(findings: list[Any]) -> bool:
    return any(getattr(f, "severity", None) in FLAGGING for f in findings)


def _check_text() -> Callable[..., list[Any]] | None:
    try:
        from kaizen_guide.checks import check_text
    except ImportError:  # the checks package is optional for the engine's own tests
        return None
    return check_text


_guard: Any = None

CHECK_SKIPPED_MESSAGE = (
    "この回答は自動チェックに時間がかかりすぎたため、チェックを省略して保存しました。"
    "長い文章は要点ごとに分けて入力すると、チェックを受けられます。"
)


def use_check_guard(guard: Any) -> None:
    """Route text checks through ``guard`` (a GuardedChecker, once it is ready); None: in-process."""
    global _guard
    _guard = guard


def run_text_check(
    stage: str, text: str, *, question_id: str, section: str, path: str, industry: str | None = None
) -> list[Any]:
    """``check_text(stage, text)`` with the question id, plan path and section filled in, and the
    follow-ups and examples written for the company's ``industry`` (a key of industries.yaml).

    With a guard installed (the TUI), a check that overruns its time budget is skipped with an
    info finding instead of freezing the screen; the answer is saved all the same.
    """
    fn = _check_text()
    if fn is None or not text.strip():
        return []
    found: list[Any] | None = None
    if _guard is not None and _guard.ready:
        from .check_guard import CheckTimeout, GuardUnavailable

        try:
            found = _guard(stage, text, industry=industry)
        except CheckTimeout:
            from kaizen_guide.checks import Finding

            found = [Finding(rule_id="system.check_skipped", severity="info", message=CHECK_SKIPPED_MESSAGE)]
        except GuardUnavailable:
            found = None
    if found is None:
        found = fn(stage, text, industry=industry)
    out = []
    for f in found:
        out.append(_annotate(f, stage=stage, question_id=question_id, path=path, section=section))
    return out


def _annotate(f: Any, **values: Any) -> Any:
    update = {k: v for k, v in values.items() if hasattr(f, k) and not getattr(f, k)}
    if not update:
        return f
    if hasattr(f, "model_copy"):
        return f.model_copy(update=update)
    try:
        import dataclasses

        if dataclasses.is_dataclass(f) and not isinstance(f, type):
            return dataclasses.replace(f, **update)
    except (TypeError, ValueError):
        pass
    return f


def follow_up_for(findings: list[Any], stage_hint: str | None = None, prefix: str = "") -> str | None:
    """The assistant's next question for a weak answer (None when nothing flags)."""
    for f in findings:
        if getattr(f, "severity", None) in FLAGGING:
            text = getattr(f, "follow_up", None) or DEFAULT_FOLLOW_UPS.get(
                getattr(f, "stage", None) or stage_hint or ""
            )
            if not text:
                text = "もう少し具体的に教えていただけますか?"
            return prefix + text
    return None
