"""What the commands print: text made safe for the terminal, and errors on stderr."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO, TypeVar

ParserT = TypeVar("ParserT", bound=argparse.ArgumentParser)
"""The sub-parser class ``cli`` registers commands with (its Japanese-message parser)."""

# C0/C1 control characters (ESC, CSI, OSC, BEL…) from a plan someone else wrote could retitle,
# recolour or rewrite the terminal: only newline and tab reach it (issue 11.7).
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]}


def terminal_safe(text: str) -> str:
    return text.translate(_CONTROL)


def print_safe(text: str = "", *, file: TextIO | None = None) -> None:
    """Print for the user: only newline and tab of the control characters reach the terminal."""
    print(terminal_safe(text), file=file or sys.stdout)


def print_error(message: str) -> None:
    """「エラー: …」 on stderr."""
    print_safe(f"エラー: {message}", file=sys.stderr)


class JaHelpFormatter(argparse.HelpFormatter):
    """argparse help folded by terminal cells and Japanese phrases.

    argparse wraps with :mod:`textwrap`, which counts characters and breaks only at spaces: a
    Japanese help line is two cells per character, so it ran past the edge of an 80-column
    terminal and the terminal folded it at column 0, mid-word.
    """

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "使い方: " if prefix is None else prefix)

    def _format_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None) -> str:
        # argparse folds the usage by characters: fold it as much narrower as its wide characters
        # (the prefix's kanji, 「{円,千円,百万円}」, 「科目=項目」) take cells more.
        extra = _wide(prefix or "") + sum(_wide(self._format_args(a, a.dest.upper())) for a in actions)
        self._width -= extra
        try:
            return super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra

    def _format_action(self, action: argparse.Action) -> str:
        # argparse pads the option column by characters: take out the spaces a wide character
        # already filled, or start the help on the next line when the option no longer fits.
        text = super()._format_action(action)
        lead = " " * self._current_indent + self._format_action_invocation(action)
        extra = _wide(lead)
        first, newline, rest = text.partition("\n")
        if not extra or not action.help or not first.startswith(lead) or first == lead:
            return text
        if first[len(lead) :].startswith(" " * (extra + 2)):
            first = lead + first[len(lead) + extra :]
        else:
            help_position = min(self._action_max_length + 2, self._max_help_position)
            first = lead + "\n" + " " * help_position + first[len(lead) :].lstrip()
        return first + newline + rest

    def _split_lines(self, text: str, width: int) -> list[str]:
        from kaizen_guide.ja.linebreak import wrap  # only --help pays for BudouX

        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from kaizen_guide.ja.linebreak import wrap

        return "\n".join(indent + line for line in wrap(" ".join(text.split()), width - len(indent)))


def _wide(text: str) -> int:
    """How many cells more than characters ``text`` takes in a terminal."""
    from rich.cells import cell_len

    return cell_len(text) - len(text)
