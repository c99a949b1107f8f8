"""One input per field, and moving between them: shared by a group's row form and a section's form.

A field is a bank ``Field`` (a row of a group) or a single-value ``Question`` (a field of the
section form); both have a type, choices, an example and ``is_list``. Every move is a priority
binding of the container, so keys typed ahead land in the field they were meant for (see
composer.py on type-ahead and form_select.py on the Select).
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.actions import SkipAction
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from ..texts import cell_text
from .editor import keys_applied
from .form_select import FormSelect, SelectOverlay
from .paste import BlockPasteInput

CHECKED, UNCHECKED = "X", " "
"""A chosen link shows a mark, an unchosen one an empty box: not colour alone."""


class MarkedSelectionList(SelectionList[str]):
    """A SelectionList whose boxes read 「▐X▌」 when chosen and 「▐ ▌」 when not (Textual draws an X
    in both and tells them apart by colour only, so a link could look chosen and save empty)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        _, scroll_y = self.scroll_offset
        try:
            option = self.get_option_at_index(scroll_y + y)
        except Exception:  # noqa: BLE001 - below the last option: nothing to mark
            return strip
        if len(segments) < 2:
            return strip
        mark = CHECKED if option.value in self._selected else UNCHECKED
        inner = segments[1]
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)


def split_values(value: Any) -> list[str]:
    import re

    if value is None:
        return []
    return [p.strip() for p in re.split(r"[、,，/／;；\s]+", str(value)) if p.strip()]


def field_input(field: Any, value: Any, options: list[tuple[Any, str]], *, wid: str, classes: str) -> Widget:
    """The input that fits ``field.type``, showing ``value``; ``options`` are (value, label)."""
    if field.type in ("choice", "yes_no") and not field.is_list:
        opts = [("はい", "はい"), ("いいえ", "いいえ")] if field.type == "yes_no" else [(lb, lb) for _v, lb in options]
        current = cell_text(value) if value is not None else None
        labels = [v for _l, v in opts]
        if current not in labels:
            # A stored value rather than its label (e.g. "M1"): show the matching label.
            for v, label in options if field.type == "choice" else []:
                if str(v) == str(value):
                    current = label
                    break
        return FormSelect(
            opts,
            value=current if current in labels else Select.NULL,
            prompt="選んでください",
            allow_blank=not field.required,
            id=wid,
            classes=classes,
            compact=True,
        )
    if field.type == "multi_choice":
        chosen = {str(v) for v in (value if isinstance(value, (list, tuple)) else split_values(value))}
        return MarkedSelectionList(
            *[(label, str(v), str(v) in chosen or label in chosen) for v, label in options],
            id=wid,
            classes=f"{classes} row-multi",
        )
    if field.type == "long_text":
        text = "" if value is None else str(value)
        return TextArea(text, soft_wrap=True, tab_behavior="focus", id=wid, classes=classes, compact=True)
    example = (getattr(field, "example", "") or "").strip().splitlines()
    placeholder = f"例：{example[0]}" if example else ""
    # A pasted column goes to the container (the section form) when it takes blocks (paste.py).
    return BlockPasteInput(cell_text(value), placeholder=placeholder, id=wid, classes=classes, compact=True)


def input_value(widget: Any) -> Any:
    """What a field's input holds: text, or the chosen values of a multi-choice."""
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    if isinstance(widget, Select):
        value = widget.value
        return "" if value is Select.NULL or value is None else str(value)
    if isinstance(widget, TextArea):
        return widget.text
    return widget.value


def set_input_text(widget: Any, text: str) -> str | None:
    """Put one pasted line in a field's input as if it had been typed or chosen; a choice the
    list does not have is refused with the message to show (the field is left as it was)."""
    if isinstance(widget, SelectionList):
        wanted = set(split_values(text))
        widget.deselect_all()
        found = set()
        for index in range(widget.option_count):
            option = widget.get_option_at_index(index)
            if {str(option.prompt), str(option.value)} & wanted:
                widget.select(option.value)
                found |= {str(option.prompt), str(option.value)} & wanted
        missing = wanted - found
        return f"「{'、'.join(sorted(missing))}」は選択肢にありません" if missing else None
    if isinstance(widget, Select):
        for label, value in widget._options:
            if text in (str(label), str(value)):
                widget.value = value
                return None
        return f"「{text}」は選択肢にありません"
    if isinstance(widget, TextArea):
        widget.text = text
        return None
    widget.value = text
    return None


class FieldMoves:
    """Tab / shift+Tab / Enter between the inputs carrying ``FIELD_CLASS`` (a mixin for a screen
    or a widget). Enter on the last one-line field calls :meth:`enter_on_last`."""

    FIELD_CLASS = "row-input"

    def _inputs(self) -> list[Any]:
        return list(self.query(f".{self.FIELD_CLASS}"))  # type: ignore[attr-defined]

    def _field_widget(self, widget: Any) -> Any:
        """The field's input that holds ``widget`` (a Select's inner parts count as the Select)."""
        inputs = self._inputs()
        node = widget
        while node is not None and node not in inputs:
            node = node.parent
        return node

    def _set_focus(self, widget: Any) -> None:
        widget.screen.set_focus(widget)
        widget.scroll_visible(animate=False)

    async def action_next_field(self, step: int) -> None:
        focused = self.screen.focused  # type: ignore[attr-defined]
        await keys_applied(focused)
        current = self._field_widget(focused)
        inputs = self._inputs()
        if current is None or not inputs:
            raise SkipAction()
        idx = inputs.index(current) + step
        if 0 <= idx < len(inputs):
            self._set_focus(inputs[idx])

    async def action_enter(self) -> None:
        """Enter moves on from a one-line field or a closed list; in a text area it is a new line,
        in an open list it picks, in a multi-choice it toggles."""
        focused = self.screen.focused  # type: ignore[attr-defined]
        current = self._field_widget(focused)
        if isinstance(current, Select) and not current.expanded:
            await self.action_next_field(1)
            return
        if isinstance(current, FormSelect) and isinstance(focused, SelectOverlay):
            current.pick(focused.highlighted)  # now, before the next key is read
            return
        if not isinstance(current, Input):
            raise SkipAction()
        await keys_applied(focused)
        inputs = self._inputs()
        if inputs.index(current) < len(inputs) - 1:
            await self.action_next_field(1)
        else:
            await self.enter_on_last()

    async def enter_on_last(self) -> None:
        """Enter on the last field (the row form saves the row, the section form sends)."""
