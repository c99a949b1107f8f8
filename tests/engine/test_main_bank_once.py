"""The メインバンク is asked once (meta.main_bank); the banks' is_main follows it."""

from __future__ import annotations

from kaizen_guide.engine import Interview, plan_to_answers
from kaizen_guide.model import load_plan
from kaizen_guide.model.plan import Plan
from kaizen_guide.sample import build_sample_plan


def test_only_one_question_asks_for_the_main_bank(bank):
    asking = [q.id for q in bank.questions if "メインバンク" in q.prompt]
    asking += [f"{q.id}.{f.id}" for q in bank.questions for f in q.sub_fields if "メインバンク" in f.prompt]
    assert asking == ["meta.main_bank"]
    assert all(f.id != "is_main" for f in bank.question("banks").fields)


def test_choosing_the_main_bank_marks_that_bank_in_the_saved_plan(tmp_path, bank, sample_answers):
    iv = Interview.open(tmp_path / "plan.json", bank=bank, given_by="advisor")
    for qid in ("banks", "banks.loans"):
        assert iv.answer(qid, sample_answers[qid]).error is None
    assert iv.answer("meta.main_bank", "あおば信用金庫").accepted
    plan = load_plan(tmp_path / "plan.json")
    assert plan.meta.main_bank == "あおば信用金庫"
    assert [b.name for b in plan.banks if b.is_main] == ["あおば信用金庫"]
    assert plan.main_bank is not None and plan.main_bank.name == "あおば信用金庫"


def test_an_older_file_that_only_marked_a_bank_names_it_as_the_main_bank():
    data = build_sample_plan().model_dump(mode="json")
    data["meta"]["main_bank"] = ""
    data["schema_version"] = 1  # each bank was asked 「メインバンクですか」 then
    assert [b["name"] for b in data["banks"] if b["is_main"]] == ["ひまわり銀行"]
    assert Plan.model_validate(data).meta.main_bank == "ひまわり銀行"


def test_a_cleared_main_bank_stays_cleared_in_memory_and_in_the_file(tmp_path, bank, sample_answers):
    """Clearing the answer left the bank marked before as the メインバンク (the older-file rule
    brought it back from banks[].is_main), in the session and after reopening."""
    path = tmp_path / "plan.json"
    iv = Interview.open(path, bank=bank, given_by="advisor")
    for qid in ("banks", "banks.loans"):
        assert iv.answer(qid, sample_answers[qid]).error is None
    assert iv.answer("meta.main_bank", "あおば信用金庫").accepted
    assert iv.answer("meta.main_bank", "").accepted
    assert iv.plan.meta.main_bank == "" and not any(b.is_main for b in iv.plan.banks)
    iv.close()
    plan = load_plan(path)
    assert plan.meta.main_bank == "" and not any(b.is_main for b in plan.banks)
    assert plan.main_bank is None


def test_the_answers_file_round_trip_keeps_the_main_bank(bank):
    answers = plan_to_answers(build_sample_plan(), bank)
    assert answers["meta.main_bank"] == "ひまわり銀行"
    assert all("is_main" not in row for row in answers["banks"])


def test_changing_the_main_bank_during_a_session_moves_the_mark_at_once(tmp_path, bank, sample_answers):
    """Not only on the next load: the plan in memory (what the summary and export read) and the
    file as written both mark the new メインバンク right after the answer."""
    import json

    path = tmp_path / "plan.json"
    iv = Interview.open(path, bank=bank, given_by="advisor")
    for qid in ("banks", "banks.loans"):
        assert iv.answer(qid, sample_answers[qid]).error is None
    assert iv.answer("meta.main_bank", "ひまわり銀行").accepted
    assert [b.name for b in iv.plan.banks if b.is_main] == ["ひまわり銀行"]

    assert iv.answer("meta.main_bank", "あおば信用金庫").accepted
    assert [b.name for b in iv.plan.banks if b.is_main] == ["あおば信用金庫"]
    written = json.loads(path.read_text(encoding="utf-8"))
    assert [b["name"] for b in written["banks"] if b["is_main"]] == ["あおば信用金庫"]
    assert written["meta"]["main_bank"] == "あおば信用金庫"
