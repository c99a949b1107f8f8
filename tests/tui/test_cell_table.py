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


COLUMNS = [("#", 3), ("氏名", 12), ("役職と担当 (長い見出しは切る)", 14), ("金額", 8)]


def _filled(app: App, columns: int) -> list[DataTable]:
    """Both tables, 8 lines tall, with the first ``columns`` columns of ROWS."""
    tables = [app.query_one("#plain", DataTable), app.query_one("#fast", CellTable)]
    for table in tables:
        table.styles.height = 8
        for label, width in COLUMNS[:columns]:
            table.add_column(label, width=width)
        for row in ROWS:
            table.add_row(*row[:columns])
    return tables


async def test_fast_cells_draw_what_datatable_draws():
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        tables = _filled(app, 4)
        for table in tables:
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


async def test_one_frame_works_out_the_tables_styles_once_not_per_line(monkeypatch):
    """The lines of one render share the table's, the header's and the rows' styles: worked out
    once per frame (each walks every ancestor), and drawn as DataTable draws them."""
    from textual.dom import DOMNode
    from textual.geometry import Region

    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        tables = _filled(app, 2)
        app.screen.set_focus(None)
        await pilot.pause()
        plain, fast = tables
        walks = 0
        original = DOMNode.rich_style.fget

        def counted(node):
            nonlocal walks
            walks += 1
            return original(node)

        monkeypatch.setattr(DOMNode, "rich_style", property(counted))
        drawn = []
        for table in tables:
            table.refresh()
            walks = 0
            lines = table.render_lines(Region(0, 0, table.size.width, table.size.height))
            drawn.append([list(line) for line in lines])
            if table is fast:
                assert walks <= 5, f"{walks} style walks for {len(lines)} lines"
            else:
                assert walks > 2 * len(lines)  # (what DataTable does: the measure above means something)
        for y, (a, b) in enumerate(zip(*drawn, strict=True)):
            assert a == b, f"line {y} differs:\n{a}\n{b}"
