"""What the Enter → next question work changed (issue 18), guarded by behaviour, not by time:
the reply is painted whole in its first frame, the one-line editor carries the next question
correctly, the chat lays out only its last messages and brings older ones back on scroll-up."""

from __future__ import annotations

from textual import events

from kaizen_guide.tui.widgets import chat_log
from kaizen_guide.tui.widgets.chat_log import AssistantMessage, ChatLog
from kaizen_guide.tui.widgets.composer import LineEditor

from .conftest import answer_line, current_qid, interview_screen, make_app, settle, type_text


async def _open(pilot) -> None:
    for _ in range(500):
        screen = pilot.app.screen
        if getattr(screen, "question", None) is not None and screen.composer.editor is not None:
            await settle(pilot)
            return
        await pilot.pause(0.01)
    raise AssertionError("the interview did not open")


async def test_the_first_frame_after_enter_shows_the_whole_reply(plan_path):
    """No frame shows the next question's editor with its message still 0 lines tall (the
    reply is laid out once, with every message mounted)."""
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        screen = interview_screen(pilot)
        frames: list[tuple[str | None, int]] = []
        original = app._display

        def display(on_screen, renderable) -> None:
            original(on_screen, renderable)
            question = screen.question
            asked = [m for m in screen.chat.query(AssistantMessage) if question and question.prompt[:8] in m.source]
            frames.append((question.id if question else None, asked[-1].size.height if asked else 0))

        app._display = display
        await type_text(pilot, "株式会社ベンチ")
        await pilot.press("enter")
        await settle(pilot)
        after = [height for qid, height in frames if qid == "company.representative"]
        assert after, "no frame was painted for the next question"
        assert all(height > 0 for height in after), f"a frame showed the question 0 lines tall: {after}"


async def test_the_status_line_and_outline_follow_the_replys_frame(plan_path):
    """The next question is drawn first; the status line, the outline and the keys are brought
    up to date right after that frame (they were 3-5 ms of it), and then show the answer."""
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        screen = interview_screen(pilot)
        events_seen: list[str] = []
        original_display, original_status = app._display, screen._refresh_status

        def display(on_screen, renderable) -> None:
            original_display(on_screen, renderable)
            if renderable is not None and screen.question is not None:
                events_seen.append(f"frame {screen.question.id}")

        def refresh_status() -> None:
            events_seen.append("status")
            original_status()

        app._display = display
        screen._refresh_status = refresh_status
        await type_text(pilot, "株式会社ベンチ")
        await pilot.press("enter")
        await settle(pilot)
        assert "status" in events_seen, events_seen
        first_frame = events_seen.index("frame company.representative")
        assert first_frame < events_seen.index("status"), f"the status came before the reply's frame: {events_seen}"
        topbar = str(screen.query_one("#topbar").render())
        assert "株式会社ベンチ" in topbar and "回答 1/" in topbar, topbar
        outline = screen.query_one("#outline")
        assert outline.highlighted is not None and "1/" in str(outline.get_option_at_index(0).prompt)


async def test_the_one_line_editor_carries_the_next_question(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        screen = interview_screen(pilot)
        editor = screen.composer.editor
        assert isinstance(editor, LineEditor)
        await answer_line(pilot, "株式会社ベンチ")
        assert current_qid(pilot) == "company.representative"
        same = screen.composer.editor
        assert same is editor, "a one-line question after a one-line question keeps the editor"
        line = same.query_one("Input")
        assert line.value == "", "the last answer must not stay in the input"
        assert line.placeholder.startswith("例：") and "ベンチ" not in line.placeholder
        assert pilot.app.focused is line
        assert same.question.id == "company.representative"
        for text in ("山田 太郎", "静岡県浜松市中央区1-2-3", "昭和60年4月"):
            await answer_line(pilot, text)
        assert current_qid(pilot) == "company.capital"
        await type_text(pilot, "1,000万円")
        preview = same.query_one("#preview")
        assert preview.display and "10,000" in str(preview.render()), "an amount shows how it is read"
        await pilot.press("enter")
        await settle(pilot)
        plan = screen.interview.plan
        assert plan.company.representative == "山田 太郎"
        assert plan.company.capital == 10000
        # Back to an answered question: its answer is in the (reused) input, the preview hidden for text.
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert current_qid(pilot) == "company.capital"
        assert screen.composer.editor.query_one("Input").value


async def test_the_chat_lays_out_its_last_messages_and_brings_older_ones_back(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        chat = interview_screen(pilot).query_one(ChatLog)
        for text in ("株式会社ベンチ", "山田 太郎", "静岡県浜松市中央区1-2-3", "昭和60年4月", "1,000万円", "飲食業"):
            await answer_line(pilot, text)
        children = list(chat.children)
        shown = [c for c in children if c.display]
        assert len(children) > chat_log.LIVE_MESSAGES
        assert len(shown) == chat_log.LIVE_MESSAGES
        assert shown == children[-chat_log.LIVE_MESSAGES :], "the newest messages are the ones shown"
        # Everything said is still there (hidden, not dropped) and comes back on scrolling up.
        chat.scroll_home(animate=False)
        await settle(pilot)
        hidden_before = sum(1 for c in chat.children if not c.display)
        chat.post_message(events.MouseScrollUp(None, 0, 0, 0, 0, 0, False, False, False))
        await settle(pilot)
        hidden_after = sum(1 for c in chat.children if not c.display)
        assert hidden_after < hidden_before
        assert all(c.display for c in chat.children) or hidden_after == hidden_before - chat_log.LIVE_MESSAGES
