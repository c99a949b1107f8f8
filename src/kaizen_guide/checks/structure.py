"""Reading an answer as Japanese sentences: sentence and clause split, predicates, subjects, amount roles.

Works on the tokens of ja/morph.py (character offsets into the normalised answer, which is also the
matching key's coordinate system). Logic lives here; the words it consults are lexicons in checklist.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kaizen_guide.ja.morph import Token

from .lexicon import Hit, Lexicon, to_key

# Sentence ends: punctuation, newlines, bullets and circled numbers (a bullet list is a list of sentences).
_SENTENCE_BREAK = re.compile(r"[。!?\n・●■◆□○◎※▪•]|[\u2460-\u2473]|(?<=\s)[-*](?=\s)")
# Connectors after which the next clause is a separate point, not a consequence (コロナもあるが、…).
_CONTRAST = frozenset(
    ["が", "けど", "けれど", "けれども", "ものの", "のに", "にもかかわらず", "一方", "しかし", "だが", "ただ"]
)
_NEGATION = frozenset(["ない", "ず", "ぬ"])
# Verbs that carry no content of their own in 〜ている / 〜てしまう / 〜ていく.
_AUX_VERBS = frozenset(
    [
        "居る",
        "いる",
        "おる",
        "居る",
        "仕舞う",
        "来る",
        "行く",
        "いく",
        "なる",
        "成る",
        "得る",
        "れる",
        "られる",
        "せる",
        "させる",
        "貰う",
        "頂く",
        "下さる",
    ]
)
_LIGHT_VERBS = frozenset(["為る", "する", "出来る", "できる", "行う"])
_SUBJECT_PARTICLES = frozenset(["が", "は", "も"])
# Bounds on the work per answer (issue 11): a clause is read at most this many tokens back or ahead,
# and a signal stops after MAX_HITS hits (one is enough evidence; a few are quoted).
_LOOK_BACK = 40
MAX_HITS = 64


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


def sentences(norm: str, tokens: Sequence[Token]) -> list[Sentence]:
    bounds = [0]
    for m in _SENTENCE_BREAK.finditer(norm):
        bounds.append(m.start())
        bounds.append(m.end())
    bounds.append(len(norm))
    out: list[Sentence] = []
    ti = 0
    for a, b in zip(bounds[0::2], bounds[1::2]):
        if b <= a:
            continue
        toks = []
        while ti < len(tokens) and tokens[ti].start < b:
            if tokens[ti].start >= a:
                toks.append(tokens[ti])
            ti += 1
        if toks:
            out.append(Sentence(a, b, tuple(toks)))
    return out


def _is_contrast(toks: Sequence[Token], i: int) -> bool:
    t = toks[i]
    if t.pos[0] == "助詞" and t.pos[1] == "接続助詞" and t.surface in _CONTRAST:
        return True
    return t.surface in _CONTRAST and t.pos[0] in ("接続詞", "副詞")


def _content_predicate(toks: Sequence[Token], i: int) -> int | None:
    """Index of the content word of the predicate that ends right before token i (the negation / aspect)."""
    j = i - 1
    while j >= 0 and i - j <= 8:  # 〜させられていなかった: a handful of auxiliaries at most
        t = toks[j]
        if t.is_aux or (t.pos[0] == "助詞" and t.pos[1] == "接続助詞" and t.surface in ("て", "で")):
            j -= 1
            continue
        if (
            t.is_verb
            and (t.lemma in _AUX_VERBS or t.base in _AUX_VERBS)
            and j > 0
            and toks[j - 1].surface in ("て", "で")
        ):
            j -= 1
            continue
        break
    if j < 0:
        return None
    t = toks[j]
    if t.is_verb and (t.lemma in _LIGHT_VERBS or t.base in _LIGHT_VERBS):
        # 転嫁できていない / 稲刈りができなかった / 見直しをしていない: the noun carries the content.
        k = j - 1
        if k >= 0 and toks[k].surface in ("が", "を", "は", "も") and toks[k].pos[0] == "助詞":
            k -= 1
        if k >= 0 and toks[k].is_noun:
            return k
        return j
    if t.is_verb or t.pos[0] in ("形容詞",) or (t.is_noun and t.pos[2] == "サ変可能"):
        return j
    return None


def _phrase_before(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """Span (start, end chars) of the noun phrase ending at token k (nouns, prefixes, suffixes, の-links)."""
    if k < 0 or not (toks[k].is_noun or toks[k].pos[0] in ("接尾辞",)):
        return None
    a = k
    while a - 1 >= 0 and k - a < 12:
        p = toks[a - 1]
        if p.is_noun or p.pos[0] in ("接頭辞", "接尾辞") or (p.surface == "の" and a - 2 >= 0 and toks[a - 2].is_noun):
            a -= 1
            continue
        break
    return toks[a].start, toks[k].end


def _matches(key: str, lexicons: Sequence[Lexicon]) -> bool:
    return bool(key) and any(lx.search_exact(key) for lx in lexicons)


def _has_lemma(tok: Token, lexicons: Sequence[Lexicon]) -> bool:
    return any(to_key(tok.lemma) in lx or to_key(tok.base) in lx or to_key(tok.surface) in lx for lx in lexicons)


# 人手不足というより、手順が…: what follows is the point being made, not a consequence of what precedes.
_REFRAME = re.compile(
    r"というより|とういうより|ではなく|でなく|よりも|むしろ|以前に|以前から|それより|主因は|主な原因は|本当の原因は"
)


def _phrase_particle(toks: Sequence[Token], j: int, limit: int) -> Token | None:
    """The particle that ends the noun phrase containing token j (部品代の値上がり「を」)."""
    k = j + 1
    while k < limit:
        t = toks[k]
        if (
            t.is_noun
            or t.pos[0] in ("接頭辞", "接尾辞")
            or (t.surface == "の" and k + 1 < limit and toks[k + 1].is_noun)
        ):
            k += 1
            continue
        return t if t.pos[0] == "助詞" else None
    return None


def _caused_by(key: str, toks: Sequence[Token], c: int, causes: Sequence[Lexicon]) -> bool:
    """An external cause earlier in the sentence leads to the predicate at c (no contrast or reframing between).

    A shock that is the object of the company's act (値上がり「を」反映できていない, 規制「に」対応できていない)
    is not a cause: the company failed to act on it.
    """
    for j in range(c - 1, max(-1, c - 1 - _LOOK_BACK), -1):
        if _is_contrast(toks, j):
            return False
        if _REFRAME.search(key[toks[j].start : toks[c].start]):
            return False
        one = _matches(key[toks[j].start : toks[j].end], causes)
        two = j + 1 < c and _matches(key[toks[j].start : toks[j + 1].end], causes)
        if not (one or two):
            continue
        if one:
            p = _phrase_particle(toks, j, c)
        elif toks[j + 1].pos[0] == "助詞":
            p = toks[j + 1]
        else:
            p = _phrase_particle(toks, j + 1, c)
        if (
            p is not None
            and p.surface in ("を", "に")
            and not (
                p.surface == "に" and p.end < len(key) and key[p.end : p.end + 2] in ("より", "よつ", "ヨリ", "ヨツ")
            )
        ):
            continue
        return True
    return False


def own_predicates(
    key: str,
    norm: str,
    tokens: Sequence[Token],
    *,
    mode: str,
    aspects: Sequence[str],
    non_agents: Sequence[Lexicon],
    causes: Sequence[Lexicon],
    own_objects: Sequence[Lexicon],
    nonvolitional: Sequence[Lexicon],
    own_subjects: Sequence[Lexicon],
) -> list[Hit]:
    hits: list[Hit] = []
    aspect_set = frozenset(aspects)
    for sent in sentences(norm, tokens):
        toks = sent.tokens
        for i, t in enumerate(toks):
            if mode in ("negation", "happening"):
                absent = (
                    t.pos[0] == "形容詞"
                    and t.lemma in ("無い", "ない")
                    and i > 0
                    and toks[i - 1].surface in _SUBJECT_PARTICLES
                )
                if not ((t.is_aux and t.lemma in _NEGATION) or (mode == "happening" and absent)):
                    continue
                if absent:
                    span = _phrase_before(toks, i - 2)
                    if span and _matches(key[span[0] : span[1]], non_agents):
                        hits.append(Hit(span[0], t.end, norm[span[0] : t.end]))
                    continue
            elif not (t.is_verb and t.lemma in aspect_set and i > 0 and toks[i - 1].surface in ("て", "で")):
                continue
            if t.surface in ("ざる", "ざれ") or (
                i >= 2
                and toks[i - 1].lemma == "得る"
                and toks[i - 2].surface == "を"
                and i >= 3
                and toks[i - 3].surface in ("ざる", "ざれ")
            ):
                continue  # 〜ざるを得ない: a forced act, its cause is what forced it
            c = _content_predicate(toks, i)
            if c is None:
                continue
            content = toks[c]
            if content.pos[0] == "形容詞":
                continue  # 少なくない, 良くない: a state, not an act
            if _has_lemma(content, nonvolitional):
                if mode == "happening" and content.lemma not in (
                    "居る",
                    "有る",
                    "在る",
                ):  # 人が戻らず, 売れんかった: something that did not happen to the company
                    hits.append(Hit(content.start, t.end, norm[content.start : t.end]))
                continue
            # The clause: back to the last comma / contrast connector before the predicate.
            if len(hits) >= MAX_HITS:
                return hits
            clause_start = max(0, c - _LOOK_BACK)
            for j in range(c - 1, clause_start - 1, -1):
                if toks[j].surface in ("、", ",") or _is_contrast(toks, j):
                    clause_start = j + 1
                    break
            subject_key = ""
            for j in range(c - 1, clause_start - 1, -1):
                if (
                    toks[j].surface in _SUBJECT_PARTICLES
                    and toks[j].pos[0] == "助詞"
                    and toks[j].pos[1] in ("格助詞", "係助詞")
                ):
                    span = _phrase_before(toks, j - 1)
                    if span:
                        subject_key = key[span[0] : span[1]]
                        break
            own_subject = _matches(subject_key, own_subjects)
            if subject_key and not own_subject and _matches(subject_key, non_agents):
                if mode == "happening":
                    hits.append(Hit(content.start, t.end, norm[content.start : t.end]))
                continue
            if mode == "happening":
                continue
            obj_key = key[toks[max(clause_start, c - 4)].start : content.end]
            # An external cause earlier in the sentence, with no contrast in between: a consequence.
            if (
                mode == "negation"
                and not own_subject
                and not _matches(obj_key, own_objects)
                and _caused_by(key, toks, c, causes)
            ):
                continue
            hits.append(Hit(content.start, t.end, norm[content.start : t.end]))
    return hits


# Atomic and only from where an amount starts (issue 11): 1億2000万円 is read once; a long digit run without
# 円 fails in one pass instead of retrying every split.
_AMOUNT = re.compile(r"(?<![\d,.万千億])(?>(?:\d[\d,.]*+(?:百万|千万|万|千|億)?)+)円")


def amount_roles(
    key: str,
    norm: str,
    tokens: Sequence[Token],
    *,
    loan_nouns: Sequence[Lexicon],
    context_nouns: Sequence[Lexicon],
    stop_predicates: Sequence[Lexicon],
) -> list[tuple[Hit, str]]:
    """Each yen amount with its role: repayment | stopped | loan | context."""
    out: list[tuple[Hit, str]] = []
    sents = sentences(norm, tokens)
    for m in _AMOUNT.finditer(key):
        if len(out) >= MAX_HITS:
            break
        hit = Hit(m.start(), m.end(), m.group())
        before = key[max(0, m.start() - 8) : m.start()]
        # cut the look-behind at the previous clause boundary
        for ch in "、。,\n":
            if ch in before:
                before = before[before.rindex(ch) + 1 :]
        after = key[m.end() : m.end() + 8]
        after_np = after[1:] if after.startswith(("の", "ノ")) else ""
        for ch in "、。,\n":
            if ch in after_np:
                after_np = after_np[: after_np.index(ch)]
        if _matches(before, loan_nouns) or _matches(after_np, loan_nouns):
            out.append((hit, "loan"))
            continue
        if _matches(before, context_nouns) or _matches(after_np, context_nouns):
            out.append((hit, "context"))
            continue
        role = "repayment"
        sent = next((s for s in sents if s.start <= m.start() < s.end), None)
        if sent is not None:
            # The predicate that governs the amount: the first verb (or サ変 noun + する) after it,
            # skipping the noun phrase the amount heads (月額250万円の元金返済を … 停止していただく).
            toks = [t for t in sent.tokens if t.start >= m.end()][:_LOOK_BACK]
            for idx, t in enumerate(toks):
                if _has_lemma(t, stop_predicates) and (t.is_verb or t.is_noun):
                    nxt = toks[idx + 1] if idx + 1 < len(toks) else None
                    if t.is_verb or nxt is None or nxt.is_verb or nxt.is_aux or nxt.surface in ("を", "、", "。", "に"):
                        role = "stopped"
                        break
                if t.is_verb and t.lemma not in _AUX_VERBS and t.lemma not in _LIGHT_VERBS:
                    break
        out.append((hit, role))
    return out


def persons(norm: str, tokens: Sequence[Token]) -> list[Hit]:
    return [Hit(t.start, t.end, t.surface) for t in tokens if t.is_person][:MAX_HITS]


_HONORIFIC_SUFFIXES = frozenset(["様", "殿", "御中", "さま"])
_PERSONAL_HOSTS = frozenset(["客", "お客", "皆", "皆さん", "みな", "神"])


def honorific_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of honorific suffixes after an organisation or thing (金融機関様, メインバンク殿).

    They are blanked in the matching key so that 金融機関様 reads as 金融機関 (and is not taken for the
    allocation word 金融機関別 by the typo matcher); after a person's name they stay (山田様 names an owner).
    """
    out = []
    for i, t in enumerate(tokens):
        if i == 0 or t.surface not in _HONORIFIC_SUFFIXES or t.pos[0] != "接尾辞":
            continue
        prev = tokens[i - 1]
        if prev.is_noun and not prev.is_person and prev.surface not in _PERSONAL_HOSTS:
            out.append((t.start, t.end))
    return out
