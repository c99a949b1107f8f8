"""Morphological analysis of answers (SudachiPy + sudachidict_core), for the checks that read sentences.

Why Sudachi (measured, see README "Dependencies and why"): its split mode C keeps the compounds our rules
talk about in one token (金融機関, 元金返済, 人手不足), its normalised form folds spelling variants the owners
type (据置 / 据え置き, 取組む / 取り組む, がんばる → 頑張る, ﾘｽｹ → リスケ, お願い → 御願い) and tags person names
(固有名詞・人名). fugashi + unidic-lite loads faster (4 ms vs ~50 ms) but splits short units (金融 / 機関) and
has no lemma for unknown katakana; both analyse an answer in well under 1 ms.

The dictionary loads once per process, lazily; :func:`warm_up` loads it ahead of time (the TUI calls it in
a worker at start so that the first checked answer does not pay for it). Offsets are character offsets
into the text given, so a token span is also a span of the checks' matching key (same length as the text).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Token", "available", "load_seconds", "tokenize", "warm_up"]


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    start: int
    end: int
    pos: tuple[str, str, str, str]
    lemma: str  # normalised form: 据置 → 据え置き, がんばる → 頑張る
    base: str  # dictionary form as written

    @property
    def is_noun(self) -> bool:
        return self.pos[0] in ("名詞", "代名詞") or (self.pos[0] == "接尾辞" and self.pos[1] == "名詞的")

    @property
    def is_verb(self) -> bool:
        return self.pos[0] == "動詞"

    @property
    def is_aux(self) -> bool:
        return self.pos[0] == "助動詞"

    @property
    def is_person(self) -> bool:
        return self.pos[1] == "固有名詞" and self.pos[2] == "人名"

    @property
    def is_punct(self) -> bool:
        return self.pos[0] in ("補助記号", "空白")


class _Analyser:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tok = None
        self._mode = None
        self.load_seconds: float | None = None
        self.error: str | None = None

    def _load(self) -> None:
        t0 = time.perf_counter()
        try:
            from sudachipy import Dictionary, SplitMode

            dic = Dictionary(dict="core")
            # older SudachiPy has only create(); 0.7 deprecates it for tokenizer()
            make = getattr(dic, "tokenizer", None) or dic.create
            self._tok = make(mode=SplitMode.C)
            self._mode = SplitMode.C
        except Exception as err:  # missing dictionary: checks fall back to string rules, never crash
            self.error = f"{type(err).__name__}: {err}"
        self.load_seconds = time.perf_counter() - t0

    @cached_property
    def ready(self) -> bool:
        with self._lock:
            if self._tok is None and self.error is None:
                self._load()
        return self._tok is not None

    def tokenize(self, text: str) -> tuple[Token, ...]:
        if not text or not self.ready:
            return ()
        with self._lock:  # a Sudachi tokenizer is not re-entrant across threads
            assert self._tok is not None  # ready
            morphs = self._tok.tokenize(text, self._mode)
            return tuple(
                Token(
                    m.surface(),
                    m.begin(),
                    m.end(),
                    tuple(m.part_of_speech()[:4]),
                    m.normalized_form(),
                    m.dictionary_form(),
                )
                for m in morphs
            )


_ANALYSER = _Analyser()


#: Characters analysed per text (~5 ms). An answer or a plan paragraph is far shorter; a pasted 10,000-character
#: run must not make a check slow (issue 11), so the rest of such a text is read by the string rules only.
MAX_CHARS = 2000


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of the first MAX_CHARS characters of `text` (empty when the analyser is unavailable)."""
    return _ANALYSER.tokenize(text[:MAX_CHARS])


def available() -> bool:
    return _ANALYSER.ready


def warm_up() -> float | None:
    """Load the dictionary now (call from a worker thread); returns the load time in seconds."""
    _ANALYSER.ready  # noqa: B018 - loads on first access
    return _ANALYSER.load_seconds


def load_seconds() -> float | None:
    return _ANALYSER.load_seconds
