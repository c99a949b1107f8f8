"""Putting answers into the plan: one field, a series grid, or a list rebuilt from its questions.

A list in the plan (課題, 対策, 借入…) can be fed by several questions (a group, a records grid,
child groups keyed by a parent row), so it is rebuilt whole from their visible answers each time
one of them changes. Answers whose question became hidden are moved aside and restored later.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kaizen_guide.banks import Question
from kaizen_guide.banks.targets import nested_get, nested_set, set_path
from kaizen_guide.model.errors import describe_validation_error, error_message

from .state import InterviewState, field_spec
from .values import AnswerError


def apply(state: InterviewState, q: Question) -> None:
    """Write the question's value (or the field default) into the plan. Raises AnswerError."""
    try:
        if q.type == "group" or q._grid_mode == "records":
            assert q.target is not None  # a question feeding the plan has a target (bank validation)
            root = q.target.split("[].", 1)[0] if q.parent else q.target
            rebuild_list(state, root)
        elif q._grid_mode == "series":
            value = state.active_value(q.id) or {}
            for r in q.rows:
                path = f"{q.target}.{r.path}"
                vals = value.get(r.id)
                set_path(state.plan, path, list(vals) if vals else field_spec(path).default())
        else:
            value = state.active_value(q.id)
            path = q.target  # type: ignore[assignment]
            set_path(state.plan, path, value if value is not None else field_spec(path).default())
    except ValidationError as exc:
        raise AnswerError("\n".join(describe(exc))) from None


def safe_apply(state: InterviewState, q: Question) -> None:
    try:
        apply(state, q)
    except AnswerError:
        pass  # the plan keeps its previous value; the record still holds the answer


def rebuild_list(state: InterviewState, root: str) -> None:
    """Rebuild the plan list at ``root`` from every question that contributes rows or children."""
    spec = field_spec(root)
    rows: list[dict[str, Any]] = []

    def row(i: int) -> dict[str, Any]:
        while len(rows) <= i:
            rows.append({})
        return rows[i]

    for qid in state.bank.list_contributors(root):
        q = state.bank.question(qid)
        val = state.active_value(qid)
        if not val:
            continue
        if q.type == "group":
            for i, r in enumerate(val):
                d = row(i)
                if q.row_id and r.get(q.row_id.field) is not None:
                    d[q.row_id.field] = r[q.row_id.field]
                for f in q.fields:
                    v = r.get(f.id)
                    if v is not None:
                        nested_set(d, f.path, v)
        else:
            for rr in q.rows:
                for i, v in enumerate(val.get(rr.id) or []):
                    d = row(i)
                    if v is not None:
                        nested_set(d, rr.path, v)
    for cid in state.bank.children(root):
        _add_children(state, cid, rows)
    model = spec.base
    models = []
    errors: list[str] = []
    for i, d in enumerate(rows):
        try:
            models.append(model.model_validate(d))
        except ValidationError as exc:
            errors.extend(f"{spec.title} {i + 1}件目 › {line}" for line in describe_validation_error(exc, model))
    if errors:
        raise AnswerError("\n".join(errors))
    set_path(state.plan, root, models)


def _add_children(state: InterviewState, cid: str, rows: list[dict[str, Any]]) -> None:
    """Rows of a child group go under the parent row their key names (a gone parent drops them)."""
    cq = state.bank.question(cid)
    val = state.active_value(cid)
    if not val or cq.parent is None:
        return
    child = cq.target.split("[].", 1)[1]  # type: ignore[union-attr]
    by_key: dict[Any, dict[str, Any]] = {}
    for d in rows:
        by_key.setdefault(nested_get(d, cq.parent.key), d)
    for r in val:
        parent = by_key.get(r.get(cq.parent.field))
        if parent is None:
            continue  # its parent row is gone; the child question is marked needs_review
        cd: dict[str, Any] = {}
        if cq.row_id and r.get(cq.row_id.field) is not None:
            cd[cq.row_id.field] = r[cq.row_id.field]
        for f in cq.fields:
            if f.id == cq.parent.field:
                continue
            v = r.get(f.id)
            if v is not None:
                nested_set(cd, f.path, v)
        parent.setdefault(child, []).append(cd)


def mark_dependants(state: InterviewState, qid: str) -> None:
    """Answers built on ``qid`` need a second look now that it changed."""
    answers = state.plan.interview.answers
    for d in state.bank.dependants(qid):
        rec = answers.get(d)
        if rec is not None and rec.status in ("ok", "kept_weak") and rec.value is not None:
            rec.status = "needs_review"
    state._vis = None


def sync_hidden(state: InterviewState) -> None:
    """Move answers whose question became hidden aside (and back when visible again)."""
    state._vis = None
    vis = state.visibility()
    changed = []
    for qid, rec in state.plan.interview.answers.items():
        if not state.bank.has(qid):
            continue  # an answer to a question a newer bank no longer has: kept, unused
        if not vis[qid] and rec.status != "hidden":
            rec.status = "hidden"
            changed.append(qid)
        elif vis[qid] and rec.status == "hidden":
            rec.status = "needs_review" if rec.value is not None else "ok"
            changed.append(qid)
    for qid in changed:
        state._findings.pop(qid, None)
        safe_apply(state, state.bank.question(qid))


def touch_history(state: InterviewState, qid: str) -> None:
    hist = state.plan.interview.history
    if qid in hist:
        hist.remove(qid)
    hist.append(qid)


def describe(exc: ValidationError) -> list[str]:
    """Japanese lines for a validation error raised on assignment to a plan model."""
    return [error_message(err) for err in exc.errors()] or ["値が正しくありません"]
