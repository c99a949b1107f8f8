"""One plan as one line of the portfolio: who the client is, how far the plan is, how the months went.

Everything is computed by the engine the single-plan screens use (the interview's progress, the
plan checks, the monthly comparison); this module only picks the figures an advisor scans. A file
that does not load gives a summary with ``error`` set (the Japanese reason), never an exception.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

SUMMARY_VERSION = 2
"""Bump when the fields or how they are computed change: cached summaries of older versions are dropped."""

WHO = {"owner": "経営者", "advisor": "支援者"}
BAND_LABELS = {"ok": "計画どおり", "watch": "注意", "miss": "未達"}


@dataclass
class PlanSummary:
    path: str
    error: str | None = None
    company: str = ""
    industry: str = ""
    sections_done: int = 0
    sections_total: int = 0
    errors: int = 0  # 要修正
    warnings: int = 0  # 要確認
    last_month: str | None = None  # latest month with actuals
    sales_rate: float | None = None  # its 売上高 達成率
    sales_band: str | None = None
    profit_rate: float | None = None  # its 経常利益 達成率 (None when the plan is ≤ 0: judged on 差異)
    profit_band: str | None = None
    months_missed: int = 0  # months whose 売上高 or 経常利益 fell in the 未達 band (below 80% by default)
    months_recorded: int = 0
    edited_at: str | None = None  # ISO time of the latest answer or actuals entry
    edited_by: str | None = None  # "owner" | "advisor"
    version: int | None = None  # the plan version in force this month (None: never frozen)
    versions: int = 0
    due_date: str | None = None  # the first pending review/report (monitoring.calendar)
    due_label: str | None = None
    due_pending: int = 0
    overdue: int = 0
    computed_on: str | None = None  # the day the due figures were computed for
    valid_until: str | None = None  # from this day on they may differ: summarised again
    notes: list[str] = field(default_factory=list)

    def stale_on(self, today: date) -> bool:
        """Its due figures may not hold on ``today`` (past ``valid_until``, or before the day they
        were computed for: a clock set back)."""
        day = today.isoformat()
        if self.computed_on is not None and day < self.computed_on:
            return True
        return self.valid_until is not None and day >= self.valid_until

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlanSummary:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def summarize_file(path: Path, today: date | None = None) -> PlanSummary:
    """The summary of the plan file at ``path`` (its load error as ``error``) as of ``today``."""
    from ..model.store import PlanFileError, load_plan

    try:
        plan = load_plan(path)
    except PlanFileError as exc:
        return PlanSummary(path=str(path), error=exc.full_message)
    summary = summarize_plan(plan, path, today=today)
    if summary.edited_at is None:  # no record of who answered: the file's own time, nobody named
        try:
            summary.edited_at = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="minutes")
        except OSError:
            pass
    return summary


def summarize_plan(plan: Any, path: Path, *, bank: Any = None, today: date | None = None) -> PlanSummary:
    from ..checks import check_plan

    s = PlanSummary(path=str(path), company=plan.company.name, industry=plan.company.industry)
    _last_edit(s, plan)  # before _progress: adopting a plan without records would stamp them now
    _progress(s, plan, bank)
    findings = check_plan(plan)
    s.errors = sum(f.severity == "error" for f in findings)
    s.warnings = sum(f.severity == "warning" for f in findings)
    _monitoring(s, plan)
    _due(s, plan, today or date.today())
    return s


def _due(s: PlanSummary, plan: Any, today: date) -> None:
    """The version in force and what is due, from model/versions.py and monitoring/calendar.py.

    Both depend on the day; ``valid_until`` is the first day either could read differently (a due
    date passing, a period ending, a version taking effect), so the cache stays right day by day."""
    from ..model.versions import in_force_number
    from ..monitoring.calendar import due_items, schedule
    from ..monitoring.fiscal import MonitoringError

    s.computed_on = today.isoformat()
    s.versions = len(plan.versions)
    month = f"{today.year:04d}-{today.month:02d}"
    s.version = in_force_number(plan, month)
    edges = [_first_day(v.effective_from) for v in plan.versions if v.effective_from and v.effective_from > month]
    try:
        items = due_items(plan, today)
        every = schedule(plan, today)
    except MonitoringError as exc:
        s.notes.append(exc.message)
        items, every = [], []
    pending = [i for i in items if i.pending]
    s.due_pending = len(pending)
    s.overdue = sum(i.overdue for i in pending)
    first = next(iter(sorted(pending, key=lambda i: (not i.overdue, i.due))), None)
    if first is not None:
        s.due_date, s.due_label = first.due.isoformat(), first.label
    for item in every:
        if item.status != "done":
            edges += [
                item.due + timedelta(days=1),
                _month_end(item.months[-1]) + timedelta(days=1),
                _first_day(item.months[0]),
            ]
    later = [d for d in edges if d > today]
    s.valid_until = min(later).isoformat() if later else None


def _first_day(ym: str) -> date:
    return date(int(ym[:4]), int(ym[5:7]), 1)


def _month_end(ym: str) -> date:
    y, m = int(ym[:4]), int(ym[5:7])
    return date(y, m, monthrange(y, m)[1])


def _progress(s: PlanSummary, plan: Any, bank: Any) -> None:
    from ..engine import Interview

    # An in-memory interview: no lock, no file written; only its section progress is read. A plan
    # written without the interview (no answer records) is adopted as the interview would on open.
    interview = Interview.from_plan(plan, None, bank=bank or _bank(), autosave=False)
    sections = interview.progress()
    s.sections_total = len(sections)
    s.sections_done = sum(p.status == "done" for p in sections)


_BANK: list[Any] = []


def _bank() -> Any:
    if not _BANK:
        from ..banks import load_bank

        _BANK.append(load_bank())
    return _BANK[0]


def _monitoring(s: PlanSummary, plan: Any) -> None:
    from ..monitoring.compare import compare_month, plan_source
    from ..monitoring.fiscal import MonitoringError

    recorded = sorted(r.month for r in plan.monitoring if r.actuals)
    s.months_recorded = len(recorded)
    if not recorded:
        return
    actuals = {r.month: dict(r.actuals) for r in plan.monitoring if r.actuals}
    plans = plan_source(plan)
    for month in recorded:
        try:
            cmp = compare_month(plan, month, actuals, plans=plans)
        except MonitoringError as exc:
            s.notes.append(f"{month}: {exc.message}")
            continue
        sales, profit = cmp.row("sales"), cmp.row("ordinary_profit")
        if "miss" in (sales.band, profit.band):
            s.months_missed += 1
        if month == recorded[-1]:
            s.last_month = month
            s.sales_rate = None if sales.rate is None else round(float(sales.rate), 4)
            s.sales_band = sales.band
            s.profit_rate = None if profit.rate is None else round(float(profit.rate), 4)
            s.profit_band = profit.band


def _last_edit(s: PlanSummary, plan: Any) -> None:
    stamps: list[tuple[datetime, str]] = [(r.given_at, r.given_by) for r in plan.interview.answers.values()]
    for rec in plan.monitoring:
        stamps.extend((r.given_at, r.given_by) for r in rec.answers.values())
        stamps.extend((e.given_at, e.given_by) for e in rec.actuals_history)
    if stamps:
        when, who = max(stamps, key=lambda t: _naive(t[0]))
        s.edited_at, s.edited_by = _naive(when).isoformat(timespec="minutes"), who


def _naive(when: datetime) -> datetime:
    # Records written by different versions may or may not carry a time zone; compare them as local.
    return when.astimezone().replace(tzinfo=None) if when.tzinfo else when
