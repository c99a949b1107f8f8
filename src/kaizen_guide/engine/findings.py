"""The checks of each answer, cached per question, and how a follow-up names the row it is about."""

from __future__ import annotations

import functools
import re
from typing import Any

from kaizen_guide.banks import Question
from kaizen_guide.banks.industries import industry_key
from kaizen_guide.banks.models import TEXT_TYPES

from .checking import MAX_PROBES, is_flagged, run_text_check
from .formatting import fill
from .state import InterviewState

__all__ = ["MAX_PROBES", "findings_for", "is_pending", "probes_left", "row_prefix", "run_checks"]


def findings_for(state: InterviewState, qid: str) -> list[Any]:
    """Findings of the stored answer to ``qid`` (computed once, until the answer changes)."""
    if qid in state._findings:
        return state._findings[qid]
    rec = state.plan.interview.answers.get(qid)
    if rec is None or rec.value is None or rec.status == "hidden":
        found: list[Any] = []
    else:
        found = run_checks(state, state.bank.question(qid), rec.value)
    state._findings[qid] = found
    return found


def run_checks(state: InterviewState, q: Question, value: Any) -> list[Any]:
    """The bank's checks of ``q`` on ``value``: text stages, group fields, and row checks."""
    if value is None:
        return []
    section = state.bank.section_of(q.id).title
    check = functools.partial(run_text_check, section=section, industry=industry_key(state.plan.company.industry))
    out: list[Any] = []
    if q.type in TEXT_TYPES:
        for stage in q.checks:
            out.extend(check(stage, str(value), question_id=q.id, path=q.target or ""))
        return out
    if q.type == "group":
        texts_all: dict[int, list[str]] = {}
        for i, r in enumerate(value):
            for f in q.fields:
                if f.checks and r.get(f.id):
                    for stage in f.checks:
                        out.extend(check(stage, str(r[f.id]), question_id=q.id, path=f"{q.target}[{i}].{f.path}"))
            for k, rc in enumerate(q.row_checks):
                text = fill(state, rc.text, q, r)
                if rc.per == "row":
                    out.extend(check(rc.stage, text, question_id=q.id, path=f"{q.target}[{i}]"))
                else:
                    texts_all.setdefault(k, []).append(text)
        for k, texts in texts_all.items():
            rc = q.row_checks[k]
            out.extend(check(rc.stage, "\n".join(t for t in texts if t.strip()), question_id=q.id, path=q.target or ""))
    return out


def row_prefix(state: InterviewState, q: Question, rows: Any, findings: list[Any]) -> str:
    """「課題 2件目 (I2) について、」 for a finding on one row of a group."""
    if q.type != "group":
        return ""
    for f in findings:
        if getattr(f, "severity", None) in ("error", "warning"):
            m = re.search(r"\[(\d+)\]", getattr(f, "path", "") or "")
            if not m or not rows or (len(rows) < 2 and not q.row_id):
                return ""
            i = int(m.group(1))
            rid = ""
            if q.row_id and i < len(rows) and rows[i].get(q.row_id.field):
                rid = f" ({rows[i][q.row_id.field]})"
            return f"{state.row_label(q)} {i + 1}件目{rid}について、"
    return ""


def is_pending(state: InterviewState, qid: str) -> bool:
    """An ``ok`` answer with weak findings: the assistant asked a follow-up and waits."""
    rec = state.plan.interview.answers.get(qid)
    return rec is not None and rec.status == "ok" and is_flagged(findings_for(state, qid))


def probes_left(state: InterviewState, q: Question) -> int:
    rec = state.plan.interview.answers.get(q.id)
    if rec is None or rec.status != "ok":
        return MAX_PROBES
    return MAX_PROBES - rec.probes if is_flagged(findings_for(state, q.id)) else MAX_PROBES
