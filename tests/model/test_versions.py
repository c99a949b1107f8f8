"""Plan versions: freezing (当初計画 / 修正計画), the version in force for a month, and monitoring
comparing against it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from kaizen_guide.cli import main
from kaizen_guide.model.store import load_plan, loads_plan, save_plan
from kaizen_guide.model.versions import (
    VersionError,
    freeze,
    in_force_number,
    original_plan,
    plan_in_force,
    version_plan,
)
from kaizen_guide.monitoring.compare import compare_month, plan_source
from kaizen_guide.monitoring.fiscal import MonitoringError
from kaizen_guide.sample import build_sample_plan

AT1 = datetime(2027, 3, 20, 9, 0, tzinfo=UTC)
AT2 = datetime(2027, 7, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def plan():
    return build_sample_plan(monitoring=True)


def _revise_sales(plan, factor: float = 0.9) -> None:
    seg = plan.drivers.segments[0]
    seg.quantity = [int(q * factor) for q in seg.quantity]


def test_a_plan_never_frozen_is_its_own_plan_in_force(plan):
    got = plan_in_force(plan, "2027-06")
    assert got.number is None and got.plan is plan and got.label == "作業中の計画"
    assert original_plan(plan) is None


def test_freeze_keeps_the_planning_sections_not_the_monitoring(plan):
    v = freeze(plan, note="ひまわり銀行に提出", by="advisor", at=AT1)
    assert (v.number, v.effective_from, v.note, v.frozen_by) == (1, None, "ひまわり銀行に提出", "advisor")
    data = json.loads(v.snapshot)
    assert "monitoring" not in data and "versions" not in data and "interview" not in data
    assert data["company"]["name"] == plan.company.name
    # Monitoring records are not part of the plan: a new record changes nothing to freeze.
    plan.monitoring[0].bank_requests = "据置の継続をお願いしたい"
    with pytest.raises(VersionError, match="変わっていません"):
        freeze(plan, note="again", by="advisor", at=AT2)
    assert len(plan.versions) == 1


def test_later_edits_go_into_the_working_plan_and_the_version_does_not_drift(plan):
    freeze(plan, note="当初", by="advisor", at=AT1)
    before = plan.drivers.segments[0].quantity[0]
    _revise_sales(plan)
    assert plan.drivers.segments[0].quantity[0] != before
    v1 = version_plan(plan, 1)
    assert v1.drivers.segments[0].quantity[0] == before
    assert v1.versions == [] and v1.monitoring == []
    v1.company.name = "changed in the copy"
    assert version_plan(plan, 1).company.name == plan.company.name  # a copy each call


def test_plan_in_force_by_month(plan):
    freeze(plan, note="当初", by="advisor", at=AT1)
    _revise_sales(plan)
    v2 = freeze(plan, note="修正 (売上の下方修正)", by="owner", at=AT2)
    # The sample has records up to 2027-06: the 修正計画 applies from the next month.
    assert v2.effective_from == "2027-07"
    assert [in_force_number(plan, m) for m in ("2026-04", "2027-04", "2027-06", "2027-07", "2029-12")] == [
        1,
        1,
        1,
        2,
        2,
    ]
    assert plan_in_force(plan, "2027-06").label == "当初計画"
    assert plan_in_force(plan, "2027-07").label == "修正計画 (第2版)"
    assert plan_in_force(plan, "2027-07").version.note == "修正 (売上の下方修正)"
    assert original_plan(plan).drivers.segments[0].quantity == version_plan(plan, 1).drivers.segments[0].quantity


def test_an_explicit_effective_month_and_a_version_before_it(plan):
    freeze(plan, note="当初", by="advisor", at=AT1)
    _revise_sales(plan)
    freeze(plan, note="修正", by="advisor", at=AT2, effective_from="2027-10")
    assert in_force_number(plan, "2027-09") == 1 and in_force_number(plan, "2027-10") == 2


def test_monitoring_compares_against_the_version_in_force(plan):
    actuals = {r.month: dict(r.actuals) for r in plan.monitoring if r.actuals}
    working_before = compare_month(plan, "2027-06", actuals).row("sales").plan
    freeze(plan, note="当初", by="advisor", at=AT1)
    _revise_sales(plan, 0.8)
    # Unfrozen edits do not move the comparison: the banks agreed to the 当初計画.
    cmp = compare_month(plan, "2027-06", actuals)
    assert cmp.row("sales").plan == working_before and cmp.version == 1
    assert cmp.as_json()["plan_version"] == {"number": 1, "label": "当初計画"}
    freeze(plan, note="修正", by="advisor", at=AT2, effective_from="2027-06")
    revised = compare_month(plan, "2027-06", actuals)
    assert revised.version == 2 and revised.version_label == "修正計画 (第2版)"
    assert revised.row("sales").plan < working_before
    # The same through a shared source (as the review and the checks use it).
    src = plan_source(plan)
    assert (
        compare_month(plan, "2027-05", actuals, plans=src).row("sales").plan
        == compare_month(version_plan(plan, 1), "2027-05", actuals).row("sales").plan
    )
    assert compare_month(plan, "2027-06", actuals, plans=src).row("sales").plan == revised.row("sales").plan


def test_a_tampered_version_is_refused_in_japanese(plan):
    freeze(plan, note="当初", by="advisor", at=AT1)
    plan.versions[0].snapshot = plan.versions[0].snapshot.replace(plan.company.name, "別の会社")
    with pytest.raises(VersionError, match="書き換えられています"):
        version_plan(plan, 1)
    with pytest.raises(MonitoringError, match="書き換えられています"):
        compare_month(plan, "2027-06", {})
    with pytest.raises(VersionError, match="第3版はありません"):
        version_plan(plan, 3)


def test_versions_survive_the_plan_file_and_older_files_load(plan, tmp_path):
    freeze(plan, note="当初", by="advisor", at=AT1)
    path = save_plan(plan, tmp_path / "p.json", backup=False)
    again = load_plan(path)
    assert again.versions == plan.versions
    assert version_plan(again, 1).company.name == plan.company.name
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["versions"]
    for rec in data["monitoring"]:
        rec.pop("amendments", None)
        rec.pop("reported_at", None)
    assert loads_plan(json.dumps(data, ensure_ascii=False)).versions == []


def test_freeze_command(plan, tmp_path, capsys):
    path = save_plan(plan, tmp_path / "p.json", backup=False)
    assert main(["freeze", str(path), "--note", "ひまわり銀行に提出"]) == 0
    out = capsys.readouterr().out
    assert "第1版 (当初計画)" in out and "ひまわり銀行に提出" in out
    assert main(["freeze", str(path), "--note", "もう一度"]) == 2
    assert "変わっていません" in capsys.readouterr().err
    p = load_plan(path)
    _revise_sales(p)
    save_plan(p, path)
    assert main(["freeze", str(path), "--note", "修正", "--effective", "令和9年10月", "--owner"]) == 0
    assert "2027年10月から" in capsys.readouterr().out
    p = load_plan(path)
    assert [(v.number, v.effective_from, v.frozen_by) for v in p.versions] == [
        (1, None, "advisor"),
        (2, "2027-10", "owner"),
    ]
    assert main(["freeze", str(path), "--note", " "]) == 2
    assert main(["freeze", str(path), "--note", "x", "--effective", "いつか"]) == 2
    assert main(["freeze", str(tmp_path / "missing.json"), "--note", "x"]) == 2
    assert "Traceback" not in capsys.readouterr().err
