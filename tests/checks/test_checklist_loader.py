"""The checklist YAML is validated on load; a malformed rule fails with a message naming it."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from kaizen_guide.checks.rules import (
    ChecklistError,
    default_checklist,
    default_checklist_path,
    load_checklist,
    parse_checklist,
)
from kaizen_guide.checks.text import Engine


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(default_checklist_path().read_text(encoding="utf-8"))


def mutate(raw: dict, fn) -> dict:
    data = copy.deepcopy(raw)
    fn(data)
    return data


def rule(data: dict, rule_id: str) -> dict:
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_shipped_checklist_loads_and_compiles():
    cl = default_checklist()
    assert len(cl.rules) >= 10
    # default_checklist() leaves its regexes to their first use: here every one is compiled.
    assert load_checklist(default_checklist_path()) == cl


def test_a_pattern_compiled_on_first_use_fails_as_at_load(raw):
    """With compile_patterns=False a bad pattern is found when its signal first runs, with the
    message a full load gives."""
    from kaizen_guide.checks.text import _Answer

    name = next(n for n, s in raw["signals"].items() if "patterns" in s)
    data = mutate(raw, lambda d: d["signals"][name]["patterns"].append("(unclosed"))
    with pytest.raises(ChecklistError, match=r"has a bad pattern '\(unclosed'") as at_load:
        parse_checklist(data)
    engine = Engine(parse_checklist(data, compile_patterns=False))
    with pytest.raises(ChecklistError) as on_use:
        engine.signal(name, _Answer("売上が減少した。"))
    assert str(on_use.value) == str(at_load.value)


def test_shipped_rules_carry_texts(raw):
    for r in default_checklist().rules:
        assert r.message and r.guideline_ref
        assert r.example, f"{r.id} has no example answer"
        if r.severity != "info":
            assert r.follow_up, f"{r.id} has no follow-up question"


def test_lexicons_are_data_not_code():
    """The shock and internal-control vocabularies live in the YAML."""
    cl = default_checklist()
    ext = {t for name, lx in cl.lexicons.items() if name.startswith("ext_") for t in lx.terms}
    for word in [
        "コロナ",
        "新型感染症",
        "covid",
        "パンデミック",
        "緊急事態宣言",
        "原材料",
        "円安",
        "為替",
        "景気",
        "猛暑",
        "台風",
        "最低賃金",
        "インボイス",
        "2024年問題",
        "大手",
        "競合",
        "ネット通販",
    ]:
        assert word in ext, word
    internal = set(cl.lexicons["internal_terms"].terms) | set(cl.lexicons["absence_objects"].terms)
    for word in ["属人", "依存", "どんぶり勘定", "不採算", "仕組み", "体制", "管理", "見積"]:
        assert word in internal, word


@pytest.mark.parametrize(
    "breaker, fragment",
    [
        (lambda d: rule(d, "issue.external_only").update(severity="fatal"), "rule 'issue.external_only'"),
        (lambda d: rule(d, "action.no_owner").pop("message"), "rule 'action.no_owner'"),
        (lambda d: rule(d, "action.no_timing").update(stages=["plan"]), "rule 'action.no_timing'"),
        (lambda d: rule(d, "next_action.uncheckable").update(follow_up=None), "rule 'next_action.uncheckable'"),
        (lambda d: rule(d, "cause.external_only").update(detector={"fn": "signals"}), "rule 'cause.external_only'"),
        (lambda d: rule(d, "countermeasure.generic").update(colour="red"), "rule 'countermeasure.generic'"),
        (
            lambda d: rule(d, "issue.symptom_only")["detector"].update(none_of=["no_such_signal"]),
            "rule 'issue.symptom_only' uses unknown signal",
        ),
        (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "defined twice"),
        (lambda d: d["rules"].append({"stages": ["issue"]}), "rule #"),
    ],
)
def test_malformed_rule_is_rejected_naming_it(raw, breaker, fragment):
    with pytest.raises(ChecklistError, match=re.escape(fragment)):
        parse_checklist(mutate(raw, breaker))


def test_bad_regex_names_the_signal(raw):
    data = mutate(raw, lambda d: d["signals"]["timing"].update(patterns=["(unclosed"]))
    with pytest.raises(ChecklistError, match="signal 'timing' has a bad pattern"):
        parse_checklist(data)


def test_patterns_that_do_not_combine_name_the_signal(raw):
    """Each pattern compiles alone, but the engine runs them as one regex: the loader compiles that one."""
    data = mutate(raw, lambda d: d["signals"]["timing"].update(patterns=["(?P<when>来月)", "(?P<when>今月)"]))
    with pytest.raises(ChecklistError, match="signal 'timing': its patterns do not combine into one regex"):
        parse_checklist(data)


def test_unknown_lexicon_names_the_signal(raw):
    data = mutate(raw, lambda d: d["signals"]["external"].update(lexicons=["ext_pandemic", "ext_martians"]))
    with pytest.raises(ChecklistError, match=r"signal 'external' refers to unknown lexicon\(s\) \['ext_martians'\]"):
        parse_checklist(data)


def test_blank_lexicon_term_names_the_lexicon(raw):
    data = mutate(raw, lambda d: d["lexicons"]["ext_weather"]["terms"].append("  "))
    with pytest.raises(ChecklistError, match="lexicon 'ext_weather' is malformed"):
        parse_checklist(data)


def test_signal_cycle_is_rejected(raw):
    def make_cycle(d):
        d["signals"]["loop_a"] = {"fn": "any", "of": ["loop_b"]}
        d["signals"]["loop_b"] = {"fn": "any", "of": ["loop_a"]}

    with pytest.raises(ChecklistError, match="signal cycle"):
        parse_checklist(mutate(raw, make_cycle))


def test_unknown_detector_function_names_the_signal(raw):
    data = mutate(raw, lambda d: d["signals"].update(magic={"fn": "telepathy"}))
    with pytest.raises(ChecklistError, match="signal 'magic' is malformed"):
        parse_checklist(data)


def test_load_checklist_reports_missing_file_and_bad_yaml(tmp_path):
    with pytest.raises(ChecklistError, match="cannot read checklist"):
        load_checklist(tmp_path / "nope.yaml")
    bad = tmp_path / "checklist.yaml"
    bad.write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="not valid YAML"):
        load_checklist(bad)
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="top level must be a mapping"):
        load_checklist(bad)


def test_a_modified_checklist_changes_behaviour(raw, tmp_path):
    """Rules are data: adding a term to a lexicon is enough to teach the checks a new shock."""
    from kaizen_guide.checks.text import _Answer

    data = mutate(raw, lambda d: d["lexicons"]["ext_weather"]["terms"].append("黄砂"))
    engine = Engine(parse_checklist(data))
    assert engine.signal("external", _Answer("黄砂で視界が悪く、屋外作業が止まった。"))
    assert not Engine(parse_checklist(raw)).signal("external", _Answer("黄砂で視界が悪い。"))


def test_guideline_refs_cite_numbered_sections_of_the_guideline():
    cl = default_checklist()
    refs = [s.guideline_ref for s in [*cl.rules, *cl.plan_rules] if "実務指針" in s.guideline_ref]
    assert len(refs) >= 10
    numbers = {re.search(r"実務指針 (\S+) ", ref)[1] for ref in refs}
    assert numbers <= set(cl.guideline_sections)
    assert len(numbers) >= 5  # the refs are spread over the sections, not one catch-all


@pytest.mark.parametrize(
    "ref", ["実務指針 2.x 経営課題の明確化", "実務指針 2.3.3 経営課題の明確化", "実務指針 アクションプラン"]
)
def test_a_guideline_ref_without_a_real_section_is_refused(raw, ref):
    def bad(d):
        d["rules"][0]["guideline_ref"] = ref

    with pytest.raises(ChecklistError, match="guideline_sections"):
        parse_checklist(mutate(raw, bad))
