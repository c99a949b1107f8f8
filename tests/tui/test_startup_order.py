"""What the first frame does not need starts after it (issue 18): the checks' warm-up and the check
helper process wait until a screen has been painted, then start once."""

from __future__ import annotations

from kaizen_guide.tui.app import KaizenApp

from .conftest import make_app, settle


def _record_background(monkeypatch) -> list[str]:
    seen: list[str] = []

    def warm(self: KaizenApp) -> None:
        q = getattr(self.screen, "question", None)
        seen.append(f"warm:{type(self.screen).__name__}:{q.id if q is not None else None}")

    def guard(self: KaizenApp) -> None:
        seen.append(f"guard:{type(self.screen).__name__}")

    monkeypatch.setattr(KaizenApp, "_warm_up_checks", warm)
    monkeypatch.setattr(KaizenApp, "_start_check_guard", guard)
    return seen


async def test_background_work_starts_after_the_first_question_is_shown(plan_path, monkeypatch):
    seen = _record_background(monkeypatch)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            await pilot.pause(0.01)
            if seen:
                break
        await settle(pilot)
        assert seen == ["warm:InterviewScreen:company.name", "guard:InterviewScreen"]
        # Moving on to other screens does not start them again.
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert len(seen) == 2


async def test_background_work_starts_after_the_start_screen_is_shown(monkeypatch):
    seen = _record_background(monkeypatch)
    app = make_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(500):
            await pilot.pause(0.01)
            if seen:
                break
        assert seen == ["warm:StartScreen:None", "guard:StartScreen"]


async def test_background_work_waits_for_a_pause_in_the_typing(plan_path, monkeypatch):
    """The first answer typed at once is not slowed by the checks' warm-up (issue 18): the background
    work starts only once no key has come for a while after the first frame, and it does start then."""
    from kaizen_guide.model import load_plan
    from kaizen_guide.tui import quiet_start

    from .conftest import current_qid, type_text

    monkeypatch.setattr(quiet_start, "QUIET_S", 2.0)  # far longer than Pilot takes to type an answer
    seen = _record_background(monkeypatch)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            await pilot.pause(0.01)
            if app._quiet_start._timer is not None:
                break
        assert app._quiet_start._timer is not None  # the first frame is painted: armed, not started
        await type_text(pilot, "テスト工業株式会社")
        await pilot.press("enter")
        for _ in range(500):
            await pilot.pause(0.01)
            if current_qid(pilot) != "company.name":
                break
        assert load_plan(plan_path).company.name == "テスト工業株式会社"
        assert seen == []  # answered and saved before any background work began
        for _ in range(1000):
            await pilot.pause(0.01)
            if len(seen) == 2:
                break
        assert seen == ["warm:InterviewScreen:company.representative", "guard:InterviewScreen"]


async def test_the_recent_list_is_written_off_the_ui_thread(plan_path, monkeypatch):
    """Its atomic write waits for two fsyncs; on the UI thread they came right before the first frame."""
    import threading

    from kaizen_guide.tui import recent

    on_ui_thread: list[bool] = []
    remember = recent.remember

    def spy(path, company: str = "", **kwargs) -> None:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        remember(path, company, **kwargs)

    monkeypatch.setattr(recent, "remember", spy)
    monkeypatch.setattr(KaizenApp, "_start_background", lambda self: None)
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    assert on_ui_thread == [False]
    assert recent.load_recent()[0].path == str(plan_path.resolve())
