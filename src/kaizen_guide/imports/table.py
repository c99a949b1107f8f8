"""A file → rows of cells (CSV in any of the detected encodings and delimiters, or .xlsx)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .decode import decode_bytes
from .errors import ActualsImportError

MAX_BYTES = 50 * 1024 * 1024  # a 試算表 is kilobytes; anything this large is not one
MAX_ROWS = 20_000
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(slots=True)
class Table:
    rows: list[list[object]]
    encoding: str  # what the user is told ("UTF-8", "Shift_JIS (CP932)", "Excel (.xlsx)")
    kind: str  # "csv" / "xlsx"
    sheet: str | None = None


def _trim(row: Sequence[object]) -> list[object]:
    out = [None if (isinstance(c, str) and not c.strip()) else c for c in row]
    while out and out[-1] is None:
        out.pop()
    return out


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent columns (弥生 lets the
    user choose comma or tab). A split that leaves quote marks inside fields is the wrong one:
    it cut through quoted cells such as "1,234"."""
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", -1.0
    for delim in (",", "\t", ";"):
        parsed = list(csv.reader(sample, delimiter=delim))
        counts = Counter(len(r) for r in parsed if len(r) > 1)
        if not counts:
            continue
        width, rows = counts.most_common(1)[0]
        broken = sum(1 for r in parsed for f in r if '"' in f)
        score = rows * width - 10 * broken
        if score > best_score:
            best, best_score = delim, score
    return best


def read_table(path: Path) -> Table:
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ActualsImportError(f"{path} が見つかりません。ファイル名を確認してください。") from None
    except OSError as exc:
        raise ActualsImportError(f"{path} を開けません ({exc.strerror})。") from None
    if path.is_dir():
        raise ActualsImportError(
            f"{path} はフォルダです。会計ソフトから出力した CSV か Excel ファイルを指定してください。"
        )
    if size > MAX_BYTES:
        raise ActualsImportError(
            f"{name} は大きすぎます ({size // 1024 // 1024}MB)。試算表・推移表の CSV か Excel を指定してください。"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ActualsImportError(f"{path} を読めません ({exc.strerror})。") from None
    if not raw.strip():
        raise ActualsImportError(f"{name} は空のファイルです。会計ソフトから出力し直してください。")
    if raw.startswith(_XLSX_MAGIC):
        return _read_xlsx(raw, name)
    if path.suffix.lower() in (".xls", ".pdf") or raw.startswith(b"%PDF") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ActualsImportError(
            f"{name} は古い Excel (.xls) か PDF のようで、読めません。会計ソフトから CSV か .xlsx で出力してください。"
        )
    text, encoding = decode_bytes(raw, name)
    text = text.lstrip("\ufeff")
    delim = _delimiter(text)
    try:
        rows = [_trim(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    except csv.Error as exc:
        raise ActualsImportError(
            f"{name} を CSV として読めません ({exc})。会計ソフトから出力し直してください。"
        ) from None
    if len(rows) > MAX_ROWS:
        raise ActualsImportError(f"{name} の行数が多すぎます ({len(rows)}行)。試算表・推移表を指定してください。")
    return Table(rows, encoding, "csv")


def _read_xlsx(raw: bytes, name: str) -> Table:
    try:
        import openpyxl  # lazy: ~250 ms, only for .xlsx files
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ActualsImportError("Excel ファイルを読むための openpyxl が入っていません。") from None
    try:
        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise ActualsImportError(
            f"{name} を Excel ファイルとして開けません ({type(exc).__name__})。ファイルが壊れていないか確認してください。"
        ) from None
    try:
        ws = wb.active or wb.worksheets[0]
        rows = []
        for r in ws.iter_rows(values_only=True):
            rows.append(_trim(list(r)))
            if len(rows) > MAX_ROWS:
                raise ActualsImportError(f"{name} の行数が多すぎます。試算表・推移表のシートを先頭にしてください。")
        return Table(rows, "Excel (.xlsx)", "xlsx", ws.title)
    finally:
        wb.close()
