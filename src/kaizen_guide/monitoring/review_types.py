"""The review's question and result types, and the month a review opens on.

Split out of ``review.py`` (by concern: what a question and an answer's outcome are, apart from the
flow that asks them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kaizen_guide.checks.findings import Finding
from kaizen_guide.engine.checking import MAX_PROBES
from kaizen_guide.engine.values import Options
from kaizen_guide.model.plan import Plan

from .bank import ReviewField, ReviewStep
from .fiscal import add_months

ACTUAL_HELP = {
    "sales": ("試算表の「売上高」(売上高合計) です。", "36,500"),
    "cost_of_sales": ("「売上原価」(仕入高 ± 棚卸の増減) です。棚卸をしていない月は仕入高で構いません。", "14,200"),
    "sga": ("「販売費及び一般管理費」の合計です (人件費を含みます)。", "23,800"),
    "personnel": ("販管費のうち、役員報酬・給料手当・賞与・法定福利費などの人件費の合計です。", "14,000"),
    "non_operating_income": ("受取利息・雑収入などの営業外収益です (なければ 0)。", "150"),
    "non_operating_expenses": ("支払利息などの営業外費用です (なければ 0)。", "460"),
    "cash_end": ("月末の現金及び預金の残高です (試算表の貸借対照表)。", "13,000"),
    "borrowings_end": ("月末の借入金残高 (短期・長期の合計。役員借入金は除く) です。", "313,000"),
}


NONE_LABEL = "なし (新しい対策・関連なし)"


@dataclass
class ReviewQuestion:
    """One question of the review, with its placeholders filled."""

    id: str
    step: ReviewStep
    field: ReviewField
    item: str
    context: dict[str, Any]
    options: Options | None = None

    def _fmt(self, text: str) -> str:
        try:
            return " ".join(text.format_map(self.context).split())
        except (KeyError, IndexError, ValueError):
            return " ".join(text.split())

    @property
    def prompt(self) -> str:
        return self._fmt(self.field.prompt)

    @property
    def help(self) -> str:
        return self._fmt(self.field.help)

    @property
    def example(self) -> str:
        return self._fmt(self.field.example)

    @property
    def type(self) -> str:
        return self.field.type

    @property
    def required(self) -> bool:
        return self.field.required

    @property
    def step_id(self) -> str:
        return self.step.id

    @property
    def step_title(self) -> str:
        return self.step.title

    @property
    def choices(self) -> Options:
        opts = list(self.options) if self.options is not None else [(c.value, c.label) for c in self.field.choices]
        if not self.required:
            opts.insert(0, ("", NONE_LABEL))  # an optional choice can be left empty from the list too
        return opts


@dataclass
class ReviewResult:
    accepted: bool
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    follow_up: str | None = None
    note: str | None = None
    next: ReviewQuestion | None = None
    confirm: str | None = None  # a replacement that needs a yes before it is made
    status: str | None = None
    probes_left: int = MAX_PROBES


@dataclass
class Item:
    """One item of a step (a prior action, a line, a miss …) and its prompt placeholders."""

    key: str
    context: dict[str, Any]


def default_month(plan: Plan) -> str:
    """The month a review opens on: an unfinished record, else the month after the last one, else
    the plan's first monitoring month."""
    records = sorted(plan.monitoring, key=lambda r: r.month)
    open_ = [r for r in records if r.completed_at is None]
    if open_:
        return open_[0].month
    if records:
        return add_months(records[-1].month, 1)
    if plan.monitoring_plan.start:
        return plan.monitoring_plan.start
    from .fiscal import year_months

    return year_months(plan, 1)[0]
