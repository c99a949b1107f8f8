"""Percent, decimal, integer, month, date, yes/no and fiscal-month parsing."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaizen_guide.ja import (
    ParseError,
    format_percent,
    parse_date,
    parse_decimal,
    parse_fiscal_month,
    parse_int,
    parse_month,
    parse_percent,
    parse_yes_no,
)

_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def assert_helpful(err: ParseError) -> None:
    msg = err.message
    assert str(err) == msg
    assert _JA.search(msg), msg
    assert "「" in msg and ("例" in msg or "のように" in msg), msg


def assert_rejects(func, text: str, match: str | None = None) -> None:
    with pytest.raises(ParseError, match=match) as info:
        func(text)
    assert_helpful(info.value)


# --- percent -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12%", "0.12"),
        ("１２％", "0.12"),
        ("12.5%", "0.125"),
        ("0.12", "0.12"),
        ("▲2%", "-0.02"),
        ("-2%", "-0.02"),
        ("－２％", "-0.02"),
        ("12パーセント", "0.12"),
        ("12", "0.12"),
        (" 12 % ", "0.12"),
        ("0.5%", "0.005"),
        ("1", "1"),  # bare ≤ 1 is a fraction: 1 = 100%
        ("100%", "1"),
        ("0", "0"),
        ("-0.05", "-0.05"),
        ("▲12", "-0.12"),
    ],
)
def test_parse_percent(text: str, expected: str) -> None:
    assert parse_percent(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "12%%", "%", "1..2%", "▲-2%", "12円", "1 2%"])
def test_parse_percent_rejects(text: str) -> None:
    assert_rejects(parse_percent, text)


def test_percent_message_explains_rule() -> None:
    with pytest.raises(ParseError, match="0.12=12%") as info:
        parse_percent("abc")
    assert "12=12%" in info.value.message


def test_format_percent() -> None:
    assert format_percent(Decimal("0.12")) == "12.0%"
    assert format_percent(Decimal("-0.02")) == "▲2.0%"
    assert format_percent(Decimal("0.12345"), digits=2) == "12.35%"
    assert format_percent(Decimal("0.125"), digits=0) == "13%"
    assert format_percent(Decimal("-0.00001")) == "0.0%"


@given(st.integers(min_value=-100_000, max_value=100_000), st.sampled_from([1, 2]))
def test_percent_round_trip(hundredths: int, digits: int) -> None:
    # hundredths of a percent, snapped to the displayed precision
    step = 10 ** (2 - digits)
    d = Decimal(hundredths - hundredths % step).scaleb(-4)  # percent/100 → fraction
    assert parse_percent(format_percent(d, digits=digits)) == d


# --- decimal / int -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.5", "1.5"), ("１．５", "1.5"), ("－５", "-5"), ("▲0.3", "-0.3"), ("1,234.5", "1234.5"), ("7", "7")],
)
def test_parse_decimal(text: str, expected: str) -> None:
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "1..5", "abc", "1.5倍", "--5", "1,2"])
def test_parse_decimal_rejects(text: str) -> None:
    assert_rejects(parse_decimal, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２人", 12),
        ("12名", 12),
        ("12社", 12),
        ("12件", 12),
        ("12か月", 12),
        ("12ヶ月", 12),
        ("12カ月", 12),
        ("3店舗", 3),
        ("1,200人", 1200),
        ("12", 12),
        (" 12 人 ", 12),
        ("-3", -3),
    ],
)
def test_parse_int(text: str, expected: int) -> None:
    assert parse_int(text) == expected


@pytest.mark.parametrize("text", ["", "たくさん", "12a", "十二人", "12人人"])
def test_parse_int_rejects(text: str) -> None:
    assert_rejects(parse_int, text)


def test_parse_int_rejects_decimals() -> None:
    assert_rejects(parse_int, "1.5人", match="小数")


def test_parse_int_range() -> None:
    assert parse_int("3", min=1, max=3) == 3
    with pytest.raises(ParseError, match="1以上3以下") as info:
        parse_int("5", min=1, max=3)
    assert_helpful(info.value)
    with pytest.raises(ParseError, match="0以上") as info:
        parse_int("-1", min=0)
    assert_helpful(info.value)
    with pytest.raises(ParseError, match="100以下") as info:
        parse_int("101", max=100)
    assert_helpful(info.value)


# --- month / date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027年4月", "2027-04"),
        ("2027年04月", "2027-04"),
        ("2027/4", "2027-04"),
        ("2027-04", "2027-04"),
        ("2027.4", "2027-04"),
        ("202704", "2027-04"),
        ("R9.4", "2027-04"),
        ("r9.4", "2027-04"),
        ("R9年4月", "2027-04"),
        ("令和9年4月", "2027-04"),
        ("令和元年5月", "2019-05"),
        ("令和1年5月", "2019-05"),
        ("H31.4", "2019-04"),
        ("平成31年4月", "2019-04"),
        ("平成元年1月", "1989-01"),
        ("昭和50年4月", "1975-04"),
        ("２０２７年４月", "2027-04"),
        ("２０２７／４", "2027-04"),
        ("Ｒ９．４", "2027-04"),
        ("令和９年４月", "2027-04"),
        ("㋿9年4月", "2027-04"),
        (" 2027 年 4 月 ", "2027-04"),
    ],
)
def test_parse_month(text: str, expected: str) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "入力されていません"),
        ("2027年13月", "1〜12"),
        ("2027/0", "1〜12"),
        ("令和0年4月", "令和0年はありません"),
        ("大正5年4月", "対応していません"),
        ("X9.4", "対応していません"),
        ("令和元年4月", "令和は2019年5月1日から"),
        ("平成31年5月", "平成は"),
        ("27/4", None),
        ("たくさん", None),
        ("2027年4月1日", None),
        ("1850年4月", "範囲"),
    ],
)
def test_parse_month_rejects(text: str, match: str | None) -> None:
    assert_rejects(parse_month, text, match)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027年4月1日", date(2027, 4, 1)),
        ("2027/4/1", date(2027, 4, 1)),
        ("2027-04-01", date(2027, 4, 1)),
        ("2027.4.1", date(2027, 4, 1)),
        ("20270401", date(2027, 4, 1)),
        ("R9.4.1", date(2027, 4, 1)),
        ("令和9年4月1日", date(2027, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("２０２７年４月１日", date(2027, 4, 1)),
        ("Ｒ９．４．１", date(2027, 4, 1)),
        ("2028年2月29日", date(2028, 2, 29)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("2027年2月30日", "日付はありません"),
        ("2027年2月29日", "日付はありません"),
        ("2027/4/31", "日付はありません"),
        ("令和元年4月30日", "令和は"),
        ("平成31年5月1日", "平成は"),
        ("2027/4-1", None),
        ("2027年4月", None),
        ("", "入力されていません"),
        ("令和0年4月1日", "令和0年"),
    ],
)
def test_parse_date_rejects(text: str, match: str | None) -> None:
    assert_rejects(parse_date, text, match)


months = st.integers(min_value=1, max_value=12)


@given(st.integers(min_value=1900, max_value=2100), months)
def test_month_round_trip_western(y: int, m: int) -> None:
    assert parse_month(f"{y}年{m}月") == f"{y:04d}-{m:02d}"
    assert parse_month(f"{y}/{m}") == f"{y:04d}-{m:02d}"


@given(st.integers(min_value=2019, max_value=2100), months)
def test_month_round_trip_reiwa(y: int, m: int) -> None:
    if (y, m) < (2019, 5):
        return
    n = y - 2018
    era_year = "元" if n == 1 else str(n)
    expected = f"{y:04d}-{m:02d}"
    assert parse_month(f"令和{era_year}年{m}月") == expected
    assert parse_month(f"R{n}.{m}") == expected


@given(st.dates(min_value=date(2019, 5, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip(d: date) -> None:
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"令和{d.year - 2018}年{d.month}月{d.day}日") == d


# --- yes/no, fiscal month ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "はい",
        "yes",
        "YES",
        "Ｙｅｓ",
        "y",
        "Y",
        "有",
        "あり",
        "有り",
        "する",
        "○",
        "〇",
        "true",
        "True",
        "ハイ",
        "はい。",
    ],
)
def test_yes(text: str) -> None:
    assert parse_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    ["いいえ", "no", "NO", "ｎｏ", "n", "N", "無", "なし", "無し", "しない", "×", "false", "FALSE", "ナシ"],
)
def test_no(text: str) -> None:
    assert parse_yes_no(text) is False


@pytest.mark.parametrize("text", ["", "たぶん", "maybe", "yess", "はいいいえ"])
def test_yes_no_rejects(text: str) -> None:
    assert_rejects(parse_yes_no, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3月", 3), ("３", 3), ("3月決算", 3), ("３月決算", 3), ("12月末", 12), ("3月期", 3), ("9", 9)],
)
def test_parse_fiscal_month(text: str, expected: int) -> None:
    assert parse_fiscal_month(text) == expected


@pytest.mark.parametrize("text", ["", "13月", "0", "三月", "3月4日", "abc"])
def test_parse_fiscal_month_rejects(text: str) -> None:
    assert_rejects(parse_fiscal_month, text)


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (parse_int, "2年目", 2),
        (parse_int, "計画2年目", 2),
        (parse_int, "3年間", 3),
        (parse_decimal, "10年", Decimal(10)),
        (parse_decimal, "10年以内", Decimal(10)),
        (parse_decimal, "0.5か月分", Decimal("0.5")),
    ],
)
def test_numbers_with_the_counter_the_prompt_asks_for(func, text, expected) -> None:
    """Prompts ask 「何年目」「何年以内」「何か月分」; the answer comes back in that form."""
    assert func(text) == expected
