"""Pasting a block (a range copied from a spreadsheet or the accounting software's Excel export).

A terminal delivers a paste as one ``events.Paste`` (bracketed paste). An Input keeps only the
first line of it; :class:`BlockPasteInput` instead hands a block (several lines and/or tabs) to
the nearest container that takes blocks (the year grid, the section form), which puts each piece
in its own field through the same path as typing. A one-line paste stays the Input's own.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from textual import events
from textual.widgets import Input


def split_block(text: str) -> list[list[str]] | None:
    """Rows (lines) of tab-separated cells, or None for a plain one-line paste.

    Spreadsheets end a copied range with a line break, so trailing line breaks do not count.
    A terminal (tmux, and others) may turn each LF into CR, so a CRLF copy arrives as CR CR: when
    every break is doubled that way, each pair is one line break, not an empty row between rows.
    """
    if "\n" not in text and "\r" in text:
        runs = re.findall(r"\r+", text.rstrip("\r"))
        if runs and all(len(r) % 2 == 0 for r in runs):
            text = text.replace("\r\r", "\n")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    rows = [line.split("\t") for line in lines]
    if len(rows) == 1 and len(rows[0]) == 1:
        return None
    return rows


class BlockTaker(Protocol):
    def take_block(self, origin: Input, rows: list[list[str]]) -> None: ...


class BlockPasteInput(Input):
    """An Input whose pasted blocks go to the container (see the module docstring)."""

    def _on_paste(self, event: events.Paste) -> None:
        rows = split_block(event.text)
        if rows is None:
            return  # Input._on_paste inserts the line, as before
        for node in self.ancestors:
            take: Any = getattr(node, "take_block", None)
            if take is not None:
                event.prevent_default()  # not Input's own handler: it would keep the first line
                event.stop()
                take(self, rows)
                return


def paste_notice(filled: int, unit: str, cut: int, outside: str) -> str:
    """The one-line notice after a block paste: how many values went in, how many did not fit."""
    text = f"貼り付け: {filled}{unit}に入力しました"
    return text + (f"・{outside}の{cut}個の値は入れていません" if cut else "")
