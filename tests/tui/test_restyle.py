"""Restyling an editor's input on focus and blur from the kept styles (tui/restyle.py) gives what
Textual's own restyle gives."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from .conftest import answer_line, current_qid, interview_screen, make_app, settle, type_text

LINES = ["株式会社ベンチ", "山田 太郎", "静岡県浜松市中央区1-2-3", "昭和60年4月", "1,000万円", "飲食業"]


def _styles(node) -> tuple[dict, dict]:
    return dict(node.styles.base._rules), {k: dict(v.base._rules) for k, v in node._component_styles.items()}


async def test_kept_styles_are_textuals_styles(plan_path):
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = interview_screen(pilot)
        for text in LINES:
            await answer_line(pilot, text)
        assert current_qid(pilot) == "company.business"  # a text area after one-line inputs
        await type_text(pilot, "日本料理店2店舗の運営。")
        await pilot.press("ctrl+s")
        await settle(pilot)
        for text in ("38人", "3月", "62"):  # one-line again, then a text area: both restyled from the memo
            await answer_line(pilot, text)
        assert current_qid(pilot) == "company.philosophy"
        line, area = screen.query_one("#line", Input), screen.query_one("#long", TextArea)
        assert app.focused is area
        for node in (line, area):
            assert len(node.__dict__.get("_kg_style_memo", {})) >= 2, "focused and blurred states are kept"
            kept = _styles(node)
            app.stylesheet.update_nodes([node])  # Textual's restyle, past the memo
            assert _styles(node) == kept, f"{node!r}: the kept styles differ from Textual's"
        # The focused text area and the blurred input look as Textual styles them.
        assert area.styles.background != line.styles.background or area.has_focus != line.has_focus
