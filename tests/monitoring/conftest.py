"""The monitoring tests use the sample company with its three monitored months."""

from __future__ import annotations

import pytest

from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def sample_plan():
    return build_sample_plan(monitoring=True)
