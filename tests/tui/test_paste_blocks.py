"""Pasting a block copied from a spreadsheet (issue 19, advisor intake): into a year grid from the
focused cell, Excel-style, and as a column into the section form; a one-line paste as before."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from kaizen_guide.model import load_plan
from kaizen_guide.tui.widgets.grid_editor import GridEditor
from kaizen_guide.tui.widgets.section_form import SectionForm

from .conftest import current_qid, goto, interview_screen, make_app, settle, type_text, until


def _grid(pilot) -> GridEditor:
    editor = interview_screen(pilot).composer.editor
    assert isinstance(editor, GridEditor), f"expected a year grid, got {editor!r}"
    return editor


@asynccontextmanager
async def _pl_grid(path: Path) -> AsyncIterator[tuple[Any, GridEditor]]:
    """The app on ``path``, at the P/L grid (80×24)."""
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        yield pilot, _grid(pilot)


def _hint(widget, selector: str) -> str:
    return str(widget.query_one(selector).render())


async def test_a_tsv_block_pasted_into_the_pl_grid_lands_in_its_cells_and_is_saved(sample_path):
    before = load_plan(sample_path).financials.years
    async with _pl_grid(sample_path) as (pilot, grid):
        app = pilot.app
        assert grid.n_columns == 3 and grid.cursor == (0, 0) and app.focused is grid.input
        # 売上高, 売上原価, 販管費 × three years, as Excel copies them (CRLF, a trailing line break);
        # an empty cell leaves the cell as it is.
        await type_text(pilot, "1.2億\t470,000\t\r\n１，２００\t▲500\t350万円\r\n\t\t300,000\r\n")
        await settle(pilot)
        assert [grid.text(0, c) for c in range(3)] == ["1.2億", "470,000", "455,000"]
        assert [grid.text(1, c) for c in range(3)] == ["1,200", "▲500", "3,500"]  # as the bank writes
        assert [grid.text(2, c) for c in range(3)] == ["324,000", "313,000", "300,000"]
        assert grid.cursor == (0, 0) and app.focused is grid.input and not grid.has_errors()
        assert "6マスに入力しました" in _hint(grid, "#grid-hint") and "表の外" not in _hint(grid, "#grid-hint")
        totals = {line.label: line.values for line in grid.lines}
        assert totals["売上総利益"][:2] == [120_000 - 1_200, 470_000 + 500]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: current_qid(pilot) != "financials.pl", "the grid to be sent")
        await settle(pilot)
    years = load_plan(sample_path).financials.years
    assert [y.pl.sales for y in years] == [120_000, 470_000, 455_000]
    assert [y.pl.cost_of_sales for y in years] == [1_200, -500, 3_500]
    assert [y.pl.sga for y in years] == [324_000, 313_000, 300_000]
    assert [y.pl.personnel for y in years] == [y.pl.personnel for y in before]  # below the block


async def test_a_paste_larger_than_the_grid_fills_what_fits_and_counts_the_rest(sample_path):
    async with _pl_grid(sample_path) as (pilot, grid):
        last = grid.n_rows - 1
        grid._go(last - 1, 2)  # 特別損失, the last year
        await settle(pilot)
        # 3 lines × 2 columns from there: 2 cells fit, 4 values fall outside (one empty, not counted).
        await type_text(pilot, "11\t12\n21\t22\n31\t\n")
        await settle(pilot)
        assert [grid.text(last - 1, 2), grid.text(last, 2)] == ["11", "21"]
        hint = _hint(grid, "#grid-hint")
        assert "2マスに入力しました" in hint and "表の外の3個の値は入れていません" in hint
        assert grid.query_one("#grid-hint").has_class("-notice")
        await pilot.press("up")  # the notice lasts until the cursor moves
        await settle(pilot)
        assert "表の外" not in _hint(grid, "#grid-hint")


async def test_a_bad_pasted_cell_keeps_its_error_as_a_typed_one_does(sample_path):
    async with _pl_grid(sample_path) as (pilot, grid):
        grid._go(0, 1)
        await settle(pilot)
        await type_text(pilot, "▲500")  # typed (one committed text): 売上高 cannot be negative
        await settle(pilot)
        typed_preview = _hint(grid, "#grid-preview")
        assert grid.error_at(0, 1) and "マイナスにできません" in typed_preview
        grid._go(0, 0)
        await settle(pilot)
        await type_text(pilot, "▲500\n1,000")  # the same value pasted with 売上原価 below it
        await settle(pilot)
        assert grid.text(0, 0) == "▲500" and grid.error_at(0, 0) and grid.input.has_class("-error")
        assert grid.text(1, 0) == "1,000" and not grid.error_at(1, 0)
        assert _hint(grid, "#grid-preview").split(": ", 1)[1] == typed_preview.split(": ", 1)[1]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert current_qid(pilot) == "financials.pl" and grid.text(0, 0) == "▲500"  # refused, kept
    assert load_plan(sample_path).financials.years[0].pl.sales == 520_000


async def test_a_one_line_paste_goes_into_the_cell_as_before(sample_path):
    async with _pl_grid(sample_path) as (pilot, grid):
        others = [grid.text(r, c) for r in range(3) for c in range(3) if (r, c) != (0, 0)]
        await type_text(pilot, "530,000\r\n")  # one cell copied from Excel ends with a line break
        await settle(pilot)
        assert grid.text(0, 0) == "530,000"
        assert [grid.text(r, c) for r in range(3) for c in range(3) if (r, c) != (0, 0)] == others
        assert not grid.query_one("#grid-hint").has_class("-notice")


async def test_a_column_pasted_into_the_section_form_fills_the_fields_below(plan_path):
    app = make_app(plan_path, advisor=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = interview_screen(pilot).composer.editor
        assert isinstance(form, SectionForm) and form._qid_of(app.focused) == "company.name"
        # 会社名, 代表者, (住所 left empty), 設立, 資本金 typed as users type it.
        await type_text(pilot, "株式会社テスト工務店\n山田 太郎\n\n1990-04\n1,000万円\n")
        await settle(pilot)
        values = form.value()
        assert values["company.name"] == "株式会社テスト工務店"
        assert values["company.representative"] == "山田 太郎"
        assert values["company.address"] == ""
        assert values["company.established"] == "1990-04" and values["company.capital"] == "1,000万円"
        assert "4項目に入力しました" in _hint(form, "#form-hint")
        # From the last field, lines past it are counted, not lost silently.
        last = form.fields[-1].id
        form.focus_field(last)
        await settle(pilot)
        await type_text(pilot, "改善計画書\n余り1\n余り2")
        await settle(pilot)
        assert form.value()[last] == "改善計画書"
        assert "最後の項目より後の2個の値は入れていません" in _hint(form, "#form-hint")
        await pilot.press("ctrl+s")
        await settle(pilot)
    plan = load_plan(plan_path)
    assert plan.company.name == "株式会社テスト工務店" and plan.company.capital == 10_000
    assert plan.company.representative == "山田 太郎"


def test_a_crlf_copy_that_the_terminal_turned_into_cr_cr_keeps_its_rows():
    # tmux (and other terminals) paste each LF as CR: Excel's CRLF arrives as CR CR. Found by hand
    # in tmux: every second grid row was left empty.
    from kaizen_guide.tui.widgets.paste import split_block

    crlf = "480000\t470000\r\n170000\t168000\r\n300000\t298000\r\n"
    assert (
        split_block(crlf.replace("\n", "\r"))
        == split_block(crlf)
        == [
            ["480000", "470000"],
            ["170000", "168000"],
            ["300000", "298000"],
        ]
    )
    # An empty row in the copy stays an empty row (four CRs = two breaks), and CR-only text is lines.
    assert split_block("1\r\r\r\r2\r\r") == [["1"], [""], ["2"]]
    assert split_block("1\r2\r") == [["1"], ["2"]]
