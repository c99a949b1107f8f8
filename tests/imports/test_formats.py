"""Each export format and variant imports into the sample company with the file's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaizen_guide.imports import ActualsImportError, read_actuals
from kaizen_guide.sample import build_sample_plan

from . import exports as ex

START = "2027-04"  # the sample closes in March; 計画1年目 = 2028年3月期 starts 2027-04


@pytest.fixture
def plan():
    return build_sample_plan()


@pytest.fixture
def ledger():
    return ex.Ledger.build(START)


def _assert_equal(result, expected, months=None):
    months = months or sorted(expected)
    assert sorted(result.months) == months
    for m in months:
        assert result.months[m] == expected[m], m


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
@pytest.mark.parametrize("unit", ["円", "千円"])
def test_generic_csv_all_months_equal_the_file(tmp_path, plan, ledger, encoding, unit):
    path = ex.generic_csv(tmp_path / "g.csv", ledger, encoding=encoding, unit=unit)
    r = read_actuals(path, plan)
    _assert_equal(r, ledger.expected(unit))
    assert r.source_format == "generic"
    assert r.unit == unit and r.unit_source == "file"
    assert r.tax_basis == "excluded"
    assert r.encoding == {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM付き)", "cp932": "Shift_JIS (CP932)"}[encoding]
    assert r.line_accounts["personnel"] == ["役員報酬", "給料手当", "法定福利費"]
    assert r.line_accounts["sales"] == ["売上高合計"] and r.line_how["sales"] == "total"
    assert r.complete and not r.warnings


@pytest.mark.parametrize("labels", ["ym", "slash", "r", "reiwa", "m", "do"])
@pytest.mark.parametrize("numbers", ["comma", "triangle", "white", "paren", "fullwidth"])
def test_generic_csv_month_labels_and_number_styles(tmp_path, plan, ledger, labels, numbers):
    # Negative figures appear in the P/L (期末商品棚卸高 is printed positive, 営業利益 can go negative).
    path = ex.generic_csv(tmp_path / "g.csv", ledger, labels=labels, numbers=numbers, preamble=False)
    r = read_actuals(path, plan, unit="円")
    _assert_equal(r, ledger.expected("円"))


def test_generic_without_totals_sums_the_details(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "g.csv", ledger, totals=False)
    r = read_actuals(path, plan)
    _assert_equal(r, ledger.expected("円", with_totals=False))
    assert r.line_how["sales"] == "detail"
    assert r.line_accounts["sales"] == ["商品売上高", "サービス売上高"]
    assert r.line_how["gross_profit"] == "derived"


def test_tab_separated_export_is_read(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "g.txt", ledger, delimiter="\t", encoding="cp932")
    _assert_equal(read_actuals(path, plan), ledger.expected("円"))


def test_month_option_keeps_one_month(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "g.csv", ledger)
    r = read_actuals(path, plan, month="2027-06")
    assert list(r.months) == ["2027-06"]
    assert r.months["2027-06"] == ledger.expected("円")["2027-06"]
    with pytest.raises(ActualsImportError, match="2029年1月の列がファイルにありません"):
        read_actuals(path, plan, month="2029-01")


def test_yayoi_year_export_without_month_header(tmp_path, plan, ledger):
    path = ex.yayoi_year(tmp_path / "yayoi.csv", ledger, header=False, kessan=1_200_000)
    r = read_actuals(path, plan)
    assert r.source_format == "yayoi"
    assert r.encoding == "Shift_JIS (CP932)"
    # 決算仕訳 (here a year-end 減価償却費) is not a 13th month and does not leak into 3月.
    _assert_equal(r, ledger.expected("円"))
    assert r.unit_source == "guessed" and r.unit == "円"


def test_yayoi_year_export_with_month_headers(tmp_path, plan, ledger):
    path = ex.yayoi_year(tmp_path / "yayoi.csv", ledger, header=True, unit_line=True)
    r = read_actuals(path, plan)
    assert r.source_format == "yayoi"
    _assert_equal(r, ledger.expected("円"))
    assert r.unit_source == "file"


def test_moneyforward_transition_with_sub_accounts(tmp_path, plan, ledger):
    path = ex.mf_transition(tmp_path / "mf.csv", ledger)
    r = read_actuals(path, plan)
    assert r.source_format == "moneyforward"
    assert r.period == ("2027-04", "2028-03")
    _assert_equal(r, ledger.expected("円"))


def test_moneyforward_single_month_trial_balance(tmp_path, plan, ledger):
    path = ex.mf_trial_month(tmp_path / "mf_tb.csv", ledger, 2)
    r = read_actuals(path, plan)
    assert list(r.months) == ["2027-06"]
    assert r.months["2027-06"] == ledger.expected("円")["2027-06"]
    assert "前月残高を差し引いて" in r.cumulative_note


def test_freee_transition(tmp_path, plan, ledger):
    path = ex.freee_transition(tmp_path / "freee.csv", ledger)
    r = read_actuals(path, plan)
    assert r.source_format == "freee"
    assert not r.cumulative
    _assert_equal(r, ledger.expected("円"))


@pytest.mark.parametrize("cumulative", [False, True])
def test_tkc_transition_monthly_and_cumulative(tmp_path, plan, ledger, cumulative):
    path = ex.tkc_transition(tmp_path / "tkc.csv", ledger, cumulative=cumulative)
    r = read_actuals(path, plan)
    assert r.source_format == "tkc"
    assert r.cumulative is cumulative
    _assert_equal(r, ledger.expected("円"))
    if cumulative:
        assert "差額" in r.cumulative_note


def test_cumulative_generic_file_is_differenced(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "cum.csv", ledger, cumulative=True)
    r = read_actuals(path, plan)
    assert r.cumulative
    _assert_equal(r, ledger.expected("円"))


def test_xlsx_with_date_headers_in_thousands(tmp_path, plan, ledger):
    path = ex.generic_xlsx(tmp_path / "g.xlsx", ledger, unit="千円")
    r = read_actuals(path, plan)
    assert r.encoding == "Excel (.xlsx)"
    _assert_equal(r, ledger.expected("千円"))


def test_fiscal_year_starting_in_october(tmp_path):
    plan = build_sample_plan()
    plan.company.fiscal_month = 9
    for fy in plan.financials.years:
        fy.period_end = fy.period_end[:5] + "09"
    plan.monitoring_plan.start = "2026-10"
    led = ex.Ledger.build("2026-10")
    path = ex.generic_csv(tmp_path / "oct.csv", led, labels="m", preamble=False)
    r = read_actuals(path, plan, unit="円")
    assert sorted(r.months) == led.months  # 10月 … 9月 → 2026-10 … 2027-09
    _assert_equal(r, led.expected("円"))


def test_month_labels_out_of_fiscal_order_are_refused(tmp_path, plan):
    led = ex.Ledger.build("2026-10")  # an October-start file read against a March closer
    path = ex.generic_csv(tmp_path / "oct.csv", led, labels="m", preamble=False)
    with pytest.raises(ActualsImportError, match="会計年度"):
        read_actuals(path, plan, unit="円")


def test_tax_included_file_is_refused_against_a_tax_excluded_plan(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "taxin.csv", ledger, tax="税込", tax_factor=Decimal("1.1"))
    with pytest.raises(ActualsImportError) as err:
        read_actuals(path, plan)
    assert "税込" in err.value.message and "10ポイント" in err.value.message
    plan.actuals_import.tax_basis = "included"
    r = read_actuals(path, plan)
    assert r.tax_basis == "included"
    _assert_equal(r, ledger.expected("円", tax_factor=Decimal("1.1")))


def test_unknown_account_is_listed_and_left_out_until_mapped(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "u.csv", ledger, totals=False, extra_rows=[("パート代(厨房)", [250_000] * 12)])
    r = read_actuals(path, plan)
    assert [u.name for u in r.unknown_accounts] == ["パート代(厨房)"]
    assert not r.complete
    base = ledger.expected("円", with_totals=False)
    assert r.months["2027-04"]["sga"] == base["2027-04"]["sga"]
    plan.actuals_import.account_mapping["パート代(厨房)"] = "personnel"
    r2 = read_actuals(path, plan)
    assert r2.complete
    assert r2.months["2027-04"]["personnel"] == base["2027-04"]["personnel"] + 250
    assert r2.months["2027-04"]["sga"] == base["2027-04"]["sga"] + 250


def test_bad_cell_names_row_and_column(tmp_path, plan, ledger):
    path = ex.generic_csv(tmp_path / "bad.csv", ledger, extra_rows=[("支払利息", [1] * 12)])
    text = path.read_text(encoding="utf-8").replace('"1"', '"12,34"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActualsImportError) as err:
        read_actuals(path, plan)
    assert err.value.row is not None and err.value.column == 1
    assert f"{err.value.row}行目 B列" in err.value.message and "12,34" in err.value.message


def test_file_in_neither_encoding_gets_a_japanese_message(tmp_path, plan):
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(ActualsImportError, match="文字コード|見つかりません"):
        read_actuals(path, plan)


def test_missing_and_empty_files(tmp_path, plan):
    with pytest.raises(ActualsImportError, match="見つかりません"):
        read_actuals(tmp_path / "nope.csv", plan)
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ActualsImportError, match="空のファイル"):
        read_actuals(tmp_path / "empty.csv", plan)


def test_file_with_both_tax_bases_takes_the_plans(tmp_path, plan, ledger):
    path = ex.generic_both_tax(tmp_path / "both.csv", ledger)
    r = read_actuals(path, plan)
    assert r.tax_basis == "excluded"
    _assert_equal(r, ledger.expected("円"))
    plan.actuals_import.tax_basis = "included"
    r = read_actuals(path, plan)
    assert r.tax_basis == "included"
    _assert_equal(r, ledger.expected("円", tax_factor=Decimal("1.1")))


def _record(plan, month, values):
    from kaizen_guide.model.plan import MonitoringRecord

    plan.monitoring.append(MonitoringRecord(month=month, actuals=values))


def test_yayoi_period_trial_balance_is_made_single_month_from_recorded_months(tmp_path, plan, ledger):
    path = ex.yayoi_period_trial(tmp_path / "tb.csv", ledger, 2)  # 4月〜6月 累計
    with pytest.raises(ActualsImportError, match="2027年4月, 2027年5月 の実績が必要"):
        read_actuals(path, plan)
    exp = ledger.expected("円")
    for m in ("2027-04", "2027-05"):
        _record(plan, m, exp[m])
    r = read_actuals(path, plan)
    assert r.source_format == "yayoi" and list(r.months) == ["2027-06"]
    flows = ("sales", "cost_of_sales", "sga", "personnel", "non_operating_income", "non_operating_expenses")
    for line in flows:  # differenced in 千円 against the recorded months: within rounding
        assert abs(r.months["2027-06"][line] - exp["2027-06"][line]) <= 1, line
    assert r.months["2027-06"]["cash_end"] == exp["2027-06"]["cash_end"]
    assert "累計" in r.cumulative_note
    with pytest.raises(ActualsImportError, match="合いません"):
        read_actuals(path, plan, month="2027-05")


def test_year_export_printed_mid_year_keeps_only_booked_months(tmp_path, plan):
    led = ex.Ledger.build(START)
    for name, vals in led.amounts.items():  # 7月〜: P/L empty, B/S balances carried forward
        if name in ("現金", "普通預金", "売掛金", "買掛金", "短期借入金", "長期借入金"):
            led.amounts[name] = vals[:3] + [vals[2]] * 9
        else:
            led.amounts[name] = vals[:3] + [0] * 9
    path = ex.yayoi_year(tmp_path / "y.csv", led)
    r = read_actuals(path, plan)
    assert sorted(r.months) == ["2027-04", "2027-05", "2027-06"]
    exp = led.expected("円")
    assert all(r.months[m] == exp[m] for m in r.months)
    assert any("2027年7月" in n and "取り込みませんでした" in n for n in r.notes)
    with pytest.raises(ActualsImportError, match="2027年8月の損益の金額がすべて0"):
        read_actuals(path, plan, month="2027-08")
