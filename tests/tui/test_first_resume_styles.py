"""A screen's first showing does not restyle the widgets it has just styled (issue 18): the start
screen's and the interview's first frames skip Textual's whole-screen restyle on ScreenResume,
their styles are what that restyle gives, and a later showing is left as Textual has it."""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen

from kaizen_guide.tui.app import KaizenApp
from kaizen_guide.tui.screens.interview import InterviewScreen
from kaizen_guide.tui.screens.start import StartScreen

from .conftest import make_app, settle


def _restyles(monkeypatch) -> list[str]:
    """Names of the screens restyled whole (what Screen._on_screen_resume does with refresh_styles)."""
    seen: list[str] = []
    update = DOMNode.update_node_styles

    def update_node_styles(self: DOMNode, animate: bool = True) -> None:
        if isinstance(self, Screen):
            seen.append(type(self).__name__)
        update(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", update_node_styles)
    monkeypatch.setattr(KaizenApp, "_start_background", lambda self: None)
    return seen


def _styles(screen: Screen) -> list[tuple[str, dict]]:
    return [(repr(node), node._css_styles.get_rules()) for node in [screen, *screen.walk_children()]]


def _same_as_restyled(screen: Screen) -> None:
    before = _styles(screen)
    screen.update_node_styles(animate=False)
    assert _styles(screen) == before


async def test_the_start_screen_is_not_restyled_for_its_first_frame(monkeypatch):
    restyled = _restyles(monkeypatch)
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert restyled == []
        _same_as_restyled(app.screen)


async def test_the_interview_is_not_restyled_for_its_first_frame_but_is_when_shown_again(plan_path, monkeypatch):
    restyled = _restyles(monkeypatch)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "InterviewScreen" not in restyled
        _same_as_restyled(screen)
        await pilot.press("ctrl+r")  # the review, then back
        await settle(pilot)
        assert not isinstance(app.screen, InterviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        restyled.clear()
        screen.post_message(events.ScreenResume())  # a later showing that asks for the restyle gets it
        await settle(pilot)
        assert restyled == ["InterviewScreen"]


async def test_a_sheet_that_could_match_any_widget_added_meanwhile_keeps_the_restyle(plan_path, monkeypatch):
    restyled = _restyles(monkeypatch)
    mount = InterviewScreen.on_mount

    async def on_mount(self: InterviewScreen) -> None:
        self.app.stylesheet.add_source("Static { text-style: bold; }", read_from=("test", "unscoped"))
        await mount(self)

    monkeypatch.setattr(InterviewScreen, "on_mount", on_mount)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert "InterviewScreen" in restyled
