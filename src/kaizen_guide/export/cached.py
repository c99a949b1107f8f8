"""Cached formula results, so a viewer that does not recalculate still shows the numbers.

openpyxl writes every formula cell as ``<c r="B7"><f>…</f><v/></c>``: Excel and LibreOffice
recalculate on open (``fullCalcOnLoad``), but a mail preview, a phone viewer or
``openpyxl.load_workbook(data_only=True)`` show nothing. After saving, this step puts the finance
engine's number for each formula (``cells.Expectations``, the same numbers the LibreOffice test
compares with) into the empty ``<v>``. Only formula cells are touched; the formulas themselves,
styles and everything else stay byte-for-byte as openpyxl wrote them.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree as ET

from .cells import clean_text

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

# A formula cell as openpyxl writes it: attributes, the formula (escaped text), an empty value
# (<v/> from its own XML writer, <v></v> from its lxml one).
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>]*)><f>([^<]*)</f>(?:<v\s*/>|<v></v>)</c>')


def sheet_parts(data: bytes) -> dict[str, str]:
    """Worksheet title → part name inside the package (read from workbook.xml and its rels)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_NS_PKG}}}Relationship")}
    out: dict[str, str] = {}
    for sh in wb.iter(f"{{{_NS_MAIN}}}sheet"):
        target = targets.get(sh.get(f"{{{_NS_REL}}}id")) or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        out[sh.get("name", "")] = part
    return out


def _escape(text: str) -> str:
    """XML text escaping, as ``xml.sax.saxutils.escape`` does it: that module imports urllib.request,
    http.client and ssl, about 50 ms of every export (issue 18)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def value_text(value: Any) -> tuple[str, str] | None:
    """(extra attribute, <v> content) for a cached value; None when there is nothing to cache."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "", str(value)
    if isinstance(value, float):
        return "", repr(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = clean_text(value)  # XML-illegal characters never reach the file
    return ' t="str"', _escape(text)


def _value_xml(value: Any) -> tuple[bytes, bytes] | None:
    cached = value_text(value)
    return None if cached is None else (cached[0].encode(), cached[1].encode("utf-8"))


def fill_cached_values(data: bytes, expectations: Mapping[tuple[str, str], Any]) -> bytes:
    """The package ``data`` with each formula cell's cached value filled from ``expectations``
    ({(sheet title, coordinate): Expected}); cells without an expectation keep an empty value."""
    by_sheet: dict[str, dict[bytes, Any]] = {}
    for (sheet, coord), exp in expectations.items():
        by_sheet.setdefault(sheet, {})[coord.encode()] = getattr(exp, "value", exp)
    parts = {part: by_sheet.get(title, {}) for title, part in sheet_parts(data).items()}

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            values = parts.get(info.filename)
            if values:

                def sub(m: re.Match, values=values) -> bytes:
                    cached = _value_xml(values.get(m.group(1)))
                    if cached is None or b" t=" in m.group(2):
                        return m.group(0)
                    attr, v = cached
                    return b'<c r="%s"%s%s><f>%s</f><v>%s</v></c>' % (m.group(1), m.group(2), attr, m.group(3), v)

                body = _FORMULA_CELL.sub(sub, body)
            dst.writestr(info, body)
    return out.getvalue()
