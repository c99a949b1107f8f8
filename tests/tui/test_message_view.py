"""An assistant message is one widget (issue 18) and looks as Textual's Markdown widget drew it:
the same characters on the same lines (Japanese wrapped by phrase) in the same colours, for the
kinds of message the app says (a question with its example quote, a follow-up, a list, italics)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from kaizen_guide.tui import wrap
from kaizen_guide.tui.widgets.chat_log import AssistantMessage, ja_wrap


class MarkdownMessage(Markdown):
    """The message as it was drawn before: Textual's Markdown widget, one widget per block."""

    DEFAULT_CSS = """
    MarkdownMessage { margin: 0 4 1 0; padding: 0 1; background: $boost; border-left: tall $primary; }
    MarkdownMessage.-note { border-left: tall $success; background: transparent; }
    MarkdownMessage > MarkdownBlock:last-child { margin-bottom: 0; }
    """

    def __init__(self, markdown: str, **kwargs) -> None:
        super().__init__(None, **kwargs)
        self._source = markdown

    def compose(self):
        from markdown_it import MarkdownIt

        yield from self._parse_markdown(MarkdownIt("gfm-like").parse(self._source))

    def _on_mount(self, event) -> None:
        event.prevent_default()


MESSAGES = [
    (
        "**会社の正式な名前(商号)を教えてください。**  \n計画書の表紙と債務者概況表に載せます。"
        "登記簿どおりに書いておくと、金融機関が自行の資料と照合しやすくなります。\n\n> 例：株式会社さくら亭",
        "",
    ),
    (
        "はじめまして。金融機関に出せる経営改善計画を、一緒に1問ずつ作っていきます。\n\n"
        "答えるたびに自動で保存されます。わからない質問は F1 で説明と記入例を、任意の質問は ctrl+n でとばせます。",
        "-note",
    ),
    (
        "**要確認**：売上の根拠が書かれていません。\n\n**いつ、何が、どう変わったかを書いてください。**  \n"
        "書き足して送り直すか、このままでよければ**ctrl+o**で次へ進みます。\n\n根拠：ガイドライン 3.2\n\n"
        "> 例：2020年4月から客数が3割減った\n> 二行目の例です",
        "",
    ),
    (
        "**アクションプランの進捗** (今月)\n\n- **A1 実施中** 新メニュー (山田、2024〜2025)  \n"
        "  KPI 客単価: 目標 3000 / 実績 —\n- **A2 未着手** 仕入れ先の見直し\n\n"
        "効果額の実績: その損益項目の実績が「施策なしの水準」をどれだけ上回ったか。",
        "",
    ),
    ("*今の回答は経営者の回答です*  \n**売上高** (任意) ~~旧~~", ""),
]


class Both(App):
    def compose(self) -> ComposeResult:
        with VerticalScroll():
            for markdown, classes in MESSAGES:
                yield MarkdownMessage(ja_wrap(markdown), classes=classes)
                yield AssistantMessage(ja_wrap(markdown), classes=classes)


def _cells(strip) -> list[tuple[str, str]]:
    return [(ch, str(segment.style)) for segment in strip for ch in segment.text]


@pytest.mark.parametrize("width", [80, 47])
@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_message_looks_as_textuals_markdown_drew_it(width, theme):
    wrap.install()
    app = Both()
    app.theme = theme
    async with app.run_test(size=(width, 200)) as pilot:
        await pilot.pause()
        lines = app.screen._compositor.render_strips()
        before, after = list(app.query(MarkdownMessage)), list(app.query(AssistantMessage))
        for old, new in zip(before, after, strict=True):
            assert not new.children, "the message is drawn by one widget"
            assert new.region.height == old.region.height > 1
            for y in range(old.region.height):
                was = lines[old.region.y + y].crop(old.region.x, old.region.right)
                now = lines[new.region.y + y].crop(new.region.x, new.region.right)
                assert now.text == was.text
                assert _cells(now) == _cells(was), f"colours differ on {now.text!r}"


async def test_a_new_message_is_wrapped_once_to_measure_and_paint_it(monkeypatch):
    """Its height is measured with the style it is painted with, so the paint reuses the lines
    (measured with a bare style, a new message was wrapped again to be painted: issue 18)."""
    from kaizen_guide.tui.widgets import message_view

    wrap.install()
    wraps: list[int] = []
    stack = message_view.MessageVisual._stack

    def counted(self, blocks, width, style, *, top_level):
        if top_level:
            wraps.append(width)
        return stack(self, blocks, width, style, top_level=top_level)

    monkeypatch.setattr(message_view.MessageVisual, "_stack", counted)

    class One(App):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield AssistantMessage(ja_wrap(MESSAGES[0][0]))

    app = One()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        message = app.query_one(AssistantMessage)
        assert message.region.height > 1 and app.screen._compositor.render_strips()
    assert len(wraps) == 1, wraps
