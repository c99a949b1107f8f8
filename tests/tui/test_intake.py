"""Advisor intake (issue 19): the section form, the jump by label, quiet acceptance, who answered."""

from __future__ import annotations

from pathlib import Path

from kaizen_guide.engine import Interview
from kaizen_guide.model import load_plan
from kaizen_guide.tui.widgets.section_form import SectionForm

from .conftest import (
    assistant_texts,
    current_qid,
    goto,
    interview_screen,
    make_app,
    search_palette,
    settle,
    type_text,
    until,
)


def _owner_answered(path: Path) -> Path:
    """The sample as the owner answered it (its values adopted by an owner session)."""
    Interview.open(path, given_by="owner").close()
    return path


def _form(pilot) -> SectionForm:
    editor = interview_screen(pilot).composer.editor
    assert isinstance(editor, SectionForm), f"expected the section form, got {editor!r}"
    return editor


def _focused_field(pilot) -> str | None:
    return _form(pilot)._qid_of(pilot.app.focused)


async def palette_jump(pilot, text: str) -> None:
    """ctrl+p, ``text``, Enter on the best match."""
    await search_palette(pilot, text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)


async def test_the_section_form_moves_with_tab_and_sends_the_whole_section(plan_path):
    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = _form(pilot)
        assert [q.id for q in form.fields][:4] == [
            "company.name",
            "company.representative",
            "company.address",
            "company.established",
        ]
        assert _focused_field(pilot) == "company.name"
        await type_text(pilot, "株式会社テスト食堂")
        await pilot.press("tab")
        assert _focused_field(pilot) == "company.representative"
        await pilot.press("shift+tab")
        assert _focused_field(pilot) == "company.name"
        await pilot.press("tab")
        for text in ("山田 太郎", "静岡県浜松市中央区1-2-3", "昭和60年4月", "1,000万円", "飲食業"):
            await type_text(pilot, text)
            await pilot.press("tab")
        await type_text(pilot, "日本料理店の運営")  # 事業内容 (a text area: Tab moves on)
        await pilot.press("tab")
        for text in ("38人", "3月"):
            await type_text(pilot, text)
            await pilot.press("tab")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: current_qid(pilot) == "company.officers", "the form to be sent")
        await settle(pilot)
        assert any(t.startswith("✓ 9項目を保存") for t in assistant_texts(pilot))
    plan = load_plan(plan_path)
    assert (plan.company.name, plan.company.representative) == ("株式会社テスト食堂", "山田 太郎")
    assert plan.company.established == "1985-04" and plan.company.capital == 10_000
    assert plan.company.business == "日本料理店の運営" and plan.company.employees == 38
    assert plan.company.fiscal_month == 3
    assert {plan.interview.answers[q].given_by for q in ("company.name", "company.capital")} == {"advisor"}


async def test_required_fields_left_empty_do_not_reopen_the_form(plan_path):
    """An advisor who does not know 代表者 yet sends what is known and goes on (before, the form
    opened again on the empty field after every send)."""
    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "株式会社テスト食堂")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: current_qid(pilot) == "company.officers", "the interview to go on")
        await settle(pilot)
        assert not isinstance(interview_screen(pilot).composer.editor, SectionForm)
        assert any("未入力" in t for t in assistant_texts(pilot))
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社テスト食堂" and "company.representative" not in plan.interview.answers


async def test_a_bad_value_keeps_the_form_with_its_error_and_saves_the_good_ones(plan_path):
    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "株式会社A")
        await pilot.press("tab", "tab", "tab", "tab")  # to 資本金
        assert _focused_field(pilot) == "company.capital"
        await type_text(pilot, "たくさん")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = _form(pilot)  # the same form, still open
        message = str(form.query_one("#e-q-company__capital").render())
        assert "金額として読めません" in message
        assert _focused_field(pilot) == "company.capital"
        assert form.value()["company.capital"] == "たくさん"  # what was typed stays, to be corrected
        assert load_plan(plan_path).company.name == "株式会社A"  # the good one is saved already
        await pilot.press("ctrl+u")
        await type_text(pilot, "1,200万円")
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert plan.company.capital == 12_000 and plan.company.name == "株式会社A"


async def test_the_form_marks_the_owners_answers(sample_path):
    _owner_answered(sample_path)
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.capital")
        form = _form(pilot)
        assert _focused_field(pilot) == "company.capital"  # the form opens on the question asked
        assert str(form.query_one("#m-q-company__capital").render()) == "経営者の回答"
        # The value shows as 「12,000」: its label says the unit, so nobody reads it as 1万2千円.
        assert str(form.query_one("#l-q-company__capital").render()).startswith("資本金(千円)")
        assert "(" not in str(form.query_one("#l-q-company__name").render())  # text fields: no unit
        await pilot.press("ctrl+u")
        await type_text(pilot, "1,200万円")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await goto(pilot, "company.name")
        form = _form(pilot)
        assert str(form.query_one("#m-q-company__capital").render()) == "支援者の入力"
        assert str(form.query_one("#m-q-company__name").render()) == "経営者の回答"
    answers = load_plan(sample_path).interview.answers
    assert answers["company.capital"].given_by == "advisor" and answers["company.name"].given_by == "owner"


async def test_the_chat_and_the_review_say_who_answered(sample_path):
    _owner_answered(sample_path)
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")  # a grid: asked on its own, in the chat
        assert "今の回答は経営者の回答です" in assistant_texts(pilot)[-1]
        await pilot.press("ctrl+r")
        await settle(pilot)
        detail = str(pilot.app.screen.query_one("#review-detail").render())
        assert "[経営者の回答]" in detail


async def test_advisor_mode_accepts_with_one_status_line(sample_path):
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        before = len(assistant_texts(pilot))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: current_qid(pilot) != "financials.pl", "the grid to be sent")
        await settle(pilot)
        said = assistant_texts(pilot)[before:]
        assert said[0].startswith("✓ 損益計算書") or said[0].startswith("✓ ")
        assert "\n" not in said[0]


async def test_advisor_mode_follow_up_is_compact(sample_path):
    """The weak 課題 of the owner-mode snapshot: in advisor mode what is weak and the question,
    without the guideline point and the example (F1 has them)."""
    texts: dict[bool, str] = {}
    for advisor in (False, True):
        app = make_app(sample_path, advisor=advisor)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await goto(pilot, "issues")
            await pilot.press("a")
            await pilot.pause()
            await type_text(pilot, "コロナで売上が減った")
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            texts[advisor] = assistant_texts(pilot)[-1]
    assert "根拠" in texts[False] and "根拠" not in texts[True]
    assert "ctrl+o" in texts[True] and len(texts[True]) < len(texts[False]) * 3 // 4
    assert "外部環境の変化" in texts[True]  # what is weak is still said


async def test_jump_by_label_opens_the_form_on_that_field(sample_path):
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        await palette_jump(pilot, "資本金")
        assert current_qid(pilot) == "company.capital"
        assert _focused_field(pilot) == "company.capital"


async def test_jump_finds_a_row_of_a_grid_by_its_label(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await palette_jump(pilot, "棚卸資産")  # a row of the 貸借対照表 grid, not in its prompt
        assert current_qid(pilot) == "financials.bs"


async def test_the_mode_key_switches_between_the_form_and_one_question(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.capital")
        assert not isinstance(interview_screen(pilot).composer.editor, SectionForm)
        app.action_toggle_mode()
        await settle(pilot)
        assert _focused_field(pilot) == "company.capital"
        assert app.interview.given_by == "advisor"
        app.action_toggle_mode()
        await settle(pilot)
        assert not isinstance(interview_screen(pilot).composer.editor, SectionForm)
        assert app.interview.given_by == "owner"


async def test_unsent_form_fields_are_kept_as_drafts_and_come_back(plan_path):
    from kaizen_guide.tui.draft_keeper import DraftKeeper

    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_text(pilot, "株式会社下書き")
        await pilot.press("tab")
        await type_text(pilot, "山田")
        keeper = DraftKeeper(interview_screen(pilot))
        keeper.look()  # typing has paused: the next look keeps it
        keeper.look()
        assert load_plan(plan_path).interview.drafts == {
            "company.name": "株式会社下書き",
            "company.representative": "山田",
        }
        await type_text(pilot, " 太郎")
        await pilot.press("ctrl+q")  # quit at once: what was typed since is kept too
        await until(pilot, lambda: not app.is_running, "the app to quit")
    plan = load_plan(plan_path)
    assert plan.interview.drafts["company.representative"] == "山田 太郎"
    assert "company.name" not in plan.interview.answers  # nothing was sent

    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert _form(pilot).value()["company.representative"] == "山田 太郎"
        assert any("下書きから戻しました" in t for t in assistant_texts(pilot))
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社下書き" and plan.company.representative == "山田 太郎"
    assert plan.interview.drafts == {}
