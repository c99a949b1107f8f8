"""The workbook stays coherent when a banker edits it, and shows its numbers without recalculating.

The edit test changes, in the exported file, what a banker changes first — a segment's 数量, the
原価率, one bank's 計画返済額 and a 設備投資 — lets LibreOffice recalculate, and checks that the
plan follows: the B/S balances every year, the tax follows the profit (繰越欠損金 used up earlier,
tax charged later), and the bank metrics are recomputed from the edited figures.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from .conftest import needs_soffice
from .helpers import row_of
from .lo_recalc import convert

PL, CF, BS, TAX, BANKS, MEASURES = (
    "損益計画",
    "資金計画",
    "貸借対照表計画",
    "タックスプラン",
    "金融機関別返済計画・金融支援計画",
    "計数計画・具体的施策",
)


def col_of(ws, label: str) -> int:
    """The column whose header (rows 3-4, or the bank grid's header) says ``label`` (計画2年目 …)."""
    for row in ws.iter_rows(max_row=40):
        for c in row:
            if c.value == label:
                return c.column
    raise AssertionError(f"{ws.title}: no column {label!r}")


def rows_after(ws, section: str, label: str) -> int:
    """The first row labelled ``label`` below the row labelled ``section``."""
    start = row_of(ws, section)
    for r in range(start + 1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == label:
            return r
    raise AssertionError(f"{ws.title}: no {label!r} under {section!r}")


def round_half_up(x) -> int:
    return int(Decimal(str(x)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


YEARS = [f"計画{k}年目" for k in range(6)]


class Book:
    """Reads a recalculated (values-only) workbook by sheet, row label and plan year."""

    def __init__(self, wb):
        self.wb = wb

    def get(self, sheet: str, label: str, year: int, *, under: str | None = None):
        ws = self.wb[sheet]
        r = rows_after(ws, under, label) if under else row_of(ws, label)
        return ws.cell(row=r, column=col_of(ws, YEARS[year])).value

    def series(self, sheet: str, label: str, **kw) -> list:
        return [self.get(sheet, label, y, **kw) for y in range(6)]


@pytest.fixture(scope="module")
def edited(sample_built, tmp_path_factory):
    """(before, after): the sample recalculated as exported, and after the banker's four edits."""
    needs_soffice()
    folder = tmp_path_factory.mktemp("edited")
    wb = openpyxl.load_workbook(sample_built.path)
    pl, cf, banks = wb[PL], wb[CF], wb[BANKS]
    y2 = col_of(pl, "計画2年目")
    # 1. 店舗飲食: 数量 +50% in 計画2年目
    qty = pl.cell(row=rows_after(pl, "店舗飲食", "数量 (人)"), column=y2)
    assert qty.data_type == "n", "数量 must be an input cell"
    qty.value = qty.value * 3 // 2
    # 2. 原価率 41% → 40% in 計画2年目
    ratio = pl.cell(row=row_of(pl, "売上原価率 (前提)"), column=y2)
    assert ratio.data_type == "n"
    ratio.value = 0.40
    # 3. ひまわり銀行 repays 3,000千円 more in 計画3年目
    rep = banks.cell(
        row=rows_after(banks, "金融機関別 返済計画 (計画年度別)", "計画返済額"), column=col_of(banks, "計画3年目")
    )
    assert rep.data_type == "n"
    rep.value += 3000
    # 4. 本店厨房機器の更新: 10,000 → 16,000千円 (計画2年目)
    capex = cf.cell(row=row_of(cf, "設備投資: 本店厨房機器の更新"), column=col_of(cf, "計画2年目"))
    assert capex.value == 10000
    capex.value = 16000
    path = folder / "edited.xlsx"
    wb.save(path)
    after = openpyxl.load_workbook(convert(path, folder / "out"), data_only=True)
    return Book(sample_built.recalculated()), Book(after)


def test_the_balance_sheet_balances_every_year_after_the_edits(edited):
    _, after = edited
    for y in range(6):
        assets = after.get(BS, "資産合計", y)
        le = after.get(BS, "負債・純資産合計", y)
        assert assets == le, f"計画{y}年目: {assets} != {le}"
        assert after.get(BS, "貸借差額 (検算: 0 になること)", y) == 0
        assert after.get(BS, "現金預金", y) == after.get(CF, "期末現預金", y)


def test_sales_cost_ratio_and_capex_edits_reach_the_pl(edited):
    before, after = edited
    price = after.get(PL, "単価 (円)", 2, under="店舗飲食")
    qty_b, qty_a = before.get(PL, "数量 (人)", 2, under="店舗飲食"), after.get(PL, "数量 (人)", 2, under="店舗飲食")
    assert after.get(PL, "店舗飲食", 2) == round_half_up(price * qty_a / 1000)
    assert after.get(PL, "売上高 計", 2) - before.get(PL, "売上高 計", 2) == round_half_up(
        price * qty_a / 1000
    ) - round_half_up(price * qty_b / 1000)
    # 売上原価 = 成り行き売上 × 40% + 施策の売上増加 × 40% − 原価低減
    base = after.get(MEASURES, "売上高 (成り行き)", 2)
    carried = after.get(MEASURES, "売上増加に伴う売上原価", 2)
    assert after.get(MEASURES, "売上原価 (成り行き)", 2) == round_half_up(base * 0.40)
    assert after.get(PL, "売上原価", 2) == round_half_up(base * 0.40) + carried - after.get(
        MEASURES, "売上原価への効果 計", 2
    )
    # 設備投資 16,000 over 8 years: 2,000 a year instead of 1,250 from 計画2年目
    for y in (2, 3, 4, 5):
        assert after.get(PL, "減価償却費", y) - before.get(PL, "減価償却費", y) == 750
    assert after.get(CF, "設備投資", 2) - before.get(CF, "設備投資", 2) == -6000
    assert after.get(BS, "有形固定資産", 2) - before.get(BS, "有形固定資産", 2) == 6000 - 750
    assert after.get(BS, "有形固定資産", 5) - before.get(BS, "有形固定資産", 5) == 6000 - 4 * 750


def test_the_tax_follows_the_profit(edited):
    before, after = edited
    for book in (before, after):
        for y in range(6):
            pretax = book.get(TAX, "税引前当期純利益", y)
            assert pretax == book.get(PL, "税引前当期純利益", y)
            opening = book.get(TAX, "期首残高", y)
            used = book.get(TAX, "当期使用 (控除額)", y)
            assert used == (min(opening, pretax) if pretax > 0 else 0)
            taxable = book.get(TAX, "課税所得 (申告調整なし)", y)
            assert taxable == max(0, pretax - used)
            rate = book.get(TAX, "実効税率", y)
            total = round_half_up(taxable * rate) + book.get(TAX, "均等割", y)
            assert book.get(TAX, "法人税等 計", y) == total == book.get(PL, "法人税等", y)
            assert book.get(PL, "当期純利益", y) == pretax - total
            if y:
                assert opening == book.get(TAX, "期末残高", y - 1)
    # the higher 計画2年目 profit uses the 繰越欠損金 up sooner: a later year pays tax on its income
    assert after.get(TAX, "当期使用 (控除額)", 2) > before.get(TAX, "当期使用 (控除額)", 2)
    changed = [y for y in range(3, 6) if after.get(PL, "法人税等", y) > before.get(PL, "法人税等", y)]
    assert changed, "no later year pays more tax although the losses were used up earlier"


def test_the_repayment_edit_moves_debt_and_cash(edited):
    before, after = edited
    assert after.get(BANKS, "計画返済額 計", 3) - before.get(BANKS, "計画返済額 計", 3) == 3000
    for y in (3, 4, 5):
        assert after.get(BS, "借入金 (短期・長期)", y) - before.get(BS, "借入金 (短期・長期)", y) == -3000
    assert after.get(CF, "借入金の返済", 3) - before.get(CF, "借入金の返済", 3) == -3000
    # what does not follow (a value, see its note): 支払利息 stays as computed for the exported plan
    assert after.series(PL, "支払利息") == before.series(PL, "支払利息")


def test_the_bank_metrics_follow(edited):
    before, after = edited
    moved = 0
    for y in range(6):
        debt = after.get(BS, "有利子負債", y)
        assert debt == after.get(BS, "借入金 (短期・長期)", y)
        to_repay = max(0, debt - after.get(BS, "現金預金", y) - after.get(BS, "正常運転資金", y))
        assert after.get(PL, "要償還債務", y) == to_repay
        cf = (
            after.get(PL, "経常利益", y)
            + after.get(PL, "減価償却費 (製造原価分を含む)", y)
            - after.get(PL, "法人税等", y)
        )
        assert after.get(PL, "償還原資 (債務償還年数の分母)", y) == cf
        years = after.get(PL, "債務償還年数", y)
        if cf <= 0:
            assert years == "算出不能"
        else:
            assert years == pytest.approx(to_repay / cf)
        moved += years != before.get(PL, "債務償還年数", y)
        capacity = after.get(BANKS, "返済原資 (簡易CF × 返済に充てる割合)", y)
        assert after.get(BANKS, "返済原資 − 計画返済額", y) == capacity - after.get(BANKS, "計画返済額 計", y)
    assert moved >= 3
    assert after.get(BANKS, "返済原資 (簡易CF × 返済に充てる割合)", 2) > before.get(
        BANKS, "返済原資 (簡易CF × 返済に充てる割合)", 2
    )


def test_a_viewer_that_does_not_recalculate_sees_the_numbers(sample_built):
    """openpyxl data_only (like a mail preview) reads the cached values: the engine's numbers."""
    wb = openpyxl.load_workbook(sample_built.path, data_only=True)
    book = Book(wb)
    proj = sample_built.projection
    for y in range(6):
        assert book.get(PL, "売上高 計", y) == proj.pl[y].sales
        assert book.get(PL, "経常利益", y) == proj.pl[y].ordinary_income
        assert book.get(PL, "当期純利益", y) == proj.pl[y].net_income
        assert book.get(BS, "資産合計", y) == proj.bs[y].total_assets
        assert book.get(TAX, "法人税等 計", y) == proj.tax[y].total_taxes
    empty = [
        (s, c)
        for (s, c) in sample_built.expectations
        if wb[s][c].value is None and sample_built.expectations[(s, c)].value not in (None, "")
    ]
    assert not empty, empty[:10]
    assert openpyxl.load_workbook(sample_built.path).calculation.fullCalcOnLoad


def test_inputs_look_like_inputs_and_values_say_why(sample_built):
    wb = openpyxl.load_workbook(sample_built.path)
    pl, banks = wb[PL], wb[BANKS]
    y1 = col_of(pl, "計画1年目")
    for label in ("単価 (円)", "売上原価率 (前提)"):
        cell = pl.cell(row=row_of(pl, label), column=y1)
        assert cell.data_type == "n" and cell.fill.fgColor.rgb.endswith("DDEBF7"), label
    formula = pl.cell(row=row_of(pl, "売上高 計"), column=y1)
    assert formula.data_type == "f" and not formula.fill.fgColor.rgb.endswith("DDEBF7")
    interest = banks.cell(row=row_of(banks, "支払利息"), column=col_of(banks, "計画1年目"))
    assert interest.data_type == "n" and interest.comment is not None
    assert "値" in interest.comment.text
    for ws in wb:  # every number that is neither a formula nor an input says why
        for row in ws.iter_rows():
            for c in row:
                if (
                    c.data_type == "n"
                    and isinstance(c.value, (int, float))
                    and not c.fill.fgColor.rgb.endswith("DDEBF7")
                    and c.comment is None
                ):
                    pytest.fail(f"{ws.title}!{c.coordinate} = {c.value} is neither input, formula nor noted")
