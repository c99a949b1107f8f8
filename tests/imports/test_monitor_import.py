"""`kaizen-guide monitor PLAN --actuals FILE`: what was read, several months at once, unknown
accounts listed with exit 2, --map remembered, nothing half-imported."""

from __future__ import annotations

from datetime import date

import pytest

from kaizen_guide.cli import main
from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.headless import run_monitor
from kaizen_guide.sample import build_sample_plan

from . import exports as ex

TODAY = date(2027, 12, 1)


@pytest.fixture
def plan_file(tmp_path):
    plan = build_sample_plan()
    plan.monitoring = [r for r in plan.monitoring if r.month < "2027-07"]
    path = tmp_path / "plan.json"
    save_plan(plan, path)
    return path


def _run(path, **kw):
    out: list[str] = []
    code = run_monitor(path, out=out.append, today=TODAY, **kw)
    return code, "\n".join(out)


def _ledger_from_july():
    led = ex.Ledger.build("2027-04")
    for name, vals in led.amounts.items():  # a file printed in October: 7月〜9月 booked
        led.amounts[name] = (
            [0] * 3
            + vals[3:6]
            + (
                [0] * 6
                if name not in ("現金", "普通預金", "売掛金", "買掛金", "短期借入金", "長期借入金")
                else [vals[5]] * 6
            )
        )
    return led


def test_month_omitted_records_every_month_in_the_file_and_says_what_was_read(plan_file, tmp_path):
    led = _ledger_from_july()
    csv = ex.yayoi_year(tmp_path / "弥生.csv", led)
    before = load_plan(plan_file)
    code, text = _run(plan_file, actuals=csv)
    assert code == 0, text
    assert "形式: 弥生会計" in text and "文字コード: Shift_JIS (CP932)" in text and "消費税: 税抜" in text
    assert "うち人件費: 役員報酬・給料手当・法定福利費 (明細の合計)" in text
    assert "3か月 (2027年7月、2027年8月、2027年9月) の実績を記録しました" in text
    plan = load_plan(plan_file)
    exp = led.expected("円")
    got = {r.month: r.actuals for r in plan.monitoring}
    for m in ("2027-07", "2027-08", "2027-09"):
        assert {"sales", "cost_of_sales", "sga", "personnel", "cash_end", "borrowings_end"} <= set(got[m])
        assert got[m] == {k: exp[m][k] for k in got[m]}
    assert [r.month for r in plan.monitoring if r.month < "2027-07"] == [r.month for r in before.monitoring]


def test_unknown_account_exit_2_lists_it_and_leaves_the_plan_untouched_then_map_remembers(plan_file, tmp_path):
    led = ex.Ledger.build("2027-04")
    csv = ex.generic_csv(tmp_path / "g.csv", led, extra_rows=[("パート代(厨房)", [250_000] * 12)])
    raw = plan_file.read_bytes()
    code, text = _run(plan_file, month="2027-07", actuals=csv)
    assert code == 2
    assert "分からない科目が1件" in text and '--map "パート代(厨房)=販管費"' in text
    assert plan_file.read_bytes() == raw
    code, text = _run(plan_file, month="2027-07", actuals=csv, maps=["パート代(厨房)=人件費"])
    assert code == 0, text
    plan = load_plan(plan_file)
    assert plan.actuals_import.account_mapping == {"パート代(厨房)": "personnel"}
    july = next(r for r in plan.monitoring if r.month == "2027-07")
    assert july.actuals["personnel"] == led.expected("円")["2027-07"]["personnel"] + 250
    # next month: nothing asked
    code, text = _run(plan_file, month="2027-08", actuals=csv)
    assert code == 0, text


def test_a_month_with_actuals_needs_replace_and_nothing_is_half_imported(plan_file, tmp_path):
    led = ex.Ledger.build("2027-04")
    first = ex.generic_csv(tmp_path / "a.csv", led)
    assert _run(plan_file, month="2027-07", actuals=first)[0] == 0
    led.amounts["商品売上高"][3] += 500_000  # July changes
    second = ex.generic_csv(tmp_path / "b.csv", led)
    raw = plan_file.read_bytes()
    code, text = _run(plan_file, actuals=second)  # every month: July differs, others are new
    assert code == 2 and "2027年7月の実績はすでに記録されています" in text and "--replace" in text
    assert plan_file.read_bytes() == raw  # not even the new months were written
    code, text = _run(plan_file, actuals=second, replace=True)
    assert code == 0, text
    july = next(r for r in load_plan(plan_file).monitoring if r.month == "2027-07")
    assert july.actuals["sales"] == led.expected("円")["2027-07"]["sales"]
    assert july.actuals_history and july.actuals_history[-1].values["sales"] == july.actuals["sales"] - 500


def test_tax_basis_mismatch_is_refused_through_the_cli(plan_file, tmp_path, capsys):
    csv = ex.generic_csv(tmp_path / "in.csv", ex.Ledger.build("2027-04"), tax="税込")
    raw = plan_file.read_bytes()
    code = main(["monitor", str(plan_file), "--month", "2027-07", "--actuals", str(csv)])
    assert code == 2
    err = capsys.readouterr().err
    assert "税込の金額ですが、計画は税抜" in err and "Traceback" not in err
    assert plan_file.read_bytes() == raw
