"""Reopening a plan, the stored answers are checked after the first frame, in a worker (issue 18):
the first answer is accepted and saved while that worker is still running, and once it finishes the
outline shows the marks a plan checked in place shows."""

from __future__ import annotations

import threading

from kaizen_guide.engine import Interview
from kaizen_guide.model import load_plan
from kaizen_guide.tui import stored_checks
from kaizen_guide.tui.widgets.outline import STATUS_MARKS, Outline

from .conftest import interview_screen, make_app, settle, type_text


def _marks(outline: Outline) -> list[str]:
    return [str(outline.get_option_at_index(i).prompt).split(" ")[0] for i in range(outline.option_count)]


async def test_first_answer_is_saved_before_the_stored_answers_are_checked(sample_path, monkeypatch):
    with Interview.open(sample_path) as iv:
        iv.goto("company.business")  # reopened on a text question, every other answer stored
    release = threading.Event()
    started = threading.Event()
    real = stored_checks.run_pending

    def slow(state, jobs):
        started.set()
        assert release.wait(30), "the test never released the checks"
        return real(state, jobs)

    monkeypatch.setattr(stored_checks, "run_pending", slow)
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):  # the checks start after the first frame
            await pilot.pause(0.01)
            if started.is_set():
                break
        assert started.is_set()
        screen = interview_screen(pilot)
        assert screen.question.id == "company.business"
        outline = screen.query_one(Outline)
        assert "…" in _marks(outline)  # complete sections wait for their answers' checks

        await type_text(pilot, "。仕出しの比率を上げる")
        await pilot.press("ctrl+s")
        for _ in range(500):
            await pilot.pause(0.01)
            if screen.question is not None and screen.question.id != "company.business":
                break
        saved = load_plan(sample_path).interview.answers["company.business"]
        assert "仕出しの比率を上げる" in saved.value
        assert not release.is_set()  # all of it while the stored answers were still unchecked

        release.set()
        await settle(pilot)
        assert "…" not in _marks(outline)
        with Interview.open(sample_path, read_only=True) as fresh:
            expected = [STATUS_MARKS[p.status][0] for p in fresh.progress()]
        assert _marks(outline) == expected
