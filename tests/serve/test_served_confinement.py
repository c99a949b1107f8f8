"""The served app (``--root DIR``) opens, lists, creates and exports plans only inside DIR."""

from __future__ import annotations

import time
from pathlib import Path

from kaizen_guide.model import save_plan
from kaizen_guide.model.plan import Plan
from kaizen_guide.tui import recent
from kaizen_guide.tui.app import KaizenApp
from kaizen_guide.tui.screens.interview import InterviewScreen
from kaizen_guide.tui.screens.start import StartScreen


async def _until(pilot, predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def _plans(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "served"
    root.mkdir()
    inside = root / "inside.json"
    outside = tmp_path / "outside.json"
    for path in (inside, outside):
        save_plan(Plan(), path, backup=False)  # an unfinished plan: the interview asks
    return root, inside, outside


async def test_a_plan_outside_dir_is_refused_with_a_message(tmp_path: Path) -> None:
    root, _, outside = _plans(tmp_path)
    app = KaizenApp(root=root, show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=(110, 36)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StartScreen))
        app.open_plan(outside)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        shown = str(app.screen.query_one("#start-error").render())
        assert "開けません" in shown and str(root.resolve()) in shown
        app.open_monitor(tmp_path / "served" / ".." / "outside.json")  # no way out through ..
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.interview is None


async def test_a_plan_inside_dir_opens(tmp_path: Path) -> None:
    root, inside, _ = _plans(tmp_path)
    app = KaizenApp(root=root, show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=(110, 36)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StartScreen))
        app.open_plan(inside)
        await _until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.pause()
        await app.workers.wait_for_complete()  # the summary worker: done before the app closes
        await pilot.pause()
        assert app.interview is not None and Path(app.interview.path) == inside


async def test_the_recent_list_shows_only_plans_inside_dir(tmp_path: Path) -> None:
    root, inside, outside = _plans(tmp_path)
    recent.remember(outside, "外の会社")
    recent.remember(inside, "中の会社")
    app = KaizenApp(root=root, show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=(110, 36)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StartScreen))
        screen = app.screen
        assert isinstance(screen, StartScreen)
        assert [Path(r.path) for r in screen._recent] == [inside.resolve()]


def test_unconfined_app_refuses_nothing(tmp_path: Path) -> None:
    assert KaizenApp().outside_root(tmp_path / "anything.json") is None


def test_new_plans_are_created_inside_the_served_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAIZEN_GUIDE_PLANS_DIR", str(tmp_path))
    assert recent.new_plan_path("plan").parent == tmp_path


async def test_served_portfolio_lists_dir_and_opens_its_plans(tmp_path: Path) -> None:
    from textual.widgets import DataTable

    from kaizen_guide.tui.screens.portfolio import PortfolioScreen

    root, inside, _ = _plans(tmp_path)
    app = KaizenApp(root=root, portfolio=root, show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, PortfolioScreen) and app.screen.summaries)
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("enter")
        await _until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.interview is not None and Path(app.interview.path) == inside


async def test_actuals_outside_dir_are_not_read(tmp_path: Path) -> None:
    """The monthly review's file picker (ctrl+l) reads no server file outside DIR either."""
    from kaizen_guide.tui.screens.import_actuals import ImportActualsScreen

    root, inside, _ = _plans(tmp_path)
    secret = tmp_path / "other.csv"
    secret.write_text("科目,2027年4月\n売上高,1000\n", encoding="utf-8")
    app = KaizenApp(root=root, show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=(110, 36)) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, StartScreen))
        screen = ImportActualsScreen(Plan(), "2027-04", start_dir=root)
        await app.push_screen(screen)
        await pilot.pause()
        screen.read(secret)
        await pilot.pause()
        assert screen.result is None
        assert "開けません" in str(screen.query_one("#import-summary").render())
