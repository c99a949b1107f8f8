"""Work that must wait for the next frame even when it is asked for inside a batched update.

``call_after_refresh`` means "after the next frame" only outside ``App.batch_update``: inside it
Textual runs the callback at the next idle moment, which comes before the batch's frame (the
screen is idle while it awaits mounts). The interview takes each answer in one batch, so the
footer's rebuild for the next question's keys ran inside the reply's frame (2-5 ms of the answers
that change the editor's kind, issue 18). :meth:`AfterFrame.call_after_frame` keeps such a
callback until the batch ends and then asks for it after the refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message_pump import MessagePump


class AfterFrame(App):
    """An app with :meth:`call_after_frame`."""

    _kg_after_batch: list[tuple[MessagePump, Callable[[], Any]]] | None = None

    @property
    def batching(self) -> bool:
        """Inside ``batch_update``: what is drawn now shows only with the batch's frame."""
        return bool(self._batch_count)

    def call_after_frame(self, owner: MessagePump, callback: Callable[[], Any]) -> None:
        """Run ``callback`` as ``owner``'s (in its context) after the next frame: after the batch's
        frame when called inside a batch."""
        if not self.batching:
            owner.call_after_refresh(callback)
            return
        if self._kg_after_batch is None:
            self._kg_after_batch = []
        self._kg_after_batch.append((owner, callback))

    def _end_batch(self) -> None:
        super()._end_batch()
        if not self._batch_count and self._kg_after_batch:
            waiting, self._kg_after_batch = self._kg_after_batch, None
            for owner, callback in waiting:
                with owner._context():  # the callback runs as its owner's, as call_after_refresh would
                    owner.call_after_refresh(callback)
