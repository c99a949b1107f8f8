"""The portfolio (`kaizen-guide portfolio DIR`): every plan under a folder in one table.

Summaries come from :mod:`kaizen_guide.portfolio` (cached per file, read in a worker). Sort by any
column (its number key, or a click on its header; again to reverse), filter with words (all must
appear; 「業種:飲食」 limits a word to one column), Enter opens the plan, m its monthly review.
A plan that does not load is listed with the reason; Enter on it shows the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from kaizen_guide.portfolio.columns import Column, columns, sort_rows
from kaizen_guide.portfolio.summary import PlanSummary

if TYPE_CHECKING:
    from ..app import KaizenApp

SORT_KEYS = "1234567890"


def matches(summary: PlanSummary, cols: list[Column], words: list[str]) -> bool:
    """Every word appears in the row (「列名:語」: in that column, matched by the start of its header)."""
    for word in words:
        if ":" in word or "：" in word:
            name, _, value = word.replace("：", ":").partition(":")
            hits = [c for c in cols if c.header.startswith(name) or c.header.replace(" ", "").startswith(name)]
            if not hits or not any(value.lower() in c.text(summary).lower() for c in hits):
                return False
        elif not any(word.lower() in c.text(summary).lower() for c in cols):
            return False
    return True


class PortfolioScreen(Screen):
    app: KaizenApp  # (the screens run only inside KaizenApp)
    CSS_PATH = "portfolio.tcss"
    BINDINGS = [
        Binding("enter", "open", "開く", show=True),
        Binding("m", "monitor", "月次の振り返り"),
        Binding("x", "misses_first", "未達の多い順"),
        Binding("o", "overdue_first", "期限切れを先に"),
        Binding("slash", "filter", "絞り込み"),
        Binding("r", "reload", "再読み込み"),
        *[Binding(k, f"sort({i})", f"{i + 1}列目で並べ替え", show=False) for i, k in enumerate(SORT_KEYS)],
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.cols = columns(self.folder)
        self.summaries: list[PlanSummary] = []
        self.sort_col: int | None = None
        self.reverse = False
        self.loaded_from_cache = 0
        self._row_paths: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(f"[b]計画の一覧[/b]  {self.folder}", id="portfolio-title", markup=True)
        yield Input(
            placeholder="絞り込み (例: 未達 / 業種:飲食 / 要修正:0)。Enter で一覧へ",
            id="portfolio-filter",
            compact=True,
        )
        yield DataTable(id="portfolio-table", cursor_type="row", zebra_stripes=True)
        yield Static("計画を読み込んでいます…", id="portfolio-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for i, c in enumerate(self.cols):
            label = f"{c.header}" if i >= len(SORT_KEYS) else f"{SORT_KEYS[i]} {c.header}"
            table.add_column(label, key=c.key)
        table.focus()
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.summaries:  # back from a plan: it may have changed (the cache notices)
            self.action_reload()

    # -- loading ------------------------------------------------------------------------------
    def action_reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="portfolio", exit_on_error=False)
    def _load(self) -> None:
        from kaizen_guide.portfolio.cache import list_folder

        def progress(done: int, total: int) -> None:
            if done == total or done % 25 == 0:
                self.app.call_from_thread(self._status, f"計画を読み込んでいます {done}/{total}")

        listing = list_folder(self.folder, progress=progress)
        self.app.call_from_thread(self._loaded, listing.summaries, len(listing.summaries) - listing.computed)

    def _loaded(self, summaries: list[PlanSummary], cached: int) -> None:
        self.summaries = summaries
        self.loaded_from_cache = cached
        self.refresh_rows()

    def _status(self, text: str) -> None:
        self.query_one("#portfolio-status", Static).update(text)

    # -- rows ---------------------------------------------------------------------------------
    def visible_rows(self) -> list[PlanSummary]:
        words = self.query_one("#portfolio-filter", Input).value.split()
        rows = [s for s in self.summaries if matches(s, self.cols, words)]
        if self.sort_col is not None:
            rows = sort_rows(rows, self.cols[self.sort_col], reverse=self.reverse)
        return rows

    def refresh_rows(self) -> None:
        table = self.query_one(DataTable)
        keep = self._current_path()
        table.clear()
        rows = self.visible_rows()
        # Text cells: names from plan files are never read as markup (and need no parsing).
        table.add_rows([[Text(c.text(s), no_wrap=True) for c in self.cols] for s in rows])
        self._row_paths = [s.path for s in rows]  # row i is this plan
        if keep in self._row_paths:
            table.move_cursor(row=self._row_paths.index(keep))
        broken = sum(bool(s.error) for s in self.summaries)
        sort = ""
        if self.sort_col is not None:
            sort = f"  並び: {self.cols[self.sort_col].header} ({'降順' if self.reverse else '昇順'})"
        self._status(
            f"{len(self.summaries)}件中 {len(rows)}件を表示"
            + (f"  読めない計画 {broken}件" if broken else "")
            + sort
            + f"  (キャッシュから {self.loaded_from_cache}件)"
        )

    def _current_path(self) -> str | None:
        table = self.query_one(DataTable)
        paths = self._row_paths
        if not paths or table.cursor_row is None or not 0 <= table.cursor_row < len(paths):
            return None
        return paths[table.cursor_row]

    def current(self) -> PlanSummary | None:
        path = self._current_path()
        return next((s for s in self.summaries if s.path == path), None)

    # -- actions ------------------------------------------------------------------------------
    def action_sort(self, index: int) -> None:
        if index >= len(self.cols):
            return
        self.reverse = (not self.reverse) if self.sort_col == index else False
        self.sort_col = index
        self.refresh_rows()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.action_sort(event.column_index)

    def action_misses_first(self) -> None:
        self.sort_col = next(i for i, c in enumerate(self.cols) if c.key == "missed")
        self.reverse = True
        self.refresh_rows()

    def action_overdue_first(self) -> None:
        self.sort_col = next(i for i, c in enumerate(self.cols) if c.key == "due")
        self.reverse = False
        self.refresh_rows()

    def action_filter(self) -> None:
        self.query_one("#portfolio-filter", Input).focus()

    @on(Input.Changed, "#portfolio-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refresh_rows()

    @on(Input.Submitted, "#portfolio-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def _openable(self) -> PlanSummary | None:
        summary = self.current()
        if summary is None:
            return None
        if summary.error:
            self.notify(summary.error, title="この計画は開けません", severity="error", timeout=12)
            return None
        return summary

    def action_open(self) -> None:
        summary = self._openable()
        if summary is not None:
            self.app.open_plan(summary.path)

    def action_monitor(self) -> None:
        summary = self._openable()
        if summary is not None:
            self.app.open_monitor(summary.path)
