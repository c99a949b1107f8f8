"""Property tests for the cell-number and month-label readers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kaizen_guide.imports.cells import parse_cell
from kaizen_guide.imports.months import FiscalCalendar, classify_label, months_in_text, ym_add

from . import exports as ex

amounts = st.integers(min_value=-(10**12), max_value=10**12)
styles = st.sampled_from(["comma", "triangle", "white", "paren", "fullwidth"])


@given(amounts, styles, st.sampled_from(["", " ", "\u3000"]))
def test_every_printed_style_reads_back(value, style, pad):
    assert parse_cell(f"{pad}{ex.money(value, style)}{pad}") == Decimal(value)


@given(amounts)
def test_plain_and_numeric_cells(value):
    assert parse_cell(str(value)) == Decimal(value)
    assert parse_cell(value) == Decimal(value)
    assert parse_cell(f"{value:,}円") == Decimal(value)


@given(st.sampled_from(["", " ", "-", "―", "－", "ー", None]))
def test_blank_and_dash_cells_are_empty(cell):
    assert parse_cell(cell) is None


months = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(2019, 2040), st.integers(1, 12)).filter(
    lambda ym: ym >= "2019-05"
)


@given(months, st.sampled_from(["ym", "slash", "r", "reiwa"]))
def test_full_month_labels_read_back(ym, style):
    lb = classify_label(ex.era_label(ym, style))
    assert (lb.kind, lb.ym) == ("ym", ym)


@given(months, st.sampled_from(["m", "do"]), st.integers(1, 12))
def test_month_only_labels_resolve_in_the_fiscal_year(ym, style, start_month):
    cal = FiscalCalendar(start_month)
    lb = classify_label(ex.era_label(ym, style))
    assert lb.kind == "m"
    year_start = cal.year_start(ym)
    assert cal.resolve(lb.month, year_start) == ym
    assert 1 <= cal.index(ym) <= 12
    assert cal.months(year_start)[cal.index(ym) - 1] == ym


@given(
    st.sampled_from(
        [
            "上半期",
            "下半期",
            "第1四半期",
            "四半期計",
            "期間累計",
            "合計",
            "決算仕訳",
            "上半期残高(合計)",
            "当期仮残高(合計)",
            "4月〜9月合計",
            "前期繰越",
            "構成比",
            "1Q",
        ]
    )
)
def test_subtotal_columns_are_never_months(label):
    assert classify_label(label).kind == "sub"


@given(months, st.integers(0, 24))
def test_period_sentences(ym, span):
    end = ym_add(ym, span)
    text = f"自 {ex.era_label(ym, 'reiwa')}1日 至 {ex.era_label(end, 'reiwa')}28日"
    assert months_in_text(text) == [ym, end]
