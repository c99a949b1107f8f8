"""The key-figure panel states the stress test beside the (base-case) targets."""

from kaizen_guide.finance import compute_projection
from kaizen_guide.tui.widgets.summary import render_summary


def test_summary_panel_says_the_targets_hold_only_in_the_base_case(sample_plan):
    text = render_summary(sample_plan, compute_projection(sample_plan))
    # The sample's three stress cases fail: the ✓ marks must not read as 「達成」 alone.
    assert "ストレステスト 不成立" in text and "目標は基本ケースのみ達成" in text
