"""The due calendar: which monitoring reviews and bank reports are due, and when.

From the plan's 伴走支援計画 (``monitoring_plan``: frequency, first review month, years, attendees)
and the rules in ``shared/domain/monitoring-reference.md`` §1.2:

- a review of each period (month / fiscal quarter / half / year, by the frequency), with the 試算表
  and a comment to the banks by about the **20th of the following month** (practice, one source);
- 405事業 (``plan_style`` full): at each 決算 in the monitoring years, the 伴走支援レポート to every
  lending bank, face to face, with the 申告書類: due at the end of the **2nd month after 期末** (the
  法人税 return is due 2 months after 期末; our reminder, not a rule);
- 早期経営改善計画 (early): the required 伴走支援(決算期), at **the first 決算 after one year has
  passed since the plan** (rule), due as above; the optional 期中 review is not listed;
- the last month of the monitoring years (decide with the banks whether to continue).

A period is done when its last month's record is reported (``reported_at`` or ``reported_to``),
reviewed when its months' reviews are complete. Pure: ``schedule(plan, today)``.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from kaizen_guide.finance.labels import fiscal_end
from kaizen_guide.model.plan import MonitoringRecord, Plan

from .fiscal import FiscalCalendar, add_months, month_key, month_text, split_month

STATUS_LABELS = {
    "overdue": "期限切れ",
    "due": "期限内",
    "reviewed": "振り返り済み・報告待ち",
    "upcoming": "予定",
    "done": "済",
}
FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
FREQUENCY_LABELS = {"monthly": "月次", "quarterly": "四半期", "half_yearly": "半期", "yearly": "決算"}
TRIAL_BALANCE_DAY = 20  # 試算表 to the banks by about the 20th of the next month (practice)
SETTLEMENT_LAG_MONTHS = 2  # the 申告書類 exist about 2 months after 期末


@dataclass(frozen=True)
class DueItem:
    """One review or report that is (or will be) due."""

    kind: str  # monthly | quarterly | half_yearly | yearly | settlement | early_settlement | final
    label: str
    months: tuple[str, ...]  # the months it covers ("YYYY-MM")
    due: date
    status: str  # overdue | due | reviewed | upcoming | done
    recipients: tuple[str, ...] = ()
    basis: str = ""  # why it is due (rule or practice)
    final: bool = False  # the last one of the monitoring years

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def pending(self) -> bool:
        """Due now or late (what the `due` command lists)."""
        return self.status in ("overdue", "due", "reviewed")

    @property
    def overdue(self) -> bool:
        return self.status == "overdue" or (self.status == "reviewed" and self._late)

    _late: bool = field(default=False, compare=False, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "months": list(self.months),
            "due": self.due.isoformat(),
            "status": self.status,
            "status_label": self.status_label,
            "overdue": self.overdue,
            "recipients": list(self.recipients),
            "basis": self.basis,
            "final": self.final,
        }


# ---------------------------------------------------------------------------------------------
# the fiscal calendar (any 決算月)


def fiscal_index(plan: Plan, ym: str) -> int:
    """Fiscal month number 1..12 (1 = 期首月) of a calendar month, for any 決算月."""
    return FiscalCalendar.of_plan(plan).index(ym)


def fiscal_year_label(plan: Plan, ym: str) -> str:
    """「2028年3月期」 for a month of that fiscal year."""
    cal = FiscalCalendar.of_plan(plan)
    return cal.label(cal.year_start(ym))


def _day(ym: str, day: int) -> date:
    y, m = split_month(ym)
    return date(y, m, min(day, monthrange(y, m)[1]))


def _month_end(ym: str) -> date:
    y, m = split_month(ym)
    return date(y, m, monthrange(y, m)[1])


def monitoring_window(plan: Plan) -> tuple[str, str] | None:
    """(first, last) month in which reviews take place, or None when the plan has no 決算期 yet.

    The first is ``monitoring_plan.start`` (the month of the first review); without it, the second
    month of plan year 1. The window lasts ``period_years`` years.
    """
    start = plan.monitoring_plan.start
    if start is None:
        end0 = fiscal_end(plan, 0)
        if end0 is None:
            return None
        start = add_months(month_key(*end0), 2)
    return start, add_months(start, 12 * plan.monitoring_plan.period_years - 1)


# ---------------------------------------------------------------------------------------------
# status


def _records(plan: Plan) -> dict[str, MonitoringRecord]:
    return {r.month: r for r in plan.monitoring}


def _reported(rec: MonitoringRecord | None) -> bool:
    return rec is not None and (rec.reported_at is not None or bool(rec.reported_to))


def _reviewed(rec: MonitoringRecord | None) -> bool:
    return rec is not None and rec.completed_at is not None


def _status(
    months: tuple[str, ...], due: date, today: date, recs: dict[str, MonitoringRecord], *, needs_review: bool = True
) -> tuple[str, bool]:
    late = due < today
    if _reported(recs.get(months[-1])):
        return "done", False
    if needs_review and all(_reviewed(recs.get(m)) for m in months):
        return "reviewed", late
    if late:
        return "overdue", True
    if _month_end(months[-1]) < today:
        return "due", False
    return "upcoming", False


# ---------------------------------------------------------------------------------------------
# the items


def _banks(plan: Plan) -> tuple[str, ...]:
    return tuple(b.name for b in plan.banks) or ("取引金融機関",)


def _main_bank(plan: Plan) -> tuple[str, ...]:
    return (plan.meta.main_bank,) if plan.meta.main_bank else _banks(plan)


def _period_label(plan: Plan, kind: str, months: tuple[str, ...]) -> str:
    first, last = months[0], months[-1]
    fy = fiscal_year_label(plan, last)
    span = f"{month_text(first)}〜{month_text(last)}" if first != last else month_text(first)
    if kind == "monthly":
        return f"{month_text(first)}の月次モニタリング (試算表と経営コメントを金融機関へ)"
    if kind == "quarterly":
        q = fiscal_index(plan, last) // 3
        return f"{fy} 第{q}四半期のモニタリング報告 ({span})"
    if kind == "half_yearly":
        half = "中間 (上半期)" if fiscal_index(plan, last) == 6 else "下半期"
        return f"{fy} {half}のモニタリング報告 ({span})"
    return f"{fy} 通期のモニタリング報告 ({span})"


def _periodic(plan: Plan, window: tuple[str, str], today: date, recs: dict[str, MonitoringRecord]) -> list[DueItem]:
    kind = plan.monitoring_plan.frequency
    n = FREQUENCY_MONTHS[kind]
    first, last = window
    out = []
    # Period ends are fiscal: every n-th fiscal month (quarter ends 3, 6, 9, 12 of the 期首 count).
    ym = add_months(first, -13)
    for _ in range(12 * 12 + 26):  # bounded: the window is at most 10 years
        ym = add_months(ym, 1)
        if fiscal_index(plan, ym) % n:
            continue
        meeting = add_months(ym, 1)  # reviewed (and reported) the month after the period
        if meeting < first:
            continue
        if meeting > last:
            break
        months = tuple(add_months(ym, -k) for k in range(n - 1, -1, -1))
        due = _day(meeting, TRIAL_BALANCE_DAY)
        status, late = _status(months, due, today, recs)
        to = _main_bank(plan) if kind == "monthly" else _banks(plan)
        out.append(
            DueItem(
                kind,
                _period_label(plan, kind, months),
                months,
                due,
                status,
                to,
                "試算表は翌月20日頃までに金融機関へ (実務の目安)",
                _late=late,
            )
        )
    return out


def _settlement(plan: Plan, end_month: str, kind: str, today: date, recs: dict[str, MonitoringRecord]) -> DueItem:
    months = tuple(add_months(end_month, -k) for k in range(11, -1, -1))
    due = _month_end(add_months(end_month, SETTLEMENT_LAG_MONTHS))
    status, late = _status(months[-1:], due, today, recs, needs_review=False)
    fy = fiscal_year_label(plan, end_month)
    if kind == "early_settlement":
        label = f"{fy} 決算期の伴走支援 (早期経営改善計画: 計画から1年経過後の最初の決算。結果を協議会へ)"
        basis = "早期経営改善計画: 計画策定から1年経過後の最初の決算期に必須 (実施しないと補助金の返還もありうる)"
        to = (*_banks(plan), "中小企業活性化協議会")
    else:
        label = f"{fy} 決算の伴走支援レポート (全金融機関に対面で報告・申告書類を添付)"
        basis = "405事業: 決算ごとにメイン・サブメインへ対面で報告 (申告書類は期末の2か月後が目安)"
        to = _banks(plan)
    return DueItem(kind, label, months, due, status, to, basis, _late=late)


def _plan_month(plan: Plan) -> str | None:
    if plan.meta.created_on is not None:
        return month_key(plan.meta.created_on.year, plan.meta.created_on.month)
    if plan.versions:
        at = plan.versions[0].frozen_at.astimezone()
        return month_key(at.year, at.month)
    return plan.monitoring_plan.start


def schedule(plan: Plan, today: date) -> list[DueItem]:
    """Every review and report of the plan's monitoring years (done ones too), by due date."""
    recs = _records(plan)
    items: list[DueItem] = []
    if plan.meta.plan_style == "early":
        made = _plan_month(plan)
        if made is None:
            return []
        # The first 決算 (期末 month) at least 12 months after the plan.
        end = add_months(made, 12)
        while fiscal_index(plan, end) != 12:
            end = add_months(end, 1)
        item = _settlement(plan, end, "early_settlement", today, recs)
        return [replace(item, final=True)]
    window = monitoring_window(plan)
    if window is None:
        return []
    items.extend(_periodic(plan, window, today, recs))
    ym = window[0]
    for _ in range(12 * 11):
        if fiscal_index(plan, ym) == 12:
            items.append(_settlement(plan, ym, "settlement", today, recs))
        if ym >= window[1]:
            break
        ym = add_months(ym, 1)
    last = window[1]
    status = (
        "done"
        if _reported(recs.get(add_months(last, -1)))
        else ("upcoming" if _day(last, 1) > today else ("due" if _month_end(last) >= today else "overdue"))
    )
    items.append(
        DueItem(
            "final",
            f"伴走支援期間の最終月 ({month_text(last)}): 期間後の進め方 (継続・終了) を金融機関と相談",
            (last,),
            _day(last, 1),
            status,
            _banks(plan),
            f"伴走支援計画の期間 {plan.monitoring_plan.period_years}年の最後の月",
            final=True,
            _late=status == "overdue",
        )
    )
    items.sort(key=lambda i: (i.due, i.kind))
    return items


def due_items(plan: Plan, today: date, *, upcoming: int = 1) -> list[DueItem]:
    """What needs doing now (late, due, reviewed but not reported) and the next ``upcoming`` ones."""
    items = schedule(plan, today)
    out = [i for i in items if i.pending]
    out.extend([i for i in items if i.status == "upcoming"][:upcoming])
    return sorted(out, key=lambda i: (i.due, i.kind))


def due_text(item: DueItem, today: date) -> str:
    """「2027-07-20 (あと5日) [期限内] 2028年3月期 第1四半期のモニタリング報告 … → ひまわり銀行、あおば信用金庫」"""
    days = (item.due - today).days
    when = "今日" if days == 0 else (f"{-days}日超過" if days < 0 else f"あと{days}日")
    status = "期限切れ (振り返り済み・報告待ち)" if item.status == "reviewed" and item.overdue else item.status_label
    to = f" → {'、'.join(item.recipients)}" if item.recipients else ""
    return f"{item.due.isoformat()} ({when}) [{status}] {item.label}{to}"
