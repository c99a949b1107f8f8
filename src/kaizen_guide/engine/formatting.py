"""Answers as text: for reading (「3,500千円」), for editing, and inside error messages."""

from __future__ import annotations

import difflib
import re
from typing import Any

from kaizen_guide.banks import Bank, Question
from kaizen_guide.banks.models import TEXT_TYPES, SubField

from .parsing import parse
from .state import InterviewState
from .values import EXPECTED, AnswerError, format_value


class _SafeFormat(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def format_answer(state: InterviewState, f: Question | SubField, value: Any, *, human: bool) -> str:
    """A stored value as text: ``human`` for reading (labels of choices), else as it is typed back."""
    if value is None:
        return ""
    if isinstance(f, Question) and f.type == "group":
        lines = []
        label = state.row_label(f)
        for i, r in enumerate(value, 1):
            parts = []
            if f.row_id and r.get(f.row_id.field):
                parts.append(str(r[f.row_id.field]))
            for sf in f.fields:
                if r.get(sf.id) is not None:
                    parts.append(f"{sf.prompt}: {format_answer(state, sf, r[sf.id], human=human)}")
            lines.append(f"{label} {i}. " + " / ".join(parts))
        return "\n".join(lines)
    if isinstance(f, Question) and f.type == "year_grid":
        lines = []
        for r in f.rows:
            vals = value.get(r.id)
            if vals:
                lines.append(
                    f"{r.prompt}: "
                    + " | ".join(format_answer(state, r, v, human=human) if v is not None else "—" for v in vals)
                )
        return "\n".join(lines)
    if f.choices_from is not None and f.type in ("choice", "multi_choice"):
        if not human:
            return "、".join(map(str, value)) if isinstance(value, list) else str(value)
        opts = dict(state.options(f))
        items = value if isinstance(value, list) else [value]
        return "、".join(f"{v} {opts[v]}" if v in opts and opts[v] != str(v) else str(v) for v in items)
    options = [(c.value, c.label) for c in f.choices] if f.choices else None
    return format_value(f, value, options, human=human)


def edit_form(state: InterviewState, q: Question, value: Any) -> Any:
    """A stored value in the shape ``Interview.answer`` takes (text, rows, or grid), for editing."""
    if value is None:
        return [] if q.type == "group" else ({} if q.type == "year_grid" else "")
    if q.type == "group":
        out = []
        for row in value:
            d = {}
            if q.row_id and row.get(q.row_id.field):
                d[q.row_id.field] = row[q.row_id.field]
            for f in q.fields:
                d[f.id] = format_answer(state, f, row.get(f.id), human=False)
            out.append(d)
        return out
    if q.type == "year_grid":
        return {r.id: [format_answer(state, r, v, human=False) for v in value.get(r.id, [])] for r in q.rows}
    return format_answer(state, q, value, human=False)


def fill(state: InterviewState, template: str, q: Question, row: dict[str, Any]) -> str:
    """A bank's row-check template with one group row's values filled in (missing ones empty)."""
    values = _SafeFormat()
    for f in q.fields:
        values[f.id] = format_answer(state, f, row.get(f.id), human=True) if row.get(f.id) is not None else ""
    if q.row_id:
        values[q.row_id.field] = row.get(q.row_id.field, "")
    text = template.format_map(values)
    return re.sub(r"[ 　]*(。)[ 。]*", r"\1", text).strip()


def error_text(q: Question, message: str) -> str:
    """「<prompt>」: <message> (期待する形: …) with the bank's example when it is one line."""
    expected = EXPECTED.get(q.type, "")
    if q.type == "group":
        expected = f"{q.row_label or '行'}の一覧"
    elif q.type == "year_grid":
        expected = "年度ごとの値の表"
    ex = f"\n例: {q.example.strip()}" if q.example and q.example.strip() and "\n" not in q.example.strip() else ""
    return (
        f"「{q.prompt.strip()}」: {message}"
        + (f" (期待する形: {expected})" if expected and expected not in message else "")
        + ex
    )


def unknown_message(bank: Bank, qid: Any) -> str:
    close = difflib.get_close_matches(str(qid), [q.id for q in bank.questions], n=3)
    hint = f" 近いもの: {', '.join(close)}" if close else ""
    return f"質問ID「{qid}」はありません。{hint}"


def preview_text(state: InterviewState, q: Question, raw: Any) -> str:
    """How ``raw`` will be read (「350万円 → 3,500千円」), or the Japanese error: the editor's live line."""
    try:
        value, note = parse(state, q, raw)
    except AnswerError as exc:
        return exc.message
    if value is None:
        return "(未入力)" + ("" if q.required else " — このまま進むと、この質問は飛ばします")
    if q.type == "group":
        text = f"{len(value)}件"
    elif q.type == "year_grid":
        n = max((len(v) for v in value.values()), default=0)
        text = f"{len(value)}行 × {n}列"
    else:
        human = format_answer(state, q, value, human=True)
        shown = str(raw).strip() if isinstance(raw, str) else ""
        text = f"{shown} → {human}" if shown and shown != human and q.type not in TEXT_TYPES else human
    if note:
        text += f" ({note})"
    return text


def column_labels(state: InterviewState, q: Question, n: int | None = None) -> list[str]:
    """Column headings of a year grid: ``n`` columns, or as many as its answer (or the grid its
    labels come from) has."""
    if n is None:
        v = state.active_value(q.id) or {}
        n = max((len(x) for x in v.values()), default=0)
        lf = q.columns.labels_from
        if lf and not n:
            src = state.active_value(lf.rpartition(".")[0]) or {}
            n = len(src.get(lf.rpartition(".")[2]) or [])
    return [state.column_label(q, j) for j in range(n)]
