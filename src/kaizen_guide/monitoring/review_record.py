"""The month's record and the review's answers, kept in step both ways: a record written without the
review (the sample, a hand-edited file) gets answers made from its values, and after each answer the
record's structured parts (checks, segments, causes, measures, 次月アクション) are rebuilt from the
visible answers.

Split out of ``review.py`` by concern, as ``review_items`` (what is asked) and ``review_actuals``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kaizen_guide.engine.records import make_record, now
from kaizen_guide.model.plan import ActionCheck, NextAction, RevisedMeasure, SegmentActual, VarianceCause

if TYPE_CHECKING:
    from .review import Review


def adopt_record(rv: Review) -> None:
    """A record written without the review (the sample, a hand-edited file) gets answers made
    from its values, so the review shows them and rebuilding never drops them."""
    rec = rv.find_record(rv.month)
    if rec is None or rec.answers:
        return
    a: dict[str, Any] = {}
    for c in rec.action_checks:
        a[f"prior.{c.index}.status"] = c.status
        a[f"prior.{c.index}.result"] = c.result
        if c.status != "done":
            a[f"prior.{c.index}.reason"] = c.reason or None
            a[f"prior.{c.index}.new_due"] = c.new_due.isoformat() if c.new_due else None
    names = [s.name for s in rv._plans.for_month(rv.month)(rv.pos.plan_year).segments]
    for sa in rec.segment_actuals:
        if sa.name in names:
            k = names.index(sa.name)
            a[f"segments.{k}.quantity"] = sa.quantity
            a[f"segments.{k}.sales"] = sa.sales
    for vc in rec.variance_causes:
        a[f"causes.{vc.line}.text"] = vc.text
        a[f"causes.{vc.line}.tag"] = vc.tag
    for m in rec.revised_measures:
        a[f"measures.{m.line}.text"] = m.text
        a[f"measures.{m.line}.link"] = m.link or None
    for i, n in enumerate(rec.next_actions):
        a[f"next_actions.{i}.text"] = n.text
        a[f"next_actions.{i}.owner"] = n.owner
        a[f"next_actions.{i}.due"] = n.due.isoformat() if n.due else None
        a[f"next_actions.{i}.target"] = n.target
        a[f"next_actions.{i}.more"] = i + 1 < len(rec.next_actions)
    for st in rec.action_status:
        a[f"plan_actions.{st.action_id}.status"] = st.status
        a[f"plan_actions.{st.action_id}.kpi_actual"] = None if st.kpi_actual is None else str(st.kpi_actual)
        if st.status in ("not_started", "delayed"):
            a[f"plan_actions.{st.action_id}.reason"] = st.comment or None
    for qid, value in a.items():
        rec.answers[qid] = make_record(value, value, rv.given_by)
    if a:
        rebuild_record(rv)


def rebuild_record(rv: Review) -> None:
    """Rebuild the record's structured parts from the visible answers (hidden ones stay in answers)."""
    rv._cmp = None
    rec = rv.record
    prev = rv.previous_record()
    seg_names = [s.name for s in rv._plans.for_month(rv.month)(rv.pos.plan_year).segments]
    checks, segs, causes, measures, nexts = [], [], [], [], []
    v = rv._value
    if prev is not None:
        for i, a in enumerate(prev.next_actions):
            st = v(f"prior.{i}.status")
            if st is None:
                continue
            hide = st == "done"
            checks.append(
                ActionCheck(
                    month=prev.month,
                    index=i,
                    text=a.text,
                    status=st,
                    result=v(f"prior.{i}.result") or "",
                    reason="" if hide else (v(f"prior.{i}.reason") or ""),
                    new_due=None if hide else v(f"prior.{i}.new_due"),
                )
            )
    for k, name in enumerate(seg_names):
        qty = v(f"segments.{k}.quantity")
        if qty is not None:
            segs.append(SegmentActual(name=name, quantity=qty, sales=v(f"segments.{k}.sales")))
    rec.segment_actuals = segs
    rv._cmp = None
    cmp = rv.comparison()
    misses = cmp.material_misses() if rv.actuals_complete() else []
    for key in misses:
        text = v(f"causes.{key}.text")
        if text:
            causes.append(VarianceCause(line=key, text=text, tag=v(f"causes.{key}.tag"), amount=cmp.row(key).diff))
        mt = v(f"measures.{key}.text")
        if mt:
            measures.append(RevisedMeasure(line=key, text=mt, link=v(f"measures.{key}.link") or ""))
    if rv.actuals_complete():
        for item in rv._items(rv.bank.step_for("next_action")[0]):
            key = item.key
            text = v(f"next_actions.{key}.text")
            if not text:
                continue
            line = item.context.get("line", "")
            link = next((m.link for m in measures if m.line == line and m.link.startswith("A")), "")
            nexts.append(
                NextAction(
                    text=text,
                    owner=v(f"next_actions.{key}.owner") or "",
                    due=v(f"next_actions.{key}.due"),
                    target=v(f"next_actions.{key}.target") or "",
                    line=line,
                    action_id=link,
                )
            )
    rec.action_checks = checks
    rec.action_status = rv._action_status(rec)
    rec.variance_causes = causes
    rec.revised_measures = measures
    rec.next_actions = nexts
    done = rv.actuals_complete() and rv.current() is None
    if done and rec.completed_at is None:
        rec.completed_at = now()
    elif not done:
        rec.completed_at = None
