"""The chat screens' compositor skips widgets wholly behind others (tui/covered.py, issue 18): the
frame it paints is Textual's own, piece for piece, without rendering the screen's background."""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region

from kaizen_guide.tui.covered import CoveredCompositor

from .conftest import goto, interview_screen, make_app, settle


def _pieces(chops) -> list[list[tuple[int, list]]]:
    return [[(cut, list(strip) if strip is not None else None) for cut, strip in line.items()] for line in chops]


async def _both_ways(screen, crop: Region, rendered=lambda y: True) -> tuple[list, list]:
    compositor = screen._compositor
    assert isinstance(compositor, CoveredCompositor)
    ours = _pieces(compositor._render_chops(crop, rendered))
    textuals = _pieces(Compositor._render_chops(compositor, crop, rendered))
    return ours, textuals


async def test_the_covered_compositor_paints_textuals_frame(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = interview_screen(pilot)
        for target in ("company.officers", "financials.pl", "meta.main_bank"):
            await goto(pilot, target)
            full = screen._compositor.size.region
            ours, textuals = await _both_ways(screen, full)
            assert ours == textuals, target
            # A partial update (the chat's part of the screen, every other line).
            chat = screen.chat.region
            ours, textuals = await _both_ways(screen, chat, lambda y: y % 2 == 0)
            assert ours == textuals, target


async def test_the_screen_behind_the_panes_is_not_rendered(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = interview_screen(pilot)
        rendered: list[str] = []
        for widget in (screen, screen.query_one("#body"), screen.query_one("#main"), screen.chat):
            original = widget.render_lines

            def render_lines(crop, widget=widget, original=original):
                rendered.append(widget.id or type(widget).__name__)
                return original(crop)

            widget.render_lines = render_lines
        screen._compositor._render_chops(screen._compositor.size.region, lambda y: True)
        assert rendered == ["chat"], rendered  # the chat shows between its messages; the rest is covered
