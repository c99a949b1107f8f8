"""The monthly review screen: a whole review driven with Pilot, and snapshots at 80×24 and 120×40."""

from __future__ import annotations

from datetime import UTC, date

import pytest
from textual.widgets import DataTable, Input, OptionList, Sparkline, TextArea

from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.widgets.chat_log import AssistantMessage

from .conftest import make_app, settle, type_text

TODAY = date(2026, 12, 1)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

PRIOR = [
    "済",
    "2社訪問・見積2件",
    "一部",
    "案内12社 / 目標30社",
    "代表が宴会場の空調故障の対応に追われ、残り18社への案内の発送が7月5日にずれた。",
    "2027年7月5日",
]
ACTUALS = ["28,100", "11,200", "22,500", "12,800", "150", "470", "8,200", "319,985"]
SEGMENTS = ["8050", "19,900", "900", "4,650", "1140", ""]


@pytest.fixture
def june_path(tmp_path):
    plan = build_sample_plan(monitoring=True)
    plan.monitoring = [r for r in plan.monitoring if r.month <= "2027-05"]
    path = tmp_path / "sakura.json"
    save_plan(plan, path, backup=False)
    return path


def monitor_app(path, month="2027-06"):
    return make_app(path, monitor=True, month=month, today=TODAY)


def screen_of(pilot):
    from kaizen_guide.tui.screens.monitor import MonitorScreen

    assert isinstance(pilot.app.screen, MonitorScreen), pilot.app.screen
    return pilot.app.screen


async def send(pilot, text: str) -> None:
    """Answer the current question as a person would with its editor."""
    screen = screen_of(pilot)
    q = screen.question
    if q.type in ("choice", "yes_no"):
        ol = screen.composer.editor.query_one(OptionList)
        labels = [str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count)]
        ol.highlighted = next(i for i, lb in enumerate(labels) if lb.endswith(text) or text in lb)
        await pilot.pause()
        await pilot.press("enter")
    elif q.type == "long_text":
        screen.composer.editor.query_one(TextArea).text = ""
        await type_text(pilot, text)
        await pilot.press("ctrl+s")
    else:
        screen.composer.editor.query_one(Input).value = ""
        if text:
            await type_text(pilot, text)
        await pilot.press("enter")
    await settle(pilot)


def said(pilot) -> str:
    return "\n".join(m._markdown for m in screen_of(pilot).query(AssistantMessage))


async def reach_causes(pilot) -> None:
    await settle(pilot)
    for text in PRIOR + ACTUALS + SEGMENTS:
        await send(pilot, text)
    assert screen_of(pilot).question.id == "causes.sales.text"


async def test_a_whole_monthly_review_in_the_tui(june_path):
    app = monitor_app(june_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = screen_of(pilot)
        assert screen.question.id == "prior.0.status"
        assert "前回決めた「試食会に来られなかった葬儀社2社" in said(pilot)
        await reach_causes(pilot)
        text = said(pilot)
        # facts first, in plain Japanese, before the question asks why
        facts = text.index("今月の数字")
        assert facts < text.rindex("なぜ生じたと考えますか")
        assert "宴会の数量が計画より900人少ないことが主因" in text
        table = screen.query_one(DataTable)
        assert table.row_count == 11 and screen.query_one(Sparkline).data == [37650, 37000, 28100]
        # a vague cause gets the follow-up; a concrete one moves on
        await send(pilot, "景気が悪かった")
        assert screen.pending == "causes.sales.text" and screen.question.id == "causes.sales.text"
        await send(
            pilot,
            "最大顧客A社が6月の懇親会を秋に延期し、宴会人数が計画より900人少なかった。A社以外への営業をしていなかった。",
        )
        for text in [
            "混合",
            "宴会のキャンセルで食材の廃棄が増え、原価率が計画を2.4ポイント上回った。",
            "内部",
            "宴会場の空調が故障し、修理費1,100千円を現金で支払った。宴会の入金も約3,000千円少なかった。",
            "混合",
            "過去3年に宴会利用のあった法人40社を代表が訪問して秋の宴会プランを提案し、9月までに新規10社を獲得する。",
            "M2",
            "予約人数が確定した3日前に仕入量を決めるルールにし、料理長が毎週廃棄量を記録する。",
            "A1",
            "資金繰り表を週次で更新し、空調修理費の分割払いを業者と交渉する。",
            "なし",
        ]:
            await send(pilot, text)
        for i, (t, owner, due, target) in enumerate(
            [
                (
                    "法人40社に秋の宴会プランを案内し、20社を訪問する",
                    "代表取締役 桜井 健一",
                    "7月25日",
                    "案内40社・訪問20件",
                ),
                ("宴会の仕入量を予約確定人数で決めるルールを作る", "料理長 山田 誠", "7月15日", "ルール1枚"),
                ("週次の資金繰り表を作る", "専務取締役 桜井 由美", "7月10日", "週次資金繰り表4回"),
            ]
        ):
            await send(pilot, t)
            await send(pilot, owner)
            await send(pilot, "2027年9月1日")  # outside next month: refused, asked again
            assert screen.question.id == f"next_actions.{i}.due"
            await send(pilot, due)
            await send(pilot, target)
        assert screen.question.id == "next_actions.2.more"
        await send(pilot, "いいえ")
        # アクションプランの進捗: the board first, then each action started and not yet 済
        assert screen.question.id == "plan_actions.A1.status"
        assert "アクションプランの進捗" in said(pilot) and "**A1 実施中** 定番メニュー30品" in said(pilot)
        ol = screen.composer.editor.query_one(OptionList)
        assert str(ol.get_option_at_index(ol.highlighted).prompt).endswith("実施中")  # what the dates give
        await pilot.press("enter")  # confirmed as it is
        await settle(pilot)
        for text in ["39.9%", "実施中", "", "遅延", "3,900円"]:
            await send(pilot, text)
        assert screen.question.id == "plan_actions.A5.reason"
        await send(
            pilot,
            "シフト表の入力を店長一人で続けており、宴会の減った6月は見直しが止まった。7月から専務と週1回ずつ分担する。",
        )
        await send(pilot, "済")
        await send(pilot, "10")
        assert screen.question is None
        assert "振り返りを記録しました" in said(pilot)
    june = load_plan(june_path).monitoring[-1]
    assert {s.action_id: s.status for s in june.action_status} == {
        "A1": "in_progress",
        "A4": "in_progress",
        "A5": "delayed",
        "A7": "done",
    }
    assert june.month == "2027-06" and june.completed_at is not None
    assert [c.line for c in june.variance_causes] == ["sales", "gross_profit", "cash_end"]
    assert len(june.next_actions) == 3 and june.next_actions[0].due == date(2027, 7, 25)
    assert june.answers["causes.sales.text"].probes == 1


async def test_replacing_a_recorded_figure_asks_first(june_path):
    app = monitor_app(june_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for text in PRIOR + ACTUALS[:1]:
            await send(pilot, text)
        screen = screen_of(pilot)
        screen.review.goto("actuals.sales.value")
        await screen.ask(screen.review.current())
        await send(pilot, "29,000")
        assert screen.question.id == "confirm" and "置き換えますか" in said(pilot)
        await send(pilot, "はい")
        await settle(pilot)
    rec = load_plan(june_path).monitoring[-1]
    assert rec.actuals["sales"] == 29000 and rec.actuals_history[-1].values == {"sales": 28100}


async def test_reachable_from_the_start_screen(june_path):
    app = make_app(today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await type_text(pilot, str(june_path))
        await pilot.press("enter")
        await settle(pilot)
        assert screen_of(pilot).review.month == "2027-06"


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_miss_month_asking_why(snap_compare, june_path, size):
    async def run(pilot):
        await reach_causes(pilot)
        for w in pilot.app.screen.query("Input, TextArea"):
            w.cursor_blink = False
        await settle(pilot)

    assert snap_compare(monitor_app(june_path), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_sample_miss_month_recorded(snap_compare, tmp_path, size):
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(monitoring=True), path, backup=False)
    assert snap_compare(monitor_app(path), terminal_size=size, run_before=settle)


async def _until(pilot, cond) -> None:
    """Idle and ``cond()`` true (the file picker's DirectoryTree keeps a worker alive, so the shared
    ``settle`` would never return while it is open)."""
    for _ in range(500):  # bounded
        await pilot.pause()
        if cond():
            return
    raise AssertionError("the screen did not reach the expected state")


async def test_actuals_from_a_file_with_ctrl_l(june_path, tmp_path):
    from textual.widgets import Button, Static

    csv = tmp_path / "june.csv"
    csv.write_text(
        "科目,2027-06\n売上高,28100\n売上原価,11200\n販売費及び一般管理費,22500\n人件費,12800\n"
        "営業外収益,150\n営業外費用,470\n現金及び預金,8200\n借入金,319985\n",
        encoding="utf-8",
    )
    app = monitor_app(june_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for text in PRIOR:
            await send(pilot, text)
        assert screen_of(pilot).question.id == "actuals.sales.value"
        await pilot.press("ctrl+l")
        await _until(pilot, lambda: pilot.app.screen.query("#import-path"))
        await type_text(pilot, str(csv))
        await pilot.press("enter")
        ok = pilot.app.screen.query_one("#import-ok", Button)
        await _until(pilot, lambda: not ok.disabled)
        assert "形式" in str(pilot.app.screen.query_one("#import-summary", Static).render())
        await pilot.click("#import-ok")
        await _until(
            pilot,
            lambda: (
                getattr(pilot.app.screen, "question", None) is not None
                and pilot.app.screen.question.id == "segments.0.quantity"
            ),
        )
        assert "ファイルから取り込み: june.csv" in "\n".join(
            str(m.render()) for m in pilot.app.screen.query("UserMessage")
        )
    rec = load_plan(june_path).monitoring[-1]
    assert rec.actuals["sales"] == 28100 and rec.actuals_source == "june.csv"


async def test_f6_opens_the_review_of_the_open_plan(june_path):
    app = make_app(june_path, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert screen_of(pilot).review.month == "2027-06"
        await pilot.press("ctrl+g")
        await settle(pilot)
        from kaizen_guide.tui.screens.interview import InterviewScreen

        assert isinstance(pilot.app.screen, InterviewScreen)


async def test_ctrl_g_opens_the_plan_in_place_of_a_review_opened_on_its_own(june_path):
    """`kaizen-guide monitor` (or the start screen's m): no interview below, so 計画へ opens the
    plan in the review's place (before, it was hidden there, and from the list of plans it went back
    to the list). The review gives up the plan's lock first: the interview is not read-only."""
    from kaizen_guide.tui.screens.interview import InterviewScreen
    from kaizen_guide.tui.screens.monitor import MonitorScreen

    app = monitor_app(june_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = " ".join(str(k.render()) for k in pilot.app.screen.query("FooterKey"))
        assert "計画へ" in footer
        await pilot.press("ctrl+g")
        for _ in range(200):
            await settle(pilot)
            if isinstance(pilot.app.screen, InterviewScreen):
                break
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.interview.path == june_path and not screen.interview.read_only
        assert not any(isinstance(s, MonitorScreen) for s in pilot.app.screen_stack)


async def test_a_quarterly_plan_opens_on_the_next_quarter_and_asks_each_month(tmp_path):
    from datetime import datetime

    from kaizen_guide.model.plan import MonitoringRecord

    plan = build_sample_plan(monitoring=True)
    plan.monitoring_plan.frequency = "quarterly"
    plan.monitoring = [MonitoringRecord(month=r.month, actuals=dict(r.actuals)) for r in plan.monitoring]
    plan.monitoring[-1].period = "2027Q1"
    plan.monitoring[-1].completed_at = datetime(2027, 7, 10, tzinfo=UTC)
    path = tmp_path / "quarterly.json"
    save_plan(plan, path, backup=False)
    app = make_app(path, monitor=True, today=TODAY)  # no month: the next period without a record
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = screen_of(pilot)
        assert screen.review.period.code == "2027Q2"
        assert "第2四半期" in str(screen.query_one("#topbar").render())
        assert "期間 (2027年7月〜9月) の合計で振り返ります" in said(pilot)
        assert screen.question.id == "actuals.2027-07:sales.value"
        await send(pilot, "36,000")
        assert screen.question.id == "actuals.2027-07:cost_of_sales.value"
    stored = {r.month: r for r in load_plan(path).monitoring}
    assert stored["2027-07"].actuals == {"sales": 36000}  # July's actual kept in July's record
    assert stored["2027-09"].period == "2027Q2" and "actuals.2027-07:sales.value" in stored["2027-09"].answers
