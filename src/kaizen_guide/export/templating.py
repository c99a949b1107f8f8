"""The report templates' Jinja environment (autoescaped HTML, strict undefined, a per-user bytecode
cache) and its filters: 千円 amounts, percentages, years, and Markdown-safe answer text.

Answers reach templates only as values (see :mod:`.report`); the filters here are what make a
value safe to print in Markdown. Split out of ``report.py``, which re-exports the public names.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, StrictUndefined

from ..locations import templates_dir
from . import layout
from .precompiled import PrecompiledLoader

FORMATS = ("md", "html")


def kyen(value: Any) -> str:
    """千円 amount with thousands separators and ▲ for negatives ("—" when unknown)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        return value
    v = int(value)
    return ("▲" if v < 0 else "") + f"{abs(v):,}"


def pct(value: Any, places: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    v = float(value) * 100
    return ("▲" if v < 0 else "") + f"{abs(v):.{places}f}%"


def years(value: Any) -> str:
    if value is None:
        return layout.NOT_COMPUTABLE
    if isinstance(value, str):
        return value
    return f"{float(value):.1f}年"


# Answer text is data in Markdown too (issue 11.7): raw HTML (<script>, <img onerror>) is escaped as
# entities, link/image syntax loses its brackets' meaning, and a line cannot start a heading, quote,
# list or rule of its own.
_MD_INLINE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]"})


_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)])(?=\s|$))")


def _md_inline(text: str) -> str:
    return text.replace("\\", "\\\\").translate(_MD_INLINE)


def _md_line(line: str) -> str:
    def esc(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(1) + "\\" + m.group(2)
        return m.group(1) + m.group(3) + "\\" + m.group(4)  # 1. → 1\. (a backslash before a digit would show)

    return _MD_LINE_START.sub(esc, _md_inline(line))


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell (pipes escaped, line breaks joined, no markup)."""
    text = "" if value is None else str(value)
    return _md_line(text).replace("|", "\\|").replace("\r\n", "\n").replace("\r", "\n").replace("\n", " / ")


def md_text(value: Any) -> str:
    """A paragraph of answer text for Markdown (kept as typed, shown literally; blank lines collapsed)."""
    text = "" if value is None else str(value)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_md_line(line.rstrip()) for line in lines if line.strip())


def _bytecode_cache() -> Any:
    """Jinja's own compiled-template cache in our per-user cache folder: compiling the report
    templates was about a third of `export`'s time in every new process (issue 18). Jinja keys each
    entry by the template's source checksum, so an edited template is compiled again."""
    from jinja2 import FileSystemBytecodeCache

    from kaizen_guide.diskcache import cache_dir

    if os.environ.get("KAIZEN_GUIDE_NO_CACHE"):
        return None
    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None  # a read-only home: compile every time
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=4)
def _environment(folder: str) -> Environment:
    env = Environment(
        loader=PrecompiledLoader(folder),  # the templates' code shipped compiled (precompiled.py)
        autoescape=lambda name: name is not None and (name.endswith(".html.j2") or name.endswith(".html")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(kyen=kyen, pct=pct, years=years, md_cell=md_cell, md_text=md_text)
    return env


def environment() -> Environment:
    return _environment(str(templates_dir()))


def template(kind: str, fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (use 'md' or 'html')")
    return environment().get_template(f"{kind}.{fmt}.j2")


def css() -> str:
    path = templates_dir() / "report.css"
    return path.read_text(encoding="utf-8") if path.exists() else ""


if __name__ == "__main__":  # after editing a template: regenerate its shipped compiled code
    from .precompiled import write_all

    for written in write_all(environment()):
        print(f"書き出しました: {written}")
