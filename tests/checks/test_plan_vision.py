"""実務指針 2.3.2: issues set with the owner's ありたい姿 in mind, and the mid/long-term themes considered."""

from __future__ import annotations

from kaizen_guide.checks import check_plan
from kaizen_guide.sample import build_sample_plan


def _ids(plan) -> dict[str, str | None]:
    return {f.rule_id: f.severity for f in check_plan(plan)}


def test_sample_has_a_vision_and_long_term_themes():
    ids = _ids(build_sample_plan())
    assert "plan.no_vision" not in ids and "plan.no_long_term_themes" not in ids


def test_no_vision_is_a_warning_and_no_themes_a_note():
    plan = build_sample_plan().model_copy(update={"vision": "", "long_term_issues": ""})
    ids = _ids(plan)
    assert ids["plan.no_vision"] == "warning"
    # the sample's issues mention neither 人手 nor デジタル化, so the note is given
    assert ids["plan.no_long_term_themes"] == "info"


def test_issue_that_speaks_of_the_future_or_a_theme_is_enough():
    plan = build_sample_plan()
    issues = [
        i.model_copy(update={"description": i.description + " 5年後の事業承継を見据え、予約のデジタル化も遅れている。"})
        if n == 0
        else i
        for n, i in enumerate(plan.issues)
    ]
    plan = plan.model_copy(update={"vision": "", "long_term_issues": "", "issues": issues})
    ids = _ids(plan)
    assert "plan.no_vision" not in ids and "plan.no_long_term_themes" not in ids


def test_no_finding_before_there_are_issues():
    plan = build_sample_plan().model_copy(update={"vision": "", "long_term_issues": "", "issues": []})
    ids = _ids(plan)
    assert "plan.no_vision" not in ids and "plan.no_long_term_themes" not in ids and "plan.no_issues" in ids


def test_the_short_plan_is_pointed_at_its_issues_not_at_a_question_it_never_asks():
    plan = build_sample_plan().model_copy(update={"vision": "", "long_term_issues": ""})
    full = next(f for f in check_plan(plan) if f.rule_id == "plan.no_long_term_themes")
    assert full.path == "long_term_issues"
    plan.interview.depth = "short"
    short = next(f for f in check_plan(plan) if f.rule_id == "plan.no_long_term_themes")
    assert short.path == "issues"
