"""The footer is rebuilt only when the keys it shows change (issue 18: Enter → next question)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kaizen_guide.tui.widgets.footer import SteadyFooter

from .conftest import answer_line, interview_screen, make_app, settle


async def _wait_for_question(pilot) -> None:
    from kaizen_guide.tui.screens.interview import InterviewScreen

    for _ in range(500):
        if isinstance(pilot.app.screen, InterviewScreen) and pilot.app.screen.question is not None:
            return
        await pilot.pause(0.01)
    raise AssertionError("the interview did not open")


def _keys(pilot) -> list[FooterKey]:
    return list(interview_screen(pilot).query_one(SteadyFooter).query(FooterKey))


async def test_same_keys_keep_the_same_footer_widgets(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_question(pilot)
        await settle(pilot)
        before = _keys(pilot)
        assert before, "the footer shows no keys"
        await answer_line(pilot, "株式会社ベンチ")
        await answer_line(pilot, "山田 太郎")
        after = _keys(pilot)
        assert [k.description for k in after] == [k.description for k in before]
        assert all(a is b for a, b in zip(after, before)), "the footer was rebuilt for the same keys"


async def test_a_new_key_still_shows(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_question(pilot)
        await settle(pilot)
        screen = interview_screen(pilot)
        assert "そのまま進む" not in [k.description for k in _keys(pilot)]
        screen.pending = screen.question.id  # a weak answer waits: ctrl+o becomes available
        screen.refresh_bindings()
        await settle(pilot)
        assert "そのまま進む" in [k.description for k in _keys(pilot)]
