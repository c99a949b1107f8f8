"""アクションプラン progress board at a month: 済 / 実施中 / 未着手 / 遅延, KPI and 効果額.

Status comes from the latest recorded ``ActionStatus`` up to the month when there is one, else
from the action's dates (before its start: 未着手; between start and due: 実施中; after its due
without 済: 遅延). 効果額 (plan) is the plan year's effect pro rata to the fiscal month; the actual
effect is shown where a review recorded it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .fiscal import MonthPos

STATUS_LABELS = {"done": "済", "in_progress": "実施中", "not_started": "未着手", "delayed": "遅延"}


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

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def as_json(self) -> dict:
        return {"action_id": self.action_id, "title": self.title, "owner": self.owner, "start": self.start,
                "due": self.due, "status": self.status, "status_label": self.status_label, "kpi": self.kpi,
                "kpi_target": None if self.kpi_target is None else str(self.kpi_target),
                "kpi_actual": None if self.kpi_actual is None else str(self.kpi_actual),
                "effect_plan": self.effect_plan, "effect_actual": self.effect_actual, "note": self.note}


def progress_board(plan, pos: MonthPos) -> list[BoardRow]:
    latest: dict[str, object] = {}
    notes: dict[str, list[str]] = {}
    by_month = {r.month: r for r in plan.monitoring}
    for rec in sorted(plan.monitoring, key=lambda r: r.month):
        if rec.month > pos.month:
            break
        for chk in rec.action_checks:
            src = by_month.get(chk.month)
            if src is not None and chk.index < len(src.next_actions) and src.next_actions[chk.index].action_id:
                label = {"done": "済", "partial": "一部", "not_done": "未実施"}[chk.status]
                notes.setdefault(src.next_actions[chk.index].action_id, []).append(f"{rec.month} 確認 {label}: {chk.result}")
        for st in rec.action_status:
            latest[st.action_id] = st
        for rm in rec.revised_measures:
            if rm.link:
                notes.setdefault(rm.link, []).append(f"{rec.month} 見直し")
        for na in rec.next_actions:
            if na.action_id:
                notes.setdefault(na.action_id, []).append(f"{rec.month} 次月アクション")
    rows = []
    for a in plan.actions:
        st = latest.get(a.id)
        if st is not None and st.status == "done":  # type: ignore[attr-defined]
            status = "done"
        elif pos.month < a.start:
            status = "not_started"
        elif pos.month <= a.due:
            status = "in_progress" if st is None or st.status != "not_started" else "not_started"  # type: ignore[attr-defined]
        else:
            status = "delayed"
        effect_plan = None
        if pos.plan_year >= 1 and a.effects:
            annual = a.effects[min(pos.plan_year - 1, len(a.effects) - 1)]
            effect_plan = annual * pos.index // 12
        rows.append(BoardRow(
            a.id, a.title, a.owner, a.start, a.due, status,
            f"{a.kpi.name} ({a.kpi.unit})" if a.kpi else "", a.kpi.target if a.kpi else None,
            getattr(st, "kpi_actual", None), effect_plan, getattr(st, "effect_actual", None),
            "・".join(notes.get(a.id, [])[-2:]),
        ))
    return rows
