"""Bytes of a CSV export → text, with the encoding detected (no question asked).

Order: BOM → strict UTF-8 → strict CP932 that also reads as plausible Japanese → the
charset-normalizer detector (imported lazily, ~65 ms) for the rest. CP932 rather than
``shift_jis`` because Windows exports use the vendor characters (①, ㈱, 髙) that plain
Shift_JIS rejects.
"""

from __future__ import annotations

import re

from .errors import ActualsImportError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 (BOM付き)"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# Encodings the detector may name that we accept, with the name we report.
_ACCEPTED = {
    "cp932": "Shift_JIS (CP932)",
    "shift_jis": "Shift_JIS (CP932)",
    "shift_jis_2004": "Shift_JIS (CP932)",
    "shift_jisx0213": "Shift_JIS (CP932)",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "iso2022_jp": "ISO-2022-JP",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16",
    "utf_16_be": "UTF-16",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HALF_KANA = re.compile(r"[\uff61-\uff9f]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")


def _plausible_japanese(text: str) -> bool:
    """Bytes of another encoding decoded as CP932 turn into half-width kana, private-use
    characters or control codes; real exports have few of the first and none of the others."""
    if _CONTROL.search(text) or _PRIVATE.search(text):
        return False
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    if not non_ascii:
        return True
    return len(_HALF_KANA.findall(text)) <= non_ascii * 0.3


def decode_bytes(raw: bytes, name: str = "ファイル") -> tuple[str, str]:
    """Return (text, encoding label for the user)."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), label
            except UnicodeDecodeError:
                break
    if b"\x00" not in raw:
        try:
            return raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_japanese(text):
            return text, "Shift_JIS (CP932)"
    from charset_normalizer import from_bytes  # lazy: only files that are neither UTF-8 nor CP932

    best = from_bytes(raw[:200_000]).best()
    if best is not None and best.encoding in _ACCEPTED:
        try:
            return raw.decode(best.encoding), _ACCEPTED[best.encoding]
        except (UnicodeDecodeError, LookupError):
            pass
    found = f"(判定結果: {best.encoding})" if best is not None else ""
    raise ActualsImportError(
        f"{name} の文字コードを判定できません{found}。会計ソフトから CSV を UTF-8 か Shift_JIS で"
        "出力し直すか、Excel (.xlsx) で出力して指定してください。"
    )
