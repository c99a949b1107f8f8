"""LibreOffice recalculates the workbook: every formula equals the finance engine, no error cells."""

from __future__ import annotations

import pytest

from .helpers import compare, error_cells


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
