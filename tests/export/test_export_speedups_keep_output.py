"""The export's speed-ups (issue 18) change nothing in what is written: the workbook built with the
remembered style indices is the same package, part for part, as the one plain openpyxl writes; the
cached formula values are filled whichever XML writer openpyxl uses."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from kaizen_guide.export import cached, styles
from kaizen_guide.export.workbook import build_workbook, workbook_bytes
from kaizen_guide.finance import compute_projection
from kaizen_guide.sample import build_sample_plan

# docProps/core.xml holds the time the package was written.
_TIMESTAMPED = {"docProps/core.xml"}


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist() if name not in _TIMESTAMPED}


@pytest.fixture(scope="module")
def sample():
    plan = build_sample_plan(monitoring=True)
    return plan, compute_projection(plan)


def test_remembered_style_indices_write_the_same_package(sample, monkeypatch):
    plan, proj = sample
    fast = _parts(workbook_bytes(build_workbook(plan, proj)))
    monkeypatch.setattr(styles, "remember_style_indices", lambda wb: None)
    plain_wb = build_workbook(plan, proj)
    assert not isinstance(plain_wb._borders, styles._RememberingList)  # noqa: SLF001
    plain = _parts(workbook_bytes(plain_wb))
    assert fast.keys() == plain.keys()
    assert [name for name in fast if fast[name] != plain[name]] == []
    assert len(fast["xl/styles.xml"]) > 1000  # the parts compared hold the styles


def test_the_remembering_list_gives_openpyxls_indices():
    from openpyxl.styles import Border, Side
    from openpyxl.utils.indexed_list import IndexedList

    plain = IndexedList([Border()])
    fast = styles._RememberingList(IndexedList([Border()]))  # noqa: SLF001
    thin = Border(left=Side(style="thin"))
    same_look = Border(left=Side(style="thin"))  # another object, equal: the same index
    for lst in (plain, fast):
        assert [lst.add(thin), lst.add(same_look), lst.add(Border()), lst.add(thin)] == [1, 1, 0, 1]
    assert list(fast) == list(plain)


@pytest.mark.parametrize("empty_value", [b"<v/>", b"<v />", b"<v></v>"])
def test_cached_values_fill_every_way_an_empty_value_is_written(empty_value):
    """openpyxl's own writer writes <v/>, its lxml writer <v></v>: both get the engine's number."""
    sheet = b'<sheetData><row r="1"><c r="B7" s="3"><f>SUM(B1:B6)</f>' + empty_value + b"</c></row></sheetData>"
    out = cached._FORMULA_CELL.sub(lambda m: b"<c>%s|%s</c>" % (m.group(1), m.group(3)), sheet)  # noqa: SLF001
    assert out == b'<sheetData><row r="1"><c>B7|SUM(B1:B6)</c></row></sheetData>'


_WRITE_WITHOUT_LXML = """
import sys
sys.modules["lxml"] = None  # openpyxl falls back to its own XML writer
from kaizen_guide.export.workbook import build_workbook, workbook_bytes
from kaizen_guide.sample import build_sample_plan
sys.stdout.buffer.write(workbook_bytes(build_workbook(build_sample_plan(monitoring=True))))
"""


def _cells(data: bytes) -> dict:
    from openpyxl import load_workbook

    out: dict = {}
    for data_only in (False, True):
        wb = load_workbook(io.BytesIO(data), data_only=data_only)
        for ws in wb.worksheets:
            out[(ws.title, "merged", data_only)] = sorted(str(r) for r in ws.merged_cells.ranges)
            out[(ws.title, "widths", data_only)] = {k: d.width for k, d in ws.column_dimensions.items()}
            out[(ws.title, "heights", data_only)] = {k: d.height for k, d in ws.row_dimensions.items()}
            for row in ws.iter_rows():
                for c in row:
                    out[(ws.title, c.coordinate, data_only)] = (
                        c.value,
                        c.number_format,
                        (c.font.name, c.font.sz, c.font.b, c.font.color.rgb if c.font.color else None),
                        (c.fill.fill_type, c.fill.fgColor.rgb if c.fill.fgColor is not None else None),
                        tuple(getattr(getattr(c.border, s), "style", None) for s in ("left", "right", "top", "bottom")),
                        (c.alignment.horizontal, c.alignment.vertical, c.alignment.wrap_text),
                        c.comment.text if c.comment else None,
                    )
    return out


@pytest.mark.slow
def test_workbook_is_the_same_with_and_without_lxml(sample):
    """Cell by cell (values, cached formula values, number formats, fonts, fills, borders, merges,
    widths, heights, notes): the XML writer openpyxl picks does not change the workbook."""
    pytest.importorskip("lxml")
    plan, proj = sample
    with_lxml = workbook_bytes(build_workbook(plan, proj))
    res = subprocess.run([sys.executable, "-c", _WRITE_WITHOUT_LXML], capture_output=True, check=True)
    a, b = _cells(with_lxml), _cells(res.stdout)
    assert len(a) > 10_000
    assert [k for k in a.keys() | b.keys() if a.get(k) != b.get(k)] == []
    formulas = [
        k for k, v in a.items() if not k[2] and isinstance(v, tuple) and isinstance(v[0], str) and v[0].startswith("=")
    ]
    assert formulas and all(a[(k[0], k[1], True)][0] is not None for k in formulas[:50])


@pytest.mark.parametrize("which", ["sample", "large"])
def test_the_package_writer_writes_what_openpyxl_writes(which, sample, request, monkeypatch):
    """Each sheet's cells, the notes' VML and the cached values written at once (package.py) give
    the same parts, byte for byte, as openpyxl's own save followed by the cached-value pass."""
    from kaizen_guide.export import package

    if which == "sample":
        plan, proj = sample
    else:
        large = request.getfixturevalue("large_built")
        plan, proj = large.plan, large.projection
    fast = _parts(workbook_bytes(build_workbook(plan, proj)))
    monkeypatch.setattr(package, "ENABLED", False)
    plain = _parts(workbook_bytes(build_workbook(plan, proj)))
    assert fast.keys() == plain.keys()
    assert [name for name in fast if fast[name] != plain[name]] == []
    assert sum(name.endswith(".vml") for name in fast) >= 5  # the notes' drawings are among them


def _odd_workbook():
    """A workbook holding every kind of cell the package writer writes itself or hands back."""
    from datetime import date, datetime
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.worksheet.formula import ArrayFormula

    wb = Workbook()
    ws = wb.active
    ws.title = "a&b <1>"
    texts = [" lead", "trail ", "  ", "a & b < c > d \"q\" 'x'", "改行\nあり\r\n", "\t tab", "普通の文字"]
    numbers = [0, -1, 10**17, 0.1, 1 / 3, -2.5e-12, float("nan"), float("inf"), Decimal("1.25"), True, False]
    for r, value in enumerate(texts + numbers, start=1):
        ws.cell(row=r, column=1, value=value)
        ws.cell(row=r, column=2, value=value).font = Font(bold=True)
    ws["C1"] = "=SUM(A1:A3)"
    ws["C2"] = '=IF(A1="a&b","<x>",">y")'
    ws["C3"] = '=A1&" "'
    ws["C4"] = "=1"
    ws["C5"] = "=NOW()"  # no cached value
    ws["C6"] = ArrayFormula("C6:C7", "=A1:A2*2")
    ws["D1"] = "#N/A"
    ws["D2"] = date(2026, 4, 1)
    ws["D3"] = datetime(2026, 4, 1, 9, 30)
    ws["D4"] = CellRichText("太字", TextBlock(InlineFont(b=True), " と普通"))
    ws["D5"] = "リンク"
    ws["D5"].hyperlink = "https://example.com/?a=1&b=2"
    ws["D6"].font = Font(italic=True)  # styled, empty
    ws["E1"] = ""
    ws["E2"].comment = Comment("メモ & <注>", "作者", height=90, width=260)
    ws["E3"] = 5
    ws["E3"].comment = Comment("幅が小数", "別の人", height=79.5, width=144.25)
    ws.row_dimensions[3].height = 30
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[40].height = 12  # a row with no cells
    ws.column_dimensions["A"].width = 20
    ws2 = wb.create_sheet("空")
    ws2["B2"].comment = Comment("空のシートのメモ", "x")
    cached = {
        (ws.title, "C1"): 12,
        (ws.title, "C2"): "<x> & y",
        (ws.title, "C3"): 2.5,
        (ws.title, "C4"): True,  # booleans are never cached
        (ws.title, "C6"): 4,
    }
    return wb, cached


def test_the_package_writer_handles_every_kind_of_cell(monkeypatch):
    from kaizen_guide.export import package

    wb, cached = _odd_workbook()
    fast = _parts(package.package_bytes(wb, cached))
    monkeypatch.setattr(package, "ENABLED", False)
    wb, cached = _odd_workbook()
    plain = _parts(package.package_bytes(wb, cached))
    assert fast.keys() == plain.keys()
    assert [name for name in fast if fast[name] != plain[name]] == []
    sheet = fast["xl/worksheets/sheet1.xml"]
    assert b"<v>12</v>" in sheet and b"&lt;x&gt; &amp; y" in sheet and b'xml:space="preserve"' in sheet


def test_export_computes_the_projection_once_for_all_outputs(tmp_path, monkeypatch):
    """export_all hands its projection to the checks behind the reports' findings, and the reports
    read as when the checks compute their own."""
    import kaizen_guide.finance as finance
    from kaizen_guide.checks import check_plan
    from kaizen_guide.export import export_all
    from kaizen_guide.export.report import render_plan_report

    plan = build_sample_plan(monitoring=True)
    expected = render_plan_report(plan, compute_projection(plan), check_plan(plan), fmt="md")
    calls = []
    real = finance.compute_projection
    monkeypatch.setattr(finance, "compute_projection", lambda *a, **k: calls.append(1) or real(*a, **k))
    export_all(plan, xlsx=tmp_path / "p.xlsx", md=tmp_path / "p.md", html=tmp_path / "p.html")
    assert len(calls) == 1
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == expected
    assert "要修正" in expected or "要確認" in expected  # the findings are in what was compared


def test_scrubbing_the_written_cells_only_keeps_the_file(sample, monkeypatch):
    """scrub_workbook cleans the cells that exist instead of walking ws.iter_rows() (which filled
    each sheet's rectangle with empty cells): every part is the same as with the walk."""
    from kaizen_guide.export import xml_safe

    plan, proj = sample
    now = _parts(workbook_bytes(build_workbook(plan, proj)))
    scrub = xml_safe.scrub_workbook

    def walk_then_scrub(wb):
        for ws in wb.worksheets:
            for _row in ws.iter_rows():
                pass
        scrub(wb)

    monkeypatch.setattr(xml_safe, "scrub_workbook", walk_then_scrub)
    walked = _parts(workbook_bytes(build_workbook(plan, proj)))
    assert [name for name in now if now[name] != walked.get(name)] == [] and now.keys() == walked.keys()


def _xml_char(cp: int) -> bool:
    """XML 1.0's Char production."""
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def test_xml_text_removes_exactly_what_xml_forbids():
    from kaizen_guide.export.xml_safe import xml_text

    points = [*range(0x0, 0x3100), *range(0xD700, 0x10000), 0x10000, 0x20BB7, 0x10FFFF]
    for cp in points:
        ch = chr(cp)
        assert xml_text(f"a{ch}b") == (f"a{ch}b" if _xml_char(cp) else "ab"), hex(cp)
    kept = "株式会社さくら亭 & <注>"
    assert xml_text(kept) is kept  # nothing to remove: the same string back


def test_merges_indexed_by_cell_write_the_same_package(sample, monkeypatch):
    """cells.add_merged tests a new merge only against the ranges covering its top-left cell:
    the package is the one ws.merged_cells.add (every range tested) gives."""
    from kaizen_guide.export import cells

    plan, proj = sample
    indexed = _parts(workbook_bytes(build_workbook(plan, proj)))
    monkeypatch.setattr(cells, "add_merged", lambda ws, mcr: ws.merged_cells.add(mcr))
    plain = _parts(workbook_bytes(build_workbook(plan, proj)))
    assert [name for name in indexed if indexed[name] != plain.get(name)] == [] and indexed.keys() == plain.keys()


def test_a_merge_inside_a_merged_range_is_skipped_as_openpyxl_does():
    from openpyxl import Workbook
    from openpyxl.worksheet.merge import MergedCellRange

    from kaizen_guide.export.cells import add_merged

    for add in (add_merged, lambda ws, mcr: ws.merged_cells.add(mcr)):
        ws = Workbook().active
        for coord in ("B2:D4", "C3:D4", "B2:B3", "E1:F1", "A1:B2", "F1:G1"):
            add(ws, MergedCellRange(ws, coord))
        ws.merged_cells.ranges.add(MergedCellRange(ws, "H8:J9"))  # added some other way
        add(ws, MergedCellRange(ws, "I9:J9"))
        assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:B2", "B2:D4", "E1:F1", "F1:G1", "H8:J9"]
