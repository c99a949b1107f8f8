"""The demo's plan file comes from the per-user cache after the first demo (issue 18: the demo's
first question waited for the sample to be built and its 84 answers adopted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kaizen_guide.engine import Interview, demo
from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.sample import build_sample_plan


def _without_times(data: dict) -> dict:
    for record in data["interview"]["answers"].values():
        record.pop("given_at", None)
    return data


def test_the_cached_demo_is_the_sample_adopted_as_opening_it_would(tmp_path: Path):
    path = tmp_path / "sample.json"
    save_plan(build_sample_plan(monitoring=True), path, backup=False)
    with Interview.open(path):  # adopts the sample's values as answers and saves them
        pass
    opened = _without_times(json.loads(path.read_text(encoding="utf-8")))
    cached = _without_times(json.loads(demo.demo_plan_bytes()))
    assert cached == opened
    assert len(cached["interview"]["answers"]) > 80


def test_the_second_demo_reads_the_cache_and_a_new_source_builds_again(tmp_path: Path, monkeypatch):
    first = demo.demo_plan_bytes()
    monkeypatch.setattr(demo, "_build", lambda given_by: pytest.fail("built again with unchanged sources"))
    assert demo.demo_plan_bytes() == first
    # Any change to what the demo is made from (here: one more source file) is a new entry.
    extra = tmp_path / "edited.py"
    extra.write_text("# changed\n", encoding="utf-8")
    sources = demo._sources()
    monkeypatch.setattr(demo, "_sources", lambda: [*sources, extra])
    monkeypatch.setattr(demo, "_build", lambda given_by: b"rebuilt")
    assert demo.demo_plan_bytes() == b"rebuilt"


def test_an_advisor_demo_is_given_by_the_advisor(tmp_path: Path):
    path = tmp_path / "demo.json"
    path.write_bytes(demo.demo_plan_bytes("advisor"))
    records = load_plan(path).interview.answers.values()
    assert records and {r.given_by for r in records} == {"advisor"}
