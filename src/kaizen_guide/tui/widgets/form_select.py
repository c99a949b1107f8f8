"""A Select for the row forms whose focus moves at once, so keys typed ahead land in order.

Textual's Select moves the focus to its list, and back when an option is picked, with
``Widget.focus()``, which runs only after the keys already waiting in the app's queue. A quick
typist's 「Space ↓ Enter Tab 9,600万円」 then reached the closed Select instead of the list: the
pick was lost, and a late focus call could even pull the focus back from the next field. Here
every focus move is immediate (``Screen.set_focus``), and the form picks the highlighted option
on Enter itself, in the key's own turn (:meth:`FormSelect.pick`).
"""

from __future__ import annotations

from textual import on
from textual.css.query import NoMatches
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

__all__ = ["FormSelect", "SelectOverlay"]


class FormSelect(Select[str]):
    """Select with immediate focus moves (see the module docstring)."""

    def _watch_expanded(self, expanded: bool) -> None:
        try:
            overlay = self.query_one(SelectOverlay)
        except NoMatches:
            return  # being removed
        self.set_class(expanded, "-expanded")
        if not expanded:
            return
        self.screen.set_focus(overlay, scroll_visible=False)
        current = self.query_one(SelectCurrent)
        if self.value is self.NULL:
            overlay.select(None)
            current.has_value = False
            return
        for index, (_prompt, value) in enumerate(self._options):
            if value == self.value:
                overlay.select(index)
                break
        current.has_value = True

    def pick(self, index: int | None) -> None:
        """Choose option ``index`` of the open list (None: keep the value) and close it."""
        if index is not None and 0 <= index < len(self._options):
            value = self._options[index][1]
            if value != self.value:
                self.value = value
        self.screen.set_focus(self)
        self.expanded = False

    @on(SelectOverlay.UpdateSelection)
    def _picked(self, event: SelectOverlay.UpdateSelection) -> None:
        """A click on an option (the keyboard's Enter is handled by the form)."""
        event.stop()
        event.prevent_default()  # not Select's own handler, which refocuses later
        self.pick(event.option_index)

    @on(SelectOverlay.Dismiss)
    def _dismissed(self, event: SelectOverlay.Dismiss) -> None:
        event.stop()
        event.prevent_default()
        self.expanded = False
        if not event.lost_focus:
            self.screen.set_focus(self)
