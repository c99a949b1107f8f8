"""Small helpers for reading workbooks in the export tests."""

from __future__ import annotations

from .lo_recalc import is_error


def cells_with(ws, text: str):
    """Cells whose (string) value contains ``text``."""
    return [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and text in c.value]


def row_of(ws, label: str) -> int:
    """The row whose column A is exactly ``label``."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return row[0].row
    raise AssertionError(f"{ws.title}: no row labelled {label!r}")


def compare(expectations, recalculated) -> list[str]:
    """Formula cells whose recalculated value differs from the engine's number."""
    bad = []
    for (sheet, coord), exp in expectations.items():
        got = recalculated[sheet][coord].value
        if isinstance(exp.value, str):
            ok = got == exp.value or (exp.value == "" and got is None)
        else:
            ok = isinstance(got, (int, float)) and not isinstance(got, bool) and abs(got - exp.value) <= exp.tol + 1e-6
        if not ok:
            bad.append(f"{sheet}!{coord}: LibreOffice {got!r}, engine {exp.value!r}")
    return bad


def error_cells(wb) -> list[str]:
    return [
        f"{ws.title}!{c.coordinate}={c.value}" for ws in wb for row in ws.iter_rows() for c in row if is_error(c.value)
    ]


def formula_cells(wb):
    return [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
