"""A Select in a row form picked by keys typed at once (Space ↓ Enter Tab text): the pick and the
next field's text both land where they were meant to (before, the ↓ and Enter reached the closed
Select, the pick was lost and a late focus call could pull the focus back)."""

from __future__ import annotations

from kaizen_guide.tui.widgets.form_select import FormSelect
from kaizen_guide.tui.widgets.group_editor import RowFormScreen

from .conftest import Paste, burst, goto, interview_screen, make_app, settle, until


async def test_selects_picked_in_a_burst_keep_the_pick_and_the_next_text(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "banks.loans")
        editor = interview_screen(pilot).composer.editor
        before = len(editor.rows)
        banks = [b for b, _label in app.interview.choices("banks.loans", "bank")]
        burst(
            app,
            "a",
            "space",
            "down",
            "enter",
            "tab",
            Paste("運転資金 (バースト)"),
            "tab",
            "space",
            "down",
            "down",
            "enter",
            "tab",
            Paste("5,000万円"),
            "ctrl+s",
        )
        await until(pilot, lambda: len(editor.rows) == before + 1, "the row to be saved")
        assert not isinstance(app.screen, RowFormScreen)
        row = editor.rows[-1]
        assert row["bank"] == banks[1]  # required: opens on the first, ↓ = 2nd
        assert row["label"] == "運転資金 (バースト)"
        assert row["kind"] == "保証協会付"  # optional: opens on the blank, ↓↓ = 2nd
        assert row["balance"] == "5,000万円"


async def test_escape_closes_the_list_and_keeps_the_value(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "banks.loans")
        burst(app, "a", "space", "down", "escape")
        await until(pilot, lambda: isinstance(app.screen, RowFormScreen), "the form")
        await settle(pilot)
        select = app.screen.query(FormSelect).first()
        assert not select.expanded and app.focused is select
        assert isinstance(app.screen, RowFormScreen)  # Escape closed the list, not the form
