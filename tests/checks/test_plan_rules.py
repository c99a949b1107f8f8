"""Whole-plan rules on the sample company and on plans broken one way at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from kaizen_guide.checks import check_plan, plan_rules
from kaizen_guide.checks.rules import ChecklistError
from kaizen_guide.model import Plan, save_plan


def ids(findings, severities=("error", "warning")):
    return {f.rule_id for f in findings if f.severity in severities}


def test_sample_plan_has_no_errors_and_states_met_targets(sample_plan):
    findings = check_plan(sample_plan)
    assert not [f for f in findings if f.severity == "error"]
    notes = {f.rule_id for f in findings if f.severity == "info"}
    assert {"numeric.profit_by_year3", "numeric.solvency_by_year5", "numeric.debt_years_final"} <= notes
    # Worst first.
    ranks = [{"error": 0, "warning": 1, "info": 2}[f.severity] for f in findings]
    assert ranks == sorted(ranks)


def test_issue_without_measure_is_an_error(sample_plan):
    sample_plan.measures = [m for m in sample_plan.measures if "I3" not in m.issue_ids]
    sample_plan.actions = [a for a in sample_plan.actions if a.measure_id != "M4"]
    found = [f for f in check_plan(sample_plan) if f.rule_id == "plan.issue_without_measure"]
    assert len(found) == 1
    assert "時間帯別の人員配置" in found[0].message
    assert found[0].path == "issues[2]"
    assert found[0].follow_up and found[0].guideline_ref


def test_measure_without_action_is_an_error(sample_plan):
    sample_plan.actions = [a for a in sample_plan.actions if a.measure_id != "M2"]
    found = [f for f in check_plan(sample_plan) if f.rule_id == "plan.measure_without_action"]
    assert [f.path for f in found] == ["measures[1]"]


def test_action_without_kpi_or_effect_is_named(sample_plan):
    sample_plan.actions[0].kpi = None
    sample_plan.actions[0].effects = [0, 0]
    found = [f for f in check_plan(sample_plan) if f.rule_id == "plan.action_incomplete"]
    assert len(found) == 1
    assert "KPI" in found[0].message and "効果額" in found[0].message
    assert found[0].severity == "error"


def test_all_actions_on_the_president_is_a_warning(sample_plan):
    for action in sample_plan.actions:
        action.owner = "社長"
    assert "plan.actions_all_president" in ids(check_plan(sample_plan))


def test_missing_measure_category_needs_a_reason(sample_plan):
    sample_plan.measures = [m for m in sample_plan.measures if m.category != "cash"]
    sample_plan.actions = [a for a in sample_plan.actions if a.measure_id != "M5"]
    found = [f for f in check_plan(sample_plan) if f.rule_id == "plan.measure_categories"]
    assert found and "資金繰り改善" in found[0].message
    sample_plan.targets.category_gap_reason = "当座貸越の枠で季節資金は足りており、在庫も少ないため。"
    assert "plan.measure_categories" not in ids(check_plan(sample_plan))


def test_missing_monitoring_plan_is_an_error(sample_plan):
    sample_plan.monitoring_plan.attendees = []
    sample_plan.monitoring_plan.report_items = ""
    found = [f for f in check_plan(sample_plan) if f.rule_id == "plan.monitoring_plan_missing"]
    assert found and "出席者" in found[0].message and "報告内容" in found[0].message


def test_numbers_that_miss_the_standards_are_errors(sample_plan):
    sample_plan.drivers.cost_ratio = [Decimal("0.47")]
    found = ids(check_plan(sample_plan), ("error",))
    assert "numeric.profit_by_year3" in found


def test_base_sales_jump_without_action_is_flagged(sample_plan):
    sample_plan.drivers.segments[0].quantity = [110000, 140000]
    assert "numeric.sales_jump" in ids(check_plan(sample_plan))


def test_improvement_not_carried_by_actions_is_flagged(sample_plan):
    # The base case quietly assumes 40,000千円 lower personnel costs from year 1.
    sample_plan.drivers.personnel = [173000, 133000]
    assert "plan.effects_unexplained" in ids(check_plan(sample_plan))
    assert "plan.effects_unexplained" not in ids(
        check_plan(
            type(sample_plan).model_validate(
                sample_plan.model_dump() | {"drivers": sample_plan.drivers.model_dump() | {"personnel": [173000]}}
            )
        )
    )


def test_text_rules_run_on_the_plan_text(sample_plan):
    sample_plan.issues[0].title = "コロナ禍の影響"
    sample_plan.issues[0].description = "新型コロナで客数が減った。"
    sample_plan.support.request = "全金融機関に元金返済を3年間据え置いていただきたい。"
    found = check_plan(sample_plan)
    assert any(f.rule_id == "issue.external_only" and f.path == "issues[0]" for f in found)
    assert any(f.rule_id == "financial_support.blanket_moratorium" for f in found)


def test_empty_plan_does_not_crash_and_says_numbers_are_not_ready():
    found = check_plan(Plan())
    rule_ids = {f.rule_id for f in found}
    assert "numeric.not_computable" in rule_ids
    assert "plan.actuals_missing" in rule_ids
    assert "plan.no_issues" in rule_ids


def test_every_plan_rule_in_the_checklist_has_an_implementation(monkeypatch):
    plan_rules._validate_registry()
    monkeypatch.setitem(plan_rules._REGISTRY, "plan.not_in_yaml", lambda plan, ctx: iter(()))
    with pytest.raises(ChecklistError, match="plan.not_in_yaml"):
        plan_rules._validate_registry()


# ------------------------------------------------------------------ the `check` command


def run_check(*args, cwd):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "kaizen_guide", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_check_command_exit_codes_and_json(tmp_path, sample_plan):
    good = save_plan(sample_plan, tmp_path / "good.json")
    res = run_check(str(good), cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "数値計画" in res.stdout and "根拠" in res.stdout

    sample_plan.actions[0].kpi = None
    bad = save_plan(sample_plan, tmp_path / "bad.json")
    res = run_check(str(bad), "--format", "json", cwd=tmp_path)
    assert res.returncode == 1
    payload = json.loads(res.stdout)
    assert payload["counts"]["error"] >= 1
    assert payload["findings"][0]["severity"] == "error"

    res = run_check(str(tmp_path / "missing.json"), cwd=tmp_path)
    assert res.returncode == 2 and "見つかりません" in res.stderr


def test_check_one_answer_from_the_command_line(tmp_path):
    res = run_check("--stage", "issue", "--text", "ｺﾛﾅ禍で売上が減った。", cwd=tmp_path)
    assert res.returncode == 1
    assert "外部" in res.stdout
    res = run_check("--stage", "issue", "--text", "売上の6割を1社に依存し、価格交渉力が弱い。", cwd=tmp_path)
    assert res.returncode == 0
    res = run_check("--stage", "nonsense", "--text", "x", cwd=tmp_path)
    assert res.returncode == 2 and "Traceback" not in res.stderr
