"""The error every ``ja`` parser raises: a Japanese sentence the screens show as it is."""

from __future__ import annotations


class ParseError(ValueError):
    """Input could not be read. ``message`` is a Japanese sentence meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
