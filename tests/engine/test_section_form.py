"""A section's single-value questions answered as one form (advisor intake, issue 19)."""

from __future__ import annotations

from pathlib import Path

from kaizen_guide.banks.models import SCALAR_TYPES
from kaizen_guide.engine import Interview
from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.sample import build_sample_plan


def _sample(tmp_path: Path, given_by: str = "advisor") -> Interview:
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(), path, backup=False)
    Interview.open(path, given_by="owner").close()  # the owner's answers (adopted from the sample)
    return Interview.open(path, given_by=given_by)


def test_the_form_holds_the_sections_single_value_questions_from_the_bank(tmp_path):
    with Interview.open(tmp_path / "new.json") as iv:
        ids = [q.id for q in iv.form_questions("company")]
        bank_ids = [q.id for q in iv.bank.sections[0].questions if q.type in SCALAR_TYPES and iv.is_visible(q.id)]
    assert ids == bank_ids
    assert ids[:3] == ["company.name", "company.representative", "company.address"]
    assert "company.officers" not in ids  # a group keeps its own editor


def test_a_bad_value_is_refused_and_the_good_ones_are_saved_at_once(tmp_path, monkeypatch):
    path = tmp_path / "new.json"
    with Interview.open(path, given_by="advisor") as iv:
        writes: list[int] = []
        real = iv.saver.save
        monkeypatch.setattr(iv.saver, "save", lambda plan: (writes.append(1), real(plan))[1])
        result = iv.answer_form(
            {"company.name": "株式会社A", "company.capital": "たくさん", "company.established": "昭和60年4月"}
        )
        assert list(result.errors) == ["company.capital"]
        assert "金額として読めません" in result.errors["company.capital"]
        assert result.saved == ["company.name", "company.established"]
        assert writes == [1]  # one atomic write for the whole form
        assert result.next is not None and result.next.id == "company.capital"  # the form opens on it
    plan = load_plan(path)
    assert plan.company.name == "株式会社A" and plan.company.established == "1985-04"
    assert "company.capital" not in plan.interview.answers
    assert plan.interview.answers["company.name"].given_by == "advisor"


def test_unchanged_fields_keep_who_gave_them(tmp_path):
    iv = _sample(tmp_path)
    try:
        shown = {q.id: iv.edit_value(q.id) for q in iv.form_questions("company")}
        shown["company.capital"] = "1,200万円"
        result = iv.answer_form(shown)
        assert result.saved == ["company.capital"]
        assert "company.name" in result.unchanged
    finally:
        iv.close()
    answers = load_plan(tmp_path / "sakura.json").interview.answers
    assert answers["company.capital"].given_by == "advisor" and answers["company.capital"].value == 12000
    assert answers["company.name"].given_by == "owner"  # the owner's answer stays the owner's


def test_empty_fields_required_left_for_later_optional_skipped(tmp_path):
    with Interview.open(tmp_path / "new.json") as iv:
        result = iv.answer_form({"company.name": "株式会社A", "company.representative": "", "meta.title": ""})
        assert result.missing == ["company.representative"] and not result.errors
        assert result.skipped == ["meta.title"]
        assert result.next is not None and result.next.id != "company.representative"


def test_required_fields_left_empty_wait_until_the_rest_is_asked(tmp_path):
    """Sending the whole form with a required field empty goes on past the form (it is not
    reopened on every send); the field comes back once nothing else needs asking."""
    with Interview.open(tmp_path / "new.json", given_by="advisor") as iv:
        fields = [q.id for q in iv.form_questions("company")]
        values = dict.fromkeys(fields, "")
        values["company.name"] = "株式会社A"
        result = iv.answer_form(values)
        assert "company.representative" in result.missing and not result.errors
        assert result.next is not None and result.next.id not in fields
        again = iv.answer_form({qid: iv.edit_value(qid) or "" for qid in fields})
        assert again.next is not None and again.next.id not in fields
    iv = _sample(tmp_path)  # a complete plan: only the emptied field is left
    try:
        iv.plan.interview.answers.pop("company.representative")
        iv.reset_caches()
        result = iv.answer_form({qid: "" if qid == "company.representative" else iv.edit_value(qid) for qid in fields})
        assert result.missing == ["company.representative"]
        assert result.next is not None and result.next.id == "company.representative"
    finally:
        iv.close()


def test_after_the_form_the_group_between_its_fields_is_asked_next(tmp_path):
    iv = _sample(tmp_path)
    try:
        iv.plan.interview.answers.pop("company.officers")
        iv.reset_caches()
        result = iv.answer_form({q.id: iv.edit_value(q.id) for q in iv.form_questions("company")})
        assert result.next is not None and result.next.id == "company.officers"
    finally:
        iv.close()


def test_a_weak_answer_waits_and_sent_again_unchanged_is_kept(tmp_path):
    iv = _sample(tmp_path)
    try:
        result = iv.answer_form({"support.request": "返済を待ってほしい"})
        assert list(result.follow_ups) == ["support.request"]
        assert result.next is not None and result.next.id == "support.request"
        again = iv.answer_form({"support.request": "返済を待ってほしい"})
        assert again.results["support.request"].status == "kept_weak"
    finally:
        iv.close()
    assert load_plan(tmp_path / "sakura.json").interview.answers["support.request"].status == "kept_weak"
