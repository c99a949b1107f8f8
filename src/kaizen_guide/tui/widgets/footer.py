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
from textual.widgets._footer import FooterKey


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
        # The keys at once: Textual's Footer composes none until the screen first announces its
        # bindings and then rebuilds after a frame, one more layout of the whole screen after the
        # first frame (the interview's first answer waited behind it, issue 18). A key the focused
        # widget adds comes in place then (_update_in_place).
        self._bindings_ready = True
        self._shown = self._signature(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                self._preset(widget)  # (the palette key is not bound to the footer's compact)
            yield widget

    def _preset(self, key: FooterKey) -> FooterKey:
        """Give a new key the footer's ``compact`` before it mounts: FooterKey starts compact and
        its data binding then flips it, restyling the key twice (two stylesheet passes per key)."""
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)
        return key

    _queued = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or self._queued:
            return
        # Compared after the next frame, not now: between two questions the focus passes through
        # no editor (the old one removed, the new one not focused yet), and a rebuild for that
        # passing state was followed by a second one back to the same keys.
        self._queued = True
        # After the frame even inside a batch (the reply to an answer): see tui/after_frame.py.
        after_frame = getattr(self.app, "call_after_frame", None)
        if after_frame is not None:
            after_frame(self, self._rebuild_if_changed)
        else:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._queued = False
        if not self.is_attached:
            return
        signature = self._signature(self.screen)
        if self._shown is not None and signature == self._shown:
            return
        if self._shown is not None and self._update_in_place(signature):
            self._shown = signature
            return
        await self.recompose()

    def _update_in_place(self, signature: tuple[Any, ...]) -> bool:
        """Show the keys of ``signature`` by hiding, showing and adding single keys, not by
        rebuilding all of them (the interview adds or drops ctrl+s 送信 / ctrl+n とばす between
        questions; a rebuild restyled every key and ran on the next answer's time, issue 18).
        False when only a rebuild fits (key groups, the palette key or the style changed)."""
        keys, *rest = signature
        old_keys, *old_rest = self._shown or ((),)
        if rest != old_rest or any(k[5] is not None for k in (*keys, *old_keys)):
            return False
        first: dict[str, tuple[Any, ...]] = {}
        for k in keys:  # Footer shows one key per action: its first binding
            first.setdefault(k[2], k)
        children = [w for w in self.children if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        pool = {(w.key, w.description, w.action): w for w in children}
        wanted = [(k, pool.get((k[0], k[1], k[2]))) for k in first.values()]
        places = [children.index(w) for _k, w in wanted if w is not None]
        if places != sorted(places):
            return False  # the keys changed order: rebuild
        kept = {id(w) for _k, w in wanted if w is not None}
        for w in children:
            if id(w) not in kept:
                w.display = False  # kept hidden for when the key comes back
        previous: FooterKey | None = None
        for (key, description, action, enabled, tooltip, _group), widget in wanted:
            if widget is None:
                binding_key = next(b for (_, b, _e, _t) in self.screen.active_bindings.values() if b.key == key)
                widget = self._preset(
                    FooterKey(
                        key,
                        self.app.get_key_display(binding_key),
                        description,
                        action,
                        disabled=not enabled,
                        tooltip=tooltip,
                    )
                ).data_bind(compact=Footer.compact)
                if previous is not None:
                    self.mount(widget, after=previous)
                elif children:
                    self.mount(widget, before=children[0])
                else:
                    self.mount(widget)
            else:
                if not widget.display:  # (set when shown already, it restyled and re-laid the key)
                    widget.display = True
                widget.disabled = not enabled
                widget.tooltip = tooltip or None
            previous = widget
        if self.styles.grid_size_columns != len(wanted):
            # Not through the property: its setter repaints every key, and a key comes or goes at
            # most answers that change the editor's kind (issue 18). The layout moves the keys that
            # stay; only a key whose size changes is drawn again.
            self.styles.set_rule("grid_size_columns", len(wanted))
            self.refresh(layout=True)
        return True
