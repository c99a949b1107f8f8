"""Readers for plans written elsewhere: .xlsx (openpyxl, read-only, imported lazily), .docx (stdlib zipfile +
XML: paragraphs, heading styles, tables) and Markdown (headings, list items, pipe tables).

Each reader returns a :class:`Document`: grids (worksheets and Word/Markdown tables) and sections (a heading
with its paragraphs). Every piece of text carries where it came from, for the findings to cite.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET


class ReadError(ValueError):
    """The file cannot be read as a plan (message in Japanese)."""


@dataclass(frozen=True)
class Piece:
    text: str
    where: str  # シート「概要」B21 / 見出し「経営課題」の2段落目


@dataclass
class Grid:
    name: str
    rows: list[list[Piece | None]]


@dataclass
class Section:
    heading: str
    where: str
    paragraphs: list[Piece] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)


@dataclass
class Document:
    kind: str  # xlsx | docx | md
    grids: list[Grid] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".xls":
        raise ReadError("旧形式の .xls は読めません。Excel で「.xlsx」形式に保存し直してから指定してください。")
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".md", ".markdown", ".txt"):
        return read_markdown(path)
    raise ReadError(f"{path.name}: 対応していない形式です (.json / .xlsx / .docx / .md を指定してください)。")


# --------------------------------------------------------------------------- xlsx


def read_xlsx(path: Path, max_rows: int = 2000, max_cols: int = 60) -> Document:
    try:
        import openpyxl  # only for reading; writing workbooks is export/'s job
        from openpyxl.utils import get_column_letter
    except ImportError as err:  # pragma: no cover - openpyxl is a dependency
        raise ReadError(f"Excel を読むための openpyxl が見つかりません: {err}") from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # a corrupt or non-Excel file: a clear message, never a traceback
        raise ReadError(f"{path.name}: Excel ファイルとして読めませんでした ({type(err).__name__})。") from None
    doc = Document("xlsx")
    try:
        for ws in wb.worksheets:
            rows: list[list[Piece | None]] = []
            for r, row in enumerate(ws.iter_rows(max_row=max_rows, max_col=max_cols, values_only=True), start=1):
                out: list[Piece | None] = []
                for c, value in enumerate(row, start=1):
                    text = _cell_text(value)
                    out.append(Piece(text, f"シート「{ws.title}」{get_column_letter(c)}{r}") if text else None)
                rows.append(out)
            doc.grids.append(Grid(ws.title, rows))
    finally:
        wb.close()
    return doc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # and datetime; a time of day (9:30) stays text below
        return f"{value.year}年{value.month}月"
    text = str(value).strip()
    return "" if text.startswith("=") else text  # an uncomputed formula is not text of the plan


# --------------------------------------------------------------------------- docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|見出し|title|subtitle)\s*(\d*)$", re.I)


def read_docx(path: Path) -> Document:
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
            styles = z.read("word/styles.xml") if "word/styles.xml" in z.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError) as err:
        raise ReadError(f"{path.name}: Word (.docx) ファイルとして読めませんでした ({type(err).__name__})。") from None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        raise ReadError(f"{path.name}: 文書の中身 (document.xml) が壊れています。") from None
    heading_ids = _heading_style_ids(styles)
    body = root.find(f"{_W}body")
    doc = Document("docx")
    current = Section("(見出しの前)", "文書の冒頭")
    doc.sections.append(current)
    n_table = 0
    for el in list(body) if body is not None else []:
        if el.tag == f"{_W}p":
            text = _para_text(el)
            if not text:
                continue
            style = el.find(f"{_W}pPr/{_W}pStyle")
            sid = style.get(f"{_W}val") if style is not None else ""
            if sid in heading_ids or _HEADING_STYLE.match(sid or "") or _looks_like_heading(text):
                current = Section(text, f"見出し「{text}」")
                doc.sections.append(current)
            else:
                current.paragraphs.append(
                    Piece(text, f"見出し「{current.heading}」の{len(current.paragraphs) + 1}段落目")
                )
        elif el.tag == f"{_W}tbl":
            n_table += 1
            rows = []
            for r, tr in enumerate(el.iter(f"{_W}tr"), start=1):
                row = []
                for c, tc in enumerate(tr.findall(f"{_W}tc"), start=1):
                    text = "\n".join(t for t in (_para_text(p) for p in tc.iter(f"{_W}p")) if t)
                    row.append(Piece(text, f"見出し「{current.heading}」の表{n_table} {r}行{c}列") if text else None)
                rows.append(row)
            grid = Grid(f"表{n_table}", rows)
            current.grids.append(grid)
            doc.grids.append(grid)
    return doc


def _para_text(p: ET.Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()


def _heading_style_ids(styles_xml: bytes) -> set[str]:
    if not styles_xml:
        return set()
    try:
        root = ET.fromstring(styles_xml)
    except ET.ParseError:
        return set()
    ids: set[str] = set()
    for st in root.iter(f"{_W}style"):
        name = st.find(f"{_W}name")
        label = name.get(f"{_W}val") if name is not None else ""
        style_id = st.get(f"{_W}styleId")
        if _HEADING_STYLE.match(label or "") and style_id:
            ids.add(style_id)
    return ids


# 【経営課題】 / ■対策 / 1. 課題 — headings typed as ordinary paragraphs
_TYPED_HEADING = re.compile(r"^(?:【[^】]{1,20}】|[■□◆◇●]\s*\S.{0,18}|(?:第?\d{1,2}[.．、章]|[①-⑳])\s*\S.{0,18})$")


def _looks_like_heading(text: str) -> bool:
    return bool(_TYPED_HEADING.match(text)) and "。" not in text


# --------------------------------------------------------------------------- markdown

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+・]|\d+[.)]|[①-⑳])\s*")


def read_markdown(path: Path) -> Document:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ReadError(f"{path.name}: UTF-8 のテキストとして読めませんでした ({type(err).__name__})。") from None
    doc = Document("md")
    current = Section("(見出しの前)", "文書の冒頭")
    doc.sections.append(current)
    table: list[list[Piece | None]] | None = None
    n_table = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        m = _MD_HEADING.match(line)
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # the |---| separator line
            if table is None:
                n_table += 1
                table = []
                grid = Grid(f"表{n_table}", table)
                current.grids.append(grid)
                doc.grids.append(grid)
            table.append(
                [
                    Piece(c, f"{lineno}行目「{current.heading}」の表{n_table} {len(table) + 1}行{k}列") if c else None
                    for k, c in enumerate(cells, start=1)
                ]
            )
            continue
        table = None
        if m:
            current = Section(m.group(2), f"見出し「{m.group(2)}」({lineno}行目)")
            doc.sections.append(current)
        elif stripped:
            item = _MD_ITEM.sub("", stripped)
            if item:
                current.paragraphs.append(
                    Piece(item, f"見出し「{current.heading}」の{len(current.paragraphs) + 1}項目 ({lineno}行目)")
                )
    return doc
