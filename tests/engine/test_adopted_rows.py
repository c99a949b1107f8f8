"""A plan made outside the interview (the demo's sample) is adopted row by row as it is: a row
field at a default that says something (優先順位 1, 内部要因) is part of what the table shows."""

from __future__ import annotations

from kaizen_guide.engine import Interview, plan_to_answers
from kaizen_guide.sample import build_sample_plan


def test_the_first_issue_keeps_its_priority_1_when_the_sample_is_adopted(tmp_path, bank):
    plan = build_sample_plan()
    assert [i.priority for i in plan.issues] == [1, 2, 3, 4]
    iv = Interview.from_plan(plan, tmp_path / "demo.json", bank=bank)
    rows = iv.edit_value("issues")
    assert [r.get("priority") for r in rows] == ["1", "2", "3", "4"]  # row 1 was blank before


def test_meaningful_defaults_are_written_and_empty_ones_left_out(bank):
    answers = plan_to_answers(build_sample_plan(), bank)
    assert answers["issues"][0]["priority"] == 1
    assert [r.get("kind") for r in answers["distress_causes"]] == ["内部要因", "内部要因", "内部要因", "外部要因"]
    # 0 and いいえ say nothing: the rows stay as short as before.
    assert all(
        "borrows_from_company" not in r for r in answers["company.officers"] if not r.get("borrows_from_company")
    )
