"""The group table's fast cells (widgets/cell_table.py) draw exactly what DataTable draws."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from kaizen_guide.tui.widgets.cell_table import CellTable

ROWS = [
    ("1", "山田 太郎", "代表取締役社長", "12,000"),
    ("2", "", "取締役", ""),
    ("3", "ｶﾀｶﾅと半角 mix", "ちょうど十二文字の役職名ですか", "1"),  # exactly as wide as the column
    ("4", "[b]markup[/b]", "tab\there", "wider than the column, so cropped by DataTable"),
    ("5", "a\\[b]", "改行\nあり", "😀 emoji"),
]


class Pair(App):
    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True, id="plain")
        yield CellTable(cursor_type="row", zebra_stripes=True, id="fast")


async def test_fast_cells_draw_what_datatable_draws():
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        tables = [app.query_one("#plain", DataTable), app.query_one("#fast", CellTable)]
        for table in tables:
            table.styles.height = 8
            table.add_column("#", width=3)
            table.add_column("氏名", width=12)
            table.add_column("役職と担当 (長い見出しは切る)", width=14)
            table.add_column("金額", width=8)
            for row in ROWS:
                table.add_row(*row)
            table.move_cursor(row=2)
        app.screen.set_focus(None)
        await pilot.pause()
        plain, fast = tables
        assert plain.size == fast.size and plain.size.height > 0

        async def lines(table: DataTable, focused: bool) -> list[list]:
            app.screen.set_focus(table if focused else None)
            await pilot.pause()
            return [list(table.render_line(y)) for y in range(table.size.height)]

        for focused in (False, True):
            for y, (a, b) in enumerate(zip(await lines(plain, focused), await lines(fast, focused), strict=True)):
                assert a == b, f"line {y} differs (focused: {focused}):\n{a}\n{b}"
        fast.move_cursor(row=0)  # the cursor row's style, then a plain row again
        plain.move_cursor(row=0)
        for y, (a, b) in enumerate(zip(await lines(plain, True), await lines(fast, True), strict=True)):
            assert a == b, f"line {y} differs after the move"
        taken = sum(
            1
            for r in range(len(ROWS))
            for c in range(4)
            if fast._plain_cell(r, c, fast.rich_style, fast.ordered_columns[c].get_render_width(fast), False, False)
            is not None
        )
        assert taken >= 10, "the plain cells take the fast path"
