"""Normalisation and fuzzy lexicon matching used by the text checks."""

from __future__ import annotations

import pytest

from kaizen_guide.checks import check_text
from kaizen_guide.checks.lexicon import FuzzyPolicy, Lexicon, fold, fold_pattern, to_key
from kaizen_guide.checks.text import _Answer, get_engine
from kaizen_guide.ja.normalize import normalize


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ｺﾛﾅ禍", "コロナ禍"),
        ("ＣＯＶＩＤ－１９", "covid-19"),
        ("コロナウィルス", "コロナウイルス"),  # small kana folded
        ("ころな", "コロナ"),  # hiragana → katakana
        ("エネルギ－価格", "エネルギー価格"),  # full-width hyphen after katakana → long vowel
        ("ｴﾈﾙｷﾞｰ", "エネルギー"),
        ("３ヶ月", "3カ月"),
        ("３か月", "3カ月"),
        ("〜までに", "~マデニ"),
    ],
)
def test_matching_key(raw, expected):
    assert to_key(raw) == expected


def test_fold_keeps_length_so_evidence_can_be_quoted():
    for s in ["ｺﾛﾅ禍で売上が減った", "ＣＯＶＩＤ－１９", "エネルギ－", "ウィルス感染"]:
        norm = normalize(s)
        assert len(fold(norm)) == len(norm)


def test_pattern_fold_keeps_regex_syntax():
    assert fold_pattern("(?:できて)いない|[ぁ-ん]{2}") == "(?:デキテ)イナイ|[ア-ン]{2}"
    assert fold_pattern(r"\d{4}年\D") == r"\d{4}年\D"  # no lower-casing of escapes


@pytest.mark.parametrize(
    "text", ["ｺﾛﾅ禍で客足が減った", "ＣＯＶＩＤ－１９の影響", "新型ｺﾛﾅｳｨﾙｽ", "ころなの影響", "コロナウィルス感染拡大"]
)
def test_pandemic_variants_are_external(text):
    assert get_engine().signal("external", _Answer(text)), text


@pytest.fixture
def policy():
    return FuzzyPolicy(exact_max_len=2, two_edits_min_len=8)


def test_typo_in_long_term_matches(policy):
    lx = Lexicon("t", ["物価高騰", "仕入価格"], 4, policy)
    assert lx.find(to_key("物価高謄が続く"))
    assert lx.find(to_key("仕入れ価格が上がった"))  # okurigana inserted


def test_three_char_terms_fuzzy_only_when_listed(policy):
    listed = Lexicon("t", ["原価高"], 4, policy, fuzzy_short=["原材料"])
    assert listed.find(to_key("原材科の値上がり"))  # 原材料 with a typo
    assert not listed.find(to_key("原価計算ができていない"))  # 原価高 is not typo-tolerant


def test_short_terms_only_exact(policy):
    lx = Lexicon("t", ["円安", "大手"], 4, policy)
    assert lx.find(to_key("急な円安"))
    assert not lx.find(to_key("円高が進む"))
    assert not lx.find(to_key("大型店"))


def test_particles_are_not_typos(policy):
    lx = Lexicon("t", ["利益が出"], 4, policy)
    assert not lx.find(to_key("利益の出ない仕事"), norm=normalize("利益の出ない仕事"))


def test_hiragana_only_tail_cannot_match_by_dropping_the_kanji(policy):
    lx = Lexicon("t", ["採れない", "てくれない"], 4, policy)
    text = "自ら価格を決められない"
    assert not lx.find(to_key(text), norm=normalize(text))


def test_fullwidth_digits_count_as_numbers():
    assert not any(f.severity != "info" for f in check_text("next_action", "ＥＣサイトの商品ページを５件追加する。"))
