"""Keys typed ahead are never lost or misplaced: a burst of answers sent with no wait between
them (a quick typist, a slow office PC, an IME committing a phrase at once) reaches the right
questions, in order, and the saved plan holds exactly what was typed."""

from __future__ import annotations

from kaizen_guide.model import load_plan

from .conftest import Paste, assistant_texts, burst, current_qid, interview_screen, make_app, settle, until


def saved(path, qid):
    record = load_plan(path).interview.answers.get(qid)
    return None if record is None else record.raw


async def test_a_burst_of_answers_lands_in_the_right_questions(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_qid(pilot) == "company.name"
        burst(
            app,
            Paste("株式会社テスト食堂"),
            "enter",
            "山田 太郎",
            "enter",  # typed key by key
            "静岡県浜松市中央区１－２－３",
            "enter",
            "昭和60年4月",
            "enter",
            "1,000万円",
            "enter",
            Paste("飲食業"),
            "enter",
            Paste("日本料理店の運営。\n仕出し弁当の製造販売。"),
            "ctrl+s",  # a paste, then at once ctrl+s
            "38",
            "enter",
        )
        await until(pilot, lambda: current_qid(pilot) == "company.fiscal_month", "the burst to be answered")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社テスト食堂"
    assert plan.company.representative == "山田 太郎"
    assert plan.company.address == "静岡県浜松市中央区１－２－３"
    assert saved(plan_path, "company.established") == "昭和60年4月"
    assert plan.company.capital == 10_000
    assert plan.company.industry == "飲食業"
    assert plan.company.business == "日本料理店の運営。\n仕出し弁当の製造販売。"
    assert plan.company.employees == 38


async def test_advisor_mode_burst_keeps_every_character(plan_path):
    """The reported case: in advisor mode 「1,000万円」 vanished and the next answer went into 資本金."""
    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(
            app,
            "A社",
            "enter",
            "佐藤一郎",
            "enter",
            "静岡県静岡市",
            "enter",
            "2001年4月",
            "enter",
            "1,000万円",
            "enter",
            "建設業",
            "enter",
            "ctrl+s",  # advisor mode: 会社概要 is one form; Enter moves to the next field, ctrl+s sends it
        )
        # 事業内容 and the rest are left empty: the interview goes on to 役員 (not back into the form).
        await until(pilot, lambda: current_qid(pilot) == "company.officers", "the burst to be answered")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert (plan.company.name, plan.company.representative, plan.company.address) == ("A社", "佐藤一郎", "静岡県静岡市")
    assert plan.company.capital == 10_000
    assert plan.company.industry == "建設業"


async def test_ctrl_q_keeps_unsent_text_as_a_draft_and_brings_it_back(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        burst(app, "株式会社下書き", "enter", Paste("山田"), "ctrl+q")  # typed, not sent, then quit at once
        await until(pilot, lambda: not app.is_running, "the app to quit")
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社下書き"
    assert plan.interview.drafts == {"company.representative": "山田"}

    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_qid(pilot) == "company.representative"
        editor = interview_screen(pilot).composer.editor
        assert editor.value() == "山田"
        assert any("下書き" in t for t in assistant_texts(pilot))
        burst(app, "end", " 太郎", "enter")
        await until(pilot, lambda: current_qid(pilot) == "company.address", "the answer to be taken")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert plan.company.representative == "山田 太郎"
    assert plan.interview.drafts == {}
