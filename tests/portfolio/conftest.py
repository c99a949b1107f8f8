"""A small practice: the sample company (with monitoring), a second client that missed, a new plan
with nothing yet, a broken file and a newer-version file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kaizen_guide.engine import Interview
from kaizen_guide.model import save_plan
from kaizen_guide.model.plan import Plan
from kaizen_guide.sample import build_sample_plan


def answered_sample() -> Plan:
    """The sample as the interview leaves it: every answer recorded (the portfolio reads them)."""
    return Interview.from_plan(build_sample_plan(monitoring=True), None, autosave=False).plan


@pytest.fixture(scope="session")
def _answered() -> str:
    return answered_sample().model_dump_json()


@pytest.fixture
def practice(tmp_path: Path, _answered: str) -> Path:
    root = tmp_path / "practice"
    (root / "2027").mkdir(parents=True)
    sakura = Plan.model_validate_json(_answered)
    save_plan(sakura, root / "sakura.json", backup=False)
    other = Plan.model_validate_json(_answered)
    other.company.name = "株式会社みどり工業"
    other.company.industry = "製造業"
    for rec in other.monitoring:  # every month far below plan
        rec.actuals = {k: (v // 2 if k == "sales" else v) for k, v in rec.actuals.items()}
    save_plan(other, root / "2027" / "midori.json", backup=False)
    save_plan(Plan(), root / "new.json", backup=False)
    (root / "broken.json").write_text("{oops", encoding="utf-8")
    newer = json.loads(_answered)
    newer["schema_version"] = 99
    (root / "future.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    return root
