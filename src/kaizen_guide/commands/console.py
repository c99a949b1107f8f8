"""What the commands print: text made safe for the terminal, and errors on stderr."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO, TypeVar

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
