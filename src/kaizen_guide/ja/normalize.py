"""Text normalisation shared by the parsers and the checks.

NFKC folds full-width digits/letters and half-width kana into one form, so 「１，２００」 and
「ｺﾛﾅ」 reach the parsers and the rules the same way as 「1,200」 and 「コロナ」.
"""

from __future__ import annotations

import re
import unicodedata

# Dash-like characters users type for minus signs or long vowels; NFKC leaves several alone.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\u30fc\uff70"
_MINUS_LIKE = re.compile(f"[{_DASHES[:-2]}]")  # excludes the katakana long-vowel marks
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, unify whitespace, trim. Keeps meaning; safe for any user text."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text).strip()


def normalize_number_text(text: str) -> str:
    """normalize() plus dash variants read as an ASCII minus (「－５」 → "-5")."""
    return _MINUS_LIKE.sub("-", normalize(text))
