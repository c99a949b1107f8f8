"""Freezing an open plan from the command palette, and the due block on the start screen."""

from __future__ import annotations

from kaizen_guide.model.store import load_plan
from kaizen_guide.tui.screens.freeze import FreezeScreen

from .conftest import make_app, make_quarterly, search_palette, settle, type_text


async def test_freeze_from_the_palette_asks_for_the_note_and_saves_a_version(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await search_palette(pilot, "版として確定")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FreezeScreen)
        assert "第1版 (当初計画)" in str(screen.query_one("#freeze-summary").render())
        await pilot.press("enter")  # an empty note is refused
        await pilot.pause()
        assert isinstance(pilot.app.screen, FreezeScreen)
        assert "メモを入力" in str(screen.query_one("#freeze-error").render())
        await type_text(pilot, "ひまわり銀行に提出")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, FreezeScreen)
        notes = [n.message for n in pilot.app._notifications]
        assert any("第1版 (当初計画) として確定しました" in m for m in notes)
        # The interview goes on saving answers after the freeze (its signature of the file is current).
        assert app.interview.save_error is None
    plan = load_plan(sample_path)
    assert [(v.number, v.note) for v in plan.versions] == [(1, "ひまわり銀行に提出")]


async def test_freeze_cancelled_with_escape_writes_nothing(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pilot.app.action_freeze()
        await settle(pilot)
        assert isinstance(pilot.app.screen, FreezeScreen)
        await pilot.press("escape")
        await settle(pilot)
    assert load_plan(sample_path).versions == []


async def test_start_screen_shows_what_is_due_for_the_recent_plans(sample_path, monkeypatch):
    from datetime import date

    from kaizen_guide.tui import recent
    from kaizen_guide.tui.screens import start

    monkeypatch.setattr(start, "today", lambda: date(2027, 7, 25))
    make_quarterly(sample_path)  # a quarterly plan's due items (the sample is reviewed monthly, issue 14)
    recent.remember(sample_path, "株式会社さくら亭")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        box = pilot.app.screen.query_one("#start-due")
        assert box.display
        lines = str(box.render()).splitlines()
        assert lines[0] == "伴走支援の予定 (最近の計画)"
        assert lines[1].strip() == "期限切れ 2027-07-20 株式会社さくら亭: 第1四半期のモニタリング報告"
        assert lines[2].strip().startswith("予定 2027-10-20 株式会社さくら亭: 第2四半期")


async def test_start_screen_without_recent_plans_has_no_due_block():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query_one("#start-due").display
