"""back / goto / editing earlier answers / hidden and stale (needs_review) answers."""

from __future__ import annotations

import pytest

from engine_helpers import replay
from kaizen_guide.engine import Interview, NavigationError
from kaizen_guide.model import load_plan
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def iv(tmp_path, bank) -> Interview:
    return Interview.open(tmp_path / "plan.json", bank=bank)


def test_back_keeps_later_answers(iv, sample_answers):
    for qid in ("company.name", "company.representative", "company.address"):
        assert iv.answer(qid, sample_answers[qid]).accepted
    assert iv.current().id == "company.established"

    assert iv.back().id == "company.address"
    assert iv.back().id == "company.representative"
    assert iv.current().id == "company.representative"
    # Nothing was lost or validated by going back.
    assert iv.plan.company.address == sample_answers["company.address"]
    assert iv.display_value("company.address") == sample_answers["company.address"]
    assert load_plan(iv.path).interview.current == "company.representative"  # resume lands here

    # Re-answering the same value moves on to the next question still needing an answer.
    res = iv.answer("company.representative", sample_answers["company.representative"])
    assert res.next.id == "company.established"


def test_back_at_the_first_question_stays_there(iv):
    assert iv.back().id == iv.bank.questions[0].id
    assert iv.back().id == iv.bank.questions[0].id


def test_back_after_the_end_goes_to_the_last_question(sample_interview):
    assert sample_interview.current() is None
    assert sample_interview.back() == sample_interview.visible_questions()[-1]


def test_goto_a_section_and_a_question(iv):
    q = iv.goto("cash")
    assert q.id == "cash.cash_sales_ratio" and iv.current() == q
    assert iv.goto("company.capital").id == "company.capital"
    assert load_plan(iv.path).interview.current == "company.capital"


def test_goto_a_section_lands_on_its_first_open_question(iv, sample_answers):
    iv.answer("company.name", sample_answers["company.name"])
    assert iv.goto("company").id == "company.representative"


@pytest.mark.parametrize("target", ["nowhere", "company.nmae"])
def test_goto_unknown_raises_a_japanese_key_error(iv, target):
    with pytest.raises(KeyError) as info:
        iv.goto(target)
    assert isinstance(info.value, NavigationError)
    assert target in str(info.value) and "ありません" in str(info.value)


def test_goto_a_hidden_or_out_of_depth_question_is_refused(tmp_path, bank):
    iv = Interview.open(tmp_path / "p.json", bank=bank)
    with pytest.raises(NavigationError, match="表示されていません"):
        iv.goto("support.request")  # support.needed not answered yes
    short = Interview.open(tmp_path / "s.json", bank=bank, depth="short")
    with pytest.raises(NavigationError, match="早期経営改善計画"):
        short.goto("company.officers")


def test_editing_an_answer_marks_dependants_for_review(sample_interview, sample_answers):
    iv = sample_interview
    assert iv.is_complete()
    rows = iv.edit_value("issues")
    rows[0]["title"] = "メニュー別の原価管理ができていない (全店)"
    res = iv.answer("issues", rows)
    assert res.accepted, res.error

    # Dependants: basic_policy (depends_on) and measures (chooses among the issues) keep their
    # values but are flagged; unrelated answers are untouched.
    for qid in ("basic_policy", "measures"):
        assert iv.record(qid).status == "needs_review"
    assert iv.record("actions").status == "ok"
    assert iv.plan.basic_policy == build_sample_plan().basic_policy
    assert not iv.is_complete()
    assert res.next.id == "basic_policy"  # the next thing to look at
    review = {i.question.id: i.status for i in iv.review()}
    assert review["measures"] == "needs_review"
    assert next(p for p in iv.progress() if p.section_id == "measures").status == "flagged"

    # Confirming (keep as is) or re-answering clears the review mark.
    assert iv.keep_as_is("basic_policy").accepted
    assert iv.answer("measures", iv.edit_value("measures")).accepted
    assert iv.record("measures").status == "ok"
    assert iv.is_complete()


def test_same_value_again_does_not_mark_dependants(sample_interview, sample_answers):
    iv = sample_interview
    assert iv.answer("issues", sample_answers["issues"]).accepted
    assert iv.record("measures").status == "ok"


def test_renaming_a_bank_drops_its_loans_from_the_plan_until_reviewed(sample_interview):
    iv = sample_interview
    sample_bank = build_sample_plan().banks[-1]
    old, new = sample_bank.name, sample_bank.name + " 本店"
    rows = iv.edit_value("banks")
    rows[-1]["name"] = new
    assert iv.answer("banks", rows).accepted
    assert iv.record("banks.loans").status == "needs_review"
    assert iv.plan.banks[-1].loans == []  # the loans no longer have a bank…
    assert any(r["bank"] == old for r in iv.record("banks.loans").value)  # …but are not lost
    loans = iv.edit_value("banks.loans")
    for r in loans:
        if r["bank"] == old:
            r["bank"] = new
    assert iv.answer("banks.loans", loans).accepted
    assert iv.plan.banks[-1].loans == sample_bank.loans


def test_answer_that_becomes_hidden_is_kept_aside_and_restored(sample_interview):
    iv = sample_interview
    request = iv.plan.support.request
    assert iv.answer("support.needed", "いいえ").accepted

    rec = iv.record("support.request")
    assert rec.status == "hidden" and rec.value == request  # kept aside…
    assert iv.plan.support.request == "" and iv.plan.support.types == []  # …and out of the plan
    assert "support.request" not in {q.id for q in iv.visible_questions()}
    review = {i.question.id: i.status for i in iv.review()}
    assert review["support.request"] == "hidden"
    assert iv.is_complete()
    saved = load_plan(iv.path)
    assert saved.support.request == "" and saved.interview.answers["support.request"].value == request

    assert iv.answer("support.needed", "はい").accepted
    assert iv.plan.support.request == request  # restored
    assert iv.record("support.request").status == "needs_review"  # and offered for review
    assert not iv.is_complete()


def test_condition_on_group_rows_shows_a_question(iv, sample_answers):
    replay(iv, sample_answers, stop_before="measures")
    rows = [r for r in sample_answers["measures"] if r["category"] != "資金繰り改善"]
    assert iv.answer("measures", rows).accepted
    assert iv.is_visible("targets.category_gap_reason")
    assert iv.current().id == "targets.category_gap_reason"
    assert iv.answer("targets.category_gap_reason", "売掛金はほぼ現金回収で在庫も少ないため。").accepted
    assert iv.plan.targets.category_gap_reason.startswith("売掛金")

    assert iv.answer("measures", sample_answers["measures"]).accepted
    assert not iv.is_visible("targets.category_gap_reason")
    assert iv.plan.targets.category_gap_reason == ""
    assert iv.record("targets.category_gap_reason").status == "hidden"


def test_editing_from_review_then_continuing(sample_interview):
    iv = sample_interview
    iv.goto("company.capital")
    res = iv.answer("company.capital", "2,000万円")
    assert res.accepted and iv.plan.company.capital == 20000
    assert res.next is None  # nothing else needs attention
