"""Unsent input survives kill -9: after the typist pauses, the draft is already in the plan file.

A real terminal (tmux), a real SIGKILL (no ctrl+q, no clean shutdown), then the plan reopened.
"""

from __future__ import annotations

import shutil
import time

import pytest

from kaizen_guide.banks import load_bank
from kaizen_guide.model import load_plan

from .test_terminal_e2e import Terminal, _command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)")

TYPED = "株式会社下書き工務店"


def _draft(path) -> object:
    try:
        return load_plan(path).interview.drafts.get("company.name")
    except Exception:  # noqa: BLE001 - not written yet
        return None


@pytest.mark.slow
def test_unsent_text_is_kept_as_a_draft_across_kill_9(tmp_path):
    bank = load_bank()
    plan_path = tmp_path / "draft.json"
    terminal = Terminal(tmp_path / "data")
    try:
        terminal.start(_command("interview", str(plan_path)))
        terminal.wait_for(bank.question("company.name").prompt.strip()[:10])
        terminal.type(TYPED)  # typed, not sent
        terminal.wait_for(TYPED)
        deadline = time.monotonic() + 30
        while _draft(plan_path) != TYPED:  # written once the typing pauses
            assert time.monotonic() < deadline, f"no draft in the plan file:\n{terminal.screen()}"
            time.sleep(0.1)
        terminal.kill_app()
    finally:
        terminal.close()

    plan = load_plan(plan_path)
    assert plan.interview.drafts == {"company.name": TYPED}
    assert "company.name" not in plan.interview.answers  # a draft, not an answer

    terminal = Terminal(tmp_path / "data")
    try:
        terminal.start(_command("interview", str(plan_path)))
        screen = terminal.wait_for("下書きから戻しました")
        assert TYPED in screen.replace("\n", "")
        terminal.keys("Enter")  # now send it
        deadline = time.monotonic() + 30
        while True:
            plan = load_plan(plan_path)
            if "company.name" in plan.interview.answers:
                break
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.1)
    finally:
        terminal.close()
    assert plan.company.name == TYPED and plan.interview.drafts == {}
