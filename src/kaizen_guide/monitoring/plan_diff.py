"""What changed between two plan versions (or a version and the working plan), in plain Japanese.

Three sections, as a banker reads a 修正計画: the answers (by question, before → after, with who and
when from the answer records), the アクションプラン (added, removed, changed items), and the numbers
the banks watch (経常利益 by plan year, 債務償還年数, the 金融支援 request and the yearly repayment).
Pure: ``diff_plans(old, new, ...)`` → :class:`PlanDiff`; ``render_text`` / ``as_json`` show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kaizen_guide.engine.records import GIVER_LABELS
from kaizen_guide.model.plan import SUPPORT_TYPE_LABELS, ActionItem, AnswerRecord, Plan
from kaizen_guide.model.versions import PlanVersion, version_label

if TYPE_CHECKING:  # the finance engine is imported when the numbers are compared
    from kaizen_guide.finance.results import Projection

_ACTION_QUESTION = "actions"
_TEXT_LIMIT = 80


@dataclass
class Change:
    """One change: what (label), before → after (display text), and who / when where recorded."""

    id: str
    label: str
    before: str
    after: str
    kind: str = "changed"  # changed | added | removed
    given_by: str | None = None
    given_at: datetime | None = None
    details: list[str] = field(default_factory=list)
    raw_before: Any = None
    raw_after: Any = None

    @property
    def who(self) -> str:
        if self.given_by is None or self.given_at is None:
            return ""
        return f"{GIVER_LABELS.get(self.given_by, self.given_by)}・{self.given_at.astimezone():%Y-%m-%d %H:%M}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "raw_before": self.raw_before,
            "raw_after": self.raw_after,
            "details": list(self.details),
            "given_by": self.given_by,
            "given_by_label": GIVER_LABELS.get(self.given_by or "", None),
            "given_at": self.given_at.isoformat() if self.given_at else None,
        }


@dataclass
class DiffSection:
    id: str
    title: str
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Side:
    """One end of the comparison: a frozen version (number) or the working plan (None)."""

    number: int | None
    frozen_at: datetime | None = None
    note: str = ""
    file: str = ""  # another plan file compared as it is (``diff PLAN --against OTHER``)

    @classmethod
    def of(cls, version: PlanVersion | None) -> Side:
        if version is None:
            return cls(None)
        return cls(version.number, version.frozen_at, version.note)

    @property
    def label(self) -> str:
        base = version_label(self.number)
        if self.file:
            return f"計画ファイル {self.file}"
        if self.number is None:
            return base
        when = f"・{self.frozen_at.astimezone():%Y-%m-%d}確定" if self.frozen_at else ""
        return f"{base} (第{self.number}版{when})"

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "label": version_label(self.number),
            "frozen_at": self.frozen_at.isoformat() if self.frozen_at else None,
            "note": self.note,
            **({"file": self.file} if self.file else {}),
        }


@dataclass
class PlanDiff:
    company: str
    old: Side
    new: Side
    sections: list[DiffSection]

    @property
    def count(self) -> int:
        return sum(len(s.changes) for s in self.sections)

    def as_json(self) -> dict[str, Any]:
        return {
            "company": self.company,
            "from": self.old.as_json(),
            "to": self.new.as_json(),
            "count": self.count,
            "sections": [
                {"id": s.id, "title": s.title, "changes": [c.as_json() for c in s.changes], "notes": list(s.notes)}
                for s in self.sections
            ],
        }


# ---------------------------------------------------------------------------------------------
# formatting


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1] + "…"


def _amount(v: int | None, unit: str = "千円") -> str:
    if v is None:
        return "なし"
    from kaizen_guide.ja import format_amount

    return f"{format_amount(v)}{unit}"


def show(value: Any) -> str:
    """An answers-file value as short text: lists joined, rows counted, blanks as 「(未回答)」."""
    if value is None or value == "" or value == [] or value == {}:
        return "(未回答)"
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return _short("、".join(show(v) for v in value))
        return f"{len(value)}件"
    if isinstance(value, dict):
        return _short("; ".join(f"{k}: {show(v)}" for k, v in value.items()))
    return _short(str(value))


def _row_name(row: Any) -> str:
    if isinstance(row, dict):
        for key in ("name", "title", "id", "label", "item", "description", "bank"):
            if row.get(key):
                return _short(str(row[key]))
        first = next((v for v in row.values() if v not in (None, "")), "")
        return _short(str(first))
    return show(row)


def _row_details(before: list[Any], after: list[Any], names: dict[str, str]) -> list[str]:
    """Row by row: 「2件目 (本店): 金額 100 → 120」, 「追加: …」, 「削除: …」."""
    out: list[str] = []
    for i in range(max(len(before), len(after))):
        b = before[i] if i < len(before) else None
        a = after[i] if i < len(after) else None
        if b == a:
            continue
        if b is None:
            out.append(f"追加: {_row_name(a)}")
        elif a is None:
            out.append(f"削除: {_row_name(b)}")
        elif isinstance(a, dict) and isinstance(b, dict):
            keys = [k for k in dict.fromkeys([*b, *a]) if b.get(k) != a.get(k)]
            parts = [f"{names.get(k, k)} {show(b.get(k))} → {show(a.get(k))}" for k in keys]
            out.append(f"{i + 1}件目 ({_row_name(a)}): " + "、".join(parts))
        else:
            out.append(f"{i + 1}件目: {show(b)} → {show(a)}")
    return out


def _grid_details(before: dict[str, Any], after: dict[str, Any], names: dict[str, str]) -> list[str]:
    out = []
    for k in dict.fromkeys([*before, *after]):
        if before.get(k) != after.get(k):
            out.append(f"{names.get(k, k)}: {show(before.get(k))} → {show(after.get(k))}")
    return out


# ---------------------------------------------------------------------------------------------
# the sections


def _record(plan: Plan, qid: str, since: datetime | None) -> AnswerRecord | None:
    """The answer record that made the newer value, if it came after the older version."""
    rec = plan.interview.answers.get(qid)
    if rec is None or (since is not None and rec.given_at <= since):
        return None
    return rec


def _question_label(bank: Any, q: Any) -> str:
    from kaizen_guide.engine.notes import question_label

    return question_label(bank, q, limit=_TEXT_LIMIT)


def _answers(old: Plan, new: Plan, since: datetime | None, bank: Any) -> DiffSection:
    from kaizen_guide.engine.answers import plan_to_answers

    sec = DiffSection("answers", "回答")
    a_old, a_new = plan_to_answers(old, bank), plan_to_answers(new, bank)
    for q in bank.questions:
        if q.id == _ACTION_QUESTION:
            continue  # the アクションプラン has its own section, item by item
        b, a = a_old.get(q.id), a_new.get(q.id)
        if b == a:
            continue
        details: list[str] = []
        names = {f.id: f.prompt for f in [*q.fields, *q.rows]}
        if isinstance(b, list) or isinstance(a, list):
            details = _row_details(b if isinstance(b, list) else [], a if isinstance(a, list) else [], names)
        elif isinstance(b, dict) or isinstance(a, dict):
            details = _grid_details(b if isinstance(b, dict) else {}, a if isinstance(a, dict) else {}, names)
        rec = _record(new, q.id, since)
        kind = "added" if b is None else ("removed" if a is None else "changed")
        sec.changes.append(
            Change(
                q.id,
                _question_label(bank, q),
                show(b),
                show(a),
                kind,
                rec.given_by if rec else None,
                rec.given_at if rec else None,
                details,
                b,
                a,
            )
        )
    return sec


_ACTION_FIELDS = {
    "title": "実施項目",
    "measure_id": "対応する対策",
    "method": "方法・手順",
    "owner": "責任者",
    "start": "開始",
    "due": "期限",
    "kpi": "KPI",
    "pl_line": "影響する損益項目",
    "effects": "効果額",
    "one_off": "一時的な効果",
    "carries_cost_of_sales": "売上原価がかかる",
    "budget": "予算",
}


def _action_value(a: ActionItem, key: str) -> str:
    v = getattr(a, key)
    if key == "effects":
        return "、".join(_amount(x) for x in v) if v else "なし"
    if key == "kpi":
        return "なし" if v is None else _short(f"{v.name} {v.target}{v.unit}")
    if key == "pl_line":
        from kaizen_guide.model.plan import PL_LINE_LABELS

        return PL_LINE_LABELS.get(v, str(v))
    if key == "budget":
        return _amount(v)
    return show(v)


def _actions(old: Plan, new: Plan, since: datetime | None) -> DiffSection:
    sec = DiffSection("actions", "アクションプラン")
    rec = _record(new, _ACTION_QUESTION, since)
    by, at = (rec.given_by, rec.given_at) if rec else (None, None)
    before = {a.id: a for a in old.actions}
    after = {a.id: a for a in new.actions}
    for aid in dict.fromkeys([*before, *after]):
        b, a = before.get(aid), after.get(aid)
        if a is not None and b is None:
            sec.changes.append(
                Change(
                    f"action.{aid}",
                    f"{aid} {_short(a.title)}",
                    "(なし)",
                    f"{a.owner}・{a.start}〜{a.due}",
                    "added",
                    by,
                    at,
                    raw_after=a.model_dump(mode="json"),
                )
            )
        elif b is not None and a is None:
            sec.changes.append(
                Change(
                    f"action.{aid}",
                    f"{aid} {_short(b.title)}",
                    f"{b.owner}・{b.start}〜{b.due}",
                    "(削除)",
                    "removed",
                    by,
                    at,
                    raw_before=b.model_dump(mode="json"),
                )
            )
        elif a is not None and b is not None and a != b:
            keys = [k for k in _ACTION_FIELDS if getattr(a, k) != getattr(b, k)]
            details = [f"{_ACTION_FIELDS[k]}: {_action_value(b, k)} → {_action_value(a, k)}" for k in keys]
            sec.changes.append(
                Change(
                    f"action.{aid}",
                    f"{aid} {_short(a.title)}",
                    "、".join(_ACTION_FIELDS[k] for k in keys) + "を変更",
                    "",
                    "changed",
                    by,
                    at,
                    details,
                    b.model_dump(mode="json"),
                    a.model_dump(mode="json"),
                )
            )
    return sec


def _years_text(v: Decimal | None) -> str:
    return "算出不能" if v is None else f"{v.quantize(Decimal('0.1'))}年"


def _support_text(plan: Plan) -> str:
    s = plan.support
    if not s.needed:
        return "依頼しない"
    types = "・".join(SUPPORT_TYPE_LABELS.get(t, t) for t in s.types) or "(種類未入力)"
    start = f"{int(s.start[:4])}年{int(s.start[5:])}月から" if s.start else "開始月未入力・"
    return f"{types} ({start}{s.period_months}か月)"


def _numbers(old: Plan, new: Plan) -> DiffSection:
    sec = DiffSection("numbers", "数値計画")
    from kaizen_guide.finance import compute_projection

    projections: list[Projection | None] = []
    for p in (old, new):
        try:
            projections.append(compute_projection(p))
        except (ValueError, ArithmeticError) as exc:
            projections.append(None)
            sec.notes.append(f"{'変更前' if p is old else '変更後'}の数値計画を計算できません ({exc})。")
    po, pn = projections
    if _support_text(old) != _support_text(new):
        sec.changes.append(Change("support", "金融支援の依頼", _support_text(old), _support_text(new)))
    if old.support.request != new.support.request:
        sec.changes.append(
            Change(
                "support.request",
                "金融支援の依頼内容 (文章)",
                show(old.support.request),
                show(new.support.request),
                raw_before=old.support.request,
                raw_after=new.support.request,
            )
        )
    if po is None or pn is None:
        return sec
    labels = {y.offset: y.heading for y in pn.labels.plan}
    for y in range(max(len(po.pl), len(pn.pl))):
        b = po.pl[y].ordinary_income if y < len(po.pl) else None
        a = pn.pl[y].ordinary_income if y < len(pn.pl) else None
        if b != a:
            diff = f" ({a - b:+,}千円)" if a is not None and b is not None else ""
            sec.changes.append(
                Change(
                    f"ordinary_income.{y}",
                    f"経常利益 {labels.get(y, f'計画{y}年目')}",
                    _amount(b),
                    _amount(a) + diff,
                    raw_before=b,
                    raw_after=a,
                )
            )
    mo = {m.offset: m for m in po.plan_metrics}
    mn = {m.offset: m for m in pn.plan_metrics}
    for y in sorted(set(mo) | set(mn)):
        bm, am = mo.get(y), mn.get(y)
        years_b = bm.debt_repayment_years if bm else None
        years_a = am.debt_repayment_years if am else None
        if years_b != years_a:
            sec.changes.append(
                Change(
                    f"debt_repayment_years.{y}",
                    f"債務償還年数 {labels.get(y, f'計画{y}年目')}",
                    _years_text(years_b),
                    _years_text(years_a),
                    raw_before=None if years_b is None else str(years_b),
                    raw_after=None if years_a is None else str(years_a),
                )
            )
    ro, rn = po.repayment.total_repayment, pn.repayment.total_repayment
    for y in range(max(len(ro), len(rn))):
        b = ro[y] if y < len(ro) else None
        a = rn[y] if y < len(rn) else None
        if b != a:
            sec.changes.append(
                Change(
                    f"repayment.{y}",
                    f"返済額 (全金融機関) {labels.get(y, f'計画{y}年目')}",
                    _amount(b),
                    _amount(a),
                    raw_before=b,
                    raw_after=a,
                )
            )
    return sec


def diff_plans(old: Plan, new: Plan, *, old_side: Side, new_side: Side, bank: Any = None) -> PlanDiff:
    """The changes from ``old`` to ``new`` (both plans; the sides say which versions they are)."""
    from kaizen_guide.banks import load_bank

    bank = bank or load_bank()
    since = old_side.frozen_at
    sections = [_answers(old, new, since, bank), _actions(old, new, since), _numbers(old, new)]
    return PlanDiff(new.company.name or old.company.name, old_side, new_side, sections)


def render_text(d: PlanDiff) -> str:
    lines = [f"{d.company or '計画'}: {d.old.label} → {d.new.label} の変更点"]
    if d.old.note:
        lines.append(f"  変更前のメモ: {d.old.note}")
    if d.new.note:
        lines.append(f"  変更後のメモ: {d.new.note}")
    if d.count == 0:
        lines.append("変更はありません。")
    for s in d.sections:
        if not s.changes and not s.notes:
            continue
        lines.append("")
        lines.append(f"■ {s.title} ({len(s.changes)}件)")
        for c in s.changes:
            who = f"  [{c.who}]" if c.who else ""
            if s.id == "notes":
                lines.append(f"- {c.label}: {c.after}{who}")
            elif c.kind == "added" and s.id == "actions":
                lines.append(f"- 追加: {c.label} ({c.after}){who}")
            elif c.kind == "removed" and s.id == "actions":
                lines.append(f"- 削除: {c.label} ({c.before}){who}")
            elif s.id == "actions" or c.details:
                lines.append(f"- {c.label}: {'変更' if s.id != 'actions' else c.before}{who}")
            else:
                lines.append(f"- {c.label}: {c.before} → {c.after}{who}")
            lines.extend(f"    {detail}" for detail in c.details)
        lines.extend(f"  ({n})" for n in s.notes)
    return "\n".join(lines) + "\n"
