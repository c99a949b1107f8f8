"""Weak-answer checks on one free-text answer: detector functions, the rule engine, check_text().

Flow for one answer: normalise (NFKC) → fold into a matching key (lexicon.py) → evaluate the rules of
the stage. A rule's detector combines named signals from the checklist; each signal is computed at
most once per answer (cached) and `none_of` conditions are evaluated first, so an answer that already
names an internal factor never pays for the fuzzy search over the external-shock lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from itertools import islice

from kaizen_guide.banks.industries import pick
from kaizen_guide.ja import morph
from kaizen_guide.ja.normalize import normalize

from . import structure
from .findings import Finding, sort_findings
from .lexicon import MAX_HITS, FuzzyPolicy, Hit, Lexicon, fold
from .rules import (
    STAGES,
    AmountRoleSignal,
    AnySignal,
    Checklist,
    LexiconSignal,
    NearSignal,
    ObjectVerbSignal,
    PersonSignal,
    PredicateSignal,
    RegexSignal,
    RuleSpec,
    SignalSpec,
    compiled_signal,
    default_checklist,
)

_SENTENCE_END = re.compile(r"[。!?\n]")
# An amount at the end of an object phrase (前年比10%, 月50万円, 3割, 2倍): stripped before judging the object.
_TRAILING_AMOUNT = re.compile(
    r"(?:(?:前年|前期|昨年|現状|計画)(?:比|対比)?|年間?|月|毎月|月額|年額|約|各|合計|計)?"
    r"(?:\d[\d,.]*(?:百万|千万|万|億|千)?(?:円|%|パーセント|割|倍|ポイント|pt|件|社|人|名|個|台|回|時間|日)?"
    r"|[〇一二三四五六七八九十百千万億]+(?:円|%|パーセント|割|倍|ポイント|件|社|人|名|個|台|回|時間|日))"
    r"(?:程度|ほど|以上|以下|前後)?$"
)
_HAS_CONTENT = re.compile(r"[0-9a-z\u3040-\u30ff\u3400-\u9fff]")


class _Answer:
    """One answer being checked: its normalised text, its matching key and the signal cache."""

    __slots__ = ("_tokens", "cache", "key", "norm")

    def __init__(self, text: str):
        self.norm = normalize(text)
        self.key = fold(self.norm)
        self.cache: dict[str, list[Hit]] = {}
        self._tokens: tuple[morph.Token, ...] | None = None
        if "様" in self.norm or "殿" in self.norm or "御中" in self.norm or "さま" in self.norm:
            # 金融機関様 / メインバンク殿: politeness must not change what the rules see.
            chars = list(self.key)
            for a, b in structure.honorific_spans(self.tokens):
                chars[a:b] = " " * (b - a)
            self.key = "".join(chars)

    @property
    def tokens(self) -> tuple[morph.Token, ...]:
        """Morphological analysis of the normalised text, computed on first use."""
        if self._tokens is None:
            self._tokens = morph.tokenize(self.norm)
        return self._tokens


SignalFn = Callable[[_Answer], list[Hit]]


class _LazyLexicons(dict):  # type: ignore[type-arg]
    """name → Lexicon, each built the first time a signal asks for it."""

    def __init__(self, checklist: Checklist, policy: FuzzyPolicy) -> None:
        super().__init__()
        self._specs = checklist.lexicons
        self._policy = policy

    def __missing__(self, name: str) -> Lexicon:
        spec = self._specs[name]
        lex = self[name] = Lexicon(name, spec.terms, spec.fuzzy_min_len, self._policy, spec.fuzzy_short)
        return lex

    def all(self) -> list[Lexicon]:
        """Every lexicon of the checklist (building the ones not used yet)."""
        return [self[name] for name in self._specs]


class Engine:
    """The checklist compiled into matchers. Build once (see :func:`get_engine`)."""

    def __init__(self, checklist: Checklist):
        self.checklist = checklist
        policy = FuzzyPolicy(
            exact_max_len=checklist.fuzzy.exact_max_len,
            two_edits_min_len=checklist.fuzzy.two_edits_min_len,
            enabled=checklist.fuzzy.enabled,
        )
        # Lexicons and signals are built on first use, so the first check of a stage pays only for
        # what that stage's rules read (issue 18: the first check in a process).
        self.lexicons = _LazyLexicons(checklist, policy)
        self._signals: dict[str, SignalFn] = {}
        self.rules_by_stage: dict[str, list[RuleSpec]] = {s: checklist.rules_for(s) for s in STAGES}

    # ------------------------------------------------------------------ signals
    def signal(self, name: str, ans: _Answer) -> list[Hit]:
        hits = ans.cache.get(name)
        if hits is None:
            fn = self._signals.get(name)
            if fn is None:
                fn = self._signals[name] = self._compile(name, self.checklist.signals[name])
            hits = fn(ans)
            ans.cache[name] = hits
        return hits

    def _compile(self, name: str, spec: SignalSpec) -> SignalFn:
        if isinstance(spec, LexiconSignal):
            return self._lexicon_fn(spec)
        if isinstance(spec, RegexSignal):
            return self._regex_fn(spec, name)
        if isinstance(spec, NearSignal):
            return self._near_fn(spec)
        if isinstance(spec, ObjectVerbSignal):
            return self._object_verb_fn(spec)
        if isinstance(spec, AnySignal):
            return self._any_fn(spec)
        if isinstance(spec, PredicateSignal):
            return self._predicate_fn(spec)
        if isinstance(spec, AmountRoleSignal):
            return self._amount_role_fn(spec)
        if isinstance(spec, PersonSignal):
            return lambda ans: structure.persons(ans.norm, ans.tokens)
        raise TypeError(f"signal '{name}': unsupported detector {type(spec).__name__}")  # pragma: no cover

    def _lexicon_fn(self, spec: LexiconSignal) -> SignalFn:
        lexes = [self.lexicons[n] for n in spec.lexicons]

        def run(ans: _Answer) -> list[Hit]:
            hits = [h for lx in lexes for h in lx.exact(ans.key)]
            if hits or not spec.fuzzy:
                return hits
            return [h for lx in lexes for h in lx.fuzzy(ans.key, ans.norm)]

        return run

    def _regex_fn(self, spec: RegexSignal, name: str = "?") -> SignalFn:
        pattern = compiled_signal(self.checklist, spec, f"signal '{name}'")
        before = [self.lexicons[n] for n in spec.exclude_before]
        after = [self.lexicons[n] for n in spec.exclude_after]
        in_sentence = [self.lexicons[n] for n in spec.exclude_in_sentence]
        masks = list(spec.mask)
        window = spec.after_window

        def run(ans: _Answer) -> list[Hit]:
            key = ans.key
            if masks:
                chars = list(key)
                for mask in masks:
                    for h in self.signal(mask, ans):
                        chars[h.start : h.end] = "\u3000" * (h.end - h.start)
                key = "".join(chars)
            hits: list[Hit] = []
            # Bounded like lexicon hits: each candidate may cost a look at its sentence.
            for m in islice(pattern.finditer(key), MAX_HITS):
                if m.end() == m.start():
                    continue
                if before and _stem_before(key, m.start(), before):
                    continue
                if after and any(lx.search_exact(key[m.end() : m.end() + window]) for lx in after):
                    continue
                if in_sentence:
                    sentence = _sentence(key, m.start(), m.end())
                    if any(lx.search_exact(sentence) for lx in in_sentence):
                        continue
                hits.append(Hit(m.start(), m.end(), m.group()))
            return hits

        return run

    def _near_fn(self, spec: NearSignal) -> SignalFn:
        objects = [self.lexicons[n] for n in spec.objects]
        predicates = [self.lexicons[n] for n in spec.predicates]
        window = spec.window

        def run(ans: _Answer) -> list[Hit]:
            key = ans.key
            obj_hits = [h for lx in objects for h in lx.exact(key)]
            if not obj_hits:
                return []
            hits = []
            for oh in obj_hits:
                span = key[oh.end : oh.end + window + 8]
                stop = _SENTENCE_END.search(span)
                if stop:
                    span = span[: stop.start()]
                for lx in predicates:
                    for ph in lx.exact(span):
                        if ph.start > window:
                            break
                        # がない / が弱い name their own subject: it must be the object itself
                        # (取引先の中国移転で仕事がなく: 仕事, not 取引先, is what is missing).
                        if ph.start and span[ph.start] in _CASE_PARTICLES:
                            continue
                        hits.append(Hit(oh.start, oh.end + ph.end, key[oh.start : oh.end + ph.end]))
                        break
            return hits

        return run

    def _object_verb_fn(self, spec: ObjectVerbSignal) -> SignalFn:
        hard = [self.lexicons[n] for n in spec.hard]
        soft = [self.lexicons[n] for n in spec.soft]
        generic = [self.lexicons[n] for n in spec.generic_objects]
        hedges = [self.lexicons[n] for n in spec.hedges]
        boundaries = set(fold(normalize(spec.boundaries)))
        particles = normalize(spec.particles)  # compared with the unfolded text

        def hedged(key: str, end: int) -> bool:
            tail = key[end : end + spec.hedge_window]
            stop = _SENTENCE_END.search(tail)
            if stop:
                tail = tail[: stop.start()]
            return any(lx.search_exact(tail) for lx in hedges)

        suffixes = tuple(fold(normalize(x)) for x in spec.not_followed_by)

        def compound(key: str, end: int) -> bool:
            return bool(suffixes) and key.startswith(suffixes, end)

        def object_before(ans: _Answer, start: int) -> str:
            """The object phrase before a verb, up to a clause boundary, minus trailing particles.

            Particles are stripped on the unfolded text: after folding, と and ト look the same (コスト).
            """
            key, norm = ans.key, ans.norm
            i = start
            while i > 0 and start - i < spec.object_window:
                ch = key[i - 1]
                # 3,000万円 / 1.5倍: a separator between digits is part of a number, not a clause boundary.
                if ch in boundaries and not (ch in ",." and i >= 2 and key[i - 2].isdigit()):
                    break
                i -= 1
            j = start
            # 売上高を前年比10%増やす: the object is what precedes を, not the amount before the verb.
            wo = norm.rfind("を", i, start)
            if wo > i:
                j = wo
            while j > i and (norm[j - 1] in particles or norm[j - 1].isspace()):
                j -= 1
            # 売上3,000万円増やす / 人件費を月50万円削減: an amount says how much, not what.
            m = _TRAILING_AMOUNT.search(key, i, j)
            if m:
                j = m.start()
                while j > i and (norm[j - 1] in particles or norm[j - 1].isspace()):
                    j -= 1
            return key[i:j].strip()

        def is_generic(obj: str) -> bool:
            if not obj:
                return True
            return any(obj.endswith(term) for lx in generic for term in lx.keys)

        def run(ans: _Answer) -> list[Hit]:
            key = ans.key
            hits = [h for lx in hard for h in lx.exact(key) if not hedged(key, h.end) and not compound(key, h.end)]
            for lx in soft:
                for h in lx.exact(key):
                    if hedged(key, h.end) or compound(key, h.end):
                        continue
                    if not is_generic(object_before(ans, h.start)):
                        hits.append(h)
            return hits

        return run

    def _lex(self, names: list[str]) -> list[Lexicon]:
        return [self.lexicons[n] for n in names]

    def _predicate_fn(self, spec: PredicateSignal) -> SignalFn:
        own = partial(
            structure.own_predicates,
            mode=spec.mode,
            aspects=tuple(spec.aspects),
            non_agents=self._lex(spec.non_agents),
            causes=self._lex(spec.causes),
            own_objects=self._lex(spec.own_objects),
            nonvolitional=self._lex(spec.nonvolitional),
            own_subjects=self._lex(spec.own_subjects),
        )

        def run(ans: _Answer) -> list[Hit]:
            return own(ans.key, ans.norm, ans.tokens)

        return run

    def _amount_role_fn(self, spec: AmountRoleSignal) -> SignalFn:
        roles = frozenset(spec.roles)
        kw = dict(
            loan_nouns=self._lex(spec.loan_nouns),
            context_nouns=self._lex(spec.context_nouns),
            stop_predicates=self._lex(spec.stop_predicates),
        )

        def run(ans: _Answer) -> list[Hit]:
            return [h for h, role in structure.amount_roles(ans.key, ans.norm, ans.tokens, **kw) if role in roles]

        return run

    def _any_fn(self, spec: AnySignal) -> SignalFn:
        names = list(spec.of)

        def run(ans: _Answer) -> list[Hit]:
            for n in names:  # short-circuit: the first signal that fires is enough evidence
                hits = self.signal(n, ans)
                if hits:
                    return hits
            return []

        return run

    # ------------------------------------------------------------------ rules
    def fires(self, rule: RuleSpec, ans: _Answer) -> list[Hit] | None:
        """Evidence hits when the rule fires, else None."""
        det = rule.detector
        for n in det.none_of:
            if self.signal(n, ans):
                return None
        evidence: list[Hit] = []
        for n in det.all_of:
            hits = self.signal(n, ans)
            if not hits:
                return None
            evidence.extend(hits)
        if det.any_of:
            found = False
            for n in det.any_of:
                hits = self.signal(n, ans)
                if hits:
                    evidence.extend(hits)
                    found = True
                    break
            if not found:
                return None
        return evidence

    def check(
        self,
        stage: str,
        text: str,
        *,
        question_id: str | None = None,
        path: str | None = None,
        industry: str | None = None,
    ) -> list[Finding]:
        rules = self.rules_by_stage.get(stage)
        if rules is None:
            raise ValueError(f"unknown stage {stage!r}; expected one of: {', '.join(STAGES)}")
        if text is None:
            return []
        if not isinstance(text, str):
            raise TypeError(f"check_text() expects the answer as str, got {type(text).__name__}")
        ans = _Answer(text)
        if not _HAS_CONTENT.search(ans.key):
            return []  # nothing typed (or only punctuation): the interview flow handles unanswered questions
        section_default = self.checklist.stages[stage].section if stage in self.checklist.stages else None
        findings = []
        for rule in rules:
            hits = self.fires(rule, ans)
            if hits is None:
                continue
            quoted = _quote(ans.norm, hits)
            findings.append(
                Finding(
                    rule_id=rule.id,
                    severity=rule.severity,
                    message=_render(rule.message, quoted),
                    guideline_ref=rule.guideline_ref,
                    follow_up=pick(rule.follow_up, rule.follow_ups, industry),
                    example=pick(rule.example, rule.examples, industry),
                    stage=stage,
                    question_id=question_id,
                    path=path,
                    section=rule.section or section_default,
                    evidence=tuple(quoted),
                )
            )
        return sort_findings(findings)


# --------------------------------------------------------------------------- helpers

_PARTICLES = fold("をがはもの")
_CASE_PARTICLES = frozenset(fold("がはもを"))


# Verb endings peeled off the text before a negation so that the bare stem can be compared:
# 回復し|ていない → 回復, 戻っ|ていない → 戻, 売れ|ず → 売れ / 売, 支払われ|ていない → 支払.
_CONNECTOR = re.compile(fold("(?:され|われ|られ|させ|し|っ|ん|い|[さらわかまたなばがてけめえべせれ])$"))
_KANJI = re.compile(r"[\u3400-\u9fff々]")


def _stem_before(key: str, start: int, lexicons: list[Lexicon]) -> bool:
    """True when the text right before `start` ends with a listed stem.

    The stem may be followed by one particle (売上が|回復|していない) or by a verb ending (戻っ|ていない).
    A one-character stem must stand alone, not end a kanji compound: 減っていない is excluded, 削減して
    こなかった is not.
    """
    prefix = key[max(0, start - 12) : start].rstrip()
    if not prefix:
        return False
    candidates = {prefix}
    if prefix[-1] in _PARTICLES:
        candidates.add(prefix[:-1])
    for p in list(candidates):
        stripped = _CONNECTOR.sub("", p)
        if stripped != p:
            candidates.add(stripped)
    for p in candidates:
        for lx in lexicons:
            for term in lx.keys:
                if not p.endswith(term):
                    continue
                if len(term) == 1 and len(p) > 1 and _KANJI.match(p[-2]):
                    continue  # 削減 ≠ 減
                return True
    return False


# Text without sentence ends is read in windows this wide around a span: a pasted wall of text must not
# make every hit search the whole answer again.
_SENTENCE_MAX = 200


def _sentence(key: str, start: int, end: int) -> str:
    """The sentence around a span (between sentence-ending punctuation), at most _SENTENCE_MAX each side."""
    lo, hi = max(0, start - _SENTENCE_MAX), min(len(key), end + _SENTENCE_MAX)
    left = max(key.rfind(ch, lo, start) for ch in "。!?\n")
    rights = [i for i in (key.find(ch, end, hi) for ch in "。!?\n") if i != -1]
    return key[max(left + 1, lo) : min(rights) if rights else hi]


def _quote(norm: str, hits: list[Hit], limit: int = 3) -> list[str]:
    """The user's own words for the hits: overlapping spans merged (物価高 + 高騰 → 物価高騰), first few kept."""
    spans: list[list[int]] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if spans and h.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], h.end)
        else:
            spans.append([h.start, h.end])
    out: list[str] = []
    for start, end in spans:
        s = norm[start:end].strip()
        if s and s not in out:
            out.append(s)
        if len(out) >= limit:
            break
    return out


def _render(template: str, quoted: list[str]) -> str:
    if "{evidence}" not in template:
        return template
    ev = "、".join(f"「{q}」" for q in quoted) if quoted else "この回答"
    return template.replace("{evidence}", ev)


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    """The engine for the shipped checklist, compiled once on first use."""
    return Engine(default_checklist())


def check_text(
    stage: str,
    text: str,
    *,
    question_id: str | None = None,
    path: str | None = None,
    industry: str | None = None,
) -> list[Finding]:
    """Check one answer of the given interview stage; findings sorted worst first.

    stage: issue | countermeasure | action | next_action | cause | financial_support.
    An answer counts as weak when any finding has severity "error" or "warning".
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; expected one of: {', '.join(STAGES)}")
    return get_engine().check(stage, text, question_id=question_id, path=path, industry=industry)
