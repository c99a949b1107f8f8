"""The outline's first frame (drawn before its size is known) has the columns of the frames after it:
a reopened plan's outline used to jump one cell when the layout gave it its real width."""

from __future__ import annotations

from textual.app import App, ComposeResult

from kaizen_guide.engine import Interview
from kaizen_guide.tui.widgets.outline import Outline


def _texts(outline: Outline) -> list[str]:
    return [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]


async def test_the_first_frame_fits_the_width_the_layout_gives(sample_path):
    iv = Interview.open(sample_path)
    rows = iv.progress()
    iv.close()

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Outline()

    host = Host()
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
