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


def _expected(pilot) -> list[str]:
    """What Textual's Footer shows for the screen's bindings: the first key of each action."""
    first: dict[str, str] = {}
    for _node, binding, _enabled, _tooltip in interview_screen(pilot).active_bindings.values():
        if binding.show and binding.action not in first and binding.key != pilot.app.COMMAND_PALETTE_BINDING:
            first[binding.action] = binding.description
    return list(first.values())


def _shown(pilot) -> list[str]:
    return [k.description for k in _keys(pilot) if k.display and not k.has_class("-command-palette")]


async def test_a_key_that_comes_and_goes_leaves_the_other_keys_in_place(sample_path):
    from .conftest import goto

    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.name")  # one line, required: no 送信 key, no とばす
        line_keys = {k.description: k for k in _keys(pilot) if k.display}
        assert "送信" not in line_keys and "とばす" not in line_keys
        await goto(pilot, "company.philosophy")  # several lines (ctrl+s 送信), optional (ctrl+n とばす)
        shown = _shown(pilot)
        assert shown == _expected(pilot) and "送信" in shown and "とばす" in shown
        assert shown.index("送信") < shown.index(next(iter(line_keys)))  # the editor's key comes first
        assert all(any(k is w for k in _keys(pilot)) for w in line_keys.values()), "the footer was rebuilt"
        await goto(pilot, "company.name")
        assert _shown(pilot) == _expected(pilot) and "送信" not in _shown(pilot)
        assert interview_screen(pilot).query_one(SteadyFooter).styles.grid_size_columns == len(_expected(pilot))


async def test_the_keys_that_stay_are_not_drawn_again_when_a_key_comes_or_goes(sample_path):
    """Only the key that comes is drawn: the others move (the grid's column count set through its
    property repainted every key, at each answer that changed the editor's kind; issue 18)."""
    from .conftest import goto

    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "company.name")
        await pilot.pause()
        kept = [k for k in _keys(pilot) if k.display and not k.has_class("-command-palette")]
        drawn: list[str] = []
        for key in kept:

            def counted(key=key, original=key._render_content) -> None:
                drawn.append(key.description)
                original()

            key._render_content = counted  # type: ignore[method-assign]
        await goto(pilot, "company.philosophy")  # ctrl+s 送信 and ctrl+n とばす come
        await pilot.pause()
        assert "送信" in _shown(pilot) and all(k.region.width for k in kept)
        assert drawn == []
        lines = app.screen._compositor.render_strips()
        footer = interview_screen(pilot).query_one(SteadyFooter)
        text = lines[footer.region.y].text
        assert all(k.description in text for k in _keys(pilot) if k.display)


async def test_the_footer_follows_the_replys_frame_when_the_editors_kind_changes(plan_path):
    """The answer that brings a text area (its ctrl+s 送信 key) is drawn first; the footer's keys
    are brought up to date right after that frame, not inside it (tui/after_frame.py)."""
    from .conftest import current_qid

    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_question(pilot)
        await settle(pilot)
        for text in ("株式会社ベンチ", "山田 太郎", "静岡県浜松市中央区1-2-3", "昭和60年4月", "1,000万円"):
            await answer_line(pilot, text)
        assert current_qid(pilot) == "company.industry"
        footer = interview_screen(pilot).query_one(SteadyFooter)
        events_seen: list[str] = []
        original_display, original_rebuild = app._display, footer._rebuild_if_changed

        def display(on_screen, renderable) -> None:
            original_display(on_screen, renderable)
            question = interview_screen(pilot).question
            if renderable is not None and question is not None:
                events_seen.append(f"frame {question.id}")

        async def rebuild() -> None:
            events_seen.append("footer")
            await original_rebuild()

        app._display = display
        footer._rebuild_if_changed = rebuild
        await answer_line(pilot, "飲食業")
        assert current_qid(pilot) == "company.business"
        assert "footer" in events_seen, events_seen
        assert events_seen.index("frame company.business") < events_seen.index("footer"), events_seen
        assert _shown(pilot) == _expected(pilot) and "送信" in _shown(pilot)
