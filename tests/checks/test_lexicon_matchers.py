"""The two exact matchers of a lexicon (trie walk for ordinary answers, compiled regex for long
texts) give the same hits, and the checklist read from the disk cache equals the YAML (issue 18)."""

from __future__ import annotations

import random
from itertools import islice
from pathlib import Path

import pytest

from kaizen_guide.checks.lexicon import MAX_HITS, TRIE_WALK_MAX, to_key
from kaizen_guide.checks.text import get_engine

DATA = Path(__file__).parent / "data"


def _texts() -> list[str]:
    texts = [
        line
        for f in sorted(DATA.rglob("*"))
        if f.is_file()
        for line in f.read_text(encoding="utf-8", errors="ignore").splitlines()
        if line.strip()
    ]
    lexes = get_engine().lexicons.all()
    chars = "".join(t for lx in lexes for t in lx.keys) + "、。 の売上"
    rnd = random.Random(18)  # fixed: the same strings every run
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 120))) for _ in range(800)]
    # Terms back to back and overlapping: where leftmost-longest matters.
    texts += ["".join(rnd.sample(lx.keys, min(4, len(lx.keys)))) for lx in lexes if lx.keys]
    return texts


def test_trie_walk_matches_the_regex_on_every_lexicon():
    lexes = [lx for lx in get_engine().lexicons.all() if lx.keys]
    assert len(lexes) > 40
    texts = _texts()
    assert len(texts) > 800
    compared = 0
    for text in texts:
        key = to_key(text)
        assert len(key) <= TRIE_WALK_MAX
        for lx in lexes:
            # The two matchers directly (exact() itself switches to the regex after many calls).
            walk = [(a, b, lx._display[key[a:b]]) for a, b in islice(lx._walk(key), MAX_HITS)]
            rx = [(m.start(), m.end(), lx._display[m.group()]) for m in islice(lx.regex.finditer(key), MAX_HITS)]
            assert walk == rx, (lx.name, key)
            assert (next(lx._walk(key), None) is not None) == (lx.regex.search(key) is not None)
            compared += bool(rx)
    assert compared > 500  # the comparison saw real hits, not only empty lists


def test_long_texts_use_the_regex_and_agree():
    lx = next(lx for lx in get_engine().lexicons.all() if len(lx.keys) > 5)
    text = (lx.keys[0] + "あ") * (TRIE_WALK_MAX // 2)
    hits = lx.exact(text)
    assert len(hits) == MAX_HITS and hits[0].term == lx._display[lx.keys[0]]


def test_checklist_from_the_disk_cache_equals_the_yaml(tmp_path, monkeypatch):
    from kaizen_guide.checks import rules

    monkeypatch.setenv("KAIZEN_GUIDE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KAIZEN_GUIDE_NO_CACHE", raising=False)
    rules.default_checklist.cache_clear()
    try:
        first = rules.default_checklist()  # builds and writes the cache
        files = list((tmp_path / "cache").glob("checklist-*.pickle"))
        assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
        rules.default_checklist.cache_clear()
        again = rules.default_checklist()  # read back
        assert again == first == rules.load_checklist()
        files[0].write_bytes(b"not a pickle")  # a damaged entry is rebuilt, never trusted
        rules.default_checklist.cache_clear()
        assert rules.default_checklist() == first
    finally:
        rules.default_checklist.cache_clear()


@pytest.mark.parametrize("stage", ["issue", "countermeasure"])
def test_a_stage_builds_only_the_lexicons_it_reads(stage):
    from kaizen_guide.checks.rules import default_checklist
    from kaizen_guide.checks.text import Engine

    engine = Engine(default_checklist())
    assert not dict.keys(engine.lexicons)
    engine.check(stage, "コロナで売上が減少した。")
    built = len(dict.keys(engine.lexicons))
    assert 0 < built < len(default_checklist().lexicons)


def test_a_lexicon_asked_often_switches_to_its_regex_with_the_same_hits():
    from kaizen_guide.checks.lexicon import WALKS_BEFORE_COMPILING, FuzzyPolicy, Lexicon

    lx = Lexicon(
        "t", ["売上", "売上高", "原価率"], None, FuzzyPolicy(exact_max_len=3, two_edits_min_len=8, enabled=False)
    )
    text = to_key("売上高と原価率、売上。")
    first = lx.exact(text)
    assert "regex" not in lx.__dict__  # the first calls walk the trie: nothing compiled
    for _ in range(WALKS_BEFORE_COMPILING):
        lx.search_exact(text)
    assert "regex" in lx.__dict__ and lx.exact(text) == first
    assert [h.term for h in first] == ["売上高", "原価率", "売上"]
