"""Japanese line breaking for every widget that shows prose, installed once.

Rich and Textual wrap text with one function (``divide_line``: break at spaces, fold the rest at
the edge). :func:`install` replaces it with :func:`kaizen_guide.ja.linebreak.divide_line`, which
breaks Japanese by phrase with 禁則, so Markdown messages, Static labels, the footer and
notifications all wrap the same way without each widget doing it.
"""

from __future__ import annotations

from kaizen_guide.ja import linebreak

_installed = False


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    return linebreak.divide_line(text, width, fold_long=fold)


def install() -> None:
    """Point Rich's and Textual's wrapping at the Japanese-aware one (idempotent)."""
    global _installed
    if _installed:
        return
    import rich.text
    import textual.content

    # Neither module re-exports divide_line (their stubs say so); replacing it is the point here.
    rich.text.divide_line = divide_line  # type: ignore[attr-defined]  # rich.Text.wrap (Rich renderables)
    textual.content.divide_line = divide_line  # type: ignore[attr-defined]  # Content (Static, Markdown, Footer, Toast)
    _installed = True
