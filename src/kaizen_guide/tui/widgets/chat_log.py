"""The conversation: assistant messages as Markdown (each drawn by one widget, see
:mod:`.message_view`), the person's answers as plain text.

An anchored VerticalScroll (toad / Textual's mother.py pattern): new messages keep the view at the
bottom until the person scrolls up. Only the last MAX_MESSAGES are kept, so a long interview costs
the same per answer as a short one (the plan file holds the answers, not this log), and only the
last LIVE_MESSAGES of those are displayed: Textual lays out every displayed widget of the screen on
each change, so 60 messages made each answer's layout several times dearer (issue 18). Older ones
come back, a screenful at a time, when the person scrolls to the top.
"""

from __future__ import annotations

import re
from typing import Any

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from .message_view import MessageVisual, parse

MAX_MESSAGES = 60
LIVE_MESSAGES = 12

_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\uffef"
_SPACE_AFTER_PUNCT = re.compile(f"(?<=[、。」』）:]) (?=[{_CJK}])")


def ja_wrap(text: str) -> str:
    """Drop a single ASCII space after Japanese punctuation (a YAML line fold: 「…ので、 ここでは」).

    Line breaking itself (by phrase, with 禁則) is done for every widget by :mod:`..wrap`.
    """
    return _SPACE_AFTER_PUNCT.sub("", text)


class AssistantMessage(Widget, can_focus=False):
    """A message from the advisor: a question, an explanation, a finding, a follow-up.

    One widget draws the whole message (:mod:`.message_view`): Textual's Markdown widget mounted
    a widget per paragraph and quote, and styling those was most of an answer's mount (issue 18).
    """

    DEFAULT_CSS = """
    AssistantMessage {
        height: auto;
        margin: 0 4 1 0;
        padding: 0 1;
        background: $boost;
        color: $foreground;
        border-left: tall $primary;
    }
    AssistantMessage.-finding-error { border-left: tall $error; }
    AssistantMessage.-finding-warning { border-left: tall $warning; }
    AssistantMessage.-finding-info { border-left: tall $accent; }
    AssistantMessage.-note { border-left: tall $success; background: transparent; }
    AssistantMessage.-status { margin: 0 4 0 0; color: $text-muted; }
    AssistantMessage.-review-note { border-left: tall $secondary; background: $secondary 15%; }
    AssistantMessage.-section { border-left: none; background: transparent; color: $text-muted; }
    """

    def __init__(self, markdown: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._markdown = markdown
        self._blocks = parse(markdown)

    @property
    def source(self) -> str:
        """The message's Markdown, as said."""
        return self._markdown

    _visual: tuple[str, MessageVisual] | None = None

    def render(self) -> MessageVisual:
        # Kept across layouts: Textual asks again after every layout of the screen, and a new
        # visual would wrap the text again (the visual keeps its lines per width).
        theme = self.app.theme
        if self._visual is None or self._visual[0] != theme:
            self._visual = (theme, MessageVisual(self._blocks, dark=self.app.current_theme.dark))
        visual = self._visual[1]
        visual.paint_with = (self.visual_style, self._get_style)
        return visual


class UserMessage(Static):
    """What the person typed (shown as typed, never parsed as Markdown)."""

    DEFAULT_CSS = """
    UserMessage {
        margin: 0 0 1 8;
        padding: 0 1;
        background: $primary 20%;
        border-right: tall $primary;
        width: 1fr;
    }
    """

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(text, markup=False, **kwargs)


class ChatLog(VerticalScroll, can_focus=False):
    """The scrolling conversation."""

    DEFAULT_CSS = """
    ChatLog {
        height: 1fr;
        padding: 0 1 0 1;
        scrollbar-size-vertical: 1;
    }
    """

    def on_mount(self) -> None:
        self.anchor()

    def say(self, markdown: str, *kinds: str, top: bool = False) -> AssistantMessage:
        """Add an assistant message; ``kinds`` become CSS classes (``finding-warning`` → ``-finding-warning``).

        ``top``: scroll so the message starts at the top of the view (a long reply is read from its
        first line; the log re-anchors to the bottom with the next message)."""
        message = AssistantMessage(ja_wrap(markdown), classes=" ".join(f"-{k}" for k in kinds))
        if not top and not self.is_anchored:
            self.anchor()
        self._add(message)
        if top:
            self.call_after_refresh(self._show_top, message)
        return message

    def _show_top(self, message: AssistantMessage, tries: int = 0) -> None:
        if message.is_attached and not message.outer_size.height and tries < 10:
            # Said inside a batched update: not laid out yet, look again after the next frame.
            self.call_after_refresh(self._show_top, message, tries + 1)
            return
        if message.is_attached and message.outer_size.height > self.scrollable_content_region.height:
            self.anchor(False)
            self.scroll_to_widget(message, top=True, animate=False)

    def said_by_user(self, text: str) -> UserMessage:
        message = UserMessage(text)
        self._add(message)
        return message

    _pending: list[Any] | None = None

    def _add(self, widget) -> None:
        extra = len(self.children) + 1 - MAX_MESSAGES
        if extra > 0:
            for old in list(self.children)[:extra]:
                old.remove()
        mounting = self.mount(widget)
        if self._pending is None:
            self._pending = []
        self._pending.append(mounting)
        shown = [c for c in self.children if c.display]
        for old in shown[:-LIVE_MESSAGES]:
            old.display = False  # kept (and queried) but not laid out until scrolled back to

    def reveal_older(self) -> bool:
        """Show the LIVE_MESSAGES messages before the first one shown; True if there were any."""
        children = list(self.children)
        first = next((i for i, c in enumerate(children) if c.display), len(children))
        older = children[max(0, first - LIVE_MESSAGES) : first]
        if not older:
            return False
        self.anchor(False)
        for widget in older:
            widget.display = True
        if first < len(children):
            # Keep what the person was reading in place: the revealed messages go above it.
            self.call_after_refresh(self.scroll_to_widget, children[first], top=True, animate=False)
        return True

    def _on_mouse_scroll_up(self, event: Any) -> None:
        if self.scroll_y <= 0 and self.reveal_older():
            event.stop()
            return
        super()._on_mouse_scroll_up(event)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value <= 0 < old_value and not self.is_anchored:
            self.call_later(self.reveal_older)  # dragged to the top with the scrollbar

    async def settled(self) -> None:
        """Wait until the messages said so far are mounted with their blocks, so the next layout
        has their heights (laid out earlier, a new message is 0 lines tall for one more frame)."""
        pending, self._pending = self._pending or [], None
        for mounting in pending:
            await mounting

    def clear(self) -> None:
        self.remove_children()
