"""Plan vs actual beside the review's chat: a table of the month and a trend of one line.

The table shows 計画 / 実績 / 達成率 / 判定 of the month (and 累計 when wide); the Sparkline under
it shows the selected line's 実績 month by month over the fiscal year (↑↓ on the table picks the
line). Numbers come from :class:`kaizen_guide.monitoring.compare.Comparison`; this widget only
draws them.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Sparkline, Static

from kaizen_guide.monitoring.render import num, pct

SHORT_BAND = {"ok": "○達成", "watch": "△注意", "miss": "×未達"}

NARROW_KEYS = ("sales", "gross_profit", "sga", "ordinary_profit", "cash_end")


class MonitorPanel(Vertical):
    """The month's plan-vs-actual table and the selected line's trend."""

    DEFAULT_CSS = """
    MonitorPanel { height: auto; padding: 0 1; background: $panel; }
    MonitorPanel #mp-title { height: 1; text-style: bold; color: $text-primary; }
    MonitorPanel DataTable { height: auto; max-height: 14; background: $panel; }
    MonitorPanel #mp-trend-label { height: 1; color: $text-muted; }
    MonitorPanel Sparkline { height: 2; margin: 0 0 0 0; }
    MonitorPanel #mp-note { height: auto; color: $text-muted; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cmp: Any = None
        self._series: dict[str, list[int]] = {}
        self._keys: list[str] = []
        self.wide = True

    def compose(self) -> ComposeResult:
        yield Static("計画と実績 (千円)", id="mp-title")
        yield DataTable(id="mp-table", cursor_type="row", zebra_stripes=False, show_cursor=True)
        yield Static("", id="mp-trend-label", markup=False)
        yield Sparkline([], id="mp-trend")
        yield Static("", id="mp-note", markup=False)

    def show(self, cmp: Any, series: dict[str, list[int]], *, wide: bool) -> None:
        """Draw ``cmp`` (a Comparison); ``series``: line key → actuals of the fiscal year so far."""
        self._cmp, self._series, self.wide = cmp, series, wide
        table = self.query_one(DataTable)
        keep = table.cursor_row if table.row_count else 0
        table.clear(columns=True)
        cols = ["項目", "計画", "実績", "率", "判定"] + (["累計率"] if wide else [])
        for c in cols:
            table.add_column(c)
        self._keys = [r.key for r in cmp.rows if wide or r.key in NARROW_KEYS]
        for r in cmp.rows:
            if r.key not in self._keys:
                continue
            from kaizen_guide.monitoring.lines import LINE_BY_KEY

            label = LINE_BY_KEY[r.key].short_label
            cells = [label, num(r.plan), num(r.actual), pct(r.rate), SHORT_BAND.get(r.band or "", "")]
            if wide:
                cells.append("" if r.balance else pct(r.cum_rate))
            table.add_row(*cells, key=r.key)
        if self._keys:
            table.move_cursor(row=min(keep, len(self._keys) - 1))
        self._show_trend()
        note = "判定は実務の目安 (8割)。計画ごとに変更可" if not wide else cmp.bands.note
        self.query_one("#mp-note", Static).update(note)
        self.query_one("#mp-note", Static).display = wide

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_trend()

    @property
    def selected_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not self._keys or not table.row_count:
            return None
        return self._keys[min(table.cursor_row, len(self._keys) - 1)]

    def _show_trend(self) -> None:
        key = self.selected_key
        spark = self.query_one(Sparkline)
        label = self.query_one("#mp-trend-label", Static)
        if key is None or self._cmp is None:
            spark.data = []
            label.update("")
            return
        data = self._series.get(key, [])
        spark.data = data
        row = self._cmp.row(key)
        if data:
            label.update(f"{row.label}の推移 (期首から{len(data)}か月): {num(min(data))}〜{num(max(data))}")
        else:
            label.update(f"{row.label}の推移: 実績の入力後に表示します")
