"""A screen's first showing without restyling every widget it has just styled (issue 18).

Textual styles each widget as it is mounted, then restyles the whole screen when the screen is
shown (``ScreenResume``): for a screen shown for the first time, right after its widgets were
mounted, that second pass finds what the first found. It was about a tenth of the interview
screen's first frame (and of the start screen's).

The second pass is only needed when a rule that could match a widget already styled came after
it: a widget's ``DEFAULT_CSS`` is scoped to that widget type and what is inside it (mounted after
its rules were added), so only a new unscoped sheet (the app's or a screen's CSS, Markdown's
defaults) can. Such a sheet added since the screen was made keeps Textual's restyle; later
showings (back from another screen, whose time may have changed the app) keep it always.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen


def _unscoped(app: Any) -> set[Any]:
    """Each style sheet that may match any widget (where it was read from, and its text)."""
    return {
        (where, source.content)
        for where, source in app.stylesheet.source.items()
        if not (source.is_defaults and source.scope)
    }


class FirstResumeStyled(Screen):
    """Base of a screen whose first ``ScreenResume`` skips the restyle when nothing could change it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sheets_at_start: set[Any] | None = None
        self._resumed = False
        try:
            self._sheets_at_start = _unscoped(self.app)
        except Exception:  # noqa: BLE001 - no running app yet: the first showing restyles as usual
            self._sheets_at_start = None

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen._on_screen_resume (Textual calls the subclass's handler first).
        first, self._resumed = not self._resumed, True
        if first and self._sheets_at_start is not None and _unscoped(self.app) <= self._sheets_at_start:
            event.refresh_styles = False
