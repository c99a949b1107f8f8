"""Editors are reused between questions of their kind (issue 18: mounting and styling a new
group table or year grid for every question cost 30–90 ms of each answer). A reused editor must
show the new question's content only: its rows, cells, columns and text."""

from __future__ import annotations

from textual.widgets import DataTable, TextArea

from kaizen_guide.model import load_plan
from kaizen_guide.tui.widgets.composer import Editor, LineEditor, LongTextEditor
from kaizen_guide.tui.widgets.grid_editor import GridEditor
from kaizen_guide.tui.widgets.group_editor import GroupEditor

from .conftest import (
    answer_line,
    current_qid,
    goto,
    grid_lines,
    interview_screen,
    make_app,
    settle,
    type_text,
    until,
)


def _editor(pilot):
    return interview_screen(pilot).composer.editor


async def test_a_group_table_is_reused_for_the_next_group_even_after_a_line_question(sample_path):
    plan = load_plan(sample_path)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.officers")
        group = _editor(pilot)
        assert isinstance(group, GroupEditor) and len(group.rows) == len(plan.company.officers)
        await goto(pilot, "meta.prepared_by")
        line = _editor(pilot)
        assert isinstance(line, LineEditor) and line.display and not group.display  # put away, hidden
        assert app.focused is line.query_one("#line")
        await goto(pilot, "banks")
        assert _editor(pilot) is group and group.display and group.question.id == "banks"
        table = group.query_one(DataTable)
        assert table.row_count == len(plan.banks) == len(group.rows)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert names == [b.name for b in plan.banks]
        assert str(table.ordered_columns[1].label) == "金融機関名"
        assert app.focused is table and not line.display
        # Only one editor of a kind is kept: the composer holds the shown one and one hidden line.
        editors = [w for w in interview_screen(pilot).composer.children if w is not None and hasattr(w, "question")]
        assert sorted(type(e).__name__ for e in editors) == ["GroupEditor", "LineEditor"]


async def test_a_grid_reused_for_the_next_grid_shows_only_the_new_grids_cells(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        grid = _editor(pilot)
        assert isinstance(grid, GridEditor)
        await type_text(pilot, "999,999")  # typed, not sent: the next grid must not show it
        await goto(pilot, "financials.bs")
        assert _editor(pilot) is grid and grid.question.id == "financials.bs"
        bs = load_plan(sample_path).financials.years
        assert grid.row_labels[0] == "現金預金" and grid.n_rows == len(grid.question.rows)
        assert grid.cursor == (0, 0) and grid.text(0, 0) == f"{bs[0].bs.cash:,}"
        assert "999,999" not in "".join(grid_lines(grid)) and grid.input.value == f"{bs[0].bs.cash:,}"
        assert set(grid.value()) == {row.id for row in grid.question.rows}
        assert grid.lines[-1].label.startswith("差額") and grid.lines[-1].check
        assert app.focused is grid.input
        # It still edits and sends as a new one would.
        await pilot.press("ctrl+u")
        await type_text(pilot, "1,234")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: current_qid(pilot) != "financials.bs", "the grid to be sent")
        await settle(pilot)
    assert load_plan(sample_path).financials.years[0].bs.cash == 1234


async def test_a_reused_text_area_shows_the_new_questions_answer(sample_path):
    plan = load_plan(sample_path)
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.business")
        long = _editor(pilot)
        assert isinstance(long, LongTextEditor)
        await goto(pilot, "company.philosophy")
        assert _editor(pilot) is long and long.query_one(TextArea).text == plan.company.philosophy
        assert long.value() == plan.company.philosophy


async def test_a_grid_gets_the_taller_composer_and_the_next_line_question_the_usual_one(sample_path):
    """The composer's height limit follows the question (85 % of the screen for a grid, 65 %
    otherwise) without a CSS class: a class change restyled every editor parked in it."""
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        composer = interview_screen(pilot).composer
        await goto(pilot, "financials.pl")
        assert isinstance(_editor(pilot), GridEditor)
        assert composer.styles.max_height.value == 85 and not composer.classes
        await goto(pilot, "meta.prepared_by")
        assert isinstance(_editor(pilot), LineEditor)
        assert composer.styles.max_height.value == 65
        await goto(pilot, "financials.bs")
        assert composer.styles.max_height.value == 85


async def test_after_an_answer_an_editor_of_a_kind_still_to_come_waits_hidden(plan_path):
    """After each answer's frame, one editor of a kind the bank asks with and the composer lacks
    is mounted hidden (the first text area, group table or grid took 30-50 ms of the answer that
    brought it, issue 18); the first question of that kind is then asked in it."""
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        composer = interview_screen(pilot).composer
        for text in ("株式会社テスト", "山田 太郎", "静岡県浜松市中央区1-2-3"):
            await answer_line(pilot, text)
        assert current_qid(pilot) == "company.established"
        hidden = {type(e): e for e in composer.children if isinstance(e, Editor) and not e.display}
        assert {LongTextEditor, GroupEditor, GridEditor} <= set(hidden)
        assert isinstance(_editor(pilot), LineEditor) and _editor(pilot).display
        await goto(pilot, "company.officers")
        group = _editor(pilot)
        assert group is hidden[GroupEditor] and group.display and group.question.id == "company.officers"
        assert group.rows == [] and app.focused is group
        await goto(pilot, "company.business")
        assert _editor(pilot) is hidden[LongTextEditor] and _editor(pilot).value() == ""


async def test_a_reused_option_list_shows_the_new_questions_choices_and_answer(sample_path):
    from textual.widgets import OptionList

    from kaizen_guide.tui.widgets.composer import ChoiceEditor

    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "support.allocation_basis")
        choice = _editor(pilot)
        assert isinstance(choice, ChoiceEditor)
        await goto(pilot, "monitoring_plan.frequency")
        assert _editor(pilot) is choice and choice.question.id == "monitoring_plan.frequency"
        options = choice.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [f"{n}. {c.label}" for n, c in enumerate(choice.question.choices, start=1)]
        stored = interview_screen(pilot).interview.edit_value("monitoring_plan.frequency")
        assert stored and choice.value() == stored and app.focused is options
        chosen = choice.question.choices[options.highlighted + 1]
        await pilot.press("down")
        await pilot.press("enter")  # it still sends as a new one would
        await until(pilot, lambda: current_qid(pilot) != "monitoring_plan.frequency", "the choice to be sent")
    assert load_plan(sample_path).monitoring_plan.frequency == chosen.value
