"""The last pass over a built workbook: every string in it is legal XML, and headers fit Excel.

Cells are cleaned when written (cells.clean_text), but answers also reach sheet titles, print
headers/footers, comments, defined names and the document properties. A NUL or another XML-illegal
character in any of them makes a part Excel refuses to open (issue 11.4), so the whole workbook is
scrubbed once, after it is built.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.workbook.workbook import Workbook

from .cells import FORMULA_TRIGGERS

# Excel keeps at most 255 characters per header or footer (all three parts and their codes).
HEADER_FOOTER_MAX = 255
_PART_MAX = 75  # three parts of user text plus the codes openpyxl adds (&"font"&9 …) stay under 255
# Characters XML 1.0 forbids that openpyxl's pattern does not cover (non-characters, lone surrogates).
_EXTRA_ILLEGAL = str.maketrans({c: None for c in ("\ufffe", "\uffff")})


def xml_text(value: str) -> str:
    """``value`` without characters an XML part cannot hold."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value).translate(_EXTRA_ILLEGAL)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join(ch for ch in text if not "\ud800" <= ch <= "\udfff")
    return text


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
        for row in ws.iter_rows():
            for cell in row:
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
