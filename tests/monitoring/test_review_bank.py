"""The review's questions are data (question_banks/monitoring/review.yaml), validated at load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kaizen_guide.banks import BankError
from kaizen_guide.locations import question_banks_dir
from kaizen_guide.monitoring.bank import load_review_bank


def test_shipped_review_bank_loads_with_every_step():
    bank = load_review_bank()
    assert [s.each for s in bank.steps] == [
        "prior_action",
        "actual_line",
        "segment",
        "miss",
        "miss",
        "next_action",
        "plan_action",
    ]
    assert bank.step("causes").field("text").checks == ["cause"]
    assert bank.step("measures").field("text").checks == ["countermeasure"]
    assert bank.step("next_actions").field("target").checks == ["next_action"]
    assert bank.step("prior").field("reason").checks == ["cause"]
    assert bank.step("plan_actions").field("reason").checks == ["cause"]
    assert bank.step("plan_actions").field("status").default_from == "derived_status"


def _copy(tmp_path: Path) -> Path:
    src = Path(question_banks_dir())
    dst = tmp_path / "qb"
    shutil.copytree(src, dst)
    return dst


@pytest.mark.parametrize(
    "old,new,needle",
    [
        ("checks: [countermeasure]", "checks: [no_such_stage]", "no_such_stage"),
        ("{label}の未達に対して", "{nonsense}の未達に対して", "{nonsense}"),
        ("when: {status: [partial, not_done]}", "when: {statuss: [partial, not_done]}", "statuss"),
        ("each: segment", "each: segments", "each"),
        ("        type: amount\n        required: true\n", "        type: money\n        required: true\n", "type"),
    ],
)
def test_a_broken_review_bank_fails_at_load_with_file_and_line(tmp_path, old, new, needle):
    qb = _copy(tmp_path)
    path = qb / "monitoring" / "review.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BankError) as exc:
        load_review_bank(qb)
    assert "question_banks/monitoring/review.yaml:" in exc.value.message and needle in exc.value.message
