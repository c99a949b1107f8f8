"""Unsent input survives a crash: once the typist pauses, the composer's input is kept as a draft.

ctrl+q keeps unsent input (``InterviewScreen.keep_unsent``); a kill -9, a closed terminal or a
power cut gave no such chance. Here the screen looks at the editor's unsent input every
``EVERY_S`` seconds; when it has not changed since the last look (the person has paused) and
differs from the draft already kept, it is written into the plan's drafts through the engine's
atomic save, the write every answer uses. While keys keep coming nothing is written, so typing
never waits for the disk; a send drops the draft (the engine does), so it never outlives its answer.
"""

from __future__ import annotations

from typing import Any

from kaizen_guide.engine.records import jsonable

EVERY_S = 1.0


class DraftKeeper:
    """Debounced draft saving for an interview screen (its ``question``, ``composer``, ``interview``)."""

    def __init__(self, screen: Any, every: float = EVERY_S) -> None:
        self.screen = screen
        self.every = every
        self._seen: tuple[str, Any] | None = None  # (question id, unsent input) at the last look

    def start(self) -> None:
        self.screen.set_interval(self.every, self.look, name="draft-keeper")

    def look(self) -> None:
        screen = self.screen
        question, interview = screen.question, screen.interview
        editor = screen.composer.editor if screen.is_mounted else None
        if question is None or editor is None or getattr(interview, "read_only", False):
            return
        if getattr(getattr(editor, "question", None), "id", question.id) != question.id:
            return  # the editor is being replaced
        fields = getattr(editor, "unsent_fields", None)
        if fields is not None:  # a section form: each field is kept as its question's draft
            self._look_form(fields, interview, question.id)
            return
        try:
            raw = editor.unsent()
        except Exception:  # noqa: BLE001 - an editor mid-change: look again next time
            return
        seen, self._seen = self._seen, (question.id, raw)
        if raw is None or seen != self._seen:
            return  # nothing unsent, or still typing
        if interview.draft(question.id) == jsonable(raw):
            return  # already kept
        error = interview.save_draft(question.id, raw)
        if error:
            screen.notify(error, severity="warning")

    def _look_form(self, fields: Any, interview: Any, qid: str) -> None:
        try:
            unsent = {k: v for k, v in fields().items() if interview.draft(k) != jsonable(v)}
        except Exception:  # noqa: BLE001 - a form mid-change: look again next time
            return
        seen, self._seen = self._seen, (qid, jsonable(unsent))
        if not unsent or seen != self._seen:
            return  # nothing new, or still typing
        error = interview.save_drafts(unsent)
        if error:
            self.screen.notify(error, severity="warning")
