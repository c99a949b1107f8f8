"""The report workbook's number sheets: 計画実績対比表 and 資金繰り, each with an openpyxl chart.

The charts read the tables on their own sheet (no hidden data): 計画/実績 bars of 売上高 by month
with the 達成率 line on a second axis, and month-end 現預金 (計画, 実績, and the outlook re-projected
from the actual balance). The tests open ``xl/charts/chart*.xml`` and check these references.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.chart import BarChart, LineChart, Reference

from kaizen_guide.monitoring.compare import BAND_LABELS
from kaizen_guide.monitoring.fiscal import month_text

from . import styles
from .blocks import span_width
from .cells import SheetWriter, ref

if TYPE_CHECKING:  # pragma: no cover
    from .monitoring_xlsx import ReportSheets

ERA_LETTERS = {"令和": "R", "平成": "H", "昭和": "S"}
CHART_ROWS = 18  # rows a chart takes on the sheet (about 7.6 cm at the default height)


def era_short(ym: str) -> str:
    """「R9.4」: the short 和暦 month banks write, short enough for a chart axis."""
    from kaizen_guide.ja.era import era_year

    y, m = int(ym[:4]), int(ym[5:])
    era = era_year(y, m)
    n = "1" if "元" in era else "".join(ch for ch in era if ch.isdigit())
    return f"{ERA_LETTERS.get(era[:2], '')}{n}.{m}"


def rate_cells(
    w: SheetWriter,
    row: int,
    plan_col: int,
    actual_col: int,
    diff_col: int,
    rate_col: int,
    plan: int,
    actual: int | None,
    rate: Any,
    *,
    balance: bool = False,
) -> None:
    """差異 = 実績 − 計画 and 達成率 = 実績 ÷ 計画 as formulas (「—」 where undefined)."""
    if actual is None:
        w.text(row, diff_col, "—", align=styles.RIGHT)
        w.text(row, rate_col, "—", align=styles.RIGHT)
        return
    w.formula(row, diff_col, f"{ref(actual_col, row)}-{ref(plan_col, row)}", actual - plan)
    if balance or rate is None or rate < 0:
        w.text(row, rate_col, "—", align=styles.RIGHT)  # plan ≤ 0 or a result of the other sign
    else:
        w.formula(row, rate_col, f"{ref(actual_col, row)}/{ref(plan_col, row)}", float(rate), fmt=styles.PCT, tol=1e-9)


def _maybe(w: SheetWriter, row: int, col: int, value: int | None) -> None:
    if value is None:
        w.text(row, col, "—", align=styles.RIGHT)
    else:
        w.number(row, col, value)


def _band(w: SheetWriter, row: int, col: int, band: str | None) -> None:
    label = BAND_LABELS.get(band or "", "")
    w.text(row, col, label, align=styles.CENTER, fill=styles.FILL_WARN if band == "miss" else None)


def _text_categories(chart: Any, ws: Any, first: int, end: int) -> None:
    """Month labels are text: point each series at them as a string reference (Excel shows 1, 2, 3
    for a number reference to text)."""
    from openpyxl.chart.data_source import AxDataSource, StrRef

    quoted = ws.title.replace("'", "''")
    for ser in chart.series:
        ser.cat = AxDataSource(strRef=StrRef(f=f"'{quoted}'!$A${first}:$A${end}"))


def page_break_before(ws: Any, row: int) -> None:
    """Start a new page at ``row``: a chart is a drawing, the row-based page estimate cannot see it,
    so each chart part (its table and the chart) begins a page of its own."""
    from openpyxl.worksheet.pagebreak import Break

    if row > 1 and all(b.id != row - 1 for b in ws.row_breaks.brk):
        ws.row_breaks.append(Break(id=row - 1))


def _reserve(ws: Any, row: int) -> int:
    """Give the chart its rows (so the sheet's print area reaches below it); returns the row after."""
    for r in range(row, row + CHART_ROWS):
        ws.row_dimensions[r].height = 15
    ws.cell(row=row + CHART_ROWS - 1, column=1).value = None
    return row + CHART_ROWS


def _axes(chart: Any) -> None:
    # openpyxl ≥ 3.1 marks axes deleted unless told otherwise; a bank wants to read the scale
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _straight(chart: Any) -> None:
    """Line series drawn point to point: openpyxl's default smoothing overshoots between months
    (a curve above the highest month-end balance would mislead a reader)."""
    for ser in chart.series:
        ser.smooth = False


def write_table_sheet(s: ReportSheets) -> None:
    rep = s.rep
    last = 11
    w = s.frame(
        "計画実績対比表",
        "計画実績対比表",
        {1: 22, 2: 12, 3: 12, 4: 12, 5: 9, 6: 9, 7: 12, 8: 12, 9: 12, 10: 9, 11: 9},
        title_rows="1:3",
    )
    ws = w.ws
    months = (
        f"{len(rep.pc.covered)}/{len(rep.period.months)}か月"
        if not rep.pc.complete
        else f"{len(rep.period.months)}か月"
    )
    w.text(3, 1, f"{rep.period.title}  {rep.period.span_text} (実績 {months})", bold=True, border=None)
    for c0, title in ((2, f"{rep.period.part}"), (7, f"期首からの累計 ({month_text(rep.pc.end.month)}まで)")):
        w.text(4, c0, title, font=s.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        from .cells import merge

        merge(ws, 4, c0, 4, c0 + 4)
    w.text(4, 1, "", fill=styles.FILL_HEADER)
    headers = ["項目", "計画", "実績", "差異", "達成率", "判定", "計画", "実績", "差異", "達成率", "判定"]
    orig = rep.original
    if orig is not None and rep.versions:
        # 修正計画 in force: the same period against the 当初計画 as well, beside the table
        styles.set_widths(ws, {12: 12, 13: 10})
        headers += [rep.versions[0], f"{rep.versions[0]}比"]
        w.text(4, 12, f"{rep.versions[0]} との比較", font=s.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        from .cells import merge as _merge

        _merge(ws, 4, 12, 4, 13)
    w.header_row(5, 1, headers)
    if rep.versions:
        w.text(3, 9, f"比較している計画: {rep.versions[1]}", border=None)
    row = 6
    for ln in rep.lines:
        if orig is not None:
            o = orig.line(ln.key)
            w.number(row, 12, o.plan)
            if ln.actual is None or ln.balance or o.plan <= 0 or ln.actual < 0:
                w.text(row, 13, "—", align=styles.RIGHT)
            else:
                w.formula(row, 13, f"{ref(3, row)}/{ref(12, row)}", ln.actual / o.plan, fmt=styles.PCT, tol=1e-9)
        w.text(row, 1, ln.label, bold=ln.key in ("gross_profit", "operating_profit", "ordinary_profit"))
        w.number(row, 2, ln.plan)
        _maybe(w, row, 3, ln.actual)
        rate_cells(w, row, 2, 3, 4, 5, ln.plan, ln.actual, ln.rate, balance=False)
        _band(w, row, 6, ln.band)
        if ln.balance:
            for col in range(7, 12):
                w.text(row, col, "(月末残高)" if col == 7 else "", align=styles.CENTER)
        else:
            w.number(row, 7, ln.cum_plan)
            _maybe(w, row, 8, ln.cum_actual)
            rate_cells(w, row, 7, 8, 9, 10, ln.cum_plan, ln.cum_actual, ln.cum_rate)
            _band(w, row, 11, ln.cum_band)
        row += 1
    w.block(row, 1, last, rep.pc.bands.note, width_chars=span_width(w, 1, last))
    row += 2

    # the months behind the chart: 期首 … the period's end
    page_break_before(ws, row)
    w.section(row, "月別の推移 (売上高・経常利益)", last)
    row += 1
    head = row
    w.header_row(head, 1, ["月", "計画", "実績", "達成率", "経常利益 計画", "経常利益 実績"])
    for c in rep.chart:
        row += 1
        s_row, o_row = c.row("sales"), c.row("ordinary_profit")
        w.text(row, 1, f"{int(c.month[5:])}月", align=styles.CENTER)
        w.number(row, 2, s_row.plan)
        if s_row.actual is None:
            w.blank(row, 3)
            w.blank(row, 4)  # empty, not text: the chart leaves a gap
        else:
            w.number(row, 3, s_row.actual)
            w.formula(
                row,
                4,
                f"IF({ref(2, row)}>0,{ref(3, row)}/{ref(2, row)},0)",
                s_row.actual / s_row.plan if s_row.plan > 0 else 0,
                fmt=styles.PCT,
                tol=1e-9,
            )
        w.number(row, 5, o_row.plan)
        if o_row.actual is None:
            w.blank(row, 6)
        else:
            w.number(row, 6, o_row.actual)
    first, end = head + 1, row
    bar = BarChart()
    bar.type = "col"
    bar.title = "売上高 計画・実績 (千円) と達成率"
    bar.y_axis.title = "千円"
    bar.y_axis.number_format = "#,##0"
    bar.y_axis.majorGridlines = None
    bar.add_data(Reference(ws, min_col=2, max_col=3, min_row=head, max_row=end), titles_from_data=True)
    _text_categories(bar, ws, first, end)
    line = LineChart()
    line.add_data(Reference(ws, min_col=4, min_row=head, max_row=end), titles_from_data=True)
    _straight(line)
    line.y_axis.axId = 200
    line.y_axis.title = "達成率"
    line.y_axis.number_format = "0%"
    line.y_axis.crosses = "max"
    _axes(bar)
    line.y_axis.delete = False
    bar += line
    bar.height, bar.width = 7.6, 22.0
    row += 2
    ws.add_chart(bar, f"A{row}")
    _reserve(ws, row)


def write_cash_sheet(s: ReportSheets) -> None:
    rep = s.rep
    cp = rep.cash
    last = 7
    w = s.frame("資金繰り", "資金繰り (月実績・月予定)", {1: 34, 2: 13, 3: 13, 4: 13, 5: 13, 6: 13, 7: 13})
    ws = w.ws
    row = 4
    w.section(row, f"{month_text(cp.month)}の資金繰り (月実績 / 月予定) と{month_text(cp.next_month)}の予定", last)
    row += 1
    w.header_row(row, 1, ["項目", "月実績", "月予定", "差異", "翌月予定", "備考"])
    from .cells import merge

    merge(ws, row, 6, row, 7)
    for f in cp.flows:
        row += 1
        w.text(row, 1, f.label)
        _maybe(w, row, 2, f.actual)
        _maybe(w, row, 3, f.plan)
        if f.actual is None or f.plan is None:
            w.text(row, 4, "—", align=styles.RIGHT)
        else:
            w.formula(row, 4, f"{ref(2, row)}-{ref(3, row)}", f.actual - f.plan)
        _maybe(w, row, 5, f.next_plan)
        w.block(row, 6, 7, f.note, width_chars=span_width(w, 6, 7))
    row += 2

    w.section(row, f"銀行別残高と約定返済・計画返済 ({rep.period.part}: {rep.period.span_text})", last)
    row += 1
    w.header_row(row, 1, ["金融機関", "計画残高 (期間末)", "約定返済", "計画返済 (支援後)", "軽減額", "メイン"])
    first = row + 1
    for b in cp.banks:
        row += 1
        w.text(row, 1, b.bank)
        w.number(row, 2, b.plan_balance)
        w.number(row, 3, b.contractual)
        w.number(row, 4, b.planned)
        w.formula(row, 5, f"{ref(3, row)}-{ref(4, row)}", b.contractual - b.planned)
        w.text(row, 6, "○" if b.is_main else "", align=styles.CENTER)
    row += 1
    w.text(row, 1, "合計 (計画)", bold=True, fill=styles.FILL_TOTAL)
    for col, total in (
        (2, cp.plan_borrowings),
        (3, cp.contractual_total),
        (4, cp.planned_total),
        (5, cp.contractual_total - cp.planned_total),
    ):
        w.formula(row, col, f"SUM({ref(col, first)}:{ref(col, row - 1)})", total, bold=True, fill=styles.FILL_TOTAL)
    w.blank(row, 6, fill=styles.FILL_TOTAL)
    row += 1
    w.text(row, 1, "実績 (合計)", bold=True)
    _maybe(w, row, 2, cp.actual_borrowings)
    w.text(row, 3, "—", align=styles.RIGHT)
    _maybe(w, row, 4, cp.actual_repaid)
    w.block(row, 5, 7, f"実績返済は借入金残高の減少 ({cp.repaid_basis})", width_chars=span_width(w, 5, 7))
    row += 2
    for n in cp.notes:
        w.block(row, 1, last, f"※ {n}", width_chars=span_width(w, 1, last))
        row += 1
    row += 1
    page_break_before(ws, row)
    w.section(row, "月末現預金の推移 (計画・実績・今の残高からの見込み)", last)
    row += 1
    head = row
    w.header_row(head, 1, ["月 (和暦)", "計画", "実績", "見込み (実績から)"])
    series: list[tuple[str, int | None, int | None, int | None]] = []
    for c in rep.chart:
        series.append((c.month, c.row("cash_end").plan, c.row("cash_end").actual, None))
    if series and series[-1][2] is not None and cp.outlook:
        m, p, a, _ = series[-1]
        series[-1] = (m, p, a, a)  # the outlook starts at the actual balance (the lines join)
    seen = {m for m, *_ in series}
    for m, outlook_plan, outlook_cash in cp.outlook[:6]:
        if m not in seen:
            series.append((m, outlook_plan, None, outlook_cash))
    for m, plan_v, actual, projected in series:
        row += 1
        w.text(row, 1, era_short(m), align=styles.CENTER)
        for col, v in ((2, plan_v), (3, actual), (4, projected)):
            if v is None:
                w.blank(row, col)
            else:
                w.number(row, col, v)
    first, end = head + 1, row
    chart = LineChart()
    chart.title = "月末現預金 (千円): 計画と実績"
    chart.y_axis.title = "千円"
    chart.y_axis.number_format = "#,##0"
    chart.add_data(Reference(ws, min_col=2, max_col=4, min_row=head, max_row=end), titles_from_data=True)
    _text_categories(chart, ws, first, end)
    _straight(chart)
    _axes(chart)
    chart.height, chart.width = 7.6, 20.0
    row += 1
    low = cp.lowest
    if low:
        text = f"今の残高から計画どおりに推移すると、最も少なくなるのは{month_text(low[0])}の {low[1]:,}千円".replace(
            " -", " ▲"
        ) + (f"。最低限必要な手元資金 {cp.minimum:,}千円 を {cp.short_by:,}千円 下回ります。" if cp.short_by else "。")
        w.block(row, 1, last, text, width_chars=span_width(w, 1, last))
        row += 1
    row += 1
    ws.add_chart(chart, f"A{row}")
    row = _reserve(ws, row) + 1
