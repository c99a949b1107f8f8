"""The year grid drawn as one widget with one Input over the cursor cell (issue 18: a grid of one
Input per cell took 0.3–0.7 s to mount on every grid question)."""

from __future__ import annotations

from kaizen_guide.tui.widgets.grid_editor import CELL_WIDTH, GAP, LABEL_WIDTH, GridEditor

from .conftest import burst, goto, grid_lines, interview_screen, make_app, settle, type_text


def _grid(pilot) -> GridEditor:
    editor = interview_screen(pilot).composer.editor
    assert isinstance(editor, GridEditor), f"expected a year grid, got {editor!r}"
    return editor


def _input_cell(grid: GridEditor) -> tuple[int, int]:
    """The cell the Input sits over on screen (row, column), from where it is drawn."""
    x = grid.input.region.x - grid.table.region.x
    y = grid.input.region.y - grid.table.region.y
    pos = grid.table.cell_at(x, y)
    assert pos is not None, f"the Input is not over a cell ({x}, {y})"
    return pos


async def test_the_pl_grid_is_a_handful_of_widgets_whatever_its_size(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        grid = _grid(pilot)
        assert grid.n_rows * grid.n_columns >= 30
        widgets = list(grid.walk_children())
        assert len(widgets) <= 5, [type(w).__name__ for w in widgets]  # table, input, preview, hint
        assert app.focused is grid.input and _input_cell(grid) == (0, 0)


async def test_the_input_follows_the_cursor_and_the_windows_slide_with_it(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "drivers.costs")  # 6 plan years: 4 fit at 80 columns
        grid = _grid(pilot)
        assert grid.n_columns == 6 and grid.shown_columns == (80 - 2 - LABEL_WIDTH - 1) // (CELL_WIDTH + GAP) == 4
        burst(app, "tab", "tab", "tab", "tab", "down")
        await settle(pilot)
        assert grid.cursor == (1, 4) and _input_cell(grid) == (1, 4)
        header = grid_lines(grid)[0]
        assert header.split()[0] == "◀2-5/6列▶" and "計画0年目" not in header and "計画4年目" in header
        # What was typed in a cell stays in that cell when the cursor and the Input move on.
        burst(app, "150,000", "shift+tab", "99")
        await settle(pilot)
        assert grid.text(1, 4) == "150,000" and grid.text(1, 3) == "99"
        assert grid.value()["personnel"][3:5] == ["99", "150,000"]
        row = next(line for line in grid_lines(grid) if line.startswith("人件費"))
        assert "150,000" in row  # the cell left is drawn by the table
        # Back to the first year: the window slides left again.
        burst(app, "shift+tab", "shift+tab", "shift+tab")
        await settle(pilot)
        assert grid.cursor == (1, 0) and grid.first_col == 0 and "◀" not in grid_lines(grid)[0]
        assert _input_cell(grid) == (1, 0)


async def test_rows_slide_under_the_header_on_a_short_screen(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.bs")
        grid = _grid(pilot)
        assert grid.body_rows < grid.n_rows  # not every line item fits at 24 lines
        for _ in range(grid.n_rows - 1):
            burst(app, "down")
        await settle(pilot)
        last = grid.n_rows - 1
        assert grid.cursor == (last, 0) and grid.top_row == last - grid.body_rows + 1
        drawn = grid_lines(grid)
        assert drawn[1].rstrip().endswith("▲")  # rows above are hidden
        assert drawn[grid.body_rows].startswith(grid.row_labels[last][:4])
        assert _input_cell(grid) == (last, 0)


async def test_a_click_on_a_cell_moves_the_cursor_there(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "financials.pl")
        grid = _grid(pilot)
        x = LABEL_WIDTH + 2 * (CELL_WIDTH + GAP) + 1
        await pilot.click(grid.table, offset=(x, 3))  # header, 売上高, 売上原価, 販管費
        await settle(pilot)
        assert grid.cursor == (2, 2) and app.focused is grid.input and _input_cell(grid) == (2, 2)
        await type_text(pilot, "１２３，０００")  # full-width digits as an IME commits them
        await settle(pilot)
        assert grid.text(2, 2) == "１２３，０００" and not grid.error_at(2, 2)
        burst(app, "up")
        await settle(pilot)
        assert grid.text(2, 2) == "123,000"  # shown the bank's way once left
