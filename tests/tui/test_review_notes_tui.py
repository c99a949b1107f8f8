"""Review notes in the TUI: the advisor attaches one (F7), the owner sees it at that question, replies,
resolves it, and it leaves the review screen's list of open notes."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from kaizen_guide.engine.notes import short_time
from kaizen_guide.model.store import load_plan
from kaizen_guide.tui.notes_view import md_escape
from kaizen_guide.tui.screens.note import NoteScreen
from kaizen_guide.tui.screens.review import ReviewScreen
from kaizen_guide.tui.widgets.open_notes import OpenNotesTable

from .conftest import assistant_texts, current_qid, goto, make_app, settle, type_text, until

NOTE = "KPIの根拠を決算書の数字で"


def _options(screen: NoteScreen) -> list[str]:
    choices = screen.query_one(OptionList)
    return [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]


async def _open_notes(pilot) -> NoteScreen:
    await pilot.press("f7")
    await until(pilot, lambda: isinstance(pilot.app.screen, NoteScreen), "the note dialog")
    await settle(pilot)
    return pilot.app.screen


async def test_advisor_note_is_shown_to_the_owner_then_resolved_and_gone_from_the_review(sample_path):
    # The advisor attaches a note to the 2nd 課題 (its row id I2), then a second one to 会社名.
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        dialog = await _open_notes(pilot)
        options = _options(dialog)
        assert options[0] == "＋ 新しいメモ: この質問"
        assert options[2].startswith("＋ 新しいメモ: 課題 2件目 (I2)")
        await pilot.press("down", "down")  # the input keeps the focus; ↑↓ choose the target
        await pilot.pause()
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("enter")  # nothing typed: refused with a message, nothing saved
        await settle(pilot)
        assert "内容を入力してください" in str(dialog.query_one("#note-message").render())
        await type_text(pilot, NOTE)
        await pilot.press("enter")
        await settle(pilot)
        saved = load_plan(sample_path).notes  # saved at once, before the dialog closes
        assert [(n.id, n.question_id, n.row, n.by, n.text) for n in saved] == [("N1", "issues", "I2", "advisor", NOTE)]
        agency = load_plan(sample_path).meta.support_agency
        assert any(o.startswith(f"N1 [未解決] {agency}より") for o in _options(dialog))
        await pilot.press("escape")
        await settle(pilot)
        await goto(pilot, "company.name")
        await _open_notes(pilot)
        await type_text(pilot, "登記簿どおりの商号か確認を")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    assert len(load_plan(sample_path).notes) == 2

    # The owner opens the plan: told there are notes; the review screen lists them, Enter goes there.
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("支援者からの未解決のメモが **2件**" in t for t in assistant_texts(pilot))
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
        await settle(pilot)
        table = pilot.app.screen.query_one(OpenNotesTable)
        assert table.display and table.row_count == 2 and pilot.app.focused is table
        assert "未解決のメモ 2件" in str(pilot.app.screen.query_one("#review-title").render())
        await pilot.press("enter")  # N1, the oldest open note
        await until(pilot, lambda: not isinstance(pilot.app.screen, ReviewScreen), "back to the interview")
        await settle(pilot)
        assert current_qid(pilot) == "issues"
        created = load_plan(sample_path).notes[0].created_at
        shown = [t for t in assistant_texts(pilot) if NOTE in t]
        # Who wrote it, by the name the plan had for them then (its 認定支援機関).
        agency = load_plan(sample_path).meta.support_agency
        assert shown and f"**{md_escape(agency)}より ({short_time(created)})** 課題 I2: {NOTE}" in shown[-1]

        # The owner replies and marks it resolved (F8); both are saved at once.
        dialog = await _open_notes(pilot)
        assert _options(dialog)[0].startswith("N1 [未解決]")  # the owner starts on the open note
        await type_text(pilot, "決算書の数字に直しました")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        note = load_plan(sample_path).notes[0]
        assert note.replies[0].by == "owner" and note.replies[0].text == "決算書の数字に直しました"
        assert note.resolved_by == "owner" and note.resolved_at is not None
        assert _options(dialog)[0].startswith("N1 [解決済み]") and "↳ 代表取締役 桜井 健一" in _options(dialog)[0]
        await pilot.press("escape")
        await settle(pilot)

        # Gone from the open list; the other note stays until it is resolved too.
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
        await settle(pilot)
        table = pilot.app.screen.query_one(OpenNotesTable)
        assert table.row_count == 1 and table.question_at_cursor() == "company.name"
        await pilot.press("escape")
        await settle(pilot)

        # A question with a resolved note shows nothing in the chat when reached again.
        before = len([t for t in assistant_texts(pilot) if NOTE in t])
        await goto(pilot, "company.name")
        await goto(pilot, "issues")
        assert len([t for t in assistant_texts(pilot) if NOTE in t]) == before


async def test_the_owner_cannot_attach_a_new_note_and_without_notes_the_review_has_no_list(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.name")
        screen = pilot.app.screen
        assert screen.check_action("note", ()) is False  # not in the owner's footer: nothing to reply to
        await pilot.press("f7")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, NoteScreen)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
        await settle(pilot)
        assert not pilot.app.screen.query_one(OpenNotesTable).display
        assert "メモ" not in str(pilot.app.screen.query_one("#review-title").render())
    assert load_plan(sample_path).notes == []


async def test_note_text_is_never_read_as_markup(sample_path):
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.name")
        await _open_notes(pilot)
        await type_text(pilot, "[b]太字[/b] [/x] **強調** [リンク](http://example.com)")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
        await settle(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ReviewScreen), "back to the interview")
        await settle(pilot)
        shown = [t for t in assistant_texts(pilot) if "太字" in t][-1]
        assert r"\*\*強調\*\*" in shown and r"\[リンク\]\(http://example\.com\)" in shown


async def test_the_advisor_attaches_a_note_to_a_grid_line_and_to_a_finding(sample_path):
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "drivers.costs")
        dialog = await _open_notes(pilot)
        options = _options(dialog)
        assert "＋ 新しいメモ: 人件費" in options
        finding = next(i for i, o in enumerate(options) if o.startswith("＋ 新しいメモ: 指摘: "))
        await pilot.press(*["down"] * finding)
        await type_text(pilot, "下振れ時の対策を")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*["up"] * (len(options) + 2))  # to the top (the list stops there)
        await pilot.press(*["down"] * options.index("＋ 新しいメモ: 人件費"))
        await type_text(pilot, "昇給の前提は？")
        await pilot.press("enter")
        await settle(pilot)
    notes = load_plan(sample_path).notes
    assert [(n.question_id, n.row, n.finding is not None) for n in notes] == [
        ("drivers.costs", None, True),
        ("drivers.costs", "personnel", False),
    ]


async def test_in_the_advisors_section_form_notes_are_named_and_f7_takes_the_focused_field(sample_path):
    from kaizen_guide.banks import load_bank
    from kaizen_guide.engine.notes import add_note
    from kaizen_guide.model import save_plan

    plan = load_plan(sample_path)
    add_note(plan, load_bank(), question_id="company.employees", text="パートを含めた人数で", by="owner")
    save_plan(plan, sample_path)
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.name")  # 会社概要 is one form in advisor mode
        shown = [t for t in assistant_texts(pilot) if "パートを含めた人数で" in t]
        assert shown and "**代表取締役 桜井 健一より (" in shown[-1] and "従業員数" in shown[-1]
        dialog = await _open_notes(pilot)
        assert dialog.question.id == "company.name"  # the field with the focus
        await pilot.press("escape")
        await settle(pilot)
