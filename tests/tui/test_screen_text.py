"""No line on screen starts with a closing mark (。、」)）？!): the SVG snapshots, read back as text.

The snapshot tests prove the screens equal these pictures; this test reads every picture as rows of
terminal text, splits each row into the panels drawn on it, and looks at how each panel's line starts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_snapshots"
CLOSING = set("。、，．」』）)】〕？?！!")
# Panel edges and scrollbars drawn by Textual: a row holds several panels side by side.
EDGES = re.compile(r"[│┃║▊▌▐▎▏▕╭╮╰╯├┤┬┴┼─━▔▁▂▃▄▅▆▇█]|\s{2,}")
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" clip-path="url\(#terminal-line-(\d+)\)">([^<]*)</text>'
)
CELL = 12.2  # width of one terminal cell in the SVG


def screen_rows(svg: str) -> list[str]:
    """The terminal rows of a pytest-textual-snapshot SVG, as text."""
    pieces: dict[int, list[tuple[float, str]]] = {}
    for x, _length, line, text in _TEXT.findall(svg):
        pieces.setdefault(int(line), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    rows = []
    for line in sorted(pieces):
        row = ""
        col = 0.0
        for x, text in sorted(pieces[line]):
            gap = round((x - col) / CELL)
            row += " " * max(0, gap) + text
            col = x + CELL * sum(2 if ord(c) > 0x2E80 else 1 for c in text)
        rows.append(row)
    return rows


def line_starts(rows: list[str]) -> list[str]:
    """The start of every line of text inside every panel of every row."""
    starts = []
    for row in rows:
        for part in EDGES.split(row):
            part = part.strip()
            if part:
                starts.append(part)
    return starts


def _is_marker(start: str) -> bool:
    """The outline's 「! 2」/「!2」 (flagged answers) is a status mark, not wrapped prose."""
    return (start[0] == "!" and start[1:2] in ("", " ")) or (start[:1] == "!" and start[1:2].isdigit())


def bad_starts(rows: list[str]) -> list[str]:
    return [s for s in line_starts(rows) if s[0] in CLOSING and not _is_marker(s)]


SVGS = sorted(SNAPSHOTS.glob("*.svg"))


def test_there_are_snapshots_at_both_sizes():
    names = [p.name for p in SVGS]
    assert any("[80x24]" in n for n in names) and any("[120x40]" in n for n in names)


@pytest.mark.parametrize("svg", SVGS, ids=[p.stem for p in SVGS])
def test_no_line_starts_with_a_closing_mark(svg):
    rows = screen_rows(svg.read_text(encoding="utf-8"))
    assert any(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", r) for r in rows), "no Japanese read from the picture"
    assert bad_starts(rows) == [], "\n".join(rows)


def test_the_scan_finds_a_closing_mark_at_a_line_start():
    rows = [
        " ▊ 書いてctrl+sで保存、もう一度ctrl+sで送ってください。銀行がどう読むかと",
        " ▊ 、その根拠を返します。   │ 5年",
    ]
    assert bad_starts(rows) == ["、その根拠を返します。"]
    assert bad_starts(["│ ! 窮境要因・経…  3/3 !2  │ ▊ !よろしいですか"]) == ["!よろしいですか"]


# Latin words a Japanese screen may show: key names, file types, names of things.
LATIN_OK = {
    "Enter",
    "Esc",
    "esc",
    "Tab",
    "Space",
    "Del",
    "KPI",
    "POS",
    "kaizen-guide",
    "Excel",
    "Markdown",
    "HTML",
    "html",
    "JSON",
    "json",
    "xlsx",
    "bak",
    "sakura",
    "plan",
    "sample-",
}


def english_words(rows: list[str]) -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z+\-]{2,}", "\n".join(rows))
    return [w for w in words if w not in LATIN_OK and not w.startswith("ctrl+")]


@pytest.mark.parametrize("svg", SVGS, ids=[p.stem for p in SVGS])
def test_screens_speak_japanese(svg):
    """No English message on any screen (Textual's own texts included, e.g. 「No matches found」)."""
    assert english_words(screen_rows(svg.read_text(encoding="utf-8"))) == []


def test_the_english_scan_finds_english():
    assert english_words(["  No matches found", " ^s 送信 ctrl+s で保存 sakura.json"]) == ["matches", "found"]
