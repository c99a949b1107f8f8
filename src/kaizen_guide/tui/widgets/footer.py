"""The footer of every screen, redrawn only when what it shows changes.

Textual's Footer rebuilds all its keys whenever the focused widget's bindings are announced, and
the interview focuses a new editor for every question: about two thirds of the styling work after
each Enter was the footer rebuilding the same keys (issue 18, Enter → next question).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that skips the rebuild when the keys it would show are the ones it shows."""

    _shown: tuple[Any, ...] | None = None

    def _signature(self, screen: Screen) -> tuple[Any, ...]:
        active = screen.active_bindings
        keys = tuple(
            (b.key, b.description, b.action, enabled, tooltip, b.group.description if b.group else None)
            for (_, b, enabled, tooltip) in active.values()
            if b.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return keys, (palette[2] if palette else None), self.compact, self.show_command_palette

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._signature(self.screen)
        yield from super().compose()

    _queued = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or self._queued:
            return
        # Compared after the next frame, not now: between two questions the focus passes through
        # no editor (the old one removed, the new one not focused yet), and a rebuild for that
        # passing state was followed by a second one back to the same keys.
        self._queued = True
        self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._queued = False
        if not self.is_attached:
            return
        if self._shown is not None and self._signature(self.screen) == self._shown:
            return
        await self.recompose()
