"""`kaizen-guide interview PLAN --answers ANSWERS.yaml` through run_headless: every exit path."""

from __future__ import annotations

import json

import pytest
import yaml

from engine_helpers import Lines, write_answers
from kaizen_guide.engine import dump_answers_yaml, plan_to_answers, run_headless
from kaizen_guide.engine.interview import Interview
from kaizen_guide.model import load_plan
from kaizen_guide.sample import build_sample_plan


def _without_interview(plan):
    return plan.model_dump(exclude={"interview"})


def test_sample_answers_reproduce_the_sample_plan(tmp_path, bank):
    text = dump_answers_yaml(plan_to_answers(build_sample_plan(), bank), bank)
    answers = tmp_path / "sample.yaml"
    answers.write_text(text, encoding="utf-8")
    plan_path = tmp_path / "new-plan.json"

    out = Lines()
    code = run_headless(plan_path, answers, out=out)

    result = load_plan(plan_path)
    assert _without_interview(result) == _without_interview(build_sample_plan())
    iv = Interview.open(plan_path, bank=bank)
    assert iv.is_complete()
    assert iv.current() is None  # reopening lands on "nothing left to ask"
    flagged = any(f.severity in ("error", "warning") for f in iv.findings())
    plan_errors = any(f.severity == "error" for f in iv.plan_findings())
    assert code == (1 if flagged or plan_errors else 0), out.text
    assert "保存しました" in out.text


def test_answers_yaml_is_readable_japanese(bank):
    text = dump_answers_yaml(plan_to_answers(build_sample_plan(), bank), bank)
    assert "株式会社さくら亭" in text  # allow_unicode: no \u escapes
    assert "\\u" not in text
    assert "!!" not in text  # no python tags
    assert "# ==== 会社概要 ====" in text  # sections as comments
    assert "# 会社の正式な名前(商号)を教えてください。" in text
    assert "interest_rate: 1.6%" in text  # rates as people write them
    assert "kind: 保証協会付" in text  # choices by their Japanese label
    data = yaml.safe_load(text)
    assert data["company.name"] == "株式会社さくら亭"


def test_rerunning_the_same_answers_keeps_the_plan(tmp_path, answers_file):
    plan_path = tmp_path / "plan.json"
    assert run_headless(plan_path, answers_file, out=Lines()) in (0, 1)
    first = _without_interview(load_plan(plan_path))
    assert run_headless(plan_path, answers_file, out=Lines()) in (0, 1)
    assert _without_interview(load_plan(plan_path)) == first


def test_bad_yaml_exits_2_and_names_the_line(tmp_path):
    answers = tmp_path / "bad.yaml"
    answers.write_text("company.name: 株式会社テスト\ncompany.capital: [1, 2\n", encoding="utf-8")
    out = Lines()
    assert run_headless(tmp_path / "plan.json", answers, out=out) == 2
    assert "bad.yaml:" in out.text and "YAML" in out.text
    assert not (tmp_path / "plan.json").exists()


def test_answers_file_that_is_not_a_mapping_exits_2(tmp_path):
    answers = tmp_path / "list.yaml"
    answers.write_text("- company.name\n- 株式会社テスト\n", encoding="utf-8")
    out = Lines()
    assert run_headless(tmp_path / "plan.json", answers, out=out) == 2
    assert "質問ID: 回答" in out.text


def test_missing_answers_file_exits_2(tmp_path):
    out = Lines()
    assert run_headless(tmp_path / "plan.json", tmp_path / "nope.yaml", out=out) == 2
    assert "見つかりません" in out.text


def test_duplicate_key_in_answers_exits_2(tmp_path):
    answers = tmp_path / "dup.yaml"
    answers.write_text("company.name: A社\ncompany.name: B社\n", encoding="utf-8")
    out = Lines()
    assert run_headless(tmp_path / "plan.json", answers, out=out) == 2
    assert "2回" in out.text and "dup.yaml:2" in out.text


def test_unknown_question_id_exits_2_and_leaves_the_plan_alone(tmp_path, sample_answers, bank):
    plan_path = tmp_path / "plan.json"
    assert run_headless(plan_path, write_answers(tmp_path, {"company.name": "株式会社テスト"}), out=Lines()) == 2
    before = plan_path.read_bytes()

    answers = tmp_path / "typo.yaml"
    answers.write_text("company.name: 株式会社テスト\ncompany.nmae: 株式会社さくら\n", encoding="utf-8")
    out = Lines()
    assert run_headless(plan_path, answers, out=out) == 2
    assert "typo.yaml:2" in out.text
    assert "company.nmae" in out.text and "company.name" in out.text  # names it and suggests the near one
    assert plan_path.read_bytes() == before


def test_value_that_does_not_parse_exits_2_naming_question_and_expectation(tmp_path, sample_answers, bank):
    data = dict(sample_answers)
    data["company.capital"] = "たくさん"
    answers = write_answers(tmp_path, data, bank)
    plan_path = tmp_path / "plan.json"
    out = Lines()

    assert run_headless(plan_path, answers, out=out) == 2

    line = next(
        i for i, t in enumerate(answers.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("company.capital:")
    )
    assert f"answers.yaml:{line}" in out.text
    assert "company.capital" in out.text
    assert "資本金" in out.text  # the question, in Japanese
    assert "金額" in out.text and "350万円" in out.text  # what was expected, with an example
    # Everything accepted before the bad answer is in the plan file.
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社さくら亭"
    assert plan.company.established == "1985-04"
    assert plan.company.capital == 0
    assert "company.capital" not in plan.interview.answers


def test_bad_row_in_a_group_names_the_row_and_field(tmp_path, sample_answers, bank):
    data = dict(sample_answers)
    loans = [dict(r) for r in data["banks.loans"]]
    loans[1]["interest_rate"] = "高め"
    data["banks.loans"] = loans
    out = Lines()
    assert run_headless(tmp_path / "plan.json", write_answers(tmp_path, data, bank), out=out) == 2
    assert "banks.loans" in out.text and "借入 2件目" in out.text and "金利" in out.text


def test_loan_for_an_unknown_bank_is_refused(tmp_path, sample_answers, bank):
    data = dict(sample_answers)
    loans = [dict(r) for r in data["banks.loans"]]
    loans[0]["bank"] = "みらい銀行"
    data["banks.loans"] = loans
    out = Lines()
    assert run_headless(tmp_path / "plan.json", write_answers(tmp_path, data, bank), out=out) == 2
    assert "みらい銀行" in out.text and "ひまわり銀行" in out.text  # offers the banks it knows


def test_missing_required_answers_exit_2_listing_them(tmp_path, sample_answers, bank):
    data = {k: v for k, v in sample_answers.items() if k not in ("company.address", "basic_policy")}
    out = Lines()
    assert run_headless(tmp_path / "plan.json", write_answers(tmp_path, data, bank), out=out) == 2
    assert "company.address" in out.text and "basic_policy" in out.text
    assert "必須" in out.text
    assert load_plan(tmp_path / "plan.json").company.name == "株式会社さくら亭"


def test_weak_answer_is_kept_flagged_and_exits_1(tmp_path, sample_answers, bank):
    data = dict(sample_answers)
    data["support.request"] = "元金の返済を据え置いてほしい。"
    out = Lines()
    code = run_headless(tmp_path / "plan.json", write_answers(tmp_path, data, bank), out=out)
    assert code == 1
    assert "support.request" in out.text
    assert "要修正" in out.text or "要確認" in out.text
    plan = load_plan(tmp_path / "plan.json")
    record = plan.interview.answers["support.request"]
    assert record.status == "kept_weak"
    assert record.given_by == "advisor"
    assert record.finding_ids


def test_depth_and_given_by_from_the_answers_file(tmp_path, bank):
    answers = tmp_path / "short.yaml"
    answers.write_text(
        "depth: short\ngiven_by: owner\nanswers:\n  company.name: 株式会社テスト\n  company.capital: 350万円\n",
        encoding="utf-8",
    )
    assert run_headless(tmp_path / "plan.json", answers, out=Lines()) == 2  # incomplete, but applied
    plan = load_plan(tmp_path / "plan.json")
    assert plan.interview.depth == "short" and plan.meta.plan_style == "early"
    assert plan.company.capital == 3500
    assert plan.interview.answers["company.name"].given_by == "owner"


def test_bad_depth_in_answers_file_exits_2(tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("depth: medium\ncompany.name: A社\n", encoding="utf-8")
    out = Lines()
    assert run_headless(tmp_path / "plan.json", answers, out=out) == 2
    assert "depth" in out.text


def test_corrupt_plan_file_exits_2_and_is_not_touched(tmp_path, answers_file):
    plan_path = tmp_path / "plan.json"
    plan_path.write_text("{ not json", encoding="utf-8")
    out = Lines()
    assert run_headless(plan_path, answers_file, out=out) == 2
    assert "読めません" in out.text
    assert plan_path.read_text(encoding="utf-8") == "{ not json"


def test_answer_to_a_hidden_question_is_kept_aside(tmp_path, sample_answers, bank):
    data = dict(sample_answers)
    data["support.needed"] = "いいえ"  # the rest of 金融支援 is now hidden
    out = Lines()
    run_headless(tmp_path / "plan.json", write_answers(tmp_path, data, bank), out=out)
    plan = load_plan(tmp_path / "plan.json")
    assert plan.support.needed is False
    assert plan.support.types == [] and plan.support.request == ""
    assert plan.interview.answers["support.request"].status == "hidden"
    assert plan.interview.answers["support.request"].value == build_sample_plan().support.request
    assert "保留" in out.text


@pytest.mark.parametrize("raw", ["[[[", "company.name: 'unterminated"])
def test_unparseable_yaml_variants(tmp_path, raw):
    answers = tmp_path / "x.yaml"
    answers.write_text(raw, encoding="utf-8")
    assert run_headless(tmp_path / "plan.json", answers, out=Lines()) == 2


def test_plan_file_written_by_headless_is_json_with_records(tmp_path, answers_file):
    plan_path = tmp_path / "plan.json"
    run_headless(plan_path, answers_file, out=Lines())
    data = json.loads(plan_path.read_text(encoding="utf-8"))
    rec = data["interview"]["answers"]["company.capital"]
    assert rec["raw"] == 10000 and rec["value"] == 10000 and rec["given_by"] == "advisor"
    assert data["interview"]["history"][0] == "company.name"


def test_short_intake_from_the_sample_completes(tmp_path, bank, sample_answers):
    """The 早期経営改善計画 path: only the short-depth questions, and the interview is complete."""

    def in_short(qid):
        return bank.question(qid).in_depth("short") and bank.section_of(qid).in_depth("short")

    data = {"depth": "short", **{k: v for k, v in sample_answers.items() if in_short(k)}}
    # 窮境要因 are not asked in the short intake, so issues cannot point at them.
    data["issues"] = [{k: v for k, v in row.items() if k != "cause_ids"} for row in data["issues"]]
    out = Lines()
    code = run_headless(tmp_path / "early.json", write_answers(tmp_path, data, bank), out=out)
    assert code in (0, 1), out.text
    iv = Interview.open(tmp_path / "early.json", bank=bank)
    assert iv.depth == "short" and iv.is_complete()
    assert iv.plan.meta.plan_style == "early"
    assert iv.plan.actions == build_sample_plan().actions
    assert iv.plan.company.officers == []  # the full-plan parts stay empty
    assert plan_to_answers(iv.plan, bank)["depth"] == "short"
