"""The year grid as a spreadsheet, the row form's checks and links, and a summary that shows
only figures whose inputs are in."""

from __future__ import annotations

from kaizen_guide.banks import load_bank
from kaizen_guide.engine.grid import derived_lines, grid_account
from kaizen_guide.model import Plan
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.widgets.grid_editor import CELL_WIDTH, GAP, LABEL_WIDTH, GridEditor
from kaizen_guide.tui.widgets.group_editor import CHECKED, UNCHECKED, MarkedSelectionList, RowFormScreen
from kaizen_guide.tui.widgets.summary import render_summary

from .conftest import Paste, burst, current_qid, goto, grid_lines, interview_screen, make_app, settle, until, user_texts


async def test_grid_cells_are_replaced_on_typing_cleared_with_one_key_and_totals_are_live(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        grid = interview_screen(pilot).composer.editor
        assert isinstance(grid, GridEditor)
        before = grid.text(0, 0)
        assert before  # the sample's 売上高
        # Typing on a cell replaces it; Enter moves down at once, so the next digits go to 売上原価.
        burst(app, "500,000", "enter", "200,000", "enter", "delete", "tab", "right", "left")
        await settle(pilot)
        assert grid.text(0, 0) == "500,000"
        assert grid.text(1, 0) == "200,000"
        assert grid.text(2, 0) == ""  # Delete emptied 販管費
        assert grid.cursor == (2, 1) and app.focused is grid.input
        totals = {line.label: line.values[0] for line in grid.lines}
        assert totals["売上総利益"] == 300_000
        drawn = grid_lines(grid)
        assert any(line.startswith("売上総利益") and line.split()[1] == "300,000" for line in drawn)
        # 350万円 becomes 3,500 when the cell is left, so the whole value fits the cell.
        burst(app, "350万円", "down")
        await settle(pilot)
        assert grid.text(2, 1) == "3,500"
        # At 80 columns the header and labels stay: the window shows whole years only.
        header = grid_lines(grid)[0]
        fits = (grid.size.width - LABEL_WIDTH - 1) // (CELL_WIDTH + GAP)
        assert grid.shown_columns == min(grid.n_columns, fits)
        assert [h for h in grid.headings if h in header] == grid.shown_headings()


async def test_sending_a_grid_says_what_was_entered_and_what_it_implies(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        burst(app, "ctrl+s")
        await until(pilot, lambda: current_qid(pilot) != "financials.pl" and user_texts(pilot), "the grid to be sent")
        await settle(pilot)
        said = user_texts(pilot)[-1]
    assert "表を入力しました" not in said
    assert "2024年3月期〜2026年3月期" in said and "経常利益" in said


def test_balance_sheet_difference_is_derived_from_the_cells():
    q = load_bank().question("financials.bs")
    cells = {"cash": ["100"], "capital_stock": ["60"], "long_term_borrowings": ["30"]}
    lines = {line.label: line.values[0] for line in derived_lines(q, cells, 1)}
    assert lines["資産合計"] == 100 and lines["負債・純資産合計"] == 90
    assert lines["差額 (資産−負債・純資産)"] == 10
    assert "不一致" in grid_account(q, cells, ["2026年3月期"])
    cells["retained_earnings"] = ["10"]
    assert "貸借一致" in grid_account(q, cells, ["2026年3月期"])
    assert derived_lines(q, {"cash": ["abc"]}, 1)[0].values == [None]  # unreadable: no total


def test_summary_never_shows_a_tick_before_the_numbers_it_needs():
    plan = Plan()
    plan.company.name = "株式会社テスト工務店"
    text = render_summary(plan, None)
    assert "✓" not in text
    assert "要入力: 損益計算書" in text and "要入力: 費用見通し" in text
    sample = build_sample_plan()
    from kaizen_guide.finance import compute_projection

    full = render_summary(sample, compute_projection(sample))
    assert "要入力" not in full and "経常黒字化 計画" in full


async def test_row_form_checks_every_required_field_at_save(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "drivers.segments")  # 区分名・単価・数量 are required
        rows_before = len(interview_screen(pilot).composer.editor.rows)
        burst(app, "a", "ctrl+s")  # an empty row, saved at once
        await until(
            pilot,
            lambda: isinstance(app.screen, RowFormScreen) and any(w.display for w in app.screen.query("#row-error")),
            "the form to say what is missing",
        )
        form = app.screen
        error = str(form.query_one("#row-error").render())
        required = [f for f in form.question.fields if f.required]
        assert len(required) >= 2
        for f in required:
            assert f.prompt.split("(")[0].split("（")[0].strip()[:6] in error
        burst(app, "escape")
        await until(pilot, lambda: not isinstance(app.screen, RowFormScreen), "the form to close")
        await settle(pilot)
        assert len(interview_screen(pilot).composer.editor.rows) == rows_before


async def test_links_look_chosen_only_when_they_are_and_save_what_is_shown(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        editor = interview_screen(pilot).composer.editor
        rows_before = len(editor.rows)
        burst(app, "a")
        await until(
            pilot, lambda: isinstance(app.screen, RowFormScreen) and app.screen.query(MarkedSelectionList), "the form"
        )
        await settle(pilot)
        form = app.screen
        links = form.query(MarkedSelectionList).first()
        burst(app, Paste("受注が社長の人脈頼み"), "tab", Paste("紹介以外の集客経路がない"))
        await settle(pilot)
        form.set_focus(links)
        burst(app, "space")  # choose the first 窮境要因
        await settle(pilot)
        marks = [list(links.render_line(i))[1].text for i in range(2)]
        assert marks == [CHECKED, UNCHECKED]
        chosen = list(links.selected)
        assert len(chosen) == 1
        burst(app, "ctrl+s")
        await until(pilot, lambda: len(editor.rows) == rows_before + 1, "the row to be saved")
        assert interview_screen(pilot).composer.editor is editor
        row = editor.rows[-1]
        field_id = links.id[2:]
        assert row[field_id] == chosen
