"""`kaizen-guide monitor` without a screen: the sample review file, JSON fields, exit codes, and
`check` covering monitoring records."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kaizen_guide.checks import check_plan
from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.headless import run_monitor
from kaizen_guide.sample import SAMPLE_REVIEW_YAML

TODAY = date(2026, 12, 1)


def _run(path, **kw):
    out: list[str] = []
    code = run_monitor(path, out=out.append, today=TODAY, **kw)
    return code, "\n".join(out)


@pytest.fixture
def sample_file(sample_plan, tmp_path):
    path = tmp_path / "plan.json"
    save_plan(sample_plan, path)
    return path


def test_json_of_the_miss_month_has_the_contract_fields(sample_file):
    code, text = _run(sample_file, month="2027-06", fmt="json")
    assert code == 0
    data = json.loads(text)
    assert data["month"] == "2027-06" and data["plan_year"] == 1
    lines = {ln["key"]: ln for ln in data["lines"]}
    for key in ("sales", "gross_profit", "sga", "operating_profit", "ordinary_profit", "cash_end"):
        ln = lines[key]
        assert {"key", "label", "plan", "actual", "diff", "rate", "cum_plan", "cum_actual", "cum_rate", "band"} <= set(
            ln
        )
    s = lines["sales"]
    assert (s["plan"], s["actual"], s["diff"]) == (35325, 28100, -7225)
    assert s["rate"] == round(28100 / 35325, 4) and s["band"] == "miss"
    assert s["cum_actual"] == 37650 + 37000 + 28100
    assert lines["ordinary_profit"]["rate"] is None  # a 赤字 plan: judged on the difference
    assert set(data["material_misses"]) == {"sales", "gross_profit", "cash_end"}
    seg = data["deep_dive"]["sales"]
    assert seg["quantity"] + seg["price"] == -7225
    assert isinstance(data["findings"], list)
    assert data["review"]["causes"][0]["tag"] == "mixed"
    assert all(isinstance(v, int) for ln in data["lines"] for v in (ln["plan"],))


def test_forecast_is_actual_to_date_plus_remaining_plan(sample_file, sample_plan):
    from kaizen_guide.monitoring.plan_months import monthly_plan

    mp = monthly_plan(sample_plan, 1)
    code, text = _run(sample_file, month="2027-06", fmt="json")
    f = json.loads(text)["forecast"]["sales"]
    assert f["landing"] == 37650 + 37000 + 28100 + sum(mp.lines["sales"][3:])
    assert f["annual_plan"] == sum(mp.lines["sales"])


def test_sample_review_file_records_july_and_exits_0(sample_file, tmp_path):
    answers = tmp_path / "review.yaml"
    answers.write_text(SAMPLE_REVIEW_YAML, encoding="utf-8")
    code, text = _run(sample_file, answers=answers)
    assert code == 0, text
    assert "まだ締まっていない月" in text  # a future month is recorded, with a note
    july = load_plan(sample_file).monitoring[-1]
    assert july.month == "2027-07" and july.completed_at is not None
    assert [c.status for c in july.action_checks] == ["partial", "done", "done"]
    assert len(july.next_actions) == 2 and july.answers["actuals.sales.value"].given_by == "advisor"


def test_a_weak_cause_is_kept_and_exits_1(sample_file, tmp_path):
    plan = load_plan(sample_file)
    plan.monitoring = [r for r in plan.monitoring if r.month <= "2027-05"]
    save_plan(plan, sample_file)
    answers = tmp_path / "june.yaml"
    answers.write_text(
        """\
month: 2027-06
prior:
  - {status: 済, result: 見積2件}
  - {status: 済, result: 案内30社}
actuals: {売上高: 28100, 売上原価: 11200, 販管費: 22500, 人件費: 12800, 営業外収益: 150, 営業外費用: 470,
          月末現預金: 8200, 月末借入金残高: 319985}
segments: {店舗飲食: 8050, 宴会: 900, 仕出し: 1140}
causes:
  売上高: {text: コロナの影響で客足が落ちた, tag: 外部}
  粗利: {text: 宴会のキャンセルで食材の廃棄が増え、原価率が2.4ポイント上がった, tag: 内部}
  現預金: {text: "空調修理費1,100千円を現金で支払い、宴会の入金も約3,000千円少なかった", tag: 混合}
measures:
  sales: 法人40社を代表が訪問して秋の宴会プランを提案し、9月までに新規10社を獲得する
  gross_profit: 予約確定の3日前に仕入量を決めるルールにし、料理長が毎週廃棄量を記録する
  cash_end: 週次で資金繰り表を更新し、空調修理費の分割払いを業者と交渉する
next_actions:
  - {text: 法人40社に案内を送り20社を訪問する, owner: 代表取締役, due: 7月25日, target: 訪問20件}
  - {text: 仕入ルールを作る, owner: 料理長, due: 7月15日, target: ルール1枚}
  - {text: 週次資金繰り表を作る, owner: 専務, due: 7月10日, target: 週次4回}
""",
        encoding="utf-8",
    )
    code, text = _run(sample_file, answers=answers)
    assert code == 1, text
    june = load_plan(sample_file).monitoring[-1]
    assert june.answers["causes.sales.text"].status == "kept_weak"
    assert "cause.external_only" in june.answers["causes.sales.text"].finding_ids


@pytest.mark.parametrize(
    "content,needle",
    [
        ("month: 2027-06\nactuals: {売上高: たくさん}\n", "売上高"),
        ("month: 2027-06\nactuals: {利益率: 5}\n", "利益率"),
        ("month: 2040-01\n", "計画の期間"),
        ("month: 2027-06\nbogus: 1\n", "bogus"),
        ("month: [2027\n", "YAML"),
    ],
)
def test_bad_input_exits_2_with_a_japanese_message(sample_file, tmp_path, content, needle):
    answers = tmp_path / "bad.yaml"
    answers.write_text(content, encoding="utf-8")
    before = sample_file.read_bytes()
    code, text = _run(sample_file, answers=answers, month=None)
    assert code == 2 and needle in text and "Traceback" not in text
    if needle != "売上高":
        assert sample_file.read_bytes() == before


def test_comparison_only_and_the_cli_entry_point(sample_file, capsys):
    from kaizen_guide.cli import main

    assert main(["monitor", str(sample_file), "--month", "2027-05", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "2027年5月" in out and "売上高" in out and "8割" in out
    assert main(["monitor", str(sample_file), "--month", "2041-05", "--format", "json"]) == 2


def test_check_covers_monitoring_records(sample_plan, monkeypatch):
    assert not [f for f in check_plan(sample_plan) if f.rule_id.startswith("plan.monitoring")]
    june = sample_plan.monitoring[-1]
    june.variance_causes = [c for c in june.variance_causes if c.line != "sales"]
    june.next_actions = []
    may = sample_plan.monitoring[1]
    may.action_checks = may.action_checks[:1]
    ids = [f.rule_id for f in check_plan(sample_plan)]
    assert "plan.monitoring_miss_without_cause" in ids
    assert "plan.monitoring_no_next_action" in ids
    assert "plan.monitoring_actions_not_checked" in ids
    # overdue by the plan's own cadence (monthly from 2027-07): by 2028-02 the 2027-12 review is due
    import kaizen_guide.checks.monitoring_rules as mr

    monkeypatch.setattr(mr, "_today", lambda: date(2028, 2, 1))
    overdue = [f for f in check_plan(sample_plan) if f.rule_id == "plan.monitoring_overdue"]
    assert overdue and "2027年12月" in overdue[0].message and "毎月" in overdue[0].message
    monkeypatch.setattr(mr, "_today", lambda: date(2027, 8, 15))
    assert not [f for f in check_plan(sample_plan) if f.rule_id == "plan.monitoring_overdue"]


JUNE_CSV = (
    "科目,2027-06\n売上高,28100\n売上原価,11200\n販売費及び一般管理費,22500\n人件費,12800\n"
    "営業外収益,150\n営業外費用,470\n現金及び預金,8200\n借入金,319985\n"
)


def test_actuals_from_a_generic_csv_and_replacing_them_needs_replace(sample_file, tmp_path):
    plan = load_plan(sample_file)
    plan.monitoring = [r for r in plan.monitoring if r.month <= "2027-05"]
    save_plan(plan, sample_file)
    csv = tmp_path / "june.csv"
    csv.write_text(JUNE_CSV, encoding="utf-8")
    code, text = _run(sample_file, month="2027-06", actuals=csv, fmt="json")
    assert code == 0, text
    data = json.loads(text)
    assert {ln["key"]: ln["actual"] for ln in data["lines"]}["ordinary_profit"] == -5920
    assert data["review"]["actuals_source"] == "june.csv"
    csv.write_text(JUNE_CSV.replace("28100", "28600"), encoding="utf-8")
    code, text = _run(sample_file, month="2027-06", actuals=csv)
    assert code == 2 and "--replace" in text and "28,100 → 28,600" in text
    assert load_plan(sample_file).monitoring[-1].actuals["sales"] == 28100
    code, text = _run(sample_file, month="2027-06", actuals=csv, replace=True)
    assert code == 0
    rec = load_plan(sample_file).monitoring[-1]
    assert rec.actuals["sales"] == 28600 and rec.actuals_history[-1].values == {"sales": 28100}
