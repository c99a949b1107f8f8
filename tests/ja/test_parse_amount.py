"""Amount parsing: what users type into money fields, and the bank-style formatting."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaizen_guide.ja import (
    AmountParse,
    ParseError,
    describe_amount,
    format_amount,
    parse_amount,
    parse_amount_detail,
)

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MAX_SEN = 10**10  # 10兆円 in 千円


def assert_helpful(err: ParseError) -> None:
    msg = err.message
    assert str(err) == msg
    assert _JA.search(msg), msg
    assert "「" in msg and ("例" in msg or "のように" in msg), msg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("１，２００", 1200),
        ("1200", 1200),
        ("▲500", -500),
        ("△500", -500),
        ("-500", -500),
        ("－５００", -500),
        ("(500)", -500),
        ("（５００）", -500),
        ("350万円", 3500),
        ("350万", 3500),
        ("1.2億円", 120_000),
        ("1億2,000万円", 120_000),
        ("1億2000万", 120_000),
        ("5千万円", 50_000),
        ("1億5千万円", 150_000),
        ("12,000千円", 12_000),
        ("800,000円", 800),
        ("3.5百万円", 3_500),
        ("1,500千円", 1_500),
        ("  1,200  ", 1200),
        ("　1,200　", 1200),
        ("1,200円", 1),  # 1,200円 = 1.2千円 → 1
        ("▲ 500", -500),
        ("350 万円", 3500),
        ("¥800,000", 800),
        ("+500", 500),
        ("マイナス500", -500),
        ("1、200", 1200),
        ("0", 0),
        ("-0", 0),
        ("(350万円)", -3500),
        ("1兆円", 1_000_000_000),
        ("100000億円", MAX_SEN),  # exactly 10兆円 is still allowed
    ],
)
def test_accepts_default_unit(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("800,000円", 800_000),
        ("350万円", 3_500_000),
        ("1,500千円", 1_500_000),
        ("1億2,000万円", 120_000_000),
        ("1万500円", 10_500),
        ("▲980", -980),
    ],
)
def test_accepts_yen_unit(text: str, expected: int) -> None:
    assert parse_amount(text, unit="円") == expected


@pytest.mark.parametrize(
    ("text", "expected", "note"),
    [
        ("800,500円", 801, "千円未満を四捨五入しました(800,500円 → 801千円)"),
        ("800,499円", 800, "千円未満を四捨五入しました(800,499円 → 800千円)"),
        ("1.5", 2, "千円未満を四捨五入しました(1.5千円 → 2千円)"),
        ("1.4", 1, "千円未満を四捨五入しました(1.4千円 → 1千円)"),
        ("▲800,500円", -801, "千円未満を四捨五入しました(▲800,500円 → ▲801千円)"),
        ("1万500円", 11, "千円未満を四捨五入しました(10,500円 → 11千円)"),
    ],
)
def test_fraction_rounds_half_up_with_note(text: str, expected: int, note: str) -> None:
    result = parse_amount_detail(text)
    assert result == AmountParse(expected, note)
    assert parse_amount(text) == expected


def test_fraction_in_yen_field() -> None:
    assert parse_amount_detail("1.5", unit="円") == AmountParse(2, "1円未満を四捨五入しました(1.5円 → 2円)")


def test_whole_values_have_no_note() -> None:
    assert parse_amount_detail("350万円").note is None
    assert parse_amount_detail("1,200").note is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "たくさん",
        "12a",
        "1..2",
        "1,2,3,,",
        "12,00",
        ",100",
        "1.",
        "1 200",
        "--500",
        "▲-500",
        "-(500)",
        "(▲500)",
        "500-",
        "5▲00",
        "万350",
        "350円万",
        "万円",
        "2000万1億",
        "1万1億",
        "1億12,000万",
        "1.5億3000万",
        "5千3百",
        "100001億円",  # > 10兆円
        "1" * 80,
        "円",
        "¥",
    ],
)
def test_rejects_garbage(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert_helpful(info.value)


def test_specific_messages() -> None:
    with pytest.raises(ParseError, match="入力されていません"):
        parse_amount("")
    with pytest.raises(ParseError, match="記号が重なって"):
        parse_amount("▲-500")
    with pytest.raises(ParseError, match="単位の並び"):
        parse_amount("350円万")
    with pytest.raises(ParseError, match="大きすぎます"):
        parse_amount("20兆円")
    with pytest.raises(ParseError, match="千円単位"):
        parse_amount("たくさん")


@pytest.mark.parametrize("text", ["▲500", "-500", "(500)", "△1", "-350万円"])
def test_allow_negative_false(text: str) -> None:
    with pytest.raises(ParseError, match="マイナスにできません") as info:
        parse_amount(text, allow_negative=False)
    assert_helpful(info.value)
    assert parse_amount("500", allow_negative=False) == 500


def test_unknown_unit_is_a_programming_error() -> None:
    with pytest.raises(ValueError) as info:
        parse_amount("1", unit="ドル")
    assert not isinstance(info.value, ParseError)


def test_non_string_input_from_answers_files() -> None:
    assert parse_amount(1200) == 1200  # type: ignore[arg-type]


def test_format_amount() -> None:
    assert format_amount(1200) == "1,200"
    assert format_amount(-500) == "▲500"
    assert format_amount(0) == "0"
    assert format_amount(1234567, unit="円") == "1,234,567"


def test_describe_amount() -> None:
    assert describe_amount(3500) == "3,500千円"
    assert describe_amount(-500) == "▲500千円"
    assert describe_amount(120_000) == "1億2,000万円相当 (120,000千円)"
    assert describe_amount(100_000) == "1億円相当 (100,000千円)"
    assert describe_amount(123_456) == "1億2,345万6,000円相当 (123,456千円)"
    assert describe_amount(-120_000) == "▲1億2,000万円相当 (▲120,000千円)"
    assert describe_amount(800_000, unit="円") == "800,000円"
    assert describe_amount(150_000_000, unit="円") == "1億5,000万円相当 (150,000,000円)"


amounts = st.integers(min_value=-MAX_SEN, max_value=MAX_SEN)


@given(amounts)
def test_round_trip_format(n: int) -> None:
    assert parse_amount(format_amount(n)) == n


@given(amounts)
def test_round_trip_sen_suffix(n: int) -> None:
    assert parse_amount(f"{n}千円") == n


@given(amounts)
def test_round_trip_written_in_yen(n: int) -> None:
    assert parse_amount(f"{n * 1000}円") == n
    assert parse_amount(f"{n * 1000:,}円") == n


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_round_trip_yen_field(n: int) -> None:
    assert parse_amount(format_amount(n, unit="円"), unit="円") == n


@given(st.integers(min_value=0, max_value=10**13))
def test_kanji_description_reads_back(yen: int) -> None:
    # The 億/万 reading shown in the preview must itself be a valid input.
    text = describe_amount(yen, unit="円").split("相当")[0]
    if "相当" not in describe_amount(yen, unit="円"):
        text = format_amount(yen, unit="円")
    assert parse_amount(text, unit="円") == yen
