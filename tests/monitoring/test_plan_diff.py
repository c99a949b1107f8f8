"""`diff`: freeze, edit an answer, an action and a number, and the diff shows each with who / when."""

from __future__ import annotations

import json

import pytest
import yaml

from kaizen_guide.cli import main
from kaizen_guide.engine import dump_answers_yaml, plan_to_answers, run_headless
from kaizen_guide.model.store import load_plan
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def plan_path(tmp_path):
    """The sample built through the headless interview, so every answer has a record."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(dump_answers_yaml(plan_to_answers(build_sample_plan())), encoding="utf-8")
    path = tmp_path / "plan.json"
    assert run_headless(path, answers, given_by="owner", out=lambda s: None) in (0, 1)
    return path


def _edit(tmp_path, plan_path, **answers):
    f = tmp_path / "edit.yaml"
    f.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    assert run_headless(plan_path, f, given_by="advisor", out=lambda s: None) in (0, 1)


def _freeze(plan_path, note):
    assert main(["freeze", str(plan_path), "--note", note]) == 0


def test_freeze_edit_diff_round_trip(tmp_path, plan_path, capsys):
    _freeze(plan_path, "当初計画として提出")
    before = load_plan(plan_path)
    acts = plan_to_answers(before)["actions"]
    old_due = acts[0]["due"]
    acts[0]["due"] = "2028-03"
    _edit(tmp_path, plan_path, **{"company.employees": 40, "support.period_months": 24, "actions": acts})
    capsys.readouterr()

    assert main(["diff", str(plan_path), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["from"]["number"] == 1 and d["from"]["label"] == "当初計画" and d["from"]["note"] == "当初計画として提出"
    assert d["to"] == {"number": None, "label": "作業中の計画", "frozen_at": None, "note": ""}
    sections = {s["id"]: s for s in d["sections"]}
    assert list(sections) == ["answers", "actions", "numbers", "notes"]

    answers = {c["id"]: c for c in sections["answers"]["changes"]}
    assert set(answers) == {"company.employees", "support.period_months"}
    emp = answers["company.employees"]
    assert (emp["label"], emp["before"], emp["after"], emp["raw_before"], emp["raw_after"]) == (
        "会社概要 › 従業員数",
        "38",
        "40",
        38,
        40,
    )
    assert emp["given_by"] == "advisor" and emp["given_by_label"] == "支援者"
    assert emp["given_at"] > d["from"]["frozen_at"]

    (act,) = sections["actions"]["changes"]
    assert act["id"] == f"action.{acts[0]['id']}" and act["kind"] == "changed"
    assert act["details"] == [f"期限: {old_due} → 2028-03"]
    assert act["given_by"] == "advisor" and act["given_at"] > d["from"]["frozen_at"]

    numbers = {c["id"]: c for c in sections["numbers"]["changes"]}
    assert numbers["support"]["before"].endswith(f"{before.support.period_months}か月)")
    assert numbers["support"]["after"].endswith("24か月)")
    # A shorter support period changes the repayments (the numbers follow from the answers).
    assert any(k.startswith("repayment.") for k in numbers)
    assert d["count"] == sum(len(s["changes"]) for s in d["sections"])

    assert main(["diff", str(plan_path)]) == 0
    text = capsys.readouterr().out
    assert "当初計画 (第1版" in text and "→ 作業中の計画 の変更点" in text
    assert "- 会社概要 › 従業員数: 38 → 40  [支援者・" in text
    assert f"期限: {old_due} → 2028-03" in text
    assert "■ 数値計画" in text


def test_a_number_change_shows_ordinary_income_and_debt_years_between_two_versions(tmp_path, plan_path, capsys):
    _freeze(plan_path, "当初")
    costs = plan_to_answers(load_plan(plan_path))["drivers.costs"]
    costs["cost_ratio"] = ["38%"]
    _edit(tmp_path, plan_path, **{"drivers.costs": costs})
    _freeze(plan_path, "修正 (原価率の見直し)")
    capsys.readouterr()
    assert main(["diff", str(plan_path), "--from", "V1", "--to", "第2版", "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["to"]["label"] == "修正計画 (第2版)" and d["to"]["number"] == 2
    answers = {c["id"]: c for c in d["sections"][0]["changes"]}
    assert answers["drivers.costs"]["details"] == ["売上原価率: 41% → 38%"]
    numbers = {c["id"]: c for c in d["sections"][2]["changes"]}
    y1 = numbers["ordinary_income.1"]
    assert y1["label"].startswith("経常利益 計画1年目") and y1["raw_after"] > y1["raw_before"]
    assert float(numbers["debt_repayment_years.1"]["raw_after"]) < float(
        numbers["debt_repayment_years.1"]["raw_before"]
    )
    # The working plan equals version 2: nothing to show.
    assert main(["diff", str(plan_path)]) == 0
    assert "変更はありません" in capsys.readouterr().out


def test_diff_bad_versions_exit_2(tmp_path, plan_path, capsys):
    assert main(["diff", str(plan_path)]) == 2
    assert "確定した版がない" in capsys.readouterr().err
    _freeze(plan_path, "当初")
    for args in (["--from", "3"], ["--to", "2"], ["--from", "abc"], ["--from", "working"]):
        assert main(["diff", str(plan_path), *args]) == 2, args
    err = capsys.readouterr().err
    assert "第3版はありません" in err and "読めません" in err and "Traceback" not in err
    assert main(["diff", str(tmp_path / "none.json")]) == 2
