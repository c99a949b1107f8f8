"""The outline's first frame (drawn before its size is known) has the columns of the frames after it:
a reopened plan's outline used to jump one cell when the layout gave it its real width."""

from __future__ import annotations

from textual.app import App, ComposeResult

from kaizen_guide.engine import Interview
from kaizen_guide.tui.widgets.outline import Outline


def _texts(outline: Outline) -> list[str]:
    return [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Outline()


def _progress(sample_path) -> list:
    iv = Interview.open(sample_path)
    try:
        return list(iv.progress())
    finally:
        iv.close()


async def test_the_first_frame_fits_the_width_the_layout_gives(sample_path):
    rows = _progress(sample_path)

    host = _Host()
    async with host.run_test(size=(120, 40)) as pilot:
        outline = host.query_one(Outline)
        await pilot.pause()
        assert outline.size.width > 0
        outline.update_progress(rows)
        laid_out = _texts(outline)
        # As before the first layout (size 0): the fallback must give the same text.
        fresh = Outline()
        fresh.update_progress(rows)
        assert _texts(fresh) == laid_out
    assert laid_out and all(t.strip() for t in laid_out)


async def test_a_changed_count_replaces_its_row_only_and_shows_on_screen(sample_path):
    """After an answer one section's count changes: only that row is put in and repainted
    (set_options drew and repainted every row after each answer, issue 18)."""
    from dataclasses import replace

    rows = _progress(sample_path)

    host = _Host()
    async with host.run_test(size=(120, 40)) as pilot:
        outline = host.query_one(Outline)
        await pilot.pause()
        outline.update_progress(rows, rows[1].section_id)
        await pilot.pause()
        before = [outline.get_option_at_index(i) for i in range(outline.option_count)]
        changed = [*rows]
        changed[2] = replace(rows[2], answered=rows[2].answered - 1)
        outline.update_progress(changed, rows[1].section_id)
        await pilot.pause()
        after = [outline.get_option_at_index(i) for i in range(outline.option_count)]
        assert [a is b for a, b in zip(before, after, strict=True)] == [i != 2 for i in range(len(rows))]
        assert outline.get_option(rows[2].section_id) is after[2]
        screen = host.screen._compositor.render_strips()
        line = screen[outline.region.y + 2].crop(outline.region.x, outline.region.right).text
        assert f"{changed[2].answered}/" in line and str(after[2].prompt).strip() in line.strip()
        fresh = Outline()
        fresh.update_progress(changed, rows[1].section_id)
        assert _texts(fresh) == _texts(outline)
