"""LibreOffice recalculates the workbook: every formula equals the finance engine, no error cells."""

from __future__ import annotations

import openpyxl
import pytest

from conftest import needs_soffice
from helpers import compare, error_cells, row_of
from lo_recalc import convert


@pytest.mark.parametrize("which", ["sample_built", "large_built", "minimal_built"])
def test_libreoffice_recalculation_equals_the_engine(which, request):
    built = request.getfixturevalue(which)
    recalculated = built.recalculated()
    assert len(built.expectations) > 300
    bad = compare(built.expectations, recalculated)
    assert not bad, "\n".join(bad[:30])


@pytest.mark.parametrize("which", ["sample_built", "large_built", "minimal_built"])
def test_no_cell_shows_an_error_after_recalculation(which, request):
    recalculated = request.getfixturevalue(which).recalculated()
    assert not error_cells(recalculated)


def test_the_workbook_reopens_in_openpyxl_after_libreoffice(sample_built):
    recalculated = sample_built.recalculated()
    assert recalculated.sheetnames == sample_built.wb.sheetnames


def test_an_edited_input_flows_through_the_plan(sample_built, tmp_path):
    """An advisor raises 計画1年目 store sales by 1,000千円 in Excel: profit, cash and the
    balance sheet follow, and the balance sheet still balances."""
    needs_soffice()
    wb = openpyxl.load_workbook(sample_built.path)
    pl = wb["損益計画"]
    seg, col = row_of(pl, "店舗飲食"), 6  # column F = 計画1年目
    pl.cell(row=seg, column=col).value += 1000
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    after = openpyxl.load_workbook(convert(edited, tmp_path / "out"), data_only=True)
    before = sample_built.recalculated()

    def delta(sheet, label, column=col):
        ws_a, ws_b = after[sheet], before[sheet]
        r = row_of(ws_a, label)
        return ws_a.cell(row=r, column=column).value - ws_b.cell(row=r, column=column).value

    assert delta("損益計画", "売上高 計") == 1000
    assert delta("損益計画", "経常利益") == 1000
    assert delta("損益計画", "当期純利益") == 1000
    assert delta("資金計画", "期末現預金", column=3) == 1000  # 資金計画 has no actual columns
    assert delta("貸借対照表計画", "現金預金") == 1000
    assert delta("貸借対照表計画", "利益剰余金") == 1000
    assert after["貸借対照表計画"].cell(row=row_of(after["貸借対照表計画"], "貸借差額 (検算: 0 になること)"),
                                     column=col).value == 0
    # the next year opens with the higher cash
    assert delta("資金計画", "期首現預金", column=4) == 1000
