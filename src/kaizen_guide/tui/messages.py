"""App-level messages: what widgets tell the screens (they never act on the plan themselves)."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class AnswerSubmitted(Message):
    """A composer has raw input for the current question (str, list[dict] or dict)."""

    def __init__(self, qid: str, raw: Any) -> None:
        super().__init__()
        self.qid = qid
        self.raw = raw


class JumpTo(Message):
    """Go to a section or question (from the outline, the review or the command palette)."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target


class OpenPlan(Message):
    """Open a plan file (from the start screen)."""

    def __init__(self, path: str, *, create: bool = False) -> None:
        super().__init__()
        self.path = path
        self.create = create
