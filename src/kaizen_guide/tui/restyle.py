"""Restyling a widget whose state comes back: the styles it had then, not the stylesheet again.

Textual restyles a widget whenever its focus, hover, classes or disabled state changes, matching
every rule of the stylesheet again, once for the widget and once per component class (a text area
has eleven). Each answer that changes the editor's kind blurs one input and focuses another, and
those two passes took 3-5 ms of its frame (issue 18) — for the same widgets, in the same two
states, question after question (the composer keeps its editors).

So the styles a widget without children ends up with are kept per *everything the match reads*:
the stylesheet's rules (a new list whenever a sheet is added, the theme changes or the CSS is
reloaded) and, for the widget and each of its ancestors, its type, id, classes and those of its
pseudo-classes some rule names (focus, hover, dark …; no rule names first-child, so an editor
added beside another does not count). When that comes back, the kept rules are put back as Textual
would put them (``Stylesheet.replace_rules``); otherwise Textual restyles as before and the result
is kept. tests/tui/test_restyle.py compares the two for the editors' inputs.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget

MEMO_SIZE = 8
"""States kept per widget (an input has two: focused and not; hover adds a few)."""


_pseudo: tuple[Any, tuple[str, ...]] = (None, ())


def _pseudo_classes(rules: list[Any]) -> tuple[str, ...]:
    """The pseudo-classes some rule of ``rules`` names (no other can change what matches)."""
    global _pseudo
    if _pseudo[0] is not rules:
        _pseudo = (rules, tuple(sorted(set().union(*(rule.pseudo_classes for rule in rules)))))
    return _pseudo[1]


def _state(node: Widget, rules: list[Any]) -> tuple[Any, ...]:
    """What selector matching reads, from the app down to ``node``."""
    names = _pseudo_classes(rules)
    return tuple(
        (type(n), n.id, frozenset(n._classes), tuple(name for name in names if n.has_pseudo_class(name)))
        for n in node.css_path_nodes
    )


class MemoRestyle(App):
    """The app's ``update_styles`` with the memo described in the module docstring."""

    def update_styles(self, node: Any, animate: bool = True) -> None:
        if not isinstance(node, Widget) or node._nodes or not node.is_attached:
            super().update_styles(node, animate=animate)
            return
        sheet = self.stylesheet
        rules = sheet.rules
        key = _state(node, rules)
        memo: dict[tuple[Any, ...], tuple[Any, Any, dict[str, Any]]] = node.__dict__.setdefault("_kg_style_memo", {})
        kept = memo.get(key)
        if kept is not None and kept[0] is rules:
            _, kept_rules, components = kept
            changed = node._component_styles != components
            node._component_styles = dict(components)
            sheet.replace_rules(node, kept_rules.copy(), animate=animate)
            if changed:
                node.refresh()
            for bar in _scrollbars(node):
                sheet.apply(bar, animate=animate)
            return
        super().update_styles(node, animate=animate)
        node_rules: Any = node.styles.base._rules
        if node_rules.get("transitions"):
            return  # an animated change is not its end state yet
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = (rules, dict(node_rules), dict(node._component_styles))


def _scrollbars(node: Widget) -> list[Any]:
    """The scrollbars Textual restyles with a scrollable widget (Stylesheet.update_nodes)."""
    if not node.is_scrollable:
        return []
    vertical = node.show_vertical_scrollbar and node.scrollbar_size_vertical
    horizontal = node.show_horizontal_scrollbar and node.scrollbar_size_horizontal
    bars: list[Any] = [node.vertical_scrollbar] if vertical else []
    if horizontal:
        bars.append(node.horizontal_scrollbar)
    if vertical and horizontal:
        bars.append(node.scrollbar_corner)
    return bars
