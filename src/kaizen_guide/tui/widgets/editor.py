"""The base of every editor in the composer, and the key helpers they share.

Its own module so the composer and the group / grid editors it chooses between import it,
not each other (see the composer's docstring for how type-ahead uses ``keys_applied``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.widget import Widget

from ..messages import AnswerSubmitted

PreviewFn = Callable[[str, str], str]
"""(question or field id, raw text) -> a one-line preview, e.g. 「350万円 → 3,500千円」."""

OptionsFn = Callable[[str, str], list[tuple[Any, str]]]
"""(question id, field id or "") -> [(value, label)] (static choices or choices_from rows)."""

ColumnsFn = Callable[[str, int | None], list[str]]  # (question id, number of columns or None: the natural count)
"""(question id, column count) -> column headings of a year grid."""

PREVIEW_TYPES = frozenset({"amount", "integer", "percent", "decimal", "date", "month", "fiscal_month"})

SUBMIT_KEY = "ctrl+s"


class Editor(Widget):
    """Base of the type-specific editors."""

    DEFAULT_CSS = """
    Editor { height: auto; }
    """

    def __init__(
        self,
        question: Any,
        *,
        prefill: Any = None,
        preview: PreviewFn | None = None,
        options: OptionsFn | None = None,
        columns: ColumnsFn | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.prefill = prefill
        self.preview_fn = preview
        self.options_fn = options
        self.columns_fn = columns

    def submit(self) -> None:
        """Send from a message handler (a mouse click): the screen handles it in its own task."""
        self.post_message(AnswerSubmitted(self.question.id, self.value()))

    async def send(self) -> None:
        """Send from a priority binding (run by the app, which reads no key until this returns):
        apply the keys typed so far, then let the screen take the answer and ask the next one."""
        await keys_applied(self.app.focused)
        take = getattr(self.screen, "take_answer", None)
        if take is None or not self.is_attached:
            self.submit()
            return
        await take(self.question.id, self.value())

    async def action_send(self) -> None:
        await self.send()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def unsent(self) -> Any:
        """What was typed but not sent (None when the editor shows the stored answer unchanged)."""
        value = self.value()
        if isinstance(value, str):
            return value if value.strip() and value != (self.prefill or "") else None
        if isinstance(value, dict):
            before = self.prefill if isinstance(self.prefill, dict) else {}

            def cells(v: Any, n: int) -> list[str]:
                items = list(v) if isinstance(v, (list, tuple)) else [v]
                return [str(x if x is not None else "").strip() for x in items + [""] * n][:n]

            changed = any(cells(v, len(v)) != cells(before.get(k, []), len(v)) for k, v in value.items())
            return value if changed else None
        if isinstance(value, list) and self.question.type == "group":
            return value if value != list(self.prefill or []) else None
        return None

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Show ``question`` without a new editor of the same kind; False: mount a new one."""
        return False

    def adopt(self, question: Any, prefill: Any, helpers: dict[str, Any]) -> None:
        """Take ``question``, its prefill and the screen's helpers (for :meth:`reuse`)."""
        self.question = question
        self.prefill = prefill
        self.preview_fn = helpers.get("preview")
        self.options_fn = helpers.get("options")
        self.columns_fn = helpers.get("columns")

    def focus_input(self) -> None:
        focus_now(self)


KEYS_APPLIED_TIMEOUT = 10.0
"""Seconds to wait for a widget to apply its pending keys (only a hung widget takes this long)."""


async def keys_applied(widget: Any) -> None:
    """Wait until ``widget`` has handled every event already sent to it (keys, a paste)."""
    if widget is None or not getattr(widget, "is_running", False):
        return
    done = asyncio.get_running_loop().create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(None)

    if widget.call_later(mark):
        try:
            await asyncio.wait_for(done, KEYS_APPLIED_TIMEOUT)
        except TimeoutError:  # a removed widget never runs the callback: go on
            pass


def focus_now(widget: Widget) -> None:
    """Focus ``widget`` at once (Widget.focus waits a message cycle, and keys typed ahead in that
    cycle would go to the editor being replaced)."""
    try:
        widget.screen.set_focus(widget)
    except Exception:  # noqa: BLE001 - not on a screen yet: fall back to the deferred focus
        widget.focus()
