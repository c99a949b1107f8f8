"""The outline: every section with its state and counts; Enter jumps there."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from textual import on
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..messages import JumpTo
from ..texts import fit


def _same(a: Any, b: Any) -> bool:
    """Two row prompts show the same text in the same styles."""
    if isinstance(a, Content) and isinstance(b, Content):
        return a.plain == b.plain and list(a.spans) == list(b.spans)
    return a == b


STATUS_MARKS: dict[str, tuple[str, str]] = {
    # status: (mark, style)
    "done": ("✓", "$text-success"),
    "flagged": ("!", "$text-warning"),
    "in_progress": ("▸", "$text-accent"),
    "not_started": ("·", "$text-muted"),
    "checking": ("…", "$text-muted"),  # complete; its answers' checks are still running
}

STATUS_LABELS: dict[str, str] = {
    "done": "完了",
    "flagged": "要確認",
    "in_progress": "入力中",
    "not_started": "未着手",
    "checking": "確認中",
}


OUTLINE_WIDTH = 26


class Outline(OptionList):
    """Sections of the plan: ✓ done, ! flagged, ▸ in progress, · not started, with counts."""

    DEFAULT_CSS = f"""
    Outline {{
        width: {OUTLINE_WIDTH};
        height: 1fr;
        border: none;
        border-right: solid $primary 40%;
        padding: 0;
        scrollbar-size-vertical: 1;
    }}
    Outline:focus {{ border: none; border-right: solid $accent; }}
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._section_ids: list[str] = []
        self._signature: tuple = ()
        self._last: tuple[list[Any], str | None] = ([], None)

    def update_progress(self, progress: Iterable[Any], current_section: str | None = None) -> None:
        """Show ``Interview.progress()``; the current section is highlighted."""
        rows = list(progress)
        self._last = (rows, current_section)
        # Inner width: the outline's width less the scrollbar and a cell of padding.
        # Before the first layout the size is 0: fit to the width the layout will give (the CSS
        # width less the right border), so the first frame's columns are those of the next.
        width = max(10, (self.size.width or OUTLINE_WIDTH - 1) - 2)
        # The width fitted to, not the size: the first layout's resize (0 → the width assumed
        # above) then changes nothing, and setting the same options again re-laid the screen.
        signature = tuple((p.section_id, p.answered, p.total, p.flagged, p.status) for p in rows) + (
            current_section,
            width,
        )
        if signature == self._signature:
            return
        self._signature = signature
        options = []
        for p in rows:
            mark, style = STATUS_MARKS.get(p.status, ("·", "$text-muted"))
            counts = f"{p.answered}/{getattr(p, 'total', p.required)}"
            if p.flagged:
                counts += f" !{p.flagged}"
            title_width = width - 2 - cell_len(counts) - 1
            title = fit(p.title, max(4, title_width))
            gap = " " * max(1, width - 2 - cell_len(title) - cell_len(counts))
            prompt = Content.assemble(
                (f"{mark} ", style),
                (title, "bold" if p.section_id == current_section else ""),
                gap,
                (counts, "$text-muted"),
            )
            options.append(Option(prompt, id=p.section_id))
        highlighted = self.highlighted
        if not self._replace_changed(options):
            self.set_options(options)
        self._section_ids = [p.section_id for p in rows]
        if current_section in self._section_ids and not self.has_focus:
            self.highlighted = self._section_ids.index(current_section)
        elif highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted

    def _replace_changed(self, options: list[Option]) -> bool:
        """Put in only the rows that changed and repaint only their lines, when the sections are
        the same ones, one line each: ``set_options`` drew every row again and repainted the whole
        outline after each answer, for the one row whose count changed (issue 18). False when
        that does not fit (the rows change in number or order, or are not laid out yet)."""
        old = self.options
        if not self.is_mounted or not self._lines or [o.id for o in old] != [o.id for o in options]:
            return False
        if len(self._lines) != len(options):
            return False  # a row is not one line (a divider, or a wrapped prompt)
        width = self.scrollable_content_region.width
        for index, (was, new) in enumerate(zip(old, options, strict=True)):
            if _same(was.prompt, new.prompt):
                continue
            # The option list keeps its rows in these three places (Textual 8.2, pinned).
            self._options[index] = new
            del self._option_to_index[was]
            self._option_to_index[new] = index
            self._id_to_option[new.id] = new  # type: ignore[index]
            self.refresh(Region(0, index - self.scroll_offset.y, width, 1))
        return True

    def on_resize(self) -> None:
        rows, current = self._last
        self.update_progress(rows, current)  # re-fit the titles if the width changed
        # The highlight set before the first layout (the outline not mounted yet) does not stay;
        # the rows themselves are fitted already (update_progress), so only the highlight is set.
        if current in self._section_ids and not self.has_focus:
            index = self._section_ids.index(current)
            if self.highlighted != index:
                self.highlighted = index

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(JumpTo(event.option.id))
