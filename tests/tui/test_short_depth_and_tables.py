"""The short interview's 課題 form offers only what it can save; the demo's 課題 table shows
every row's 優先順位; a new メインバンク is marked in the plan at once."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from kaizen_guide.tui.widgets.group_editor import GroupEditor, RowFormScreen

from .conftest import goto, interview_screen, make_app, settle


async def test_the_short_issue_form_has_no_cause_link(plan_path):
    app = make_app(plan_path, depth="short")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        assert isinstance(interview_screen(pilot).composer.editor, GroupEditor)
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, RowFormScreen)
        labels = [str(label.render()) for label in form.query(Label)]
        assert any(label.startswith("課題") for label in labels)
        assert not any("窮境要因" in label for label in labels), labels


async def test_the_full_issue_form_links_causes(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        await pilot.press("a")
        await settle(pilot)
        labels = [str(label.render()) for label in pilot.app.screen.query(Label)]
        assert any("窮境要因" in label for label in labels), labels


async def test_the_demo_issue_table_shows_the_first_rows_priority(sample_path):
    """Seen in tmux at 80×24: row 1 had no 優先順位 (its value equals the model default and was
    left out when the sample was adopted)."""
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        table = interview_screen(pilot).composer.editor.query_one(DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        col = headers.index("優先順位")
        assert [str(table.get_row_at(r)[col]).strip() for r in range(table.row_count)] == ["1", "2", "3", "4"]
