"""Saving a built workbook: the package openpyxl writes, with each sheet's cells written faster.

openpyxl's own XML writer builds an ``Element`` per cell and serialises it through et_xmlfile's
pure-Python tree walker: about half of a save (issue 18). :class:`_SheetWriter` writes the same
``<row>`` / ``<c>`` markup as strings, byte for byte what that writer produces, and puts each
formula's cached value (:mod:`.cached`) in at once, so the package is zipped once instead of
being written, read back and zipped again. Everything else (styles, merges, comments, print
setup, the other parts) is openpyxl's own code. Cells of a kind it does not handle (rich text,
dates, array formulas, hyperlinks) go through openpyxl's cell writer. With lxml installed,
openpyxl writes through lxml and the plain save plus :func:`.cached.fill_cached_values` is used.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Mapping
from typing import Any
from xml.etree.ElementTree import _escape_attrib, _escape_cdata  # type: ignore[attr-defined]
from zipfile import ZIP_DEFLATED, ZipFile

import openpyxl
from openpyxl.cell._writer import write_cell
from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
from openpyxl.compat.numbers import NUMERIC_TYPES
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging.relationship import Relationship
from openpyxl.utils import coordinate_to_tuple
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import tostring

from .cached import fill_cached_values, value_text

# Switched off by the test that compares this writer with openpyxl's.
ENABLED = True


def package_bytes(wb: Workbook, expectations: Mapping[tuple[str, str], Any]) -> bytes:
    """The saved package of ``wb``, each formula cell holding its value from ``expectations``
    ({(sheet title, coordinate): Expected or value})."""
    if not ENABLED or openpyxl.LXML:
        buf = io.BytesIO()
        wb.save(buf)
        return fill_cached_values(buf.getvalue(), expectations)
    cached: dict[str, dict[str, Any]] = {}
    for (sheet, coord), exp in expectations.items():
        cached.setdefault(sheet, {})[coord] = getattr(exp, "value", exp)
    buf = io.BytesIO()
    # What openpyxl.writer.excel.save_workbook does, with our worksheet writer.
    archive = ZipFile(buf, "w", ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _ExcelWriter(wb, archive, cached).save()
    return buf.getvalue()


class _ExcelWriter(ExcelWriter):
    def __init__(self, workbook: Workbook, archive: ZipFile, cached: dict[str, dict[str, Any]]) -> None:
        super().__init__(workbook, archive)
        self._cached = cached

    def write_worksheet(self, ws: Any) -> None:
        # ExcelWriter.write_worksheet (openpyxl 3.1) for a normal workbook, the sheet's XML kept in
        # memory rather than in a temporary file.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWriter(ws, self._cached.get(ws.title, {}))
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.out.getvalue())
        self.manifest.append(ws)

    def _write_comment(self, ws: Any) -> None:
        # ExcelWriter._write_comment (openpyxl 3.1) for a workbook not loaded with macros, the notes'
        # VML written as text (openpyxl builds and serialises a tree of 14 elements per note).
        if self.workbook.vba_archive is not None:
            super()._write_comment(ws)
            return
        cs = CommentSheet.from_comments(ws._comments)
        self._comments.append(cs)
        cs._id = len(self._comments)
        self._archive.writestr(cs.path[1:], tostring(cs.to_tree()))
        self.manifest.append(cs)
        ws.legacy_drawing = f"xl/drawings/commentsDrawing{cs._id}.vml"
        self._archive.writestr(ws.legacy_drawing, comments_vml(cs.commentList))
        self.vba_modified.add(ws.legacy_drawing)
        ws._rels.append(Relationship(Id="comments", type=cs._rel_type, Target=cs.path))


class _SheetWriter(WorksheetWriter):
    def __init__(self, ws: Any, cached: dict[str, Any]) -> None:
        super().__init__(ws, out=io.BytesIO())
        self._cached_values = cached

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            write: Callable[[str], Any] = xf._file  # et_xmlfile's text writer, as xf.write uses it
            dims = self.ws.row_dimensions
            cached = self._cached_values
            comments = self.ws._comments
            parts: list[str] = []  # written in one go: each write through the text layer costs
            for row_idx, row in self.rows():
                attrs = {"r": f"{row_idx}"}
                attrs.update(dims.get(row_idx, {}))
                parts.append("<row" + "".join(f' {k}="{_escape_attrib(v)}"' for k, v in attrs.items()) + ">")
                for cell in row:
                    if cell._comment is not None:
                        comments.append(CommentRecord.from_cell(cell))
                    styled = cell.has_style
                    if cell._value is None and not styled and not cell._comment:
                        continue
                    text = _cell_xml(cell, styled, cached)
                    if text is None:
                        write("".join(parts))
                        parts.clear()
                        write_cell(xf, self.ws, cell, styled)
                    else:
                        parts.append(text)
                parts.append("</row>")
            write("".join(parts))
        self.xf.send(None)


def _cell_xml(cell: Any, styled: bool, cached: dict[str, Any]) -> str | None:
    """The ``<c>`` element openpyxl's etree writer makes of ``cell`` (None: let it write the cell)."""
    dt = cell.data_type
    value = cell._value
    if dt == "d" or cell.hyperlink is not None:
        return None
    coord = cell.coordinate
    head = f'<c r="{coord}" s="{cell.style_id}"' if styled else f'<c r="{coord}"'
    if dt == "s":
        head += ' t="inlineStr"'
    elif dt != "f":
        head += f' t="{dt}"'
    if value is None or value == "":
        return head + " />"
    if dt == "f":
        if not isinstance(value, str) or len(value) < 2:
            return None  # array / data-table formulas
        v = value_text(cached.get(coord))
        if v is None:
            return f"{head}><f>{_escape_cdata(value[1:])}</f><v /></c>"
        return f"{head}{v[0]}><f>{_escape_cdata(value[1:])}</f><v>{v[1]}</v></c>"
    if dt == "s":
        if type(value) is not str:
            return None  # rich text
        stripped = value.strip()
        space = ' xml:space="preserve"' if stripped and value != stripped else ""
        return f"{head}><is><t{space}>{_escape_cdata(value)}</t></is></c>"
    if isinstance(value, (*NUMERIC_TYPES, str)):
        text = _safe_string(value)
        return f"{head}><v>{_escape_cdata(text)}</v></c>" if text else f"{head}><v /></c>"
    return None


# The VML of openpyxl's ShapeWriter for new notes, as xml.etree writes it (prefixes ns0-ns2 in the
# order the tree first uses the namespaces).
_VML_HEAD = (
    '<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" xmlns:ns1="urn:schemas-microsoft-com:vml" '
    'xmlns:ns2="urn:schemas-microsoft-com:office:excel"><ns0:shapelayout ns1:ext="edit">'
    '<ns0:idmap ns1:ext="edit" data="1" /></ns0:shapelayout><ns1:shapetype id="_x0000_t202" '
    'coordsize="21600,21600" ns0:spt="202" path="m,l,21600r21600,l21600,xe"><ns1:stroke joinstyle="miter" />'
    '<ns1:path gradientshapeok="t" ns0:connecttype="rect" /></ns1:shapetype>'
)
_VML_SHAPE = (
    '<ns1:shape type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;'
    'width:{width}px;height:{height}px;z-index:1;visibility:hidden" fillcolor="#ffffe1" ns0:insetmode="auto" '
    'id="_x0000_s{idx:04d}"><ns1:fill color2="#ffffe1" /><ns1:shadow color="black" obscured="t" />'
    '<ns1:path ns0:connecttype="none" /><ns1:textbox style="mso-direction-alt:auto">'
    '<div style="text-align:left" /></ns1:textbox><ns2:ClientData ObjectType="Note"><ns2:MoveWithCells />'
    "<ns2:SizeWithCells /><ns2:AutoFill>False</ns2:AutoFill><ns2:Row>{row}</ns2:Row>"
    "<ns2:Column>{col}</ns2:Column></ns2:ClientData></ns1:shape>"
)


def comments_vml(records: Any) -> bytes:
    """The notes' drawing part, as ``CommentSheet.write_shapes()`` writes it."""
    shapes = []
    for idx, rec in enumerate(records, 1026):
        row, col = coordinate_to_tuple(rec.ref)
        width = _escape_attrib(str(rec.width))
        height = _escape_attrib(str(rec.height))
        shapes.append(_VML_SHAPE.format(width=width, height=height, idx=idx, row=row - 1, col=col - 1))
    return (_VML_HEAD + "".join(shapes) + "</xml>").encode("ascii", "xmlcharrefreplace")


def _safe_string(value: Any) -> str:
    """openpyxl.compat.strings.safe_string for the numbers and strings a cell holds."""
    if isinstance(value, str):
        return value
    from math import isinf, isnan

    if isnan(value) or isinf(value):
        return ""
    return "%.16g" % value  # noqa: UP031 - as openpyxl formats it (a Decimal through float)
