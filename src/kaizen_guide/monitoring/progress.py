"""アクションプラン progress board at a month: 済 / 実施中 / 未着手 / 遅延, KPI and 効果額.

Status: what this month's review recorded for the action (the owner confirms or corrects the
status the dates suggest); else 済 when an earlier review recorded it done; else from the action's
dates (:func:`derived_status`: before its start 未着手, between start and due 実施中, after its due
遅延). 効果額 plan vs actual to date: :mod:`.effects` (a recorded ``effect_actual`` wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model.plan import ActionItem, ActionStatus, Plan
from .effects import Effect, effects_to_date
from .fiscal import MonthPos
from .plan_months import MonthlyPlan

STATUS_LABELS = {"done": "済", "in_progress": "実施中", "not_started": "未着手", "delayed": "遅延"}


def derived_status(action: ActionItem, month: str, *, done_before: bool = False) -> str:
    """The status an action's dates give at ``month`` (済 only when a review recorded it)."""
    if done_before:
        return "done"
    if month < action.start:
        return "not_started"
    return "in_progress" if month <= action.due else "delayed"


def done_before(plan: Plan, action_id: str, month: str) -> bool:
    """An earlier review (before ``month``) recorded the action as 済."""
    return any(
        st.action_id == action_id and st.status == "done"
        for r in plan.monitoring
        if r.month < month
        for st in r.action_status
    )


@dataclass
class BoardRow:
    action_id: str
    title: str
    owner: str
    start: str
    due: str
    status: str
    kpi: str
    kpi_target: Decimal | None
    kpi_actual: Decimal | None
    effect_plan: int | None
    effect_actual: int | None
    note: str = ""
    effect_basis: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def as_json(self) -> dict[str, object]:
        return {
            "action_id": self.action_id,
            "title": self.title,
            "owner": self.owner,
            "start": self.start,
            "due": self.due,
            "status": self.status,
            "status_label": self.status_label,
            "kpi": self.kpi,
            "kpi_target": None if self.kpi_target is None else str(self.kpi_target),
            "kpi_actual": None if self.kpi_actual is None else str(self.kpi_actual),
            "effect_plan": self.effect_plan,
            "effect_actual": self.effect_actual,
            "effect_basis": self.effect_basis,
            "note": self.note,
        }


def progress_board(
    plan: Plan, pos: MonthPos, mp: MonthlyPlan | None = None, actuals: dict[str, dict[str, int]] | None = None
) -> list[BoardRow]:
    """Every plan action at ``pos``; 効果額 to date needs the month's plan ``mp`` and the derived
    ``actuals`` by month (without them only the recorded figures are shown)."""
    latest: dict[str, ActionStatus] = {}
    this_month: dict[str, ActionStatus] = {}
    notes: dict[str, list[str]] = {}
    by_month = {r.month: r for r in plan.monitoring}
    for rec in sorted(plan.monitoring, key=lambda r: r.month):
        if rec.month > pos.month:
            break
        for chk in rec.action_checks:
            src = by_month.get(chk.month)
            if src is not None and chk.index < len(src.next_actions) and src.next_actions[chk.index].action_id:
                label = {"done": "済", "partial": "一部", "not_done": "未実施"}[chk.status]
                notes.setdefault(src.next_actions[chk.index].action_id, []).append(
                    f"{rec.month} 確認 {label}: {chk.result}"
                )
        for status_row in rec.action_status:
            latest[status_row.action_id] = status_row
            if rec.month == pos.month:
                this_month[status_row.action_id] = status_row
        for rm in rec.revised_measures:
            if rm.link:
                notes.setdefault(rm.link, []).append(f"{rec.month} 見直し")
        for na in rec.next_actions:
            if na.action_id:
                notes.setdefault(na.action_id, []).append(f"{rec.month} 次月アクション")
    effects: dict[str, Effect] = effects_to_date(plan, pos, mp, actuals or {}) if mp is not None else {}
    rows = []
    for a in plan.actions:
        st = latest.get(a.id)
        now_st = this_month.get(a.id)
        if now_st is not None:
            status: str = now_st.status
        else:
            status = derived_status(a, pos.month, done_before=st is not None and st.status == "done")
            if status == "in_progress" and st is not None and st.status == "not_started":
                status = "not_started"
        eff = effects.get(a.id)
        recorded = getattr(st, "effect_actual", None)
        if eff is not None:
            effect_plan = eff.plan
        elif pos.plan_year >= 1 and a.effects:
            from .effects import annual_effect

            effect_plan = annual_effect(a, pos.plan_year) * pos.index // 12
        else:
            effect_plan = None
        effect_actual = recorded if recorded is not None else (eff.actual if eff is not None else None)
        basis = (
            "記録された実績"
            if recorded is not None
            else (eff.basis if eff is not None and eff.actual is not None else "")
        )
        rows.append(
            BoardRow(
                a.id,
                a.title,
                a.owner,
                a.start,
                a.due,
                status,
                f"{a.kpi.name} ({a.kpi.unit})" if a.kpi else "",
                a.kpi.target if a.kpi else None,
                getattr(now_st if now_st is not None else st, "kpi_actual", None),
                effect_plan,
                effect_actual,
                "・".join(notes.get(a.id, [])[-2:]),
                basis,
            )
        )
    return rows
