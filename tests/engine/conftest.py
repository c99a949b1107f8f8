"""Fixtures for the engine tests: the shipped banks and the sample company as answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engine_helpers import replay
from kaizen_guide.banks import load_bank
from kaizen_guide.engine import Interview, dump_answers_yaml, plan_to_answers
from kaizen_guide.sample import build_sample_plan


@pytest.fixture(scope="session")
def bank():
    return load_bank()


@pytest.fixture(scope="session")
def sample_answers(bank) -> dict[str, Any]:
    return plan_to_answers(build_sample_plan(), bank)


@pytest.fixture
def answers_file(tmp_path: Path, sample_answers, bank) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(dump_answers_yaml(sample_answers, bank), encoding="utf-8")
    return path


@pytest.fixture
def sample_interview(tmp_path: Path, bank, sample_answers) -> Interview:
    """A saved interview that has answered the whole sample company (optional gaps skipped)."""
    iv = Interview.open(tmp_path / "plan.json", bank=bank, given_by="advisor")
    replay(iv, sample_answers)
    iv.skip_unanswered_optional()  # as the headless runner does at the end of a complete file
    return iv
