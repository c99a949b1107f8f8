"""The start screen's first frame is the whole screen (issue 18): it is the app's first screen (not
pushed over Textual's blank one), and its footer shows its keys from that frame on, never rebuilt
after it."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kaizen_guide.tui.app import KaizenApp
from kaizen_guide.tui.screens.start import StartScreen
from kaizen_guide.tui.widgets.footer import SteadyFooter

from .conftest import make_app, settle


def _keys(screen) -> list[FooterKey]:
    return list(screen.query_one(SteadyFooter).query(FooterKey))


async def test_the_start_screen_is_the_first_screen_and_has_its_keys_before_its_first_frame(monkeypatch):
    seen: dict[str, object] = {}
    mounted = StartScreen.on_mount
    compact_seen: list[bool] = []
    watch = FooterKey._watch_compact

    def on_mount(self: StartScreen) -> None:  # before its first frame (the screen's children are mounted)
        seen["stack"] = [type(s).__name__ for s in self.app.screen_stack]
        seen["keys"] = _keys(self)
        mounted(self)

    def watch_compact(self: FooterKey, compact: bool) -> None:
        if not self.has_class("-command-palette"):
            compact_seen.append(compact)
        watch(self, compact)

    monkeypatch.setattr(StartScreen, "on_mount", on_mount)
    monkeypatch.setattr(FooterKey, "_watch_compact", watch_compact)
    monkeypatch.setattr(KaizenApp, "_start_background", lambda self: None)
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert seen["stack"] == ["StartScreen"]
        first = seen["keys"]
        assert isinstance(first, list)
        assert [k.description for k in first if not k.has_class("-command-palette")] == [
            "新しい計画",
            "サンプル",
            "ファイルを開く",
            "月次の振り返り",
            "終了",
        ]
        after = _keys(app.screen)
        assert len(after) == len(first) and all(a is b for a, b in zip(after, first)), "rebuilt after the frame"
        # Each key has the footer's style from its mount: FooterKey starts compact and its binding
        # to the (not compact) footer flipped it, restyling every key twice.
        assert compact_seen and not any(compact_seen), compact_seen


async def test_a_plan_opened_from_the_start_screen_comes_back_to_it_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    app = make_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_plan(bad)
        for _ in range(500):
            await pilot.pause(0.01)
            if isinstance(app.screen, StartScreen) and len(app.screen_stack) == 1:
                break
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["StartScreen"]
        error = str(app.screen.query_one("#start-error").render())
        assert "bad.json" in error
