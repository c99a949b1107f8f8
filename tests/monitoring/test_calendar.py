"""The due calendar: monthly, quarterly and 早期 plans, 決算月 other than March, the `due` command."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from kaizen_guide.cli import main
from kaizen_guide.model.store import save_plan
from kaizen_guide.monitoring.calendar import due_items, fiscal_index, monitoring_window, schedule
from kaizen_guide.sample import build_sample_plan


def _plan(
    fiscal_month: int,
    *,
    frequency: str = "quarterly",
    start: str | None = None,
    years: int = 1,
    style: str = "full",
    created: date | None = None,
):
    plan = build_sample_plan()
    for fy in plan.financials.years:
        fy.period_end = f"{fy.period_end[:4]}-{fiscal_month:02d}"
    plan.company.fiscal_month = fiscal_month
    plan.monitoring_plan.frequency = frequency
    plan.monitoring_plan.start = start
    plan.monitoring_plan.period_years = years
    plan.meta.plan_style = style
    plan.meta.created_on = created
    return plan


def _due(items, kind):
    return [(i.months[0], i.months[-1], i.due.isoformat()) for i in items if i.kind == kind]


def test_monthly_plan_closing_in_september():
    plan = _plan(9, frequency="monthly", start="2027-11", years=1)
    assert fiscal_index(plan, "2027-10") == 1 and fiscal_index(plan, "2028-09") == 12
    items = schedule(plan, date(2027, 11, 1))
    monthly = _due(items, "monthly")
    # Reviews from November 2027 for a year: October … September, 試算表 by the 20th of the next month.
    assert monthly[0] == ("2027-10", "2027-10", "2027-11-20")
    assert monthly[-1] == ("2028-09", "2028-09", "2028-10-20")
    assert len(monthly) == 12
    # 決算 (September) report: end of the 2nd month after 期末, to every bank.
    (settle,) = [i for i in items if i.kind == "settlement"]
    assert (settle.months[0], settle.months[-1], settle.due) == ("2027-10", "2028-09", date(2028, 11, 30))
    assert "2028年9月期 決算の伴走支援レポート" in settle.label
    assert set(settle.recipients) == {b.name for b in plan.banks}
    assert [i.recipients for i in items if i.kind == "monthly"][0] == (plan.meta.main_bank,)
    (final,) = [i for i in items if i.kind == "final"]
    assert final.months == ("2028-10",) and final.final
    assert [i.due for i in items] == sorted(i.due for i in items)


def test_quarterly_plan_closing_in_december_follows_fiscal_quarters():
    plan = _plan(12, frequency="quarterly", start="2027-04", years=1)
    items = schedule(plan, date(2027, 4, 1))
    quarters = _due(items, "quarterly")
    assert quarters == [
        ("2027-01", "2027-03", "2027-04-20"),
        ("2027-04", "2027-06", "2027-07-20"),
        ("2027-07", "2027-09", "2027-10-20"),
        ("2027-10", "2027-12", "2028-01-20"),
    ]
    labels = [i.label for i in items if i.kind == "quarterly"]
    assert labels[0].startswith("2027年12月期 第1四半期") and labels[3].startswith("2027年12月期 第4四半期")
    assert _due(items, "settlement") == [("2027-01", "2027-12", "2028-02-29")]


def test_half_yearly_and_default_start():
    plan = _plan(3, frequency="half_yearly", years=1)
    # Without a start month: from the second month of plan year 1.
    assert monitoring_window(plan) == ("2027-05", "2028-04")
    assert _due(schedule(plan, date(2027, 1, 1)), "half_yearly") == [
        ("2027-04", "2027-09", "2027-10-20"),
        ("2027-10", "2028-03", "2028-04-20"),
    ]


@pytest.mark.parametrize(
    "created, settlement_end, due",
    [
        (date(2026, 8, 10), "2028-06", date(2028, 8, 31)),  # 1 year → 2027-08; first 決算 after: 2028-06
        (date(2026, 6, 15), "2027-06", date(2027, 8, 31)),  # the 決算 month one year on counts
    ],
)
def test_early_plan_has_one_settlement_review_a_year_after_the_plan(created, settlement_end, due):
    plan = _plan(6, style="early", created=created)
    (item,) = schedule(plan, date(2026, 12, 1))
    assert item.kind == "early_settlement" and item.months[-1] == settlement_end and item.due == due
    assert item.final and "中小企業活性化協議会" in item.recipients
    assert "早期経営改善計画" in item.label


def test_statuses_follow_the_records():
    plan = build_sample_plan(monitoring=True)  # April–June reviewed
    plan.monitoring_plan.frequency = "quarterly"  # the sample is reviewed monthly (issue 14); quarterly here
    q1 = next(i for i in schedule(plan, date(2027, 7, 5)) if i.kind == "quarterly")
    assert (q1.months, q1.status, q1.overdue) == (("2027-04", "2027-05", "2027-06"), "reviewed", False)
    late = next(i for i in schedule(plan, date(2027, 7, 21)) if i.kind == "quarterly")
    assert late.status == "reviewed" and late.overdue
    plan.monitoring[-1].reported_at = datetime(2027, 7, 15, tzinfo=UTC)
    done = next(i for i in schedule(plan, date(2027, 7, 21)) if i.kind == "quarterly")
    assert done.status == "done" and not done.overdue
    nxt = due_items(plan, date(2027, 7, 21))
    assert [(i.months[0], i.status) for i in nxt] == [("2027-07", "upcoming")]
    # Nothing recorded for July–September: late once 2027-10-20 has passed.
    q2 = [i for i in due_items(plan, date(2027, 10, 25)) if i.kind == "quarterly"]
    assert [(i.months[0], i.status) for i in q2][0] == ("2027-07", "overdue")


def test_due_command_over_a_folder_sorted_by_date_with_exit_codes(tmp_path, capsys):
    folder = tmp_path / "clients"
    (folder / "a").mkdir(parents=True)
    save_plan(_plan(9, frequency="monthly", start="2027-11"), folder / "a" / "monthly.json", backup=False)
    quarterly = _plan(12, frequency="quarterly", start="2027-04")
    quarterly.company.name = "四半期株式会社"
    save_plan(quarterly, folder / "quarterly.json", backup=False)
    (folder / "notes.json").write_text('{"memo": 1}', encoding="utf-8")  # not a plan: skipped
    assert main(["due", str(folder), "--today", "2027-11-25", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert sorted(p["path"].rsplit("/", 1)[1] for p in data["plans"]) == ["monthly.json", "quarterly.json"]
    dues = [i["due"] for i in data["items"]]
    assert dues == sorted(dues)
    overdue = [(i["company"], i["kind"], i["months"][-1]) for i in data["items"] if i["overdue"]]
    sakura = build_sample_plan().company.name
    assert overdue == [
        ("四半期株式会社", "quarterly", "2027-03"),
        ("四半期株式会社", "quarterly", "2027-06"),
        ("四半期株式会社", "quarterly", "2027-09"),
        (sakura, "monthly", "2027-10"),
    ]
    assert data["overdue"] == 4

    # Before anything is late: exit 0, and the text says what comes next.
    assert main(["due", str(folder / "a" / "monthly.json"), "--today", "2027-11-05"]) == 0
    text = capsys.readouterr().out
    assert "2027-11-20 (あと15日) [期限内]" in text and "2027年10月の月次モニタリング" in text


def test_due_command_bad_input_exit_2(tmp_path, capsys):
    assert main(["due", str(tmp_path / "none.json")]) == 2
    assert main(["due", str(tmp_path), "--today", "2027-13-40"]) == 2
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 2, "company": ', encoding="utf-8")
    assert main(["due", str(broken)]) == 2
    assert "Traceback" not in capsys.readouterr().err
