"""A compositor that does not draw widgets hidden behind others.

Textual paints a frame front to back: every visible widget that overlaps the changed part of the
screen renders its lines and has them cut at every widget edge, and the front-most piece of each
cut wins. The screen, the body and the chat's column lie wholly behind the outline, the chat, the
composer and the summary, yet each answer's frame (the chat scrolls, so all of it changed) rendered
and cut their ~40 lines too: 2-4 ms of the frame at 120×40 (issue 18).

:class:`CoveredCompositor` is Textual's ``Compositor`` (8.2, pinned) whose ``_render_chops`` first
asks whether any cut a widget would paint is still empty; if none is, the widget's pieces would
all be thrown away, so it is not rendered at all (its dirty lines stay dirty until it shows). The
frame is the same, piece for piece: tests/tui/test_covered.py compares it with Textual's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


class CoveredCompositor(Compositor):
    """Textual's compositor, skipping the widgets that are wholly covered (module docstring)."""

    def _render_chops(self, crop: Region, is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip]]:
        # The loop of Compositor._render_chops and _get_renders, with the coverage test before
        # each widget is rendered (the renders were a lazy generator there, so the same order).
        cuts = self.cuts
        chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        intersection = Region.intersection
        crop_overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():
            if not crop_overlaps(clip):
                continue
            render_region = intersection(region, clip)
            x, y, width, height = render_region
            if not (width and height):
                continue
            first_cut, last_cut = render_region.column_span
            if _covered(chops, cuts, render_region.line_range, first_cut, last_cut, is_rendered_line):
                continue
            strips = widget.render_lines(Region(x - region.x, y - region.y, width, height))
            for line_y, strip in zip(render_region.line_range, strips):
                if not is_rendered_line(line_y):
                    continue
                chops_line = chops[line_y]
                final_cuts = [cut for cut in cuts[line_y] if last_cut >= cut >= first_cut]
                cut_strips = strip.divide([cut - x for cut in final_cuts[1:]])
                # Painted front to back: the first piece for a cut wins.
                get = chops_line.get
                for cut, piece in zip(final_cuts, cut_strips):
                    if get(cut) is None:
                        chops_line[cut] = piece
        return chops


def _covered(
    chops: list[dict[int, Any]],
    cuts: list[list[int]],
    lines: range,
    first_cut: int,
    last_cut: int,
    is_rendered_line: Callable[[int], bool],
) -> bool:
    """Every cut from ``first_cut`` up to ``last_cut`` on the drawn ``lines`` has its piece already."""
    for y in lines:
        if not is_rendered_line(y):
            continue
        line = chops[y]
        for cut in cuts[y]:
            if first_cut <= cut < last_cut and line.get(cut) is None:
                return False
    return True
