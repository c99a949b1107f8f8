"""Messages in the plain subset (paragraphs, **bold**, breaks, a one-paragraph quote) are read
without markdown-it (issue 18: its import and parser were ~40 ms of every first frame), and read
exactly as markdown-it reads them: whenever the plain reader answers, its blocks are markdown-it's."""

from __future__ import annotations

import random

import pytest

from kaizen_guide.banks import load_bank
from kaizen_guide.tui.texts import explain_markdown, question_markdown
from kaizen_guide.tui.widgets import message_view
from kaizen_guide.tui.widgets.chat_log import ja_wrap
from kaizen_guide.tui.widgets.plain_markdown import plain_blocks


def _shape(blocks) -> list[tuple]:
    return [
        (b.kind, b.content.plain, [(s.start, s.end, s.style) for s in b.content.spans], _shape(b.children), b.marker)
        for b in blocks
    ]


def _same_as_markdown_it(markdown: str) -> bool:
    """True if read by the plain reader (and then exactly as markdown-it reads it)."""
    fast = plain_blocks(markdown, message_view.Block)
    if fast is None:
        return False
    assert _shape(fast) == _shape(message_view._parse_with_markdown_it(markdown)), repr(markdown)
    return True


FIRST_FRAME_MESSAGES = [
    "はじめまして。金融機関に出せる経営改善計画を、一緒に1問ずつ作っていきます。\n\n"
    "答えるたびに自動で保存されます。わからない質問は F1 で説明と記入例を、任意の質問は ctrl+n でとばせます。",
    "**― 会社概要 ―**  \nまずは会社の基本から伺います。",
    "**会社の正式な名前(商号)を教えてください。**  \n計画書の表紙に載せます。\n\n> 例：株式会社さくら亭",
    "サンプル会社 **株式会社さくら亭** (飲食業) の計画を開きました。",
    "**試してみましょう**：**a**で課題を1件追加し、ctrl+sで保存  \nctrl+rで全回答の見直し",
]


@pytest.mark.parametrize("markdown", FIRST_FRAME_MESSAGES)
def test_the_first_frames_messages_are_read_without_markdown_it(markdown):
    assert _same_as_markdown_it(ja_wrap(markdown))


def test_every_question_of_the_bank_reads_as_markdown_it_reads_it():
    plain = 0
    messages = 0
    for question in load_bank().questions:
        for markdown in (
            question_markdown(question, advisor=False),
            question_markdown(question, advisor=True),
            explain_markdown(question),
        ):
            messages += 1
            plain += _same_as_markdown_it(ja_wrap(markdown))
    assert plain > messages * 0.8  # most take the plain path (the rest go to markdown-it)


PIECES = [
    "**", "*", "***", " ", "  ", "\n", "  \n", "\n\n", "> ", ">", "a", "Ab", "あ", "会社", "。", "、",
    "「", "」", "：", "(", ")", "（", "）", "―", "%", "/", "1", "12)", "1.", "-", "+", "#", "=", ".",
    ":", "@", "www", "example", "com", "http", "_", "~~", "`", "|", "&amp;", "[x]", "!", "\u3000",
    "\t", "\\", "<b>", "＊", "円", "→", "\u200b",
]  # fmt: skip


def test_random_text_reads_as_markdown_it_reads_it():
    rng = random.Random(18)
    plain = 0
    for _ in range(4000):
        markdown = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        plain += _same_as_markdown_it(markdown)
    assert plain > 200  # the plain path was exercised, not only refused


@pytest.mark.parametrize(
    "markdown",
    [
        "詳しくは https://example.com を",  # linkified
        "- 箇条書き",
        "1) 番号",
        "**入れ子 **の** 太字**",
        "`code`",
        "*斜体*",
        "行\n\n\n三つの改行",
        "> 引用\n続き",
        "見出し\n===",
    ],
)
def test_other_markdown_is_left_to_markdown_it(markdown):
    assert plain_blocks(markdown, message_view.Block) is None
    assert message_view.parse(markdown) is not None
