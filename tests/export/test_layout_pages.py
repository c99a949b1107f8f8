"""Printed layout: pages per sheet (LibreOffice PDF), 資金実績表 periods, the schedule's span, labels."""

from __future__ import annotations

import openpyxl
import pytest

from .conftest import needs_soffice
from .helpers import row_of
from .lo_recalc import convert


def pages_per_sheet(pdf, sheet_names) -> dict[str, int]:
    """Each page's header carries the sheet name (&A): count pages by it."""
    from pypdf import PdfReader

    counts: dict[str, int] = {}
    for page in PdfReader(pdf).pages:
        first = (page.extract_text() or "").splitlines()[0]
        name = next((n for n in sorted(sheet_names, key=len, reverse=True) if f" {n} " in f" {first} "), "?")
        counts[name] = counts.get(name, 0) + 1
    return counts


@pytest.fixture(scope="module")
def printed(sample_built, large_built, tmp_path_factory):
    needs_soffice()
    out = {}
    for name, built in (("sample", sample_built), ("large", large_built)):
        pdf = convert(built.path, tmp_path_factory.mktemp(f"pdf_{name}"), fmt="pdf")
        out[name] = pages_per_sheet(pdf, built.wb.sheetnames)
    return out


@pytest.mark.slow
def test_debtor_summary_prints_on_at_most_two_pages(printed):
    for name, counts in printed.items():
        assert "?" not in counts, counts
        assert counts["債務者概況表"] <= 2, (name, counts)


@pytest.mark.slow
def test_every_sheet_prints_on_a_bounded_number_of_pages(printed):
    for name, counts in printed.items():
        assert set(counts) >= {"表紙", "損益計画", "貸借対照表計画", "実施計画"}, counts
        assert counts["表紙"] == 1 and counts["実施計画"] <= 2 and counts["貸借対照表計画"] <= 2, (name, counts)


def test_cash_actuals_show_three_periods(sample_built):
    ws = openpyxl.load_workbook(sample_built.path)["資金実績表"]
    years = [c.value for c in ws[4][1:] if c.value and "期" in str(c.value)]
    assert years == [lab.fiscal_label for lab in sample_built.projection.labels.actual[-3:]]
    # the two later periods reconcile to the B/S cash; the oldest shows its P/L lines
    check = row_of(ws, "検算: 貸借対照表の現金預金との差 (0 になること)")
    assert ws.cell(row=check, column=3).data_type == "f"
    assert ws.cell(row=row_of(ws, "当期純利益"), column=2).data_type == "f"


def test_the_schedule_covers_the_whole_plan_period(sample_built, large_built):
    for built in (sample_built, large_built):
        ws = openpyxl.load_workbook(built.path)["実施計画"]
        months = [c.value for c in ws[4][7:] if c.value]
        years = [c.value for c in ws[3][7:] if c.value]
        assert months and years
        last_fiscal = built.projection.labels.plan[-1].fiscal_label  # e.g. 2032年3月期
        assert str(years[-1]).rstrip("年") in (last_fiscal[:4], last_fiscal[2:4]), (years, last_fiscal)


def test_monitoring_personnel_row_shows_personnel(sample_built):
    wb = openpyxl.load_workbook(sample_built.path)
    ws = wb["伴走支援計画"]
    r = row_of(ws, "うち人件費")
    formula = next(c.value for c in ws[r][1:] if c.data_type == "f")
    pl = wb["損益計画"]
    assert f"$A${row_of(pl, '人件費')}" not in formula  # a link to the 人件費 row, not to 販管費
    target = formula.split("!")[1].replace("$", "")
    assert pl[target].row == row_of(pl, "人件費")
    assert pl[target].row != row_of(pl, "販売費及び一般管理費 計")
