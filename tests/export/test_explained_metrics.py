"""The workbook says what its headline numbers mean, as the reports do (issue 10 「Say what the numbers mean」).

Reopens the exported sample with openpyxl (cached values, as a viewer that does not recalculate sees
them) and finds, with the engine's numbers: the stress-test table, the 債務償還年数 definition and
its gross variant, 実質純資産 before 代表者資産 with both 解消 years, and the yearly プロラタ bases
(信用残 and the fallback years under 信用残高プロラタ) on 金融機関別返済計画.
"""

from __future__ import annotations

import openpyxl
import pytest

from kaizen_guide.export.cells import VALUE_NOTE_PREFIX
from kaizen_guide.sample import build_sample_plan

from .conftest import Built
from .helpers import row_of
from .test_live_workbook import BANKS, PL, col_of, rows_after


@pytest.fixture(scope="module")
def book(sample_built):
    return openpyxl.load_workbook(sample_built.path, data_only=True)


def _plan_cols(ws, proj):
    return {lab.offset: col_of(ws, lab.label) for lab in proj.labels.plan}


def _actual_col(ws, offset_index: int) -> int:
    """Column of the ``offset_index``-th 実績 column (the header row says 実績)."""
    cols = [c.column for c in ws[3] if c.value == "実績"]
    return cols[offset_index]


def test_stress_table_is_on_the_pl_sheet_with_the_engine_numbers(sample_built, book):
    proj = sample_built.projection
    ws = book[PL]
    cols = _plan_cols(ws, proj)
    assert proj.stress.scenarios
    for sc in proj.stress.scenarios:
        ok = sc.repayment_covered and sc.cash_never_negative
        section = f"{sc.name}: {'返済・資金繰りとも可' if ok else '成り立たない'}"
        for y in sc.years:
            c = cols[y.year]
            for label, want in [
                ("売上高", y.sales),
                ("経常利益", y.ordinary_income),
                ("簡易CF", y.simple_cf),
                ("返済額 (計画のまま)", y.repayment),
                ("返済を簡易CFで賄えるか", "可" if y.covered else "不可"),
                ("期末現預金 (資金不足の補填前)", y.cash_closing),
            ]:
                cell = ws.cell(row=rows_after(ws, section, label), column=c)
                assert cell.value == want, (sc.name, label, y.year)
                assert cell.comment is not None and cell.comment.text.startswith(VALUE_NOTE_PREFIX)
                assert "ストレスケース" in cell.comment.text
        # 計画0年目 is not a stress year: left empty
        assert ws.cell(row=rows_after(ws, section, "売上高"), column=cols[0]).value is None
    # the verdict of the whole test heads the table (the sample fails its stress cases)
    assert not proj.stress.passed
    assert row_of(ws, "ストレステスト (成り立たないケースあり)")


def test_debt_years_definition_and_gross_variant(sample_built, book):
    proj = sample_built.projection
    ws = book[PL]
    note_col = max(_plan_cols(ws, proj).values()) + 1
    main = row_of(ws, "債務償還年数")
    assert ws.cell(row=main, column=note_col).value == proj.definitions.debt_years
    gross = row_of(ws, "債務償還年数 (簡易: 有利子負債 ÷ 簡易CF)")
    assert gross == main + 1  # beside the form's row
    assert ws.cell(row=gross, column=note_col).value == proj.definitions.gross_debt_years
    by_offset = {m.offset: m for m in proj.metrics}
    for o, c in _plan_cols(ws, proj).items():
        want = by_offset[o].gross_debt_repayment_years
        got = ws.cell(row=gross, column=c).value
        if want is None:
            assert got == "算出不能"
        else:
            assert got == pytest.approx(float(want), abs=0.0051)
    # the sample has plan years with 簡易CF ≤ 0 and years with a figure: both shapes are checked
    wants = [by_offset[o].gross_debt_repayment_years for o in _plan_cols(ws, proj)]
    assert None in wants and any(w is not None for w in wants)


def test_real_net_assets_before_and_after_owner_with_solvency_years(sample_built, book):
    proj = sample_built.projection
    ws = book[PL]
    cols = _plan_cols(ws, proj)
    note_col = max(cols.values()) + 1
    after = row_of(ws, "実質純資産 (代表者資産加味後)")
    before = row_of(ws, "実質純資産 (代表者資産加味前)")
    assert before == after + 1
    by_offset = {m.offset: m for m in proj.metrics}
    for o, c in cols.items():
        assert ws.cell(row=after, column=c).value == by_offset[o].real_net_assets
        cell = ws.cell(row=before, column=c)
        assert cell.value == by_offset[o].real_net_assets_before_owner
        assert cell.comment is not None and cell.comment.text.startswith(VALUE_NOTE_PREFIX)
    # before ≠ after in the sample (the owner's assets count), so the two rows really differ
    assert any(by_offset[o].real_net_assets != by_offset[o].real_net_assets_before_owner for o in cols)
    tr = proj.targets
    assert tr.solvency_year is not None and tr.solvency_year_before_owner is not None
    assert f"解消: 計画{tr.solvency_year}年目" in ws.cell(row=after, column=note_col).value
    assert f"解消: 計画{tr.solvency_year_before_owner}年目" in ws.cell(row=before, column=note_col).value


def _bank_row(ws, bank: str, label: str) -> int:
    """The row ``label`` in the bank's own block (its section is followed by 期首残高)."""
    for r in range(1, ws.max_row):
        if ws.cell(row=r, column=1).value == bank and ws.cell(row=r + 1, column=1).value == "期首残高":
            for rr in range(r + 1, ws.max_row + 1):
                a = ws.cell(row=rr, column=1).value
                if a == label:
                    return rr
                if rr > r + 1 and ws.cell(row=rr + 1, column=1).value == "期首残高":
                    break  # the next bank's block
            raise AssertionError(f"{bank}: no {label!r}")
    raise AssertionError(f"no block for {bank!r}")


def _check_bases(ws, proj):
    rp = proj.repayment
    cols = {lab.offset: col_of(ws, lab.label) for lab in proj.labels.plan}
    for bank in rp.banks:
        for y in bank.years:
            r = _bank_row(ws, bank.bank, "プロラタ基準額")
            cell = ws.cell(row=r, column=cols[y.year])
            assert cell.value == y.base_amount, (bank.bank, y.year)
            assert cell.comment is not None and cell.comment.text.startswith(VALUE_NOTE_PREFIX)
            if rp.allocation_basis == "unsecured":
                assert ws.cell(row=_bank_row(ws, bank.bank, "信用残 (期首)"), column=cols[y.year]).value == y.unsecured
    basis = row_of(ws, "配分基準 (各年)")
    names = {"balance": "残高プロラタ", "unsecured": "信用残高プロラタ", "contract": "約定返済"}
    for o, b in enumerate(rp.basis_by_year):
        want = names[b] + (" (代替)" if o in rp.fallback_years else "")
        assert ws.cell(row=basis, column=cols[o]).value == want
    return basis


def test_balance_pro_rata_bases_on_the_banks_sheet(sample_built, book):
    proj = sample_built.projection
    assert proj.repayment.allocation_basis == "balance"
    ws = book[BANKS]
    _check_bases(ws, proj)
    with pytest.raises(AssertionError):
        _bank_row(ws, proj.repayment.banks[0].bank, "信用残 (期首)")  # only under 信用残高プロラタ


def test_unsecured_pro_rata_bases_and_fallback_on_the_banks_sheet(tmp_path):
    plan = build_sample_plan()
    plan.support.allocation_basis = "unsecured"
    built = Built(plan, tmp_path, "unsecured")
    proj = built.projection
    assert proj.repayment.allocation_basis == "unsecured"
    assert any(y.unsecured for b in proj.repayment.banks for y in b.years)
    ws = openpyxl.load_workbook(built.path, data_only=True)[BANKS]
    basis = _check_bases(ws, proj)
    note = ws.cell(row=basis, column=max(col_of(ws, lab.label) for lab in proj.labels.plan) + 1).value
    if proj.repayment.fallback_years:
        assert all(f"計画{y}年目" in note for y in proj.repayment.fallback_years)
    else:
        assert "代替 (残高プロラタ) はありません" in note
