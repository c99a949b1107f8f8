"""The portfolio screen (Pilot): rows, sort by any column, filter, Enter opens, broken plans explained."""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import DataTable, Input

from kaizen_guide.tui.app import KaizenApp
from kaizen_guide.tui.screens.interview import InterviewScreen
from kaizen_guide.tui.screens.monitor import MonitorScreen
from kaizen_guide.tui.screens.portfolio import PortfolioScreen


async def _until(pilot, predicate, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def _files(screen: PortfolioScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def _loaded(pilot) -> PortfolioScreen:
    app = pilot.app
    await _until(pilot, lambda: isinstance(app.screen, PortfolioScreen) and app.screen.summaries)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PortfolioScreen)
    return screen


def _app(root: Path) -> KaizenApp:
    return KaizenApp(portfolio=root, show_save_time=False, show_plan_folder=False)


async def test_rows_sort_and_filter(practice: Path) -> None:
    async with _app(practice).run_test(size=(160, 30)) as pilot:
        screen = await _loaded(pilot)
        assert _files(screen) == ["2027/midori.json", "broken.json", "future.json", "new.json", "sakura.json"]
        status = str(screen.query_one("#portfolio-status").render())
        assert "5件中 5件" in status and "読めない計画 2件" in status
        table = screen.query_one(DataTable)
        header = [str(c.label) for c in table.columns.values()]
        assert any("会社名" in h for h in header) and any("売上 達成率" in h for h in header)

        await pilot.press("2")  # 会社名, ascending; the unreadable ones last
        assert _files(screen)[3:] == ["broken.json", "future.json"]
        assert _files(screen)[0] == "new.json"  # no name yet: empty sorts first
        await pilot.press("2")  # again: descending, the unreadable ones still last
        assert _files(screen)[2:] == ["new.json", "broken.json", "future.json"]

        await pilot.press("x")  # misses first
        assert _files(screen)[0] == "2027/midori.json"
        assert "未達の月" in str(screen.query_one("#portfolio-status").render())

        await pilot.press("o")  # overdue first: sorted on the due column
        assert "並び: 期限" in str(screen.query_one("#portfolio-status").render())

        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        pilot.app.focused.value = "業種:製造"
        await pilot.pause()
        assert _files(screen) == ["2027/midori.json"]
        pilot.app.focused.value = "さくら"
        await pilot.pause()
        assert _files(screen) == ["sakura.json"]
        pilot.app.focused.value = ""
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, DataTable)
        assert len(_files(screen)) == 5


async def test_enter_opens_the_plan_and_f9_comes_back(practice: Path) -> None:
    async with _app(practice).run_test(size=(160, 30)) as pilot:
        screen = await _loaded(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=_files(screen).index("sakura.json"))
        await pilot.press("enter")
        app = pilot.app
        await _until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        assert app.interview is not None and Path(app.interview.path).name == "sakura.json"
        await pilot.app.workers.wait_for_complete()
        await pilot.press("f9")
        await _until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        assert app.interview is None  # closed: its lock given up


async def test_m_opens_the_monthly_review(practice: Path) -> None:
    async with _app(practice).run_test(size=(160, 30)) as pilot:
        screen = await _loaded(pilot)
        screen.query_one(DataTable).move_cursor(row=_files(screen).index("sakura.json"))
        await pilot.press("m")
        await _until(pilot, lambda: isinstance(pilot.app.screen, MonitorScreen))
        await pilot.app.workers.wait_for_complete()


async def test_a_broken_plan_says_why_instead_of_opening(practice: Path) -> None:
    async with _app(practice).run_test(size=(160, 30)) as pilot:
        screen = await _loaded(pilot)
        screen.query_one(DataTable).move_cursor(row=_files(screen).index("broken.json"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PortfolioScreen)
        notes = [str(n.message) for n in pilot.app._notifications]
        assert any("読めません" in n for n in notes)


async def test_screen_keeps_textuals_visibility(practice: Path) -> None:
    # The screen's row filter was a method named `visible`, which hid Textual's visibility property
    # (a bool every widget inherits from its screen): the screen answered a bound method.
    async with _app(practice).run_test(size=(160, 30)) as pilot:
        screen = await _loaded(pilot)
        assert screen.visible is True
        assert screen.query_one(DataTable).visible is True
        screen.styles.visibility = "hidden"
        assert screen.visible is False and screen.query_one(DataTable).visible is False
