"""Fixtures and helpers for the TUI tests: the real engine, the real banks, the sample company.

Typing Japanese: an IME hands the terminal committed text, which reaches the app like a paste.
Pilot's ``press`` drops full-width punctuation (、。！), so Japanese goes in through Paste events.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from kaizen_guide.model import save_plan
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.app import KaizenApp
from kaizen_guide.tui.widgets.chat_log import AssistantMessage, UserMessage


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """Where a new plan is created (a fixed name, so screens are the same on every run)."""
    return tmp_path / "plan.json"


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A copy of the sample company's plan file."""
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(), path, backup=False)
    return path


def make_quarterly(path: Path) -> Path:
    """The plan file reviewed per quarter (the sample itself is reviewed monthly)."""
    from kaizen_guide.model import load_plan

    plan = load_plan(path)
    plan.monitoring_plan.frequency = "quarterly"
    save_plan(plan, path, backup=False)
    return path


def make_app(path: Path | None = None, **kwargs) -> KaizenApp:
    """The app as the tests run it: no clock and no (temporary) folder in the status line."""
    kwargs.setdefault("show_save_time", False)
    kwargs.setdefault("show_plan_folder", False)
    return KaizenApp(path, **kwargs)


async def settle(pilot) -> None:
    """Wait until the app is idle and its workers (summary, export) are done."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Committed IME text into the focused widget (as a terminal delivers it)."""
    await pilot.pause()  # focus moves on the next message cycle
    assert pilot.app.focused is not None, "nothing has focus"
    # Like a terminal paste: the app forwards it to the focused widget.
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def answer_line(pilot, text: str) -> None:
    """Type into the one-line input and press Enter."""
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def interview_screen(pilot):
    from kaizen_guide.tui.screens.interview import InterviewScreen

    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview screen, got {screen!r}"
    return screen


def current_qid(pilot) -> str | None:
    question = interview_screen(pilot).question
    return question.id if question is not None else None


def assistant_texts(pilot) -> list[str]:
    return [m.source for m in interview_screen(pilot).query(AssistantMessage)]


def user_texts(pilot) -> list[str]:
    return [str(m.render()) for m in interview_screen(pilot).query(UserMessage)]


async def goto(pilot, target: str) -> None:
    interview_screen(pilot).jump(target)
    await settle(pilot)


async def add_row_text(pilot, first_field: str) -> None:
    """In a group editor: add a row with its first field typed, and save the row (ctrl+s)."""
    await pilot.press("a")
    await pilot.pause()
    await type_text(pilot, first_field)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def search_palette(pilot, text: str) -> None:
    """Open the command palette (ctrl+p) and type ``text`` into its search box."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, text)


def grid_lines(grid) -> list[str]:
    """The lines a year grid draws (its header, rows, dashed line and totals), as plain text."""
    return str(grid.table.render()).splitlines()


class Paste(str):
    """A part of :func:`burst` delivered as one terminal paste (bracketed paste)."""


NAMED_KEYS = {
    "enter": "\r",
    "tab": "\t",
    "shift+tab": None,
    "backspace": "\x7f",
    "delete": None,
    "up": None,
    "down": None,
    "left": None,
    "right": None,
    "end": None,
    "home": None,
    "f2": None,
    "escape": "\x1b",
    "space": " ",
}


def burst(app, *parts: str) -> None:
    """Everything at once, as a fast typist, a busy PC or an IME hands it over: no waiting
    between keys. Plain strings are typed one character per key (Japanese too, as a terminal
    delivers committed IME text); ``Paste(...)`` is one paste; names in NAMED_KEYS and
    ``ctrl+…``/``f1``… are keys."""
    from textual.keys import _character_to_key

    events_out: list[events.Event] = []
    for part in parts:
        if isinstance(part, Paste):
            events_out.append(events.Paste(str(part)))
        elif (
            part in NAMED_KEYS
            or (part.startswith(("ctrl+", "f")) and len(part) > 1 and part[1:].isdigit())
            or part.startswith("ctrl+")
        ):
            events_out.append(events.Key(part, NAMED_KEYS.get(part)))
        else:
            for ch in part:
                events_out.append(events.Key(_character_to_key(ch), ch))
    for event in events_out:
        event.set_sender(app)
        app._driver.send_message(event)  # as the terminal driver does, in order


async def until(pilot, condition, what: str, seconds: float = 60.0) -> None:
    """Let the app run until ``condition()`` holds (bounded by time; fails with ``what``).

    Bounded by time, not by a count of pauses: a pause can return while the app is still inside
    a key's action (it runs in the app's own task), so a count says nothing on a loaded machine."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause()
