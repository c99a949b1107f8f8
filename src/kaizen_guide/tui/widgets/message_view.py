"""An assistant message's Markdown drawn by one widget (issue 18).

Textual's ``Markdown`` widget mounts a widget per block (paragraph, quote, list item, bullet), and
each one is styled, laid out and rendered on its own: 15-20 ms of every answer went to applying
CSS to those blocks. Here the Markdown is parsed once into :class:`Block` s, and
:class:`MessageVisual` draws them as the widget's content with the same look: paragraphs one line
apart, a quote on a raised background behind a half-tone bar, bullets and numbers, bold / italic /
strike / inline code. Wrapping goes through :class:`textual.content.Content`, so Japanese breaks by
phrase with 禁則 (``tui/wrap.py``) exactly as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from .plain_markdown import plain_blocks

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from textual.css.styles import RulesMap

BULLETS = ("• ", "▪ ", "‣ ", "⭑ ", "◦ ")
"""Textual's Markdown bullets, by list depth."""

QUOTE_BAR = "▌"
"""The left edge of a quote (Textual's ``outer`` border)."""

_SPACES = re.compile(r"\s+")


@dataclass
class Block:
    """One Markdown block: ``kind`` is paragraph, heading, quote, bullets, numbers, item, code or rule."""

    kind: str
    content: Content = field(default_factory=Content)
    children: list[Block] = field(default_factory=list)
    marker: str = ""
    """A list item's bullet or number, as drawn."""
    level: int = 0
    """A heading's level."""


_parser: MarkdownIt | None = None


def parse(markdown: str) -> list[Block]:
    """The blocks of ``markdown`` (CommonMark with GitHub's extras, as Textual's widget reads it)."""
    # Most messages are paragraphs, bold and a quote: read without importing markdown-it.
    blocks = plain_blocks(markdown, Block)
    return blocks if blocks is not None else _parse_with_markdown_it(markdown)


def warm_up() -> None:
    """Build the full parser (its import and linkify's patterns, ~40 ms) off the UI thread."""
    _parse_with_markdown_it("")


def _parse_with_markdown_it(markdown: str) -> list[Block]:
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("gfm-like")  # built once: building a parser costs more than parsing a message
    return _blocks(_parser.parse(markdown))


def _blocks(tokens: list[Token]) -> list[Block]:
    root = Block("root")
    stack = [root]
    for token in tokens:
        kind = token.type
        if kind == "inline":
            stack[-1].content = _inline(token)
        elif kind in ("fence", "code_block"):
            stack[-1].children.append(Block("code", Content(token.content.rstrip("\n"))))
        elif kind == "hr":
            stack[-1].children.append(Block("rule"))
        elif kind.endswith("_open"):
            block = _opened(token, stack)
            stack[-1].children.append(block)
            stack.append(block)
        elif kind.endswith("_close") and len(stack) > 1:
            stack.pop()
    return root.children


def _opened(token: Token, stack: list[Block]) -> Block:
    kind = token.type.removesuffix("_open")
    if kind == "heading":
        return Block("heading", level=int(token.tag[1:] or 1))
    if kind == "blockquote":
        return Block("quote")
    if kind == "bullet_list":
        return Block("bullets")
    if kind == "ordered_list":
        return Block("numbers", level=int(token.attrs.get("start", 1) or 1))
    if kind == "list_item":
        if stack[-1].kind == "numbers":
            return Block("item", marker=f"{stack[-1].level + len(stack[-1].children)}. ")
        depth = sum(1 for b in stack if b.kind == "bullets") - 1
        return Block("item", marker=BULLETS[depth % len(BULLETS)])
    if kind in ("table", "thead", "tbody"):
        return Block("rows")  # rare in a message: a table is drawn as its rows, cells joined
    if kind == "tr":
        return Block("row")
    return Block("paragraph")  # paragraph, th, td and anything new: text in its place


def _inline(token: Token) -> Content:
    """An inline token as styled text (Textual's ``MarkdownBlock._token_to_content``, minus images)."""
    parts: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[str, int]] = []
    at = 0

    def add(text: str) -> None:
        nonlocal at
        parts.append(text)
        at += len(text)

    for child in token.children or []:
        kind = child.type
        if kind == "text":
            add(_SPACES.sub(" ", child.content))
        elif kind == "hardbreak":
            add("\n")
        elif kind == "softbreak":
            add(" ")
        elif kind == "code_inline":
            spans.append(Span(at, at + len(child.content), "code"))
            add(child.content)
        elif kind == "image":
            add(f"({child.attrs.get('alt') or child.content})")
        elif kind.endswith("_open"):
            opened.append((kind.removesuffix("_open"), at))
        elif kind.endswith("_close") and opened:
            name, start = opened.pop()
            spans.append(Span(start, at, name))
    return Content("".join(parts), spans=spans)


INLINE = {"strong": "bold", "em": "italic", "s": "strike", "link": "underline"}
"""Textual's Markdown inline styles (``MarkdownBlock`` component classes), by token name."""


def styles(dark: bool) -> dict[str, str]:
    """Textual's Markdown colours (inline code, ``MarkdownBlockQuote``, ``MarkdownBullet``) for a
    dark or a light theme, as style text the app resolves against its theme's variables."""
    return {
        "code": "$text-warning 95% on $warning 10%" if dark else "$text-error 95% on $error 5%",
        "quote": "on $boost",
        "bar": "$text-primary 50%" if dark else "$text-secondary",
        "bullet": "$text-primary" if dark else "$text-secondary",
        "heading": "bold",
        "rule": "$secondary",
    }


def _margins(block: Block, top_level: bool) -> tuple[int, int]:
    """(top, bottom) blank lines around a block, as Textual's Markdown CSS gives them."""
    if block.kind == "paragraph":
        return (0, 1) if top_level else (0, 0)
    if block.kind in ("quote", "code"):
        return (1, 1)
    if block.kind == "heading":
        return (2, 1) if block.level <= 2 else (1, 1)
    if block.kind in ("bullets", "numbers"):
        return (0, 1) if top_level else (0, 0)
    if block.kind == "rule":
        return (1, 1)
    return (0, 0)


class MessageVisual(Visual):
    """Draws a message's blocks; the lines of the last width asked are kept, so measuring the
    height and painting wrap the text once."""

    def __init__(self, blocks: list[Block], *, dark: bool = True) -> None:
        self.blocks = blocks
        self.styles = styles(dark)
        self._cache: tuple[tuple[int, Style], list[Strip]] | None = None
        self._get_style: Any = None
        self._rules: Any = None
        self.paint_with: tuple[Style, Any] | None = None
        """The widget's style and style lookup, as painting will pass them: measuring the height
        with them keeps the lines for the paint (a new message was wrapped twice, issue 18)."""

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._cache is not None and self._cache[0][0] == width:
            return len(self._cache[1])  # the style does not change the number of lines
        style, get_style = self.paint_with or (Style(), None)
        return len(self._lines(width, style, rules, get_style))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines = self._lines(width, style, options.rules, options.get_style)
        return lines if height is None else lines[:height]

    def _lines(self, width: int, style: Style, rules: RulesMap, get_style: Any) -> list[Strip]:
        key = (width, style)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        self._rules, self._get_style = rules, get_style or Style.parse
        lines = self._stack(self.blocks, width, style, top_level=True) if width > 0 else []
        self._cache = (key, lines)
        return lines

    def _style(self, name: str) -> Style:
        style: Style = self._get_style(self.styles[name])
        return style

    def _stack(self, blocks: list[Block], width: int, style: Style, *, top_level: bool) -> list[Strip]:
        """Blocks one under the other; adjacent margins collapse (Textual's vertical layout), the
        first block's top margin stays, and at the top level the last one has none."""
        out: list[Strip] = []
        below = 0
        for i, block in enumerate(blocks):
            top, bottom = _margins(block, top_level)
            if top_level and i == len(blocks) - 1:
                bottom = 0
            gap = top if i == 0 else max(below, top)
            out.extend(Strip.blank(width, _background(style)) for _ in range(gap))
            out.extend(self._block(block, width, style))
            below = bottom
        if not top_level:
            out.extend(Strip.blank(width, _background(style)) for _ in range(below))
        return out

    def _block(self, block: Block, width: int, style: Style) -> list[Strip]:
        kind = block.kind
        if kind in ("paragraph", "heading"):
            return self._text(block.content, width, style + self._style("heading") if kind == "heading" else style)
        if kind == "code":
            return self._text(block.content, width, style + self._style("code"))
        if kind == "rule":
            return [Strip([Segment("─" * width, (style + self._style("rule")).rich_style)], width)]
        if kind == "quote":
            inner = style + self._style("quote")
            body = self._stack(block.children, max(1, width - 3), inner, top_level=False)
            # The bar's colour is blended over the message's background (Textual's outer border).
            bar_colour = (style + self._style("bar")).rich_style.color
            bar = Segment(QUOTE_BAR, inner.rich_style + RichStyle(color=bar_colour))
            pad = Segment(" ", _background(inner))
            return [Strip([bar, pad, *line.crop_extend(0, width - 3, _background(inner)), pad], width) for line in body]
        if kind in ("bullets", "numbers"):
            return self._list(block, width, style)
        if kind == "row":
            cells = _leaves(block)
            return self._text(Content(" │ ").join(cell.content for cell in cells), width, style)
        return self._stack(block.children, width, style, top_level=False)

    def _list(self, block: Block, width: int, style: Style) -> list[Strip]:
        marker_width = max((len(b.marker) for b in block.children), default=2)
        marker_style = (style + self._style("bullet")).rich_style
        out: list[Strip] = []
        for item in block.children:
            body = self._stack(item.children, max(1, width - marker_width), style, top_level=False)
            marker = Segment(item.marker.rjust(marker_width), marker_style)
            blank = Segment(" " * marker_width, marker_style)
            for n, line in enumerate(body or [Strip.blank(width - marker_width, style.rich_style)]):
                out.append(Strip([marker if n == 0 else blank, *line], width))
        return out

    def _text(self, content: Content, width: int, style: Style) -> list[Strip]:
        """Wrapped as a Static wraps it (Japanese by phrase, see ``tui/wrap.py``), padded to ``width``."""
        if content.spans:
            code = self.styles["code"]
            content = Content(
                content.plain,
                spans=[
                    Span(s.start, s.end, code if s.style == "code" else INLINE.get(str(s.style), ""))
                    for s in content.spans
                ],
            )
        strips = content.render_strips(width, None, style, RenderOptions(self._get_style, self._rules))
        pad = _background(style)
        return [strip.extend_cell_length(width, pad) for strip in strips] or [Strip.blank(width, pad)]


def _background(style: Style) -> RichStyle:
    """Only the background of ``style``: what a Static pads its lines with."""
    return RichStyle(bgcolor=style.rich_style.bgcolor)


def _leaves(block: Block) -> list[Block]:
    return [b for child in block.children for b in ([child] if not child.children else _leaves(child))]
