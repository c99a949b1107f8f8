"""Matching form of Japanese answers, and typo-tolerant lexicon matching.

Two forms of every answer are kept:

* ``norm`` – :func:`kaizen_guide.ja.normalize.normalize` (NFKC, whitespace): ｺﾛﾅ → コロナ, ＣＯＶＩＤ → COVID.
* ``key``  – ``norm`` folded for matching, **character for character** (same length, so a span in
  ``key`` is the same span in ``norm``, and evidence can be quoted as the user wrote it):
  hiragana → katakana, small kana → full size (ウィ → ウイ, ッ → ツ), ヶ/ヵ → カ, ASCII lower case,
  and dash-like characters after katakana → ー (エネルギ－ → エネルギー).

Lexicon terms and regex patterns from the checklist go through the same fold, so the YAML can be
written in ordinary Japanese.

Fuzzy matching (rapidfuzz) lets a typo such as 原材科 / 物価高謄 still hit 原材料 / 物価高騰. Short terms are
guarded against false positives: terms of ``exact_max_len`` characters or fewer only match exactly;
3-character terms are typo-tolerant only when a lexicon lists them in ``fuzzy_short`` (原材料: its stem
原材 is not a word of its own, unlike 原価 in 原価高), and then allow one substitution by a character of
the same script; longer terms allow one edit (two from ``two_edits_min_len``). A fuzzy edit never
substitutes a hiragana character: particles carry meaning (利益「が」出 ≠ 利益「の」出), while okurigana may be
added or dropped (仕入価格 ≈ 仕入れ価格). A typo also keeps the script of what it replaces (金融機関別 ≉ 金融機関3),
keeps the first character of a term of 4 characters or fewer (効率が悪 ≉ 価率が悪), and is never a plain truncation
(仕入れ量 ≉ 仕入れ: the dropped head noun makes it another word).

Before the fuzzy scorer runs, a bigram index drops the terms that cannot be within their edit budget (e edits
destroy at most 2e of a term's distinct bigrams); this is exact and keeps the fuzzy pass cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice

from kaizen_guide.ja.normalize import normalize

# --------------------------------------------------------------------------- folding

_SMALL_TO_LARGE = dict(zip("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカカ"))


def _build_kana_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x3041, 0x3097):  # ぁ..ゖ → ァ..ヶ
        table[cp] = chr(cp + 0x60)
    table[0x309D], table[0x309E] = "ヽ", "ヾ"
    # Small kana → full size, whether they came from hiragana or katakana.
    for cp, kata in list(table.items()):
        if kata in _SMALL_TO_LARGE:
            table[cp] = _SMALL_TO_LARGE[kata]
    for small, large in _SMALL_TO_LARGE.items():
        table[ord(small)] = large
    return table


_KANA_TABLE = _build_kana_table()
_TEXT_TABLE = dict(_KANA_TABLE)
for _cp in range(ord("A"), ord("Z") + 1):
    _TEXT_TABLE[_cp] = chr(_cp + 32)
_TEXT_TABLE[0x301C] = "~"  # 〜 WAVE DASH (NFKC leaves it); ～ is already ~ after NFKC
_TEXT_TABLE[0x3000] = " "

_DASH_AFTER_KATAKANA = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[-\u2010-\u2015\u2212\uff0d]")


def fold(norm: str) -> str:
    """Matching key of an already normalised string (same length as ``norm``)."""
    return _DASH_AFTER_KATAKANA.sub("ー", norm.translate(_TEXT_TABLE))


def to_key(text: str) -> str:
    """Normalise then fold: the matching form of any user text or lexicon term."""
    return fold(normalize(text))


def fold_pattern(pattern: str) -> str:
    """Fold a regex pattern like the text (kana only: case and dashes are regex syntax)."""
    return normalize(pattern).translate(_KANA_TABLE)


# --------------------------------------------------------------------------- fuzzy policy


@dataclass(frozen=True)
class FuzzyPolicy:
    exact_max_len: int = 2
    two_edits_min_len: int = 8
    enabled: bool = True

    def edits_for(self, length: int, min_len: int | None, short_ok: bool = False) -> int:
        if not self.enabled or length <= self.exact_max_len:
            return 0
        if short_ok and length == 3:
            return 1
        if min_len is None or length < max(min_len, 4):
            return 0
        return 2 if length >= self.two_edits_min_len else 1


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch in "々〆":
        return "kanji"
    if 0x30A0 <= o <= 0x30FF:
        return "kana"
    if ch.isascii() and ch.isalnum():
        return "latin"
    return "other"


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Hit:
    """A matched span of the key (and so of the normalised text)."""

    start: int
    end: int
    term: str
    fuzzy: bool = False


# A real answer names a term a handful of times; an answer of the same word 3,000 times must not make
# every later rule pay per hit (issue 11: checks stay fast on adversarial 10,000-character answers).
MAX_HITS = 64

_Trie = dict[str, "_Trie"]
"""A character trie: each key is one character ("" marks the end of a term)."""

TRIE_WALK_MAX = 2000
"""Longer texts are matched with the compiled regex (see Lexicon.exact)."""

WALKS_BEFORE_COMPILING = 200
"""After this many trie walks a lexicon compiles its regex and uses it from then on."""


class Lexicon:
    """A named list of terms (already folded), matched exactly, then fuzzily."""

    def __init__(
        self,
        name: str,
        terms: list[str],
        fuzzy_min_len: int | None,
        policy: FuzzyPolicy,
        fuzzy_short: list[str] | tuple[str, ...] = (),
    ):
        self.name = name
        keys: dict[str, str] = {}
        self._norm: dict[str, str] = {}  # key → normalised (unfolded) term, same length as the key
        for term in [*terms, *fuzzy_short]:
            k = to_key(term)
            if k and k not in keys:
                keys[k] = term
                self._norm[k] = normalize(term)
        self._short_ok = {to_key(t) for t in fuzzy_short}
        self._policy, self._fuzzy_min_len = policy, fuzzy_min_len
        self._display = keys
        self.keys: tuple[str, ...] = tuple(sorted(keys, key=len, reverse=True))  # longest first
        self._walks = 0

    # The matchers are built on first use: a check of one stage touches only its own lexicons, so
    # the first check in a process does not compile all 53 (issue 18).
    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        return re.compile(_trie_pattern(list(self.keys))) if self.keys else None

    @cached_property
    def _edits(self) -> dict[str, int]:
        # Mostly-hiragana terms (てくれない) are grammar, not vocabulary: never fuzzy.
        policy, min_len, short_ok = self._policy, self._fuzzy_min_len, self._short_ok
        return {
            k: policy.edits_for(len(k), min_len, k in short_ok) if _content_chars(self._norm[k]) >= 2 else 0
            for k in self._display
        }

    @cached_property
    def _fuzzy_keys(self) -> list[str]:
        return [k for k, e in self._edits.items() if e > 0]

    @cached_property
    def _prefilter(self) -> float:
        return min((100.0 * (1 - self._edits[k] / len(k)) - 0.01 for k in self._fuzzy_keys), default=100.0)

    @cached_property
    def _bigrams_built(self) -> tuple[dict[str, list[int]], list[int], list[int]]:
        # Bigram index, a cheap exact filter before the fuzzy scorer: e edits destroy at most 2e of a term's
        # distinct bigrams, so a term can only match a text that shares at least (distinct - 2e) of them.
        index: dict[str, list[int]] = {}
        needs: list[int] = []
        always: list[int] = []
        for idx, k in enumerate(self._fuzzy_keys):
            grams = {k[i : i + 2] for i in range(len(k) - 1)}
            need = len(grams) - 2 * self._edits[k]
            needs.append(need)
            if need <= 0:
                always.append(idx)
            for g in grams:
                index.setdefault(g, []).append(idx)
        return index, needs, always

    @property
    def _bigram_index(self) -> dict[str, list[int]]:
        return self._bigrams_built[0]

    @property
    def _bigram_need(self) -> list[int]:
        return self._bigrams_built[1]

    @property
    def _always(self) -> list[int]:
        return self._bigrams_built[2]

    @property
    def terms(self) -> list[str]:
        return list(self._display.values())

    def __contains__(self, key: str) -> bool:
        return key in self._display

    # exact ------------------------------------------------------------------
    # Two matchers with the same result (leftmost, then longest term, non-overlapping, as the trie
    # regex): a walk over a dict trie for answers of ordinary length, which needs no compiling, and
    # the compiled regex for long texts, where a Python loop per character would be slow. Compiling
    # the regexes was most of the first check's time in a process (issue 18).
    def exact(self, key: str) -> list[Hit]:
        if not self.keys:
            return []
        if len(key) > TRIE_WALK_MAX or self._walked_enough():
            return self._exact_regex(key)
        return [Hit(a, b, self._display[key[a:b]]) for a, b in islice(self._walk(key), MAX_HITS)]

    def search_exact(self, key: str) -> bool:
        if not self.keys:
            return False
        if len(key) > TRIE_WALK_MAX or self._walked_enough():
            return self._search_regex(key)
        return next(self._walk(key), None) is not None

    def _walked_enough(self) -> bool:
        """A lexicon asked often (sentence structure asks one thousands of times on a long answer)
        compiles its regex once and, from then on, calls it directly: instance attributes shadow
        the two methods, so no per-call test is left."""
        self._walks += 1
        if self._walks <= WALKS_BEFORE_COMPILING:
            return False
        self.exact = self._exact_regex  # type: ignore[method-assign]
        self.search_exact = self._search_regex  # type: ignore[method-assign]
        return True

    def _exact_regex(self, key: str) -> list[Hit]:
        rx = self.regex
        if rx is None:
            return []
        return [Hit(m.start(), m.end(), self._display[m.group()]) for m in islice(rx.finditer(key), MAX_HITS)]

    def _search_regex(self, key: str) -> bool:
        rx = self.regex
        return rx is not None and rx.search(key) is not None

    @cached_property
    def _trie(self) -> _Trie:
        root: _Trie = {}
        for k in self.keys:
            node = root
            for ch in k:
                node = node.setdefault(ch, {})
            node[""] = {}
        return root

    def _walk(self, key: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match: at each position the longest term, then go on after it."""
        root = self._trie
        n, i = len(key), 0
        while i < n:
            node = root.get(key[i])
            end = -1
            j = i + 1
            while node is not None:
                if "" in node:
                    end = j
                if j >= n:
                    break
                node = node.get(key[j])
                j += 1
            if end > 0:
                yield i, end
                i = end
            else:
                i += 1

    # fuzzy ------------------------------------------------------------------
    def fuzzy(self, key: str, norm: str | None = None) -> list[Hit]:
        """Typo-tolerant hits, for terms long enough to be safe (never called when exact hits exist).

        `norm` is the unfolded text (same length as `key`), used to keep particles out of typos.
        """
        if not self._fuzzy_keys or not key:
            return []
        hits: list[Hit] = []
        possible = self._possible(key)
        if not possible:
            return []
        # rapidfuzz is imported here, not at the top: most answers never get this far (issue 18).
        from rapidfuzz import fuzz, process

        candidates = process.extract(key, possible, scorer=fuzz.partial_ratio, score_cutoff=self._prefilter, limit=None)
        for term_key, _score, _idx in candidates:
            hit = self._verify(term_key, key, norm if norm is not None and len(norm) == len(key) else key)
            if hit is not None:
                hits.append(hit)
        return hits

    def _possible(self, key: str) -> list[str]:
        """Fuzzy keys that share enough bigrams with the text to be within their edit budget."""
        counts: dict[int, int] = {}
        index = self._bigram_index
        for g in _bigrams(key):
            for idx in index.get(g, ()):
                counts[idx] = counts.get(idx, 0) + 1
        need = self._bigram_need
        keys = self._fuzzy_keys
        out = [keys[i] for i, c in counts.items() if c >= need[i]]
        out.extend(keys[i] for i in self._always if i not in counts)
        return out

    def _verify(self, term: str, key: str, norm: str) -> Hit | None:
        """Confirm a prefilter candidate with a real edit distance on a window of the text."""
        n, edits = len(term), self._edits[term]
        if len(key) < n - edits:
            return None
        from rapidfuzz import fuzz
        from rapidfuzz.distance import Levenshtein

        align = fuzz.partial_ratio_alignment(term, key)
        if align is None:
            return None
        # partial_ratio may swap arguments when the text is shorter; work from whichever span is in key.
        anchor = align.dest_start if len(term) <= len(key) else align.src_start
        lengths = [n] if n <= 3 else range(max(1, n - edits), n + edits + 1)
        best: Hit | None = None
        best_d = edits + 1
        for start in range(max(0, anchor - edits - 1), min(len(key), anchor + edits + 2)):
            for length in lengths:
                window = key[start : start + length]
                if len(window) != length:
                    continue
                d = Levenshtein.distance(term, window, score_cutoff=edits)
                if d > edits or d >= best_d:
                    continue
                if n <= 3 and not _same_script_substitution(term, window):
                    continue
                if n <= 4 and window[:1] != term[:1]:
                    continue  # in a short term the first character carries the word: 効率が悪 ≠ 価率が悪
                if len(window) < n and (term.startswith(window) or term.endswith(window)):
                    continue  # a truncated term is another word: 仕入れ量 → 仕入れ, 取引先の → 取引先
                if _content_chars(norm[start : start + length]) < 2:
                    continue  # 採れない must not match れない
                if not _no_particle_substitution(self._norm[term], norm[start : start + length]):
                    continue
                if not _substitutions_keep_script(term, window):
                    continue  # 金融機関別 ≠ 金融機関3: a typo swaps a kanji for a kanji, not for a digit
                best, best_d = Hit(start, start + length, self._display[term], fuzzy=True), d
        return best

    def find(self, key: str, *, allow_fuzzy: bool = True, norm: str | None = None) -> list[Hit]:
        hits = self.exact(key)
        if hits or not allow_fuzzy:
            return hits
        return self.fuzzy(key, norm)


def _trie_pattern(terms: list[str]) -> str:
    """One regex for the terms, shaped as a trie: the longest term at a position wins, as in a
    longest-first alternation, but a position costs one step per character, not one per term (a
    10,000-character answer would otherwise pay terms × characters for every lexicon)."""
    trie: _Trie = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        # Branches start with different characters, so at most one can go on; `?` (greedy) lets a term
        # stop here only when no longer one matches.
        return "(?:" + "|".join(alts) + (")?" if end else ")")

    return build(trie)


@lru_cache(maxsize=8)
def _bigrams(key: str) -> frozenset[str]:
    """The text's distinct bigrams, computed once per answer for all lexicons."""
    return frozenset(key[i : i + 2] for i in range(len(key) - 1))


def _same_script_substitution(term: str, window: str) -> bool:
    """3-character terms: one substituted character, of the same script, and not the first one."""
    diffs = [(a, b) for a, b in zip(term, window) if a != b]
    if not diffs:
        return True
    if len(diffs) > 1 or term[0] != window[0]:
        return False
    a, b = diffs[0]
    return _script(a) == _script(b) != "other"


def _substitutions_keep_script(term: str, window: str) -> bool:
    """Every substituted character is replaced by one of the same script (a typo, not another word)."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.editops(term, window):
        if op.tag == "replace" and _script(term[op.src_pos]) != _script(window[op.dest_pos]):
            return False
    return True


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _no_particle_substitution(term_norm: str, window_norm: str) -> bool:
    """A typo may replace kanji/katakana/latin, or add/drop okurigana, but not swap a hiragana character."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.editops(term_norm, window_norm):
        if op.tag == "replace" and (_is_hiragana(term_norm[op.src_pos]) or _is_hiragana(window_norm[op.dest_pos])):
            return False
    return True


def _content_chars(text: str) -> int:
    """Characters that carry vocabulary (kanji, katakana, latin, digits), i.e. not hiragana or punctuation."""
    return sum(1 for ch in text if _script(ch) != "other" and not _is_hiragana(ch))
