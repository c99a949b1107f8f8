"""A month's actuals in the review: recorded from a file or typed, replacing recorded figures only
when confirmed, the replaced ones kept in the record's history (and as amendments once reported).

Split out of ``review.py`` by concern, as ``review_items`` (what is asked) and ``review_record``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaizen_guide.engine.records import make_record, now
from kaizen_guide.model.plan import ActualsEntry

from .amendments import amend, reported_note
from .fiscal import month_text
from .lines import LINE_BY_KEY, label
from .review_types import ReviewResult

if TYPE_CHECKING:
    from .review import Review


def set_actuals(
    rv: Review, values: dict[str, int], *, source: str, confirm: bool = False, month: str | None = None
) -> ReviewResult:
    """Record a month's actuals from a file (or a whole typed set). A month that already has
    different figures is replaced only with ``confirm`` (the old ones stay in the history)."""
    unknown = [k for k in values if k not in LINE_BY_KEY]
    if unknown:
        return ReviewResult(False, error=f"知らない項目「{'」「'.join(unknown)}」があります。", next=rv.current())
    values = dict(values)
    if "gross_profit" in values and "sales" in values and "cost_of_sales" not in values:
        values["cost_of_sales"] = values["sales"] - values["gross_profit"]  # 粗利 given instead of 原価
    # Profit lines follow from their parts; keeping a copy would go stale when a part is corrected.
    parts = {
        "gross_profit": ("sales", "cost_of_sales"),
        "operating_profit": ("sales", "cost_of_sales", "sga"),
        "ordinary_profit": ("sales", "cost_of_sales", "sga", "non_operating_income", "non_operating_expenses"),
    }
    for key, need in parts.items():
        if key in values and all(k in values for k in need):
            del values[key]
    month = month or rv.month
    rec = rv.record_for(month)
    changed = {k: (rec.actuals[k], v) for k, v in values.items() if k in rec.actuals and rec.actuals[k] != v}
    if changed and not confirm:
        lines = [f"{label(k)}: {o:,} → {n:,}千円 (差 {n - o:+,})" for k, (o, n) in changed.items()]
        return ReviewResult(
            False,
            next=rv.current(),
            confirm=(
                f"{month_text(month)}の実績はすでに記録されています。次の項目が変わります:\n  "
                + "\n  ".join(lines)
                + "\n置き換えますか? 置き換えた値は履歴に残ります。"
                + reported_note(rec)
            ),
        )
    replace_actuals(rv, values, source=source, month=month)
    item = "" if month == rv.month else f"{month}:"
    for k, v in values.items():
        rv.record.answers[f"actuals.{item}{k}.value"] = make_record(f"{source}", v, rv.given_by)
    rv._after_change()
    err = rv._save()
    if err:
        return ReviewResult(False, error=err, next=rv.current())
    return ReviewResult(True, next=rv.current(), note=f"{source} の実績 {len(values)}項目を記録しました。")


def replace_actuals(rv: Review, values: dict[str, int], *, source: str, month: str | None = None) -> None:
    """Store ``values`` in the month's record; figures they replace go to its history and, in a
    reported month, become amendments."""
    rec = rv.record_for(month or rv.month)
    old = {k: rec.actuals[k] for k in values if k in rec.actuals and rec.actuals[k] != values[k]}
    if old:
        prev = [rec.answers.get(f"actuals.{k}.value") for k in old]
        by = next((p.given_by for p in prev if p is not None), rv.given_by)
        at = next((p.given_at for p in prev if p is not None), now())
        rec.actuals_history.append(
            ActualsEntry(values=old, source=rec.actuals_source or "手入力", given_by=by, given_at=at, replaced_at=now())
        )
    for k, v in values.items():
        amend(rec, f"actuals.{k}", label(k), rec.actuals.get(k), v, rv.given_by, reason=rv.amend_reason)
    rec.actuals.update(values)
    if source != "手入力" or not rec.actuals_source:
        rec.actuals_source = source
    rv._cmp = None
