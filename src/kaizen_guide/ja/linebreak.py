"""Where Japanese text may break across lines: by phrase (BudouX) with 禁則 (kinsoku) rules.

Terminal word-wrap breaks only at spaces, so a Japanese sentence is folded at the edge wherever the
width runs out: lines start with 。、」) and words split in two (「ct|rl+s」「原価率を3|3%」「山田|誠」).
:func:`divide_line` is a drop-in for the wrap function Rich and Textual use: it breaks between
phrases, never puts a closing mark (。、」)？! …) at the start of a line nor an opening one (「(【) at
the end, and folds a phrase wider than the line by characters with the same two rules.

BudouX is imported on the first text that needs it (about 10 ms) and phrases are cached, so
ASCII-only text and repeated renders cost nothing extra.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from rich.cells import cell_len

# 行頭禁則: may not start a line. Closing brackets, punctuation, small kana, prolonged sound mark.
NO_LINE_START = frozenset(
    "、。，．,.)）]］｝}〕〉》」』】〙〗〟’”»・：:；;？?！!‼⁇⁈⁉ー…‥〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ%％"
)
# 行末禁則: may not end a line. Opening brackets and quotes.
NO_LINE_END = frozenset("(（[［｛{〔〈《「『【〘〖〝‘“«")

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_WORD = re.compile(r"\s*\S+\s*")

_parser = None


def _budoux() -> Any:
    global _parser
    if _parser is None:
        import budoux  # lazy: only text with Japanese in it pays for the import

        _parser = budoux.load_default_japanese_parser()
    return _parser


def _kinsoku(phrases: list[str]) -> list[str]:
    """Move closing marks back onto the previous phrase and opening marks on to the next one."""
    out: list[str] = []
    for phrase in phrases:
        if out:
            i = 0
            while i < len(phrase) and phrase[i] in NO_LINE_START:
                i += 1
            if i:
                out[-1] += phrase[:i]
                phrase = phrase[i:]
            if phrase and out[-1] and out[-1][-1] in NO_LINE_END:
                j = len(out[-1])
                while j > 0 and out[-1][j - 1] in NO_LINE_END:
                    j -= 1
                phrase = out[-1][j:] + phrase
                out[-1] = out[-1][:j]
                if not out[-1]:
                    out.pop()
        if phrase:
            out.append(phrase)
    return out


@lru_cache(maxsize=8192)
def phrases(word: str) -> tuple[str, ...]:
    """``word`` (text without spaces) split where a line may break."""
    if not _CJK.search(word):
        return (word,)
    return tuple(_kinsoku(_budoux().parse(word)))


def chunks(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, chunk) pieces of ``text`` between which a line may break: space-separated words,
    and the phrases of Japanese inside them (trailing spaces stay on the last phrase)."""
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group(0)
        lead = len(word) - len(word.lstrip())
        core = word.strip()
        parts = phrases(core) if core else ()
        if len(parts) <= 1:
            yield start, m.end(), word
            continue
        pos = start
        for i, part in enumerate(parts):
            length = len(part) + (lead if i == 0 else 0)
            end = m.end() if i == len(parts) - 1 else pos + length
            yield pos, end, text[pos:end]
            pos = end


def fold(word: str, width: int) -> list[str]:
    """Cut a piece wider than ``width`` into lines, keeping 禁則: before a closing mark the last
    characters move down with it (追い出し: ぶら下げ is not possible in a cell grid), and an opening
    mark never ends a line."""
    lines: list[str] = []
    line = ""
    for ch in word:
        if line and cell_len(line) + cell_len(ch) > width:
            j = len(line)
            if ch in NO_LINE_START:
                j -= 1  # the character before the closing mark goes down with it
                while j > 0 and line[j] in NO_LINE_START:
                    j -= 1
            while j > 0 and line[j - 1] in NO_LINE_END:
                j -= 1
            if j <= 0:
                j = len(line)  # nothing can move: break anyway rather than loop
            lines.append(line[:j])
            line = line[j:]
        line += ch
    if line:
        lines.append(line)
    return lines


def divide_line(text: str, width: int, fold_long: bool = True) -> list[int]:
    """Offsets at which ``text`` breaks to fit ``width`` cells (the contract of Rich's
    ``rich._wrap.divide_line``; trailing spaces of a line do not count towards its width)."""
    width = max(1, width)
    if cell_len(text.rstrip()) <= width:
        # It fits: no break anywhere (what the loop below finds too), without splitting it into
        # phrases (the start screen's first frame then loads no BudouX, issue 18).
        return []
    breaks: list[int] = []
    offset = 0
    for start, _end, piece in chunks(text):
        length = cell_len(piece.rstrip())
        if width - offset >= length:
            offset += cell_len(piece)
            continue
        if offset and start:
            breaks.append(start)
        if length > width and fold_long:
            pos = start
            lines = fold(piece, width)
            for i, line in enumerate(lines):
                if i:
                    breaks.append(pos)
                pos += len(line)
            offset = cell_len(lines[-1])
        else:
            offset = cell_len(piece)
    return breaks


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells (for tests and plain-text output)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        cuts = [0, *divide_line(paragraph, width), len(paragraph)]
        out += [paragraph[a:b].rstrip() for a, b in pairwise(cuts) if a < b or len(cuts) == 2]
    return out
