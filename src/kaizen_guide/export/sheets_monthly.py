"""The 月次資金繰り表 sheet (計画1年目, month by month): its grid and the links from each month to
the year's figures on the other sheets.

Split out of ``sheets_banks.py`` (資産保全表, 金融機関別返済計画), which re-exports these writers.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from . import layout, styles
from .blocks import span_width
from .context import BuildContext
from .grid import Column, Grid, GridRow, place, rows_from_specs, set_grid_widths, write_body, write_header

TOTAL_COL_OFFSET = 13


MONTHLY_VALUE_NOTE = (
    "計画1年目の年額を季節指数・回収/支払サイトで月に割り振った値です (月ごとの端数調整と"
    "サイトのずれを含むため数式にしていません)。年額を変えたときは計画を再計算してください。"
)


def _even_part(total: str, rank: int, parts: int) -> str:
    """The ``rank``-th (1-based) of ``parts`` near-equal whole parts of ``total`` (earlier parts take
    the remainder), as the engine splits an annual amount (rounding.split_even)."""
    return f"SIGN({total})*(INT(ABS({total})/{parts})+IF({rank}<=MOD(ABS({total}),{parts}),1,0))"


def _monthly_links(ctx: BuildContext, rows: list[GridRow], months: list[int], bank_names: list[str]) -> None:
    """Lines of the 月次資金繰り表 that are an annual figure of 計画1年目 spread by a fixed rule become
    formulas over that figure: 返済 by bank, 支払利息, 納税, 設備投資, 特別損益, 新規借入."""
    from ..finance.labels import first_month_number
    from ..finance.monthly import _month_index

    settings = ctx.settings
    first = first_month_number(ctx.plan)
    tax_idx = sorted({_month_index(m, first) + 1 for m in ctx.plan.cash.tax_payment_months}) or [12]
    by_key = {r.key: r for r in rows if r.key}

    def year1(ref: str, m: int) -> str:  # the 計画1年目 cell of another sheet, seen from month m
        sheet, key = ref.split(":")
        return f"{{{sheet}:{key}@{1 - m}}}"

    def spread(key: str, ref: str, in_months: list[int]) -> None:
        row = by_key.get(key)
        if row is None:
            return
        for m in months:
            if m in in_months:
                row.templates[m] = _even_part(year1(ref, m), in_months.index(m) + 1, len(in_months))
            else:
                row.templates[m] = "0"

    every = list(range(1, 13))
    if bank_names and ctx.proj.repayment.banks:
        for i in range(len(bank_names)):
            spread(f"rep.{i}", f"banks:b{i}.repayment", every)
        spread("borrowing", "banks:total.new_borrowing", [settings.borrowing_month])
    spread("interest_payments", "pl:interest_expense", every)
    spread("tax_payments", "pl:income_taxes", tax_idx)
    spread("capex", "cf:capex_total", [settings.capex_month])
    spread("extraordinary", "pl:extraordinary", [12])


def prepare_monthly(ctx: BuildContext) -> Grid:
    m = ctx.proj.monthly
    months = {r.index: r for r in m.months}
    cols: list[Column] = []
    for r in m.months:
        year = r.year_month[:4] + "年" if r.year_month else ""
        cols.append(Column(r.index, year, r.label))
    cols.append(Column(TOTAL_COL_OFFSET, layout.MONTHLY_TOTAL_LABEL, "計画1年目"))
    offsets = [c.offset for c in cols]
    bank_names = [b.bank for b in ctx.proj.repayment.banks]
    if not bank_names:
        seen: list[str] = []
        for r in m.months:
            for name in r.repayment_by_bank:
                if name not in seen:
                    seen.append(name)
        bank_names = seen

    def total_of(src: str):
        if src == "opening":
            return m.months[0].opening if m.months else None
        if src == "closing":
            return m.months[-1].closing if m.months else None
        if src in layout.MONTHLY_BALANCE_ROWS:
            return None
        return sum(getattr(r, src) for r in m.months)

    def get(src, o):
        if o == TOTAL_COL_OFFSET:
            return total_of(src)
        r = months.get(o)
        return getattr(r, src) if r is not None else None

    rep_rows = []
    for i, name in enumerate(bank_names):
        row = GridRow(key=f"rep.{i}", label=f"返済: {name}", indent=2)
        for o in offsets:
            if o == TOTAL_COL_OFFSET:
                row.values[o] = sum(r.repayment_by_bank.get(name, 0) for r in m.months)
            else:
                row.values[o] = months[o].repayment_by_bank.get(name, 0) if o in months else None
        rep_rows.append(row)
    rows = rows_from_specs(ctx, layout.MONTHLY_ROWS, offsets, get, expand={layout.BANKS: rep_rows})
    _monthly_links(ctx, rows, [o for o in offsets if o != TOTAL_COL_OFFSET], bank_names)
    for row in rows:
        if not row.key:
            continue
        if not row.templates or any(o not in row.templates for o in offsets if o != TOTAL_COL_OFFSET):
            row.value_note = MONTHLY_VALUE_NOTE
        if row.key == "repayment" and not rep_rows:
            row.templates.clear()
        if row.key == "opening":
            row.templates[offsets[0]] = "?{cf:cash_opening}"
            row.templates[TOTAL_COL_OFFSET] = f"{{opening@{offsets[0] - TOTAL_COL_OFFSET}}}"
        elif row.key in layout.MONTHLY_BALANCE_ROWS:
            row.values[TOTAL_COL_OFFSET] = None
        elif TOTAL_COL_OFFSET not in row.templates or row.key.startswith("rep."):
            first, lastm = offsets[0] - TOTAL_COL_OFFSET, offsets[-2] - TOTAL_COL_OFFSET
            row.templates[TOTAL_COL_OFFSET] = f"SUM({{{row.key}@{first}}}:{{{row.key}@{lastm}}})"
        if row.key == "closing":
            for o in offsets[:-1]:
                if o in m.negative_months:
                    row.cell_fills[o] = styles.FILL_WARN
                elif o == m.lowest_index or o in m.below_minimum_months:
                    row.cell_fills[o] = styles.FILL_TOTAL
    grid = Grid("monthly", cols, rows, with_note=False)
    place(ctx, grid, layout.HEADER_ROW)
    return grid


def write_monthly(ctx: BuildContext, grid: Grid) -> None:
    ws = ctx.ws("monthly")
    w = ctx.writer("monthly")
    m = ctx.proj.monthly
    set_grid_widths(ctx, grid, year_width=10.0)
    w.sheet_title(layout.SHEET["monthly"].title, ctx.company, ctx.date_text, grid.last_col)
    write_header(w, grid)
    write_body(ctx, w, grid)
    row = grid.rows[-1].row + 2
    lowest = f"{m.lowest_label} {m.lowest_balance:,}千円" if m.lowest_label else f"{m.lowest_balance:,}千円"
    notes = [
        f"月末残高が最も少ない月: {lowest} / 最低限必要な手元資金: {m.minimum_cash:,}千円。",
        (
            "資金ショート (翌月繰越がマイナス) の月: " + "、".join(f"{i}か月目" for i in m.negative_months)
            if m.negative_months
            else "資金ショートする月はありません。"
        ),
        "翌月繰越 (12か月目) は資金計画の計画1年目 期末現預金と一致します。色付きのセルは最低残高の月・手元資金を下回る月です。",
    ]
    for n in notes:
        w.block(row, 1, grid.last_col, n, width_chars=span_width(w, 1, grid.last_col))
        row += 1
    ws.freeze_panes = f"{get_column_letter(grid.first_col)}{grid.header_row + 1}"
    styles.page_setup(
        ws, company=ctx.company, date_text=ctx.date_text, title_rows=f"1:{grid.header_row}", title_cols="A:A"
    )
