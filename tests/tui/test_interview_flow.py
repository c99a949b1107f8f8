"""The interview screen driven end to end through the real engine and the real question banks."""

from __future__ import annotations

from kaizen_guide.model import load_plan
from kaizen_guide.tui.screens.review import EditAnswerScreen, ReviewScreen
from kaizen_guide.tui.widgets.composer import LineEditor, LongTextEditor
from kaizen_guide.tui.widgets.grid_editor import GridEditor
from kaizen_guide.tui.widgets.group_editor import GroupEditor, RowFormScreen

from .conftest import (
    answer_line,
    assistant_texts,
    current_qid,
    goto,
    grid_lines,
    interview_screen,
    make_app,
    search_palette,
    settle,
    type_text,
    user_texts,
)


def record(path, qid):
    return load_plan(path).interview.answers.get(qid)


async def add_row(pilot, first_field: str, *more: str) -> None:
    """In a group editor: open the row form, fill fields in order, save the row."""
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, RowFormScreen)
    await type_text(pilot, first_field)
    for text in more:
        await pilot.press("tab")
        if text:
            await type_text(pilot, text)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_short_interview_end_to_end_then_quit_and_resume(plan_path):
    """Text, month (和暦), amount (全角), long text, integer, fiscal month, skip, a group; then quit
    and reopen: the same question, nothing lost."""
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_qid(pilot) == "company.name"
        assert "はじめまして" in assistant_texts(pilot)[0]
        await answer_line(pilot, "株式会社テスト食堂")
        await answer_line(pilot, "山田 太郎")
        await answer_line(pilot, "静岡県浜松市中央区１－２－３")
        await answer_line(pilot, "昭和60年4月")
        assert current_qid(pilot) == "company.capital"
        await answer_line(pilot, "１，０００万円")
        await answer_line(pilot, "飲食業")
        assert current_qid(pilot) == "company.business"
        assert isinstance(interview_screen(pilot).composer.editor, LongTextEditor)
        await type_text(pilot, "日本料理店の運営。\n仕出し弁当の製造販売。")
        await pilot.press("enter")  # Enter is a new line (an IME commits with it), not send
        await settle(pilot)
        assert current_qid(pilot) == "company.business"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await answer_line(pilot, "３８人")
        await answer_line(pilot, "3月")
        assert current_qid(pilot) == "company.representative_age"
        for _ in range(3):  # 年齢・経営理念・後継者 are optional
            await pilot.press("ctrl+n")
            await settle(pilot)
        assert current_qid(pilot) == "company.officers"
        assert isinstance(interview_screen(pilot).composer.editor, GroupEditor)
        await add_row(pilot, "山田 太郎", "代表取締役", "５８")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert current_qid(pilot) == "company.shareholders"
        assert "役員 1件を入力しました" in user_texts(pilot)
        await pilot.press("ctrl+q")

    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社テスト食堂"
    assert plan.company.established == "1985-04"
    assert plan.company.capital == 10000
    assert plan.company.business == "日本料理店の運営。\n仕出し弁当の製造販売。"
    assert plan.company.employees == 38
    assert plan.company.fiscal_month == 3
    assert [(o.name, o.title, o.age) for o in plan.company.officers] == [("山田 太郎", "代表取締役", 58)]
    assert plan.interview.current == "company.shareholders"

    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_qid(pilot) == "company.shareholders"
        assert "続きから" in assistant_texts(pilot)[0]


async def test_each_answer_is_saved_before_the_next_question(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_line(pilot, "株式会社テスト")
        on_disk = load_plan(plan_path)
        assert on_disk.company.name == "株式会社テスト"
        assert on_disk.interview.current == current_qid(pilot) == "company.representative"
        assert "保存済み" in str(interview_screen(pilot).query_one("#topbar").render())


async def test_amount_preview_shows_how_the_input_is_read(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await interview_screen(pilot).ask(app.interview.bank.question("company.capital"))
        await settle(pilot)
        await type_text(pilot, "350万円")
        preview = pilot.app.screen.query_one(LineEditor).query_one("#preview")
        assert str(preview.render()) == "350万円 → 3,500千円"
        await pilot.press("ctrl+u")
        await type_text(pilot, "たくさん")
        assert "-error" in preview.classes
        assert "のように入力してください" in str(preview.render())  # says what it expected


async def test_bad_input_is_explained_and_the_question_stays(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_line(pilot, "")  # a required question left blank
        assert current_qid(pilot) == "company.name"
        assert "必須" in assistant_texts(pilot)[-1]


async def test_weak_answer_gets_a_follow_up_and_can_be_kept_as_is(sample_path):
    """A 課題 that blames only an external shock: the assistant follows up with the guideline
    point; ctrl+o keeps it (recorded as kept_weak) and the interview moves on."""
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        assert current_qid(pilot) == "issues"
        await add_row(pilot, "コロナで売上が減った")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = interview_screen(pilot)
        assert screen.pending == "issues" and current_qid(pilot) == "issues"
        texts = assistant_texts(pilot)
        assert any("根拠" in t for t in texts[-3:]), texts[-3:]
        assert "ctrl+o" in texts[-1]
        shown = {key for key, b in screen.active_bindings.items() if b.binding.show and b.enabled}
        assert "ctrl+o" in shown  # the footer offers "keep as is" only now
        await pilot.press("ctrl+o")
        await settle(pilot)
        # Next: the 基本方針, which depends on the 課題 just changed: confirm it as it is.
        assert current_qid(pilot) == "basic_policy"
        assert record(sample_path, "basic_policy").status == "needs_review"
        assert "確かめてください" in assistant_texts(pilot)[-1]
        assert screen.pending == "basic_policy"
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert current_qid(pilot) not in ("issues", "basic_policy")
    assert record(sample_path, "basic_policy").status == "ok"
    assert record(sample_path, "issues").status == "kept_weak"
    titles = [i.title for i in load_plan(sample_path).issues]
    assert titles[-1] == "コロナで売上が減った" and len(titles) == 5


async def test_weak_answer_revised_after_the_follow_up_is_accepted(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        await add_row(pilot, "コロナで売上が減った")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert interview_screen(pilot).pending == "issues"
        # Revise the new row (the last one) with an internal, controllable cause.
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RowFormScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "宴会に頼った売上構造で、個人客や仕出しの販路づくりが遅れている")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert current_qid(pilot) != "issues"
    assert record(sample_path, "issues").status == "ok"


async def test_back_then_edit_keeps_later_answers(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_line(pilot, "株式会社テスト")
        await answer_line(pilot, "山田 太郎")
        await answer_line(pilot, "浜松市")
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert current_qid(pilot) == "company.representative"
        editor = interview_screen(pilot).composer.editor
        assert editor.value() == "山田 太郎"  # the stored answer, ready to edit
        await pilot.press("ctrl+u")
        await answer_line(pilot, "山田 花子")
    plan = load_plan(plan_path)
    assert plan.company.representative == "山田 花子"
    assert plan.company.address == "浜松市"  # nothing after it was lost
    assert plan.company.name == "株式会社テスト"


async def test_choice_yes_no_multi_choice_and_other_types(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # choice (options from the banks answered earlier): the number key picks
        await goto(pilot, "meta.main_bank")
        await pilot.press("2")
        await settle(pilot)
        # yes/no with the n key
        await goto(pilot, "drivers.tax.sme_full_loss_use")
        await pilot.press("n")
        await settle(pilot)
        # multi choice: space toggles, ctrl+s sends
        await goto(pilot, "support.types")
        await pilot.press("space")  # the first option (元金据置, stored in the sample) is toggled off
        await pilot.press("ctrl+s")
        await settle(pilot)
        # percent, decimal, date (和暦), a list of months
        await goto(pilot, "cash.cash_sales_ratio")
        await pilot.press("ctrl+u")
        await answer_line(pilot, "６５％")
        await goto(pilot, "cash.collection_months")
        await pilot.press("ctrl+u")
        await answer_line(pilot, "1.5")
        await goto(pilot, "meta.created_on")
        await pilot.press("ctrl+u")
        await answer_line(pilot, "令和8年12月1日")
        await goto(pilot, "cash.bonus_months")
        await pilot.press("ctrl+u")
        await answer_line(pilot, "6、12")
    plan = load_plan(sample_path)
    assert plan.meta.main_bank == plan.banks[1].name
    assert plan.drivers.tax.sme_full_loss_use is False
    assert set(plan.support.types) == {"reduced_repayment"}
    assert str(plan.cash.cash_sales_ratio) == "0.65"
    assert str(plan.cash.collection_months) == "1.5"
    assert plan.meta.created_on.isoformat() == "2026-12-01"
    assert plan.cash.bonus_months == [6, 12]


async def test_year_grid_edits_a_cell_and_sends_the_grid(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        grid = interview_screen(pilot).composer.editor
        assert isinstance(grid, GridEditor)
        assert grid.shown_headings() == ["2024年3月期", "2025年3月期", "2026年3月期"]
        assert grid_lines(grid)[0].split() == ["2024年3月期", "2025年3月期", "2026年3月期"]
        await pilot.press("tab", "tab")  # 売上高, 2026年3月期
        await pilot.press("ctrl+u")
        await type_text(pilot, "４６万円")
        assert "→ 460千円" in str(grid.query_one("#grid-preview").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, "460,000")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert current_qid(pilot) != "financials.pl"
    assert load_plan(sample_path).financials.years[2].pl.sales == 460000


async def test_review_lists_every_answer_and_edits_one_in_place(sample_path):
    """Enter on a row edits that answer; what depends on it is marked for review."""
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        review = pilot.app.screen
        assert isinstance(review, ReviewScreen)
        qids = review._qids
        assert len(qids) == len(app.interview.review())
        review.query_one("DataTable").move_cursor(row=qids.index("targets.plan_years"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditAnswerScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "6")
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is review
        table = review.query_one("DataTable")
        assert str(table.get_cell("targets.plan_years", "value")) == "6"
        goals_row = table.get_row("targets.goals")
        assert "再確認" in str(goals_row[0])
        await pilot.press("escape")
        await settle(pilot)
        assert interview_screen(pilot)
    plan = load_plan(sample_path)
    assert plan.targets.plan_years == 6
    assert plan.interview.answers["targets.goals"].status == "needs_review"
    assert plan.targets.goals  # the dependant's answer is kept, only flagged


async def test_command_palette_jumps_to_a_question(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_palette(pilot, "決算月")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert current_qid(pilot) == "company.fiscal_month"


async def test_outline_jumps_to_a_section(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        outline = interview_screen(pilot).query_one("#outline")
        outline.focus()
        outline.highlighted = outline.get_option_index("measures")
        await pilot.press("enter")
        await settle(pilot)
        assert current_qid(pilot) == "measures"


async def test_advisor_mode_folds_the_explanations(sample_path):
    app = make_app(sample_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.capital")
        question = app.interview.bank.question("company.capital")
        last = assistant_texts(pilot)[-1]
        assert question.help not in last and "F1" in last
        await pilot.press("f1")
        await settle(pilot)
        assert question.help in assistant_texts(pilot)[-1]
        await pilot.press("ctrl+u")
        await type_text(pilot, "1,200万円")
        await pilot.press("ctrl+s")  # advisor mode: 資本金 is a field of 会社概要's form, sent as a whole
        await settle(pilot)
    rec = record(sample_path, "company.capital")
    assert rec.value == 12000 and rec.given_by == "advisor"  # who answered is recorded


async def test_summary_shows_the_targets_once_the_numbers_exist(sample_path, monkeypatch):
    from kaizen_guide.tui.widgets.summary import Summary

    monkeypatch.setattr(Summary, "DELAY", 0)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        text = str(interview_screen(pilot).query_one("#summary-body").render())
        assert "経常黒字化" in text and "債務償還年数" in text


async def test_export_writes_the_workbook_and_reports_and_names_them(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("enter")  # the dialog shows where; Enter confirms
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    written = [sample_path.with_suffix(s) for s in (".xlsx", ".md", ".html")]
    assert all(p.is_file() for p in written)
    assert any("書き出しました" in m and str(written[0]) in m for m in messages), messages


async def test_export_says_so_when_the_export_module_is_missing(sample_path, monkeypatch):
    import builtins

    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        real_import = builtins.__import__

        def no_export(name, *args, **kwargs):
            if name == "kaizen_guide.export":
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", no_export)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        monkeypatch.setattr(builtins, "__import__", real_import)
        messages = [n.message for n in app._notifications]
        assert any("書き出し機能がまだ使えません" in m for m in messages), messages
