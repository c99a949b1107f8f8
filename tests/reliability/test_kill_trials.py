"""SIGKILL at random moments of an interview: no acknowledged answer is lost (issue 11 campaign).

A bounded sample for CI; `python benchmarks/reliability_campaign.py --kills 200` runs the long one.
"""

from __future__ import annotations

import random
import sys

import pytest
from reliability_helpers import kill_trial, trial_failed

TRIALS = 6


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_random_kills_lose_no_acknowledged_answer(tmp_path):
    rng = random.Random(11)
    results = []
    for i in range(TRIALS):
        folder = tmp_path / f"trial{i}"
        folder.mkdir()
        results.append(kill_trial(folder, rng))
    failed = [r for r in results if trial_failed(r)]
    assert not failed, failed
    assert sum(r["acked"] for r in results) > 0  # the kills did land mid-interview
