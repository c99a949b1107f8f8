"""What every part of the interview reads: the bank, the plan, the depth, and two caches.

:class:`InterviewState` is the base of :class:`~kaizen_guide.engine.interview.Interview`; the
modules beside it (navigation, answer parsing, applying, findings, formatting) are functions of
this state, so none of them imports the interview façade.
"""

from __future__ import annotations

import functools
from typing import Any

from kaizen_guide.banks import Bank, Question
from kaizen_guide.banks.targets import FieldSpec, resolve
from kaizen_guide.model.plan import Plan

from .values import Options, to_python

DEPTH_LABELS = {"full": "405本格計画", "short": "早期経営改善計画 (簡易)"}


@functools.lru_cache(maxsize=512)
def field_spec(path: str) -> FieldSpec:
    """The plan field a bank target names (cached: targets are few and resolving walks the model)."""
    return resolve(Plan, path)


class InterviewState:
    """The plan being interviewed over a bank, at a depth, with visibility and findings cached."""

    def __init__(self, bank: Bank, plan: Plan, depth: str):
        self.bank: Bank = bank
        self.plan: Plan = plan
        self.depth: str = depth
        self._findings: dict[str, list[Any]] = {}
        self._vis: dict[str, bool] | None = None

    def reset_caches(self) -> None:
        """Forget visibility and findings (after the plan was replaced or reloaded)."""
        self._findings.clear()
        self._vis = None

    def in_depth(self, q: Question) -> bool:
        return q.in_depth(self.depth) and self.bank.section_of(q.id).in_depth(self.depth)

    def visibility(self) -> dict[str, bool]:
        """`when` of every question, evaluated in order over the visible answers before it."""
        if self._vis is not None:
            return self._vis
        vis: dict[str, bool] = {}
        answers = self.plan.interview.answers
        bank = self.bank

        def lookup(qid: str) -> Any:
            if not vis.get(qid):
                return None
            rec = answers.get(qid)
            if rec is None:
                return None
            return to_python(bank.question(qid), rec.value)

        def answered(qid: str) -> bool:
            rec = answers.get(qid)
            return bool(vis.get(qid)) and rec is not None and rec.value is not None

        for q in bank.questions:
            cond = q._when_fn
            vis[q.id] = True if cond is None else cond.evaluate(lookup, answered)
        self._vis = vis
        return vis

    def active_value(self, qid: str) -> Any:
        """The stored value of a visible answer (None when unanswered, skipped or hidden)."""
        rec = self.plan.interview.answers.get(qid)
        if rec is None or rec.status == "hidden" or not self.visibility().get(qid, False):
            return None
        return rec.value

    def options(self, f: Any) -> Options:
        """(value, label) choices of a question or field; ``choices_from`` reads an earlier group's rows."""
        if f.choices_from is None:
            return [(c.value, c.label) for c in f.choices]
        cf = f.choices_from
        rows = self.active_value(cf.question) or []
        out: Options = []
        for row in rows:
            key = row.get(cf.key)
            if key is None:
                continue
            label = row.get(cf.label) if cf.label else None
            out.append((key, str(label) if label else str(key)))
        return out

    def row_label(self, q: Question) -> str:
        """What one row of a group is called (「課題」), from the bank or the plan field's title."""
        return q.row_label or field_spec(q.target or "").title

    def column_label(self, q: Question, j: int) -> str:
        """Heading of column ``j`` of a year grid (from an earlier answer, else the bank's pattern)."""
        lf = q.columns.labels_from
        if lf:
            src_id, _, row_id = lf.rpartition(".")
            src = self.active_value(src_id) or {}
            vals = src.get(row_id) or []
            if j < len(vals) and vals[j]:
                return str(vals[j])
        return q.columns.label.format(n=j, n1=j + 1)
