"""What the assistant says, as Markdown, and small adapters over the engine's answers.

Pure functions (no widgets): the interview and review screens share them, and tests can call
them directly. All wording the person reads is Japanese.
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len

SEVERITY_LABELS = {"error": "要修正", "warning": "要確認", "info": "参考"}


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` terminal cells (wide characters count 2) with 「…」."""
    text = " ".join((text or "").split())
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out) + cell_len(ch) > width - 1:
            break
        out += ch
    return out + "…"


_UNIT_NOTE = re.compile(r"[(（]\s*(円|千円|月額|年額|年|か月|%)\s*[)）]")


def short_label(prompt: str, width: int = 16, unit: str | None = None) -> str:
    """A field's prompt without its explanation in brackets, but with its unit when it has one
    (「単価 (円)」 → 「単価(円)」: that amount is in 円 while the others are in 千円). ``unit`` is the
    field's own unit, shown when the prompt names none (a form shows 「12,000」 for 資本金: in 千円);
    the name is shortened before the unit is."""
    base = prompt.split("(")[0].split("（")[0].strip()
    found = _UNIT_NOTE.search(prompt)
    unit = found.group(1) if found else unit
    if not unit:
        return fit(base, width)
    suffix = f"({unit})"
    return fit(base, max(2, width - cell_len(suffix))) + suffix


def fit_left(text: str, width: int) -> str:
    """``text`` cut from the left to ``width`` cells (「…/plans/sakura.json」): the end of a path
    is the part that says which file it is."""
    text = " ".join((text or "").split())
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in reversed(text):
        if cell_len(out) + cell_len(ch) > width - 1:
            break
        out = ch + out
    return "…" + out


def _quote(text: str) -> str:
    """Markdown blockquote of ``text`` (keeps line breaks)."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def question_markdown(question: Any, *, advisor: bool) -> str:
    """The assistant's message for a question: what, why (owner mode), an example."""
    head = f"**{question.prompt.strip()}**"
    if not question.required:
        head += " (任意)"
    if advisor:
        return head + "  \nF1で説明と記入例"
    text = head
    if question.help and question.help.strip():
        text += "  \n" + question.help.strip().replace("\n\n", "  \n").replace("\n", "  \n")
    if question.example and question.example.strip():
        text += "\n\n" + _quote("例：" + question.example.strip())
    return text


def explain_markdown(question: Any) -> str:
    text = f"**{question.prompt.strip()}**"
    if question.help and question.help.strip():
        text += "  \nなぜ聞くのか：" + question.help.strip()
    if question.example and question.example.strip():
        text += "\n\n" + _quote("例：" + question.example.strip())
    return text


def finding_markdown(finding: Any) -> str:
    """One finding: what is weak, the guideline point behind it, a better example."""
    return "\n\n".join(p for p in _finding_parts(finding) if p)


def _finding_parts(finding: Any) -> tuple[str, str, str]:
    label = SEVERITY_LABELS.get(finding.severity, "")
    what = f"**{label}**：{finding.message}" if label else finding.message
    ref = getattr(finding, "guideline_ref", None)
    example = getattr(finding, "example", None)
    return (
        what,
        f"根拠：{ref}" if ref else "",
        _quote("例：" + example.strip()) if example else "",
    )


def follow_up_markdown(findings: list[Any], follow_up: str) -> str:
    """The reply to a weak answer, most useful first (a small terminal shows the top): what is
    weak, the question to answer, the guideline point, then a better example."""
    parts = [_finding_parts(f) for f in findings]
    blocks = [what for what, _, _ in parts]
    blocks.append(f"**{follow_up}**  \n書き足して送り直すか、このままでよければ**ctrl+o**で次へ進みます。")
    blocks += [ref for _, ref, _ in parts if ref]
    blocks += [example for _, _, example in parts if example]
    return "\n\n".join(blocks)


def worst_severity(findings: list[Any]) -> str:
    for severity in ("error", "warning", "info"):
        if any(f.severity == severity for f in findings):
            return severity
    return "info"


def preview_text(interview: Any, target: str, raw: str) -> str:
    """The engine's live preview; for a field of a group or grid (``<question id>.<field id>``)
    the engine's own field parser and formatter are used."""
    bank = interview.bank
    if bank.has(target):
        return interview.preview(target, raw)
    qid, _, field_id = target.rpartition(".")
    question = bank.question(qid)
    field = question.field(field_id)
    if field is None:
        return ""
    from kaizen_guide.engine.values import AnswerError, format_value, parse_value

    options = interview.choices(qid, field_id) if field.type in ("choice", "multi_choice") else None
    try:
        value, note = parse_value(field, raw, options)
    except AnswerError as exc:
        return exc.message
    if value is None:
        return ""
    shown = format_value(field, value, options, human=True)
    text = f"{raw.strip()} → {shown}" if raw.strip() != shown else shown
    return f"{text} ({note})" if note else text


def column_headings(interview: Any, qid: str, n: int | None) -> list[str]:
    """Headings for ``n`` columns, or (``n=None``) for as many as the grid naturally has: the
    stored answer's or the grid it follows (決算期), else the plan years for a 計画n年目 grid."""
    if n is not None:
        return list(interview.column_labels(qid, n))
    labels = list(interview.column_labels(qid))
    if labels:
        return labels
    question = interview.bank.question(qid)
    if question.columns.labels_from is None and "{n}" in question.columns.label:
        return list(interview.column_labels(qid, interview.plan.targets.plan_years + 1))
    return []


def user_text(question: Any, raw: Any) -> str:
    """How an answer appears on the person's side of the chat."""
    if isinstance(raw, list) and question.type == "multi_choice":
        labels = {str(c.value): c.label for c in question.choices}
        return "、".join(labels.get(str(v), str(v)) for v in raw) or "(選択なし)"
    if isinstance(raw, list):
        label = getattr(question, "row_label", "") or "行"
        return f"{label} {len(raw)}件を入力しました"
    if isinstance(raw, dict):
        return "表を入力しました"
    text = str(raw)
    return text if text.strip() else "(空欄)"


# -- advisor mode: one line where the owner's chat explains (issue 19) -------------------------


def finding_line(finding: Any) -> str:
    """A finding in one sentence: 「要修正：課題が外部環境の変化だけで書かれています。」 (why it
    matters, the guideline point and the example are the owner mode's explanation)."""
    label = SEVERITY_LABELS.get(finding.severity, "")
    message = str(finding.message).strip()
    first, dot, _rest = message.partition("。")
    message = first + dot if first and dot else message
    return f"**{label}**：{message}" if label else message


def compact_follow_up(findings: list[Any], follow_up: str) -> str:
    """A weak answer in advisor mode: what is weak and the question, without the prose around it."""
    lines = [finding_line(f) for f in findings if f.severity in ("error", "warning")] or [
        finding_line(f) for f in findings
    ]
    lines.append(f"**{follow_up}** (直して送り直す／ctrl+o このまま)")
    return "  \n".join(lines)


def accepted_line(label: str, findings: list[Any], note: str | None) -> str:
    """「✓ 資本金」 plus what the engine noted, on one line."""
    extra = [SEVERITY_LABELS.get(f.severity, "") + "：" + f.message for f in findings]
    if note:
        extra.append(note)
    return f"✓ {label}" + (f" ― {' / '.join(extra)}" if extra else "")


def cell_text(value: Any) -> str:
    """A stored or typed value as one line of text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, (list, tuple)):
        return "、".join(cell_text(v) for v in value)
    return " ".join(str(value).split())
