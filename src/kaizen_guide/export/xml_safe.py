"""The last pass over a built workbook: every string in it is legal XML, and headers fit Excel.

Cells are cleaned when written (cells.clean_text), but answers also reach sheet titles, print
headers/footers, comments, defined names and the document properties. A NUL or another XML-illegal
character in any of them makes a part Excel refuses to open (issue 11.4), so the whole workbook is
scrubbed once, after it is built.
"""

from __future__ import annotations

import re

from openpyxl.workbook.workbook import Workbook

from .cells import FORMULA_TRIGGERS

# Excel keeps at most 255 characters per header or footer (all three parts and their codes).
HEADER_FOOTER_MAX = 255
_PART_MAX = 75  # three parts of user text plus the codes openpyxl adds (&"font"&9 …) stay under 255
# Characters XML 1.0 forbids: openpyxl's ILLEGAL_CHARACTERS_RE (C0 controls but tab, LF, CR) and
# what it does not cover (non-characters, lone surrogates), in one pattern.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """``value`` without characters an XML part cannot hold."""
    if _ILLEGAL.search(value) is None:  # nearly every answer: no copy
        return value
    return _ILLEGAL.sub("", value)


def _scrub_header_footer(hf) -> None:
    for part in (hf.left, hf.center, hf.right):
        if part.text:
            text = xml_text(part.text)
            if len(text) > _PART_MAX:
                text = text[: _PART_MAX - 1] + "…"
                if text.endswith("&…") and not text.endswith("&&…"):
                    text = text[:-2] + "…"  # never leave half of an && escape
            part.text = text


def scrub_workbook(wb: Workbook) -> None:
    props = wb.properties
    for name in ("title", "subject", "creator", "description", "keywords", "category", "lastModifiedBy"):
        value = getattr(props, name, None)
        if isinstance(value, str):
            setattr(props, name, xml_text(value))
    for ws in wb.worksheets:
        clean_title = xml_text(ws.title)
        if clean_title != ws.title:
            ws.title = clean_title or "Sheet"
        for hf in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
            _scrub_header_footer(hf)
        for cell in list(ws._cells.values()):  # noqa: SLF001 - the cells written, not the whole rectangle
            if isinstance(cell.value, str) and cell.data_type != "f":
                clean = xml_text(cell.value)
                if clean != cell.value:
                    cell.value = clean
                    cell.data_type = "s"  # "\0=1+1" must not become a formula once cleaned
                    if clean.startswith(FORMULA_TRIGGERS):
                        cell.quotePrefix = True
            if cell.comment is not None:
                cell.comment.text = xml_text(cell.comment.text or "")
                if cell.comment.author:
                    cell.comment.author = xml_text(cell.comment.author)
        _keep_every_row(ws)


def _keep_every_row(ws) -> None:
    """Give every row from 1 to the last one, and A1, a cell, as walking ``ws.iter_rows()`` here
    used to do by filling the whole rectangle (about 1,000 empty cells on the sample): the sheet
    keeps its ``<row>`` elements and its A1-based dimension, so the file stays the same."""
    cells = ws._cells  # noqa: SLF001
    if ws._current_row == 0:  # noqa: SLF001 - iter_rows() walks nothing then
        return
    rows = {r for r, _ in cells}
    for r in range(1, ws.max_row + 1):
        if r not in rows:
            ws.cell(row=r, column=1)
    ws.cell(row=1, column=1)
