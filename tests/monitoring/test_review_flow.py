"""The monthly review flow on the sample company: the closed loop, checks as typed, replacing
actuals, and nothing accepted lost when the process is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date

import pytest

from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.review import Review

TODAY = date(2026, 12, 1)

JUNE_ACTUALS = {
    "sales": "28,100",
    "cost_of_sales": "11,200",
    "sga": "22,500",
    "personnel": "12,800",
    "non_operating_income": "150",
    "non_operating_expenses": "470",
    "cash_end": "8,200",
    "borrowings_end": "319,985",
}


@pytest.fixture
def plan_until_may(sample_plan):
    sample_plan.monitoring = [r for r in sample_plan.monitoring if r.month <= "2027-05"]
    return sample_plan


def _answer(rv, qid, raw):
    res = rv.answer(qid, raw)
    assert res.accepted, (qid, res.error, res.confirm)
    return res


def test_may_next_actions_are_asked_first_in_june(plan_until_may, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(plan_until_may, path)
    rv = Review.open(path, today=TODAY)
    assert rv.month == "2027-06"  # the month after the last record
    q = rv.current()
    may = plan_until_may.monitoring[-1].next_actions
    assert q.id == "prior.0.status" and may[0].text in q.prompt and may[0].target in q.prompt
    _answer(rv, "prior.0.status", "済")
    assert rv.current().id == "prior.0.result"
    _answer(rv, "prior.0.result", "2社訪問・見積2件")
    assert rv.current().id == "prior.1.status"  # no reason asked for a done action
    _answer(rv, "prior.1.status", "未実施")
    _answer(rv, "prior.1.result", "案内0社 / 目標30社")
    res = rv.answer("prior.1.reason", "忙しくてできなかった")
    assert res.accepted and res.follow_up  # checked like a cause: 「忙しかった」 is not a reason
    assert any(f.rule_id == "cause.vague_excuse" for f in res.findings)
    assert rv.current().id == "prior.1.reason"  # the follow-up waits for a better answer
    res = _answer(rv, "prior.1.reason", "代表が宴会場の空調故障の対応に追われ、案内文の発送が7月5日にずれた。")
    assert res.follow_up is None
    _answer(rv, "prior.1.new_due", "2027年7月5日")
    assert rv.current().id == "actuals.sales.value"
    stored = load_plan(path).monitoring[-1]
    assert stored.month == "2027-06"
    assert [(c.index, c.status) for c in stored.action_checks] == [(0, "done"), (1, "not_done")]
    assert stored.answers["prior.1.reason"].given_by == "owner"


def _enter_june(rv):
    for key, raw in JUNE_ACTUALS.items():
        _answer(rv, f"actuals.{key}.value", raw)


def _answer_plan_actions(rv):
    """June asks the actions started and not yet 済 (A2 in May, A3/A6 in April were 済)."""
    asked = [q.item for q in rv.questions() if q.step_id == "plan_actions" and q.field.id == "status"]
    assert asked == ["A1", "A4", "A5", "A7"]
    _answer(rv, "plan_actions.A1.status", "")  # Enter: the status the dates give
    _answer(rv, "plan_actions.A1.kpi_actual", "39.9")
    _answer(rv, "plan_actions.A4.status", "実施中")
    _answer(rv, "plan_actions.A4.kpi_actual", "")
    _answer(rv, "plan_actions.A5.status", "実施中")
    _answer(rv, "plan_actions.A5.kpi_actual", "3,900")
    _answer(rv, "plan_actions.A7.status", "済")
    _answer(rv, "plan_actions.A7.kpi_actual", "10")


def test_a_whole_miss_month_closes_the_loop_and_july_asks_about_it(plan_until_may, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(plan_until_may, path)
    rv = Review.open(path, "2027-06", today=TODAY, given_by="advisor")
    for qid, raw in [
        ("prior.0.status", "済"),
        ("prior.0.result", "見積2件"),
        ("prior.1.status", "済"),
        ("prior.1.result", "案内30社"),
    ]:
        _answer(rv, qid, raw)
    _enter_june(rv)
    assert rv.misses() == ["sales", "gross_profit", "cash_end"]
    # the deep dive asks the quantity of each segment before asking why
    assert rv.current().id == "segments.0.quantity"
    for k, (q, s) in enumerate([(8050, 19900), (900, 4650), (1140, "")]):
        _answer(rv, f"segments.{k}.quantity", str(q))
        _answer(rv, f"segments.{k}.sales", str(s))
    q = rv.current()
    assert q.id == "causes.sales.text"
    assert "宴会の数量が計画より900人少ない" in q.prompt and "主因" in q.prompt  # said before it asks why
    res = rv.answer(q.id, "天候不順の影響")
    assert res.follow_up and any(f.rule_id.startswith("cause.") for f in res.findings)
    _answer(
        rv,
        q.id,
        "最大顧客A社が6月の懇親会を秋に延期し、宴会人数が計画より900人少なかった。A社以外への営業をしていなかった。",
    )
    _answer(rv, "causes.sales.tag", "混合")
    _answer(
        rv, "causes.gross_profit.text", "宴会のキャンセルで食材の廃棄が増え、原価率が計画の37.5%を2.4ポイント上回った。"
    )
    _answer(rv, "causes.gross_profit.tag", "内部")
    _answer(
        rv,
        "causes.cash_end.text",
        "宴会場の空調が故障し、修理費1,100千円を現金で支払った。宴会の入金も約3,000千円少なかった。",
    )
    _answer(rv, "causes.cash_end.tag", "混合")
    res = rv.answer("measures.sales.text", "営業を強化する")
    assert res.follow_up and any(f.rule_id.startswith("countermeasure.") for f in res.findings)
    _answer(
        rv,
        "measures.sales.text",
        "過去3年に宴会利用のあった法人40社を代表が訪問して秋の宴会プランを提案し、9月までに新規10社を獲得する。",
    )
    _answer(rv, "measures.sales.link", "M2")
    _answer(
        rv,
        "measures.gross_profit.text",
        "予約人数が確定した3日前に仕入量を決めるルールにし、料理長が毎週廃棄量を記録する。",
    )
    _answer(rv, "measures.gross_profit.link", "A1")
    _answer(rv, "measures.cash_end.text", "資金繰り表を週次で更新し、空調修理費の分割払いを業者と交渉する。")
    _answer(rv, "measures.cash_end.link", "")
    # one next action per miss: the first three are asked without 「ほかにも?」
    assert "「売上高」の未達に対して" in rv.current().prompt
    bad = rv.answer("next_actions.0.due", "2027-09-30")
    assert not bad.accepted  # not a current question yet, and never outside next month
    for i, (text, owner, due, target) in enumerate(
        [
            (
                "法人40社に秋の宴会プランの案内を送り、20社を訪問する",
                "代表取締役 桜井 健一",
                "7月25日",
                "案内40社・訪問20件",
            ),
            (
                "宴会の仕入量を予約確定人数で決めるルールを作る",
                "料理長 山田 誠",
                "2027/7/15",
                "ルール1枚・廃棄記録4週分",
            ),
            ("週次の資金繰り表を作る", "専務取締役 桜井 由美", "2027年7月10日", "週次資金繰り表4回"),
        ]
    ):
        _answer(rv, f"next_actions.{i}.text", text)
        _answer(rv, f"next_actions.{i}.owner", owner)
        res = rv.answer(f"next_actions.{i}.due", "2027年9月30日")
        assert not res.accepted and "来月 (2027年7月)" in res.error
        _answer(rv, f"next_actions.{i}.due", due)
        _answer(rv, f"next_actions.{i}.target", target)
    assert rv.current().id == "next_actions.2.more"
    _answer(rv, "next_actions.2.more", "いいえ")
    _answer_plan_actions(rv)
    assert rv.current() is None and rv.is_complete()

    june = load_plan(path).monitoring[-1]
    assert june.completed_at is not None
    assert [c.line for c in june.variance_causes] == ["sales", "gross_profit", "cash_end"]
    assert [c.tag for c in june.variance_causes] == ["mixed", "internal", "mixed"]
    assert [n.due.isoformat() for n in june.next_actions] == ["2027-07-25", "2027-07-15", "2027-07-10"]
    assert [n.line for n in june.next_actions] == ["sales", "gross_profit", "cash_end"]
    assert june.next_actions[1].action_id == "A1"
    assert {a.given_by for a in june.answers.values()} == {"advisor"}
    assert not [f for f in rv.findings() if f.rule_id.startswith("plan.monitoring")]

    july = Review.open(path, today=TODAY)
    assert july.month == "2027-07"
    q = july.current()
    assert q.id == "prior.0.status" and "法人40社に秋の宴会プランの案内を送り" in q.prompt


def test_replacing_actuals_asks_first_and_keeps_the_history(plan_until_may, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(plan_until_may, path)
    rv = Review.open(path, "2027-06", today=TODAY)
    res = rv.set_actuals({"sales": 28100, "cost_of_sales": 11200}, source="試算表.csv")
    assert res.accepted
    res = rv.set_actuals({"sales": 28500, "cost_of_sales": 11200}, source="試算表_修正.csv")
    assert not res.accepted and "28,100 → 28,500" in res.confirm
    assert load_plan(path).monitoring[-1].actuals["sales"] == 28100
    assert rv.set_actuals({"sales": 28500, "cost_of_sales": 11200}, source="試算表_修正.csv", confirm=True).accepted
    rec = load_plan(path).monitoring[-1]
    assert rec.actuals["sales"] == 28500 and rec.actuals_source == "試算表_修正.csv"
    assert rec.actuals_history[-1].values == {"sales": 28100} and rec.actuals_history[-1].replaced_at
    # by hand, the same: a different figure is confirmed before it replaces the recorded one
    rv.goto("actuals.sales.value")
    res = rv.answer("actuals.sales.value", "２８，０００")
    assert not res.accepted and "置き換えますか" in res.confirm
    assert rv.answer("actuals.sales.value", "２８，０００", confirm=True).accepted
    rec = load_plan(path).monitoring[-1]
    assert rec.actuals["sales"] == 28000 and [h.values for h in rec.actuals_history] == [
        {"sales": 28100},
        {"sales": 28500},
    ]


def test_amounts_as_people_type_them(plan_until_may):
    rv = Review(plan_until_may, "2027-06", autosave=False, today=TODAY)
    for qid in ("prior.0.status", "prior.0.result", "prior.1.status", "prior.1.result"):
        _answer(rv, qid, {"prior.0.status": "済", "prior.1.status": "済"}.get(qid, "済んだ"))
    _answer(rv, "actuals.sales.value", "2,810万円")
    assert rv.record.actuals["sales"] == 28100
    bad = rv.answer("actuals.cost_of_sales.value", "たくさん")
    assert not bad.accepted and bad.error.startswith("「2027年6月の売上原価")


CHILD = r"""
import sys
from datetime import date
from kaizen_guide.monitoring.review import Review
rv = Review.open(sys.argv[1], "2027-06", today=date(2026, 12, 1))
answers = [("prior.0.status", "済"), ("prior.0.result", "見積2件"), ("prior.1.status", "一部"),
           ("prior.1.result", "案内12社 / 目標30社"),
           ("prior.1.reason", "代表が空調故障の対応で発送できず、残り18社は7月5日に送る。"),
           ("prior.1.new_due", "2027年7月5日"), ("actuals.sales.value", "28,100")]
for qid, raw in answers:
    res = rv.answer(qid, raw)
    assert res.accepted, res.error
    print("ACCEPTED", qid, flush=True)
sys.stdin.readline()   # the person is typing the next answer when the process dies
"""


def test_kill_9_during_a_review_loses_nothing_accepted(plan_until_may, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(plan_until_may, path)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    accepted = []
    try:
        for line in proc.stdout:  # bounded by the child's 7 answers
            accepted.append(line.split()[1])
            if len(accepted) == 7:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    rec = load_plan(path).monitoring[-1]
    assert rec.month == "2027-06"
    for qid in accepted:
        assert qid in rec.answers, qid
    assert rec.actuals == {"sales": 28100}
    assert rec.action_checks[1].status == "partial" and rec.action_checks[1].new_due == date(2027, 7, 5)
    again = Review.open(path, today=TODAY)
    assert again.month == "2027-06"
    assert again.current().id == "actuals.cost_of_sales.value"  # continues where it stopped
    assert not list(tmp_path.glob(".plan.json.*.tmp"))
