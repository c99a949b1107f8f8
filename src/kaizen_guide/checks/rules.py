"""The checklist (question_banks/checklist.yaml): schema, loading and validation.

The rules are data. Each rule names the stages it applies to, its severity and texts (message,
guideline reference, follow-up question, better example) and a detector: a boolean combination of
named *signals*. A signal is one detector function (``lexicon``, ``regex``, ``near``,
``object_verb``, ``any``) with its lexicons and parameters. Lexicons are lists of terms.

A malformed file fails loudly with :class:`ChecklistError`, naming the rule, signal or lexicon.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .findings import Severity
from .lexicon import fold_pattern

STAGES: tuple[str, ...] = ("issue", "countermeasure", "action", "next_action", "cause", "financial_support")
Stage = Literal["issue", "countermeasure", "action", "next_action", "cause", "financial_support"]

CHECKLIST_FILENAME = "checklist.yaml"
_FRAGMENT = re.compile(r"<<(\w+)>>")


class ChecklistError(ValueError):
    """The checklist YAML is missing or malformed; the message names the offending item."""


class _Strict(BaseModel):
    # Built on first validation: with the per-user cache a process unpickles the checklist and never
    # validates one (issue 18). No string annotations in this module, for the same reason.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- lexicons


class LexiconSpec(_Strict):
    description: str = ""
    #: Shortest term length that may match with a typo; null = exact matching only.
    fuzzy_min_len: int | None = 4
    #: 3-character terms that may still match with one typo (their 2-character stem is not a word).
    fuzzy_short: list[str] = []
    terms: list[str] = Field(min_length=1)

    @field_validator("terms")
    @classmethod
    def _no_blank_terms(cls, terms: list[str]) -> list[str]:
        blank = [i for i, t in enumerate(terms) if not isinstance(t, str) or not t.strip()]
        if blank:
            raise ValueError(f"blank term at position(s) {blank}")
        return terms


class FuzzySpec(_Strict):
    enabled: bool = True
    exact_max_len: int = Field(default=2, ge=1)
    two_edits_min_len: int = Field(default=8, ge=4)


class StageSpec(_Strict):
    section: str
    description: str = ""
    names: list[str] = []  # Japanese names a person may type for the stage (check --stage 課題)


# --------------------------------------------------------------------------- signals (detector functions)


class LexiconSignal(_Strict):
    """Any term of the lexicons occurs (exactly, else with a typo)."""

    fn: Literal["lexicon"]
    description: str = ""
    lexicons: list[str] = Field(min_length=1)
    fuzzy: bool = True


class RegexSignal(_Strict):
    """A pattern matches, unless the words right before it (or after it) say otherwise."""

    fn: Literal["regex"]
    description: str = ""
    patterns: list[str] = Field(min_length=1)
    #: Skip a match right after one of these stems (optionally + one particle): 売上が「回復」していない.
    exclude_before: list[str] = []
    #: Skip a match followed within `after_window` characters by one of these: 導入を「検討」する.
    exclude_after: list[str] = []
    after_window: int = Field(default=8, ge=1)
    #: Blank out the spans of these signals first (e.g. dates before looking for quantities).
    mask: list[str] = []
    #: Skip a match whose sentence contains one of these (a third party as the subject: 顧客が…).
    exclude_in_sentence: list[str] = []


class NearSignal(_Strict):
    """An object word followed, in the same sentence and within `window` characters, by a predicate."""

    fn: Literal["near"]
    description: str = ""
    objects: list[str] = Field(min_length=1)
    predicates: list[str] = Field(min_length=1)
    window: int = Field(default=12, ge=0)


class ObjectVerbSignal(_Strict):
    """A concrete method: a hard method verb, or a soft verb applied to a specific (non-generic) object."""

    fn: Literal["object_verb"]
    description: str = ""
    hard: list[str] = Field(min_length=1)
    soft: list[str] = []
    generic_objects: list[str] = []
    hedges: list[str] = []
    object_window: int = Field(default=15, ge=1)
    hedge_window: int = Field(default=8, ge=1)
    boundaries: str = "、。,.・;:!?()「」『』[] /"
    #: A hard-verb hit followed by one of these is a noun compound, not an action (提案「力」を高める).
    not_followed_by: list[str] = ["力"]
    particles: str = "をのがはもにでとへ"


class AnySignal(_Strict):
    """Any of the named signals."""

    fn: Literal["any"]
    description: str = ""
    of: list[str] = Field(min_length=1)


class PredicateSignal(_Strict):
    """The company's own act or omission, read from the morphological analysis (ja/morph.py).

    mode ``negation``: a negated predicate (〜しなかった, 〜できていない, 来んかった) whose content verb is
    volitional; mode ``aspect``: a content verb followed by one of `aspects` (やめてしまい = 仕舞う). Either is
    dropped when the clause's subject (が/は/も) is one of `non_agents` (the weather, the customers, sales
    themselves), or when an external cause (`causes`) comes earlier in the same sentence with no
    contrastive link (が・けど・ものの・のに) in between, unless the predicate acts on one of `own_objects`
    (値上げ・転嫁・見積: the company could still have acted).
    """

    fn: Literal["predicate"]
    description: str = ""
    #: ``happening``: the complement of ``negation`` — what did not happen to the company (人が戻らず, 受注がなかった)
    mode: Literal["negation", "aspect", "happening"] = "negation"
    aspects: list[str] = []
    non_agents: list[str] = []
    causes: list[str] = []
    own_objects: list[str] = []
    #: lemmas of verbs that name a happening, not an act (入る, 戻る, 売れる, 見込める)
    nonvolitional: list[str] = []
    own_subjects: list[str] = []


class AmountRoleSignal(_Strict):
    """Yen amounts by what they are attached to: ``repayment`` (a sum repaid or repayable), ``stopped``
    (the sum whose repayment is to stop: 月額250万円の元金返済を…停止), ``loan`` (a new loan), ``context``
    (a loss, a balance, sales). `loan_nouns` / `context_nouns` are read around the amount; `stop_predicates`
    are lemmas of the predicate that governs it."""

    fn: Literal["amount_role"]
    description: str = ""
    roles: list[Literal["repayment", "stopped", "loan", "context"]] = Field(min_length=1)
    loan_nouns: list[str] = []
    context_nouns: list[str] = []
    stop_predicates: list[str] = []


class PersonSignal(_Strict):
    """A person's name (固有名詞・人名 in the analysis): 山田, (鈴木) — owners written any way."""

    fn: Literal["person"]
    description: str = ""


SignalSpec = Annotated[
    LexiconSignal
    | RegexSignal
    | NearSignal
    | ObjectVerbSignal
    | AnySignal
    | PredicateSignal
    | AmountRoleSignal
    | PersonSignal,
    Field(discriminator="fn"),
]


# --------------------------------------------------------------------------- rules


class DetectorSpec(_Strict):
    """``fn: signals`` — fire when all of `all_of`, at least one of `any_of` and none of `none_of` hold."""

    fn: Literal["signals"]
    all_of: list[str] = []
    any_of: list[str] = []
    none_of: list[str] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not (self.all_of or self.any_of or self.none_of):
            raise ValueError("detector needs at least one of all_of / any_of / none_of")
        return self

    def referenced(self) -> list[str]:
        return [*self.all_of, *self.any_of, *self.none_of]


class RuleSpec(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z_]*\.[a-z][a-z0-9_]*$")
    stages: list[Stage] = Field(min_length=1)
    severity: Severity
    section: str | None = None
    message: str = Field(min_length=1)
    guideline_ref: str = Field(min_length=1)
    follow_up: str | None = None
    example: str | None = None
    # industry key (industries.yaml) → a follow-up / example that fits that industry
    follow_ups: dict[str, str] = {}
    examples: dict[str, str] = {}
    detector: DetectorSpec

    @model_validator(mode="after")
    def _flagging_rules_ask_something(self) -> Self:
        if self.severity != "info" and not (self.follow_up and self.follow_up.strip()):
            raise ValueError("error/warning rules need a follow_up question for the interviewer")
        return self


class PlanRuleSpec(_Strict):
    """A whole-plan rule: texts are data here, the test itself lives in plan_rules.py by id.

    ``message`` may hold ``{placeholders}`` that the rule fills (e.g. ``{detail}``).
    """

    id: str = Field(pattern=r"^(plan|numeric)\.[a-z][a-z0-9_]*$")
    severity: Severity
    section: str
    message: str = Field(min_length=1)
    guideline_ref: str = Field(min_length=1)
    follow_up: str | None = None
    example: str | None = None
    follow_ups: dict[str, str] = {}
    examples: dict[str, str] = {}


class Checklist(_Strict):
    version: int = 1
    stages: dict[str, StageSpec]
    fuzzy: FuzzySpec = FuzzySpec()
    fragments: dict[str, str] = {}
    lexicons: dict[str, LexiconSpec]
    signals: dict[str, SignalSpec]
    rules: list[RuleSpec]
    plan_rules: list[PlanRuleSpec] = []
    # 実務指針 section numbers → titles; every 「実務指針 N」 reference must cite one of them.
    guideline_sections: dict[str, str] = {}

    def plan_rule(self, rule_id: str) -> PlanRuleSpec:
        for rule in self.plan_rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def expand(self, pattern: str) -> str:
        """Regex pattern with <<fragments>> substituted and kana folded like the text."""
        return fold_pattern(_expand_fragments(pattern, self.fragments))

    def regex_source(self, signal: RegexSignal) -> str:
        """The one regex a ``regex`` signal runs: its patterns expanded, as alternatives. The loader
        compiles this very string to validate it, so the engine's compile is a hit in ``re``'s cache."""
        return "|".join(f"(?:{self.expand(p)})" for p in signal.patterns)

    def rules_for(self, stage: str) -> list[RuleSpec]:
        return [r for r in self.rules if stage in r.stages]


def _expand_fragments(pattern: str, fragments: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError("fragments nest too deeply (cycle?)")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in fragments:
            raise ValueError(f"unknown fragment <<{name}>>")
        return _expand_fragments(fragments[name], fragments, depth + 1)

    return _FRAGMENT.sub(sub, pattern)


# --------------------------------------------------------------------------- loading


def resolve_stage(name: str, checklist: Checklist | None = None) -> str | None:
    """The stage id for ``name``: an id (``issue``) or one of its Japanese names (「課題」「窮境要因」)."""
    from kaizen_guide.ja import normalize

    key = normalize(name or "").strip().casefold()
    if key in STAGES:
        return key
    cl = checklist or default_checklist()
    for stage_id, spec in cl.stages.items():
        if key in {normalize(n).casefold() for n in (spec.section, *spec.names)}:
            return stage_id
    return None


def stage_list_ja(checklist: Checklist | None = None) -> str:
    """The stages as a person reads them: 「課題 (issue)、対策 (countermeasure)…」."""
    cl = checklist or default_checklist()
    return "、".join(f"{(spec.names or [spec.section])[0]} ({sid})" for sid, spec in cl.stages.items())


def default_checklist_path() -> Path:
    from kaizen_guide.locations import question_banks_dir

    return question_banks_dir() / CHECKLIST_FILENAME


def _fmt(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        parts.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(parts)


def parse_checklist(raw: object, source: str = CHECKLIST_FILENAME, *, compile_patterns: bool = True) -> Checklist:
    """Validate already-parsed YAML. Errors name the rule id / signal / lexicon at fault.

    ``compile_patterns=False`` leaves the regex signals to be compiled when the engine first uses
    them (:func:`compiled_signal`, same errors): the shipped checklist, whose every pattern a test
    compiles, so that a process checking one stage does not compile all of them (issue 18)."""
    if not isinstance(raw, dict):
        raise ChecklistError(f"{source}: top level must be a mapping with 'lexicons', 'signals' and 'rules'")
    for key in ("stages", "lexicons", "signals", "rules"):
        if key not in raw:
            raise ChecklistError(f"{source}: missing top-level key '{key}'")
    if not isinstance(raw["rules"], list):
        raise ChecklistError(f"{source}: 'rules' must be a list")

    # Validate rule by rule first, so the message names the rule.
    seen: set[str] = set()
    for i, item in enumerate(raw["rules"]):
        rid = item.get("id") if isinstance(item, dict) else None
        label = f"rule '{rid}'" if rid else f"rule #{i + 1} (no id)"
        try:
            rule_id = RuleSpec.model_validate(item).id
        except ValidationError as err:
            raise ChecklistError(f"{source}: {label} is malformed: {_fmt(err)}") from None
        if rule_id in seen:
            raise ChecklistError(f"{source}: {label} is defined twice")
        seen.add(rule_id)
    for section in ("lexicons", "signals"):
        if not isinstance(raw[section], dict):
            raise ChecklistError(f"{source}: '{section}' must be a mapping of name → definition")
    for name, spec in raw["lexicons"].items():
        try:
            LexiconSpec.model_validate(spec)
        except ValidationError as err:
            raise ChecklistError(f"{source}: lexicon '{name}' is malformed: {_fmt(err)}") from None
    for name, spec in raw["signals"].items():
        try:
            Checklist.model_validate({"stages": {}, "lexicons": {}, "signals": {name: spec}, "rules": []})
        except ValidationError as err:
            raise ChecklistError(f"{source}: signal '{name}' is malformed: {_fmt(err)}") from None

    for i, item in enumerate(raw.get("plan_rules") or []):
        rid = item.get("id") if isinstance(item, dict) else None
        label = f"plan rule '{rid}'" if rid else f"plan rule #{i + 1} (no id)"
        try:
            rule_id = PlanRuleSpec.model_validate(item).id
        except ValidationError as err:
            raise ChecklistError(f"{source}: {label} is malformed: {_fmt(err)}") from None
        if rule_id in seen:
            raise ChecklistError(f"{source}: {label} is defined twice")
        seen.add(rule_id)

    try:
        checklist = Checklist.model_validate(raw)
    except ValidationError as err:
        raise ChecklistError(f"{source}: {_fmt(err)}") from None
    _cross_check(checklist, source, compile_patterns)
    return checklist


def _cross_check(cl: Checklist, source: str, compile_patterns: bool = True) -> None:
    unknown_stages = set(cl.stages) - set(STAGES)
    if unknown_stages:
        raise ChecklistError(f"{source}: unknown stage(s) in 'stages': {sorted(unknown_stages)}")

    def need_lexicons(owner: str, names: list[str]) -> None:
        missing = [n for n in names if n not in cl.lexicons]
        if missing:
            raise ChecklistError(f"{source}: {owner} refers to unknown lexicon(s) {missing}")

    for name, sig in cl.signals.items():
        owner = f"signal '{name}'"
        if isinstance(sig, LexiconSignal):
            need_lexicons(owner, sig.lexicons)
        elif isinstance(sig, RegexSignal):
            need_lexicons(owner, sig.exclude_before + sig.exclude_after + sig.exclude_in_sentence)
            bad = [m for m in sig.mask if m not in cl.signals]
            if bad:
                raise ChecklistError(f"{source}: {owner} masks unknown signal(s) {bad}")
            if compile_patterns:
                compiled_signal(cl, sig, owner, source)
        elif isinstance(sig, NearSignal):
            need_lexicons(owner, sig.objects + sig.predicates)
        elif isinstance(sig, ObjectVerbSignal):
            need_lexicons(owner, sig.hard + sig.soft + sig.generic_objects + sig.hedges)
        elif isinstance(sig, PredicateSignal):
            need_lexicons(owner, sig.non_agents + sig.causes + sig.own_objects + sig.nonvolitional + sig.own_subjects)
        elif isinstance(sig, AmountRoleSignal):
            need_lexicons(owner, sig.loan_nouns + sig.context_nouns + sig.stop_predicates)
        elif isinstance(sig, AnySignal):
            bad = [m for m in sig.of if m not in cl.signals]
            if bad:
                raise ChecklistError(f"{source}: {owner} combines unknown signal(s) {bad}")
    _check_cycles(cl, source)

    from kaizen_guide.banks.industries import industries

    known = set(industries())
    specs: list[RuleSpec | PlanRuleSpec] = [*cl.rules, *cl.plan_rules]
    for spec in specs:
        _check_guideline_ref(cl, spec.id, spec.guideline_ref, source)
        unknown = sorted((set(spec.examples) | set(spec.follow_ups)) - known)
        if unknown:
            raise ChecklistError(
                f"{source}: '{spec.id}' has variants for unknown industries {unknown} (industries.yaml: {sorted(known)})"
            )

    for rule in cl.rules:
        bad = [s for s in rule.detector.referenced() if s not in cl.signals]
        if bad:
            raise ChecklistError(f"{source}: rule '{rule.id}' uses unknown signal(s) {bad}")
        for stage in rule.stages:
            if stage not in cl.stages:
                raise ChecklistError(f"{source}: rule '{rule.id}' uses stage '{stage}' missing from 'stages'")


_GUIDELINE_REF = re.compile(r"実務指針 (\S+) (\S+?)(?=[:：\s]|$)")


def _check_guideline_ref(cl: Checklist, owner: str, ref: str, source: str) -> None:
    """A 根拠 line that names the 実務指針 cites a real section, with its title (「2.3.2 経営課題の明確化」)."""
    if "実務指針" not in ref or not cl.guideline_sections:
        return
    m = _GUIDELINE_REF.search(ref)
    if m is None or cl.guideline_sections.get(m[1]) != m[2]:
        known = ", ".join(f"{k} {v}" for k, v in cl.guideline_sections.items())
        raise ChecklistError(
            f"{source}: '{owner}' guideline_ref {ref!r} must cite a section of guideline_sections ({known})"
        )


def _deps(sig: SignalSpec) -> list[str]:
    if isinstance(sig, AnySignal):
        return list(sig.of)
    if isinstance(sig, RegexSignal):
        return list(sig.mask)
    return []


def compiled_signal(cl: Checklist, sig: RegexSignal, owner: str, source: str = CHECKLIST_FILENAME) -> re.Pattern[str]:
    """The signal's regex, compiled as the engine runs it (once, issue 18); on an error, a
    ChecklistError naming the pattern at fault."""
    try:
        return re.compile(cl.regex_source(sig))
    except (re.error, ValueError) as err:
        combined = err
    for p in sig.patterns:
        try:
            re.compile(cl.expand(p))
        except (re.error, ValueError) as err:
            raise ChecklistError(f"{source}: {owner} has a bad pattern {p!r}: {err}") from None
    raise ChecklistError(f"{source}: {owner}: its patterns do not combine into one regex: {combined}")


def _check_cycles(cl: Checklist, source: str) -> None:
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ChecklistError(f"{source}: signal cycle {' → '.join([*trail, name])}")
        state[name] = 1
        for dep in _deps(cl.signals[name]):
            visit(dep, [*trail, name])
        state[name] = 2

    for n in cl.signals:
        visit(n, [])


def load_checklist(path: str | Path | None = None, *, compile_patterns: bool = True) -> Checklist:
    """Read and validate a checklist file (the shipped one by default); see parse_checklist."""
    p = Path(path) if path is not None else default_checklist_path()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise ChecklistError(f"cannot read checklist {p}: {err}") from None
    import yaml  # only when the YAML is read: `check` with a warm cache never needs it (issue 18)

    try:
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise ChecklistError(f"{p.name}: not valid YAML: {err}") from None
    return parse_checklist(raw, source=p.name, compile_patterns=compile_patterns)


@lru_cache(maxsize=1)
def default_checklist() -> Checklist:
    """The shipped checklist, loaded once per process (and validated once per edit: the disk cache
    is keyed by the YAML and by this module, which defines the models)."""
    from kaizen_guide.diskcache import cached

    # Its regexes compile on first use: tests/checks compiles every one of the shipped file.
    return cached(
        "checklist", [default_checklist_path(), Path(__file__)], lambda: load_checklist(compile_patterns=False)
    )
