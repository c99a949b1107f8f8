"""Shared fixtures: the sample company is the fixture for most tests."""

from __future__ import annotations

import pytest

from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def sample_plan():
    return build_sample_plan()


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    # Recent-plans lists and demo copies must never touch the developer's real data dir.
    monkeypatch.setenv("KAIZEN_GUIDE_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    yield
