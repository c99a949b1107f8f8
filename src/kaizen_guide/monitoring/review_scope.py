"""What a review covers (one month, or a 四半期/半期/年度 on a plan reviewed per period) and the
アクションプラン progress it records: a mixin of :class:`~.review.Review`, split out of review.py by
concern (the flow stays there).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kaizen_guide.model.plan import ActionStatus, MonitoringRecord, Plan

from .fiscal import MonitoringError, MonthPos, add_months, month_text, split_month

if TYPE_CHECKING:
    from .compare import PlanSource
    from .periods import Period
    from .progress import BoardRow


class ReviewScope:
    """Months, labels and records of the review's scope; the plan actions' recorded status."""

    month: str
    period: Period | None
    plan: Plan
    pos: MonthPos
    _plans: PlanSource

    @property
    def record(self) -> MonitoringRecord:
        raise NotImplementedError

    def find_record(self, month: str) -> MonitoringRecord | None:
        raise NotImplementedError

    def actuals_by_month(self) -> dict[str, dict[str, int]]:
        raise NotImplementedError

    def _value(self, qid: str) -> Any:
        raise NotImplementedError

    def record_for(self, month: str) -> MonitoringRecord:
        """The record of ``month``: this review's, or (a period review) an earlier month of the period
        that holds only that month's actuals."""
        if month == self.month:
            return self.record
        rec = self.find_record(month)
        if rec is None:
            rec = MonitoringRecord(month=month, actuals_source="")
            self.plan.monitoring.append(rec)
            self.plan.monitoring.sort(key=lambda r: r.month)
        return rec

    @property
    def months(self) -> tuple[str, ...]:
        """The months this review covers (one, or the period's)."""
        return self.period.months if self.period is not None else (self.month,)

    @property
    def label(self) -> str:
        return self.period.title if self.period is not None else self.pos.label

    @property
    def short_label(self) -> str:
        if self.period is None:
            return self.pos.short_label
        return f"{self.period.short_title} ({self.period.span_text})"

    @property
    def next_months(self) -> tuple[str, ...]:
        """The months the next review covers (次月アクション are due within them)."""
        if self.period is None:
            return (add_months(self.month, 1),)
        from .period_review import next_period

        try:
            return next_period(self.plan, self.period).months
        except MonitoringError:  # the plan ends with this period: the following months
            return tuple(add_months(self.month, i + 1) for i in range(len(self.period.months)))

    @staticmethod
    def actual_target(item: str, month: str) -> tuple[str, str]:
        """(month, line key) of an actual_line item: 「sales」 for the review's month, 「2027-04:sales」."""
        if ":" in item:
            m, key = item.split(":", 1)
            return m, key
        return month, item

    def _common(self) -> dict[str, Any]:
        nxt = self.next_months
        if self.period is None:
            when, nxt_text, span = month_text(self.month), month_text(nxt[0]), f"来月 ({month_text(nxt[0])})"
        else:
            from .period_review import NEXT_LABEL

            last = split_month(nxt[-1])
            nxt_text = (
                f"{month_text(nxt[0])}〜{last[1]}月"
                if nxt[0][:4] == nxt[-1][:4]
                else (f"{month_text(nxt[0])}〜{month_text(nxt[-1])}")
            )
            when, span = self.short_label, f"{NEXT_LABEL[self.period.kind]} ({nxt_text})"
        return {"month_text": when, "next_month_text": nxt_text, "next_span": span, "company": self.plan.company.name}

    def _action_status(self, rec: MonitoringRecord) -> list[ActionStatus]:
        """The asked plan actions' status from the answers; statuses recorded without the review
        (the sample, an earlier version) are kept for the actions not asked."""
        from .review_items import asked_actions

        v = self._value
        out: list[ActionStatus] = []
        asked = set()
        for a in asked_actions(self):
            st = v(f"plan_actions.{a.id}.status")
            if st is None:
                continue
            asked.add(a.id)
            old = next((x for x in rec.action_status if x.action_id == a.id), None)
            kpi = v(f"plan_actions.{a.id}.kpi_actual") if a.kpi is not None else None
            reason = v(f"plan_actions.{a.id}.reason") if st in ("not_started", "delayed") else None
            out.append(
                ActionStatus(
                    action_id=a.id,
                    status=st,
                    kpi_actual=None if kpi is None else Decimal(str(kpi)),
                    evaluation=old.evaluation if old else None,
                    effect_actual=old.effect_actual if old else None,
                    comment=reason or (old.comment if old and st not in ("not_started", "delayed") else ""),
                )
            )
        return out + [x for x in rec.action_status if x.action_id not in asked]

    def board(self) -> list[BoardRow]:
        """The アクションプラン progress board at this month, 効果額 to date from the actuals."""
        from .lines import derive
        from .progress import progress_board

        mp = self._plans.for_month(self.month)(self.pos.plan_year)
        actuals = {m: derive(v)[0] for m, v in self.actuals_by_month().items() if m in self.pos.months}
        return progress_board(self.plan, self.pos, mp, actuals)
