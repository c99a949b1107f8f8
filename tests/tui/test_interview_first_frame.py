"""A plan's first frame (issue 18): the footer already has the question's keys (none is added
while the first answer is typed), and the loading screen it opened from is the app's first screen
and stays below it (removing it laid the interview out again after its first frame)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kaizen_guide.tui.app import KaizenApp, LoadingScreen
from kaizen_guide.tui.screens.interview import InterviewScreen
from kaizen_guide.tui.screens.start import StartScreen
from kaizen_guide.tui.widgets.chat_log import AssistantMessage
from kaizen_guide.tui.widgets.footer import SteadyFooter

from .conftest import answer_line, make_app, settle


def _keys(screen) -> list[FooterKey]:
    return [k for k in screen.query_one(SteadyFooter).query(FooterKey) if k.display]


async def _first_frame(app: KaizenApp, pilot, monkeypatch) -> dict[str, object]:
    seen: dict[str, object] = {}
    shown = KaizenApp.first_screen_shown

    def first_frame(self: KaizenApp) -> None:  # called once the screen's first frame is painted
        screen = self.screen
        if isinstance(screen, InterviewScreen) and "stack" not in seen:
            messages = list(screen.query(AssistantMessage))
            seen["stack"] = [type(s).__name__ for s in self.screen_stack]
            seen["question"] = messages[-1].source if messages else ""
            seen["question_height"] = messages[-1].outer_size.height if messages else 0
            seen["keys"] = _keys(screen)
        shown(self)

    monkeypatch.setattr(KaizenApp, "first_screen_shown", first_frame)
    for _ in range(1000):
        await pilot.pause(0.01)
        if "stack" in seen:
            break
    return seen


async def test_the_first_frame_has_the_question_and_its_keys_and_the_loading_screen_stays_below(plan_path, monkeypatch):
    monkeypatch.setattr(KaizenApp, "_start_background", lambda self: None)
    changed: list[str] = []
    in_place = SteadyFooter._update_in_place

    def update_in_place(self: SteadyFooter, signature):
        changed.append("in place")
        return in_place(self, signature)

    monkeypatch.setattr(SteadyFooter, "_update_in_place", update_in_place)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        seen = await _first_frame(app, pilot, monkeypatch)
        assert seen["stack"] == ["LoadingScreen", "InterviewScreen"]
        assert "会社の正式な名前" in str(seen["question"])
        assert isinstance(seen["question_height"], int) and seen["question_height"] > 0  # laid out
        await settle(pilot)
        keys = _keys(app.screen)
        first = seen["keys"]
        assert isinstance(first, list) and "説明" in [k.description for k in first]
        assert len(keys) == len(first) and all(a is b for a, b in zip(keys, first)), "keys changed after"
        assert changed == []  # the footer composed the question's keys: none came or went since
        # The loading screen stays below (nothing removed after the first frame) and answers go on.
        assert [type(s) for s in app.screen_stack] == [LoadingScreen, InterviewScreen]
        await answer_line(pilot, "テスト工業株式会社")
        assert app.screen.question.id == "company.representative"


async def test_a_bad_plan_file_at_start_up_opens_the_start_screen_with_why(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    app = make_app(bad)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1000):
            await pilot.pause(0.01)
            if isinstance(app.screen, StartScreen):
                break
        await settle(pilot)
        assert [type(s) for s in app.screen_stack] == [LoadingScreen, StartScreen]
        assert "bad.json" in str(app.screen.query_one("#start-error").render())
        assert bad.read_text(encoding="utf-8") == "{ not json"  # left untouched


async def test_the_outline_is_not_filled_again_by_its_first_layout(plan_path, monkeypatch):
    # Fitted before the first layout to the width that layout gives (test_outline_first_frame.py),
    # the outline's rows are the same after it: setting them again re-laid the screen (issue 18).
    from kaizen_guide.tui.widgets.outline import Outline

    monkeypatch.setattr(KaizenApp, "_start_background", lambda self: None)
    filled: list[int] = []
    set_options = Outline.set_options

    def counted(self: Outline, options):
        filled.append(self.size.width)
        return set_options(self, options)

    monkeypatch.setattr(Outline, "set_options", counted)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _first_frame(app, pilot, monkeypatch)
        await settle(pilot)
        assert filled == [0], filled  # once, before the layout
        outline = app.screen.query_one(Outline)
        assert outline.highlighted == outline._section_ids.index("company")  # the current section
