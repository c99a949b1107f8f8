"""What the first frame loads (issue 18): the start screen needs neither the engine nor the plan
models, and a reopened plan's first question needs neither the text checks (their dictionary and
fuzzy index), nor finance, nor the writers. Each case runs in a fresh interpreter, so nothing an
earlier test imported hides an import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kaizen_guide.engine import Interview
from kaizen_guide.model import save_plan
from kaizen_guide.sample import build_sample_plan

PROBE = r"""
import asyncio, json, sys
from kaizen_guide.tui.app import KaizenApp

WATCHED = json.loads(sys.argv[2])
seen = {}

def record(where):
    seen.setdefault(where, sorted(m for m in WATCHED if m in sys.modules))

KaizenApp._warm_up_checks = lambda self: None  # background work, after the first frame
KaizenApp._start_check_guard = lambda self: None
shown = KaizenApp.first_screen_shown
KaizenApp.first_screen_shown = lambda self: (record(type(self.screen).__name__), shown(self))[1]
if sys.argv[1] and sys.argv[1] != "--demo":  # a plan: its first question is painted before the stored answers are checked
    from kaizen_guide.tui import stored_checks

    start = stored_checks.StoredChecks.start
    stored_checks.StoredChecks.start = lambda self: (record("InterviewScreen"), start(self))[1]

async def main():
    app = KaizenApp(None, demo=True) if sys.argv[1] == "--demo" else KaizenApp(sys.argv[1] or None)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):
            await pilot.pause(0.01)
            if seen:
                break
    print(json.dumps(seen))

asyncio.run(main())
"""

NOT_FOR_ANY_FIRST_FRAME = [
    "kaizen_guide.checks.text",
    "rapidfuzz",
    "sudachipy",
    "kaizen_guide.finance",
    "kaizen_guide.export",
    "kaizen_guide.monitoring",
    "openpyxl",
    "jinja2",
    "kaizen_guide.tui.screens.portfolio",
]
NOT_FOR_THE_FIRST_QUESTION = [
    "markdown_it",  # its messages are plain (plain_markdown.py)
    "linkify_it",
    "yaml",  # the bank and the industries come from the cache (banks/loader.py)
    "importlib.metadata",  # pydantic's plugin scan (kaizen_guide/__init__.py runs no plugins)
    "kaizen_guide.engine.answers",
    # The inputs of forms (a group's row form loads with the first row opened, widgets/row_form.py):
    "kaizen_guide.tui.widgets.row_form",
    "kaizen_guide.tui.widgets.field_input",
    "textual.widgets._text_area",  # also long text (composer.LongTextEditor)
    "textual.widgets._selection_list",  # also multiple choice
    "kaizen_guide.tui.widgets.section_form",  # advisor mode's section form (screens/intake.py)
]
NOT_FOR_A_ONE_LINE_QUESTION = [  # a new plan's first question (the company's name)
    "rich._emoji_codes",  # the status line is measured without emoji codes, as the Static shows it
]
NOT_FOR_THE_START_SCREEN = [
    "pydantic",
    "kaizen_guide.model",
    "kaizen_guide.engine",
    "kaizen_guide.banks",
    "kaizen_guide.checks",
    "markdown_it",
    "yaml",
    "kaizen_guide.tui.screens.interview",
    "budoux",  # no start-screen line needs breaking (ja.linebreak: a line that fits is not split)
    "kaizen_guide.ja.parse",  # the parsers (and decimal) load when a plan does
]


def _first_frame_modules(plan: str, tmp_path: Path) -> dict[str, list[str]]:
    env = {**os.environ, "KAIZEN_GUIDE_DATA_DIR": str(tmp_path / "data")}
    watched = json.dumps(
        NOT_FOR_ANY_FIRST_FRAME + NOT_FOR_THE_FIRST_QUESTION + NOT_FOR_A_ONE_LINE_QUESTION + NOT_FOR_THE_START_SCREEN
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE, plan, watched], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_the_start_screen_loads_no_engine(tmp_path):
    assert _first_frame_modules("", tmp_path) == {"StartScreen": []}


@pytest.mark.slow
def test_a_reopened_plans_first_question_loads_no_checks_finance_or_writers(tmp_path):
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(), path, backup=False)
    with Interview.open(path) as iv:  # opened before (its answers adopted), left on a question
        iv.goto("company.business")
    loaded = _first_frame_modules(str(path), tmp_path)["InterviewScreen"]
    assert not set(loaded) & set(NOT_FOR_ANY_FIRST_FRAME), loaded
    assert "kaizen_guide.engine" in loaded  # (the probe does see what is loaded)


@pytest.mark.slow
@pytest.mark.parametrize("opened", ["new", "demo", "reopened"])
def test_the_first_question_loads_no_markdown_parser_nor_yaml(opened, tmp_path):
    path = tmp_path / "plan.json"
    if opened == "reopened":
        save_plan(build_sample_plan(), path, backup=False)
        with Interview.open(path) as iv:
            iv.goto("issues")
    plan = "--demo" if opened == "demo" else str(path)
    _first_frame_modules(plan, tmp_path)  # the first run fills the per-user cache (as any first start)
    if opened == "new":
        path.unlink(missing_ok=True)
    loaded = _first_frame_modules(plan, tmp_path)["InterviewScreen"]
    assert not set(loaded) & set(NOT_FOR_THE_FIRST_QUESTION), loaded
    assert "kaizen_guide.engine" in loaded
    if opened == "new":  # asked on one line: not even the emoji table
        assert not set(loaded) & set(NOT_FOR_A_ONE_LINE_QUESTION), loaded
