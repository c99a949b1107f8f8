"""The Markdown most messages are written in, read without markdown-it (issue 18).

Importing markdown-it and building its GFM parser (linkify's patterns) took ~40 ms of every first
frame, for messages that use only paragraphs, ``**bold**``, line breaks (two spaces) and a one-
paragraph ``> quote``. :func:`plain_blocks` reads exactly that subset, following CommonMark's rules
(the flanking of ``**``, breaks, text runs as markdown-it joins them), and answers None for anything
else — any character that could start other syntax (a link, code, a list, a table, an entity, a
URL to linkify...) — so the caller parses it with markdown-it and the result is always the same
(tests/tui/test_plain_markdown.py compares the two).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from textual.content import Content, Span

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SYNTAX = frozenset("\\`_~[]<>&|.:@*")
"""Characters that can take part in other syntax anywhere in a line (``*`` is read here apart);
``.``, ``:`` and ``@`` because linkify turns text with them into links."""

_LIST_NUMBER = re.compile(r"[0-9]+[.)]")
_SPACES = re.compile(r"\s+")


def _punct(ch: str) -> bool:
    """markdown-it's test for punctuation next to a delimiter (ASCII or Unicode P* / S*)."""
    return ch in _ASCII_PUNCT or unicodedata.category(ch).startswith(("P", "S"))


def _line_ok(line: str) -> bool:
    """A paragraph line that cannot start any other block (list, heading, rule, code, table...)."""
    if not line or line[0] == " ":
        return False
    if line[0] in _ASCII_PUNCT and not line.startswith("**"):
        return False
    return _LIST_NUMBER.match(line) is None


def plain_blocks(markdown: str, block: Any) -> list[Any] | None:
    """The blocks of ``markdown`` if it is in the subset (``block`` makes one: message_view.Block),
    else None."""
    text = markdown.rstrip("\n")
    if not text:
        return None
    blocks = []
    for chunk in text.split("\n\n"):
        lines = chunk.split("\n")
        quoted = lines[0].startswith("> ")
        if quoted:
            if not all(line.startswith("> ") for line in lines):
                return None
            lines = [line[2:] for line in lines]
        if not all(_line_ok(line) for line in lines) or lines[-1].endswith(" "):
            return None
        content = _inline("\n".join(lines))
        if content is None:
            return None
        paragraph = block("paragraph", content)
        blocks.append(block("quote", children=[paragraph]) if quoted else paragraph)
    return blocks


def _inline(src: str) -> Content | None:
    """A paragraph's text and its bold spans, as message_view._inline reads markdown-it's tokens."""
    parts: list[str] = []
    spans: list[Span] = []
    run: list[str] = []  # the text since the last token (markdown-it's pending text)
    at = 0
    opened: int | None = None

    def flush(extra: str = "") -> None:
        nonlocal at
        piece = _SPACES.sub(" ", "".join(run)) + extra
        run.clear()
        parts.append(piece)
        at += len(piece)

    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch == "*":
            j = i
            while j < n and src[j] == "*":
                j += 1
            if j - i != 2:
                return None
            can_open, can_close = _flanking(src[i - 1] if i else " ", src[j] if j < n else " ")
            # Runs of two only, so CommonMark's "multiple of 3" rule never applies: a run that can
            # close closes the open one, else one that can open opens (nesting is left to markdown-it).
            if opened is not None and can_close:
                flush()
                spans.append(Span(opened, at, "strong"))
                opened = None
            elif opened is None and can_open:
                flush()
                opened = at
            else:
                return None
            i = j
            continue
        if ch == "\n":
            pending = "".join(run)
            kept = pending.rstrip(" ")
            run[:] = [kept]
            flush("\n" if len(pending) - len(kept) >= 2 else " ")  # hard break, else a soft one
        elif ch in _SYNTAX or (ch.isspace() and ch != " ") or unicodedata.category(ch) == "Cc":
            return None
        else:
            run.append(ch)
        i += 1
    if opened is not None:
        return None
    flush()
    return Content("".join(parts), spans=spans)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """(can open, can close) for a ``**`` between ``before`` and ``after`` (markdown-it's scanDelims
    for ``*``; the only whitespace here is a space or a line break)."""
    before_space, after_space = before in " \n", after in " \n"
    before_punct, after_punct = _punct(before), _punct(after)
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return left, right
