"""The start screen, opening plans (good, corrupt, missing), the demo copy, crashes, start-up imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from kaizen_guide.locations import user_data_dir
from kaizen_guide.model import load_plan
from kaizen_guide.tui import recent
from kaizen_guide.tui.screens.start import OpenFileScreen, StartScreen

from .conftest import current_qid, interview_screen, make_app, settle, type_text

CORRUPT = '{"schema_version": 1, "company": {"name": "壊れた'


def start_screen(pilot) -> StartScreen:
    screen = pilot.app.screen
    assert isinstance(screen, StartScreen), screen
    return screen


async def test_start_screen_offers_new_sample_open_and_recent_plans(sample_path):
    recent.remember(sample_path, "株式会社さくら亭")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        menu = start_screen(pilot).query_one("#start-menu")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert ids[:3] == ["new", "demo", "open"]
        assert "recent:0" in ids
        menu.highlighted = ids.index("recent:0")
        await pilot.press("enter")
        await settle(pilot)
        assert interview_screen(pilot).interview.path == sample_path.resolve()


async def test_new_plan_is_created_under_the_user_data_folder():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert current_qid(pilot) == "company.name"
        path = Path(interview_screen(pilot).interview.path)
    assert path.parent == user_data_dir() / "plans"
    assert load_plan(path).company.name == ""  # created, empty, valid
    assert recent.load_recent()[0].path == str(path.resolve())


async def test_corrupt_plan_from_the_start_screen_is_explained_and_left_untouched(tmp_path):
    bad = tmp_path / "壊れた計画.json"
    bad.write_text(CORRUPT, encoding="utf-8")
    recent.remember(bad, "壊れた会社")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        menu = start_screen(pilot).query_one("#start-menu")
        menu.highlighted = menu.get_option_index("recent:0")
        await pilot.press("enter")
        await settle(pilot)
        screen = start_screen(pilot)  # still on the start screen, no traceback
        error = str(screen.query_one("#start-error").render())
        assert "壊れている" in error and bad.name in error
        assert "そのまま残してあります" in error
        assert screen.query_one("#start-error").display
    assert bad.read_text(encoding="utf-8") == CORRUPT
    assert not bad.with_name(bad.name + ".bak").exists()


async def test_open_file_dialog_opens_a_plan_and_explains_a_missing_one(sample_path, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OpenFileScreen)
        await type_text(pilot, str(tmp_path / "ない.json"))
        await pilot.press("enter")
        await pilot.pause()
        assert "見つかりません" in str(pilot.app.screen.query_one("#open-error").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, str(sample_path))
        await pilot.press("enter")
        await settle(pilot)
        assert interview_screen(pilot).interview.plan.company.name == "株式会社さくら亭"


async def test_corrupt_plan_given_on_the_command_line_shows_the_start_screen_message(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    app = make_app(bad)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "壊れている" in str(start_screen(pilot).query_one("#start-error").render())
    assert bad.read_text(encoding="utf-8") == "{not json"


async def test_demo_copies_the_sample_and_opens_it_at_the_issues():
    app = make_app(demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert current_qid(pilot) == "issues"
        screen = interview_screen(pilot)
        path = Path(screen.interview.path)
        assert path.parent == user_data_dir() / "plans" and path.name.startswith("sample-")
        texts = [m.source for m in screen.chat.query("AssistantMessage")]
        assert any("コロナで売上が減った" in t for t in texts)  # the suggested first try
    assert load_plan(path).interview.current == "issues"


def _run_python(code: str, env_dir: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, KAIZEN_GUIDE_DATA_DIR=str(env_dir), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
    )


def test_a_crash_shows_a_japanese_message_and_logs_the_traceback(sample_path, tmp_path):
    """An unexpected error inside the app: a message naming the plan file, no traceback, the plan
    intact, the traceback in crash.log."""
    from kaizen_guide.engine import Interview

    Interview.open(sample_path)  # the sample adopted as an interview, as after a first session
    before = sample_path.read_bytes()
    code = f"""
        from kaizen_guide.tui import app as tui_app
        from kaizen_guide.tui.screens import interview

        async def boom(self, *args, **kwargs):
            raise RuntimeError("simulated bug")

        interview.InterviewScreen.on_mount = boom
        tui_app.KaizenApp.run = lambda self, **kw: tui_app.App.run(self, headless=True, size=(80, 24))
        raise SystemExit(tui_app.run({str(sample_path)!r}))
    """
    res = _run_python(code, tmp_path / "data")
    assert res.returncode == 1, res.stderr
    assert "予期しないエラー" in res.stderr
    assert str(sample_path) in res.stderr
    assert "Traceback" not in res.stderr and "simulated bug" not in res.stderr
    log = tmp_path / "data" / "crash.log"
    assert "RuntimeError: simulated bug" in log.read_text(encoding="utf-8")
    assert sample_path.read_bytes() == before


def test_starting_the_interview_does_not_load_openpyxl_or_jinja2(sample_path, tmp_path):
    code = f"""
        import asyncio, json, sys
        from kaizen_guide.tui.app import KaizenApp

        async def main():
            app = KaizenApp({str(sample_path)!r}, show_save_time=False)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert type(app.screen).__name__ == "InterviewScreen"
        asyncio.run(main())
        print(json.dumps(sorted(m for m in ("openpyxl", "jinja2") if m in sys.modules)))
    """
    res = _run_python(code, tmp_path / "data")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout.strip().splitlines()[-1]) == []
