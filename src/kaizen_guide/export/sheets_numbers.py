"""Numeric sheets by year: 資金実績表, 損益計画 (with its chart), 資金計画, 貸借対照表計画, タックスプラン."""

from __future__ import annotations

from dataclasses import replace

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter

from . import layout, styles
from .context import BuildContext
from .grid import Grid, GridRow, place, rows_from_specs, set_grid_widths, write_body, write_header, year_columns

HEADER_ROW = layout.HEADER_ROW


def _get(ctx: BuildContext):
    return ctx.sources.get


# ---------------------------------------------------------------------------------------------
# Preparation (rows and positions); every grid is placed before any sheet is written.


def prepare_pl(ctx: BuildContext) -> Grid:
    cols = year_columns(ctx)
    offsets = [c.offset for c in cols]
    plan_offsets = [o for o in offsets if o >= 0]
    segs = []
    get = ctx.sources.get
    for i, seg in enumerate(ctx.plan.drivers.segments):
        name = seg.name or f"区分{i + 1}"
        row = GridRow(key=f"seg.{i}", label=name, indent=1, note="単価 × 数量 ÷ 1,000")
        price = GridRow(key=f"segp.{i}", label="単価 (円)", indent=2, fmt=styles.COUNT, note="入力")
        qty = GridRow(
            key=f"segq.{i}", label=f"数量 ({seg.unit})" if seg.unit else "数量", indent=2, fmt=styles.COUNT, note="入力"
        )
        for o in offsets:
            row.values[o] = get(f"seg:{seg.name}", o)
            price.values[o] = get(f"seg_price:{i}", o)
            qty.values[o] = get(f"seg_qty:{i}", o)
        for o in plan_offsets:
            row.templates[o] = f"ROUND({{segp.{i}}}*{{segq.{i}}}/1000,0)"
        segs.extend([row, price, qty])
    rows = rows_from_specs(ctx, layout.PL_ROWS, offsets, _get(ctx), expand={layout.SEGMENTS: segs})
    rows = _with_metric_variants(ctx, rows, offsets) + _stress_rows(ctx, offsets)
    grid = Grid("pl", cols, rows)
    place(ctx, grid, HEADER_ROW)
    return grid


STRESS_NOTE = "エンジンのストレスケースの計算結果です (売上・原価率・施策効果を変えて計画全体を再計算した値)"
BEFORE_OWNER_NOTE = "エンジンが実態BS修正から代表者資産 (個人の資産・負債) を除いて計算した値です"


STRESS_HEADINGS = {True: "全ケースで返済・資金繰りとも可", False: "成り立たないケースあり"}


def _when(year: int | None) -> str:
    return f"計画{year}年目" if year is not None else "計画期間内に解消せず"


def _with_metric_variants(ctx: BuildContext, rows: list[GridRow], offsets: list[int]) -> list[GridRow]:
    """The 債務償還年数 definition and its gross variant, and 実質純資産 before 代表者資産 with the
    解消 year of both, beside the form's rows (banks read both variants)."""
    proj, get = ctx.proj, ctx.sources.get
    defs, tr = proj.definitions, proj.targets
    out: list[GridRow] = []
    for row in rows:
        out.append(row)
        if row.key == "debt_years":
            row.note = defs.debt_years
            gross = GridRow(
                key="gross_debt_years",
                label="債務償還年数 (簡易: 有利子負債 ÷ 簡易CF)",
                fmt=styles.YEARS,
                tol=0.0051,
                none_expected=layout.NOT_COMPUTABLE,
                note=defs.gross_debt_years,
            )
            for o in offsets:
                gross.values[o] = get("metrics.gross_debt_repayment_years", o)
                gross.templates[o] = 'IF({simple_cf}<=0,"算出不能",{interest_bearing_debt}/{simple_cf})'
            out.append(gross)
        elif row.key == "real_net_assets":
            row.label = "実質純資産 (代表者資産加味後)"
            row.note = f"0未満は実質債務超過。解消: {_when(tr.solvency_year)}。{defs.solvency_year}"
            before = GridRow(
                key="real_net_assets_before_owner",
                label="実質純資産 (代表者資産加味前)",
                note=f"解消: {_when(tr.solvency_year_before_owner)}。{defs.real_net_assets}",
                value_note=BEFORE_OWNER_NOTE,
                value_all=True,
            )
            for o in offsets:
                before.values[o] = get("metrics.real_net_assets_before_owner", o)
            out.append(before)
    return out


def _stress_rows(ctx: BuildContext, offsets: list[int]) -> list[GridRow]:
    """ストレステスト: one group of rows per engine stress case (plan years 1..N), values with a note."""
    stress = ctx.proj.stress
    if not stress.scenarios:
        return []
    # a short heading (a long one would widen the label column); the full verdict is in the 概要
    out = [GridRow(key="", label=f"ストレステスト ({STRESS_HEADINGS[stress.passed]})", section=True)]
    fields = [
        ("sales", "売上高"),
        ("ordinary_income", "経常利益"),
        ("simple_cf", "簡易CF"),
        ("repayment", "返済額 (計画のまま)"),
        ("covered", "返済を簡易CFで賄えるか"),
        ("cash_closing", "期末現預金 (資金不足の補填前)"),
    ]
    for i, sc in enumerate(stress.scenarios):
        ok = sc.repayment_covered and sc.cash_never_negative
        out.append(
            GridRow(key="", label=f"{sc.name}: {'返済・資金繰りとも可' if ok else '成り立たない'}", section=True)
        )
        years = {y.year: y for y in sc.years}
        for j, (name, label) in enumerate(fields):
            row = GridRow(
                key=f"stress{i}.{name}",
                label=label,
                indent=1,
                value_note=STRESS_NOTE,
                note=(sc.verdict if j == 0 else (ctx.proj.definitions.stress if j == 1 else "")),
            )
            for o in offsets:
                y = years.get(o)
                if y is not None:
                    v = getattr(y, name)
                    row.values[o] = ("可" if v else "不可") if name == "covered" else v
            out.append(row)
    return out


def _prepare_rows(ctx: BuildContext, name: str, specs, *, actual: bool) -> Grid:
    """A year-column grid built straight from layout row specs, placed under the header."""
    cols = year_columns(ctx, actual=actual)
    rows = rows_from_specs(ctx, specs, [c.offset for c in cols], _get(ctx))
    grid = Grid(name, cols, rows)
    place(ctx, grid, HEADER_ROW)
    return grid


def prepare_cf(ctx: BuildContext) -> Grid:
    from ..finance.pl import capex_depreciation

    cols = year_columns(ctx, actual=False)
    offsets = [c.offset for c in cols]
    rows = rows_from_specs(ctx, layout.CF_ROWS, offsets, _get(ctx))
    rows.extend(_capex_rows(ctx, offsets, capex_depreciation))
    grid = Grid("cf", cols, rows)
    place(ctx, grid, HEADER_ROW)
    return grid


def _capex_rows(ctx: BuildContext, offsets: list[int], capex_depreciation) -> list[GridRow]:
    """設備投資 (inputs, one row per item) and 減価償却費 as formulas over them (資金計画 → 損益計画)."""
    from ..model.common import per_year

    plan, proj = ctx.plan, ctx.proj
    n = len(proj.pl)
    items = [it for it in plan.drivers.capex if it.year < n and it.amount > 0]
    rows: list[GridRow] = [
        GridRow(key="", label="設備投資と減価償却費 (入力: 設備投資額・既存資産の償却予定)", section=True)
    ]
    driver = GridRow(key="dep_driver", label="既存資産の減価償却費 (予定)", indent=1, note="入力")
    existing = GridRow(
        key="dep_existing",
        label="既存資産の減価償却費 (簿価が上限)",
        indent=1,
        note="直近決算の有形固定資産の簿価を超えない",
    )
    item_deps = [capex_depreciation(it, n) for it in items]
    for o in offsets:
        driver.values[o] = per_year(plan.drivers.existing_depreciation, o)
        existing.values[o] = proj.pl[o].depreciation - sum(d[o] for d in item_deps)
        before = f"-SUM({{dep_existing@{-o}}}:{{dep_existing@-1}})" if o > 0 else ""
        existing.templates[o] = f"?MIN(MAX(0,{{dep_driver}}),MAX(0,{{bs:tangible_fixed_assets@{-o - 1}}}){before})"
    rows += [driver, existing]
    cap_rows, dep_rows = [], []
    for i, (it, deps) in enumerate(zip(items, item_deps)):
        life = it.useful_life
        what = it.description or f"設備投資{i + 1}"
        cap = GridRow(key=f"capex.{i}", label=f"設備投資: {what}", indent=1, note=f"入力 (耐用年数 {life}年)")
        cap.values[it.year] = it.amount
        dep = GridRow(key=f"depn.{i}", label=f"減価償却費: {what}", indent=1, note=f"定額法 {life}年 (初年度から)")
        for o in offsets:
            k = o - it.year
            if k < 0 or k >= life:
                continue
            a = f"{{capex.{i}@{-k}}}"
            annual = f"ROUND({a}/{life},0)"
            dep.values[o] = deps[o]
            dep.templates[o] = (
                f"{a}-MIN({a},{life - 1}*{annual})" if k == life - 1 else f"MAX(0,MIN({annual},{a}-{k}*{annual}))"
            )
        cap_rows.append(cap)
        dep_rows.append(dep)
    rows += cap_rows
    total_cap = GridRow(key="capex_total", label="設備投資 計", total=True)
    total_dep = GridRow(key="dep_total", label="減価償却費 計", total=True, note="損益計画の減価償却費へ")
    for o in offsets:
        total_cap.values[o] = proj.cf[o].capex
        total_cap.templates[o] = "SUM({capex*})"
        total_dep.values[o] = proj.pl[o].depreciation
        total_dep.templates[o] = "{dep_existing}+SUM({depn*})"
    return rows + [total_cap] + dep_rows + [total_dep]


def prepare_bs(ctx: BuildContext) -> Grid:
    specs = list(layout.BS_ROWS)
    if getattr(ctx.settings, "include_officer_borrowings_in_debt", False):
        specs = [
            s
            if s.key != "interest_bearing_debt"
            else layout.Row(s.key, "有利子負債 (役員借入金を含む)", s.src, layout.BS_DEBT_WITH_OFFICER)
            for s in specs
        ]
    if not ctx.proj.repayment.banks:
        specs = [s if s.key != "borrowings" else replace(s, pformula=layout.BS_BORROWINGS_NO_BANKS) for s in specs]
    grid = _prepare_rows(ctx, "bs", specs, actual=True)
    # A line held at last year's balance is a formula only where the engine really held it (the
    # opening restatement may move 計画0年目, e.g. その他負債 absorbs an unbalanced 決算書).
    for row in grid.rows:
        for o, t in list(row.templates.items()):
            if t == f"?{{{row.key}@-1}}" and row.values.get(o) != ctx.values.get(("bs", row.key, o - 1)):
                del row.templates[o]
    return grid


def prepare_tax(ctx: BuildContext) -> Grid:
    full = ctx.plan.drivers.tax.sme_full_loss_use
    specs = [
        replace(s, formula=layout.TAX_USED_FORMULAS[full], variant=None) if s.key == "used" else s
        for s in layout.TAX_ROWS
    ]
    grid = _prepare_rows(ctx, "tax", specs, actual=False)
    # 計画0年目の期首残高 = the 繰越欠損金の内訳 table's total (written below the grid by write_tax)
    lcs = ctx.plan.drivers.tax.loss_carryforwards
    opening = next((r for r in grid.rows if r.key == "carryforward_opening"), None)
    if lcs and opening is not None and grid.rows and opening.values.get(0) == sum(lc.amount for lc in lcs):
        total_row = grid.rows[-1].row + 4 + 2 + len(lcs)
        ctx.remember("tax", "lc_total", 0, 2, total_row)
        opening.templates[0] = "{lc_total}"
    return grid


def prepare_cash_actual(ctx: BuildContext) -> Grid:
    src = ctx.sources
    # every shown actual year (3 periods); the oldest without the B/S before it shows only its P/L lines
    cols = year_columns(ctx, plan=False)
    if len(cols) < 2 and not any(src.fiscal_year(c.offset - 1) for c in cols):
        cols = []
    rows = rows_from_specs(ctx, layout.CASH_ACTUAL_ROWS, [c.offset for c in cols], _get(ctx))
    grid = Grid("cash_actual", cols, rows)
    place(ctx, grid, HEADER_ROW)
    return grid


# ---------------------------------------------------------------------------------------------
# Writing


def write_grid_sheet(ctx: BuildContext, grid: Grid, *, intro: str | None = None) -> None:
    ws = ctx.ws(grid.sheet)
    w = ctx.writer(grid.sheet)
    set_grid_widths(ctx, grid)
    w.sheet_title(layout.SHEET[grid.sheet].title, ctx.company, ctx.date_text, grid.last_col)
    write_header(w, grid)
    write_body(ctx, w, grid)
    end = grid.rows[-1].row if grid.rows else grid.header_row
    if intro:
        w.block(
            end + 2,
            1,
            grid.last_col,
            intro,
            width_chars=sum((ws.column_dimensions[c].width or 10) for c in ws.column_dimensions) or 100,
        )
        ws.cell(row=end + 2, column=1).font = ctx.fonts.small
    ws.freeze_panes = f"{get_column_letter(grid.first_col)}{grid.header_row + 1}"
    styles.page_setup(
        ws, company=ctx.company, date_text=ctx.date_text, title_rows=f"1:{grid.header_row}", title_cols="A:A"
    )


def write_pl(ctx: BuildContext, grid: Grid) -> None:
    write_grid_sheet(ctx, grid)
    _pl_chart(ctx, grid)


def _pl_chart(ctx: BuildContext, grid: Grid) -> None:
    ws = ctx.ws("pl")
    rows = {r.key: r.row for r in grid.rows if r.key}
    bar_key, line_key = layout.PL_CHART_ROWS
    if not grid.columns or bar_key not in rows or line_key not in rows:
        return
    c1, c2 = grid.first_col, grid.first_col + len(grid.columns) - 1
    cats = Reference(ws, min_col=c1, max_col=c2, min_row=grid.header_row, max_row=grid.header_row)

    bar = BarChart()
    bar.type = "col"
    bar.title = "売上高・経常利益の推移 (千円)"
    bar.y_axis.title = "売上高"
    bar.y_axis.numFmt = "#,##0"
    bar.y_axis.majorGridlines = None
    bar.y_axis.scaling.min = 0
    data = Reference(ws, min_col=1, max_col=c2, min_row=rows[bar_key], max_row=rows[bar_key])
    bar.add_data(data, titles_from_data=True, from_rows=True)
    bar.set_categories(cats)

    line = LineChart()
    data = Reference(ws, min_col=1, max_col=c2, min_row=rows[line_key], max_row=rows[line_key])
    line.add_data(data, titles_from_data=True, from_rows=True)
    line.y_axis.axId = 200
    line.y_axis.title = "経常利益"
    line.y_axis.numFmt = '#,##0;"▲"#,##0'
    line.y_axis.crosses = "max"
    for s in line.series:
        s.marker.symbol = "circle"
        s.smooth = False
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    line.y_axis.delete = False
    bar += line
    bar.legend.position = "b"
    bar.height = 9
    bar.width = 24
    anchor_row = grid.rows[-1].row + 3
    ws.add_chart(bar, f"A{anchor_row}")
    # keep the chart on its own printed page area: a page break before it
    from openpyxl.worksheet.pagebreak import Break

    ws.row_breaks.append(Break(id=anchor_row - 2))


def write_cf(ctx: BuildContext, grid: Grid) -> None:
    write_grid_sheet(
        ctx,
        grid,
        intro="実績期の資金の動きは「資金実績表」を参照。計画年度の期首現預金は前期末 (計画0年目は直近決算) の現預金です。",
    )


def write_bs(ctx: BuildContext, grid: Grid) -> None:
    write_grid_sheet(ctx, grid)


def write_tax(ctx: BuildContext, grid: Grid) -> None:
    tax = ctx.plan.drivers.tax
    intro = (
        f"実効税率 {float(tax.effective_rate) * 100:.2f}% / 均等割 {tax.per_capita_levy:,}千円 / "
        f"繰越欠損金の控除限度: {'所得の100% (中小法人)' if tax.sme_full_loss_use else '所得の50%'} / "
        f"繰越期限 {tax.carryforward_years}年。申告調整 (加算・減算) は見込んでいません。"
    )
    write_grid_sheet(ctx, grid, intro=intro)
    w = ctx.writer("tax")
    row = grid.rows[-1].row + 4
    w.section(row, "繰越欠損金の内訳 (計画開始時)", grid.last_col)
    row += 1
    w.header_row(row, 1, ["発生事業年度", "残高 (千円)"])
    row += 1
    lcs = tax.loss_carryforwards
    if not lcs:
        w.text(row, 1, "繰越欠損金はありません")
    first = row
    for lc in lcs:
        w.text(row, 1, lc.arising_label)
        w.input(row, 2, lc.amount)
        row += 1
    if lcs:
        assert ctx.cells.get(("tax", "lc_total", 0), (2, row)) == (2, row)
        w.text(row, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
        opening = ctx.proj.tax[0].carryforward_opening if ctx.proj.tax else None
        total = sum(lc.amount for lc in lcs)
        w.formula(
            row, 2, f"SUM(B{first}:B{row - 1})", total, bold=True, fill=styles.FILL_TOTAL, border=styles.BORDER_TOTAL
        )
        if opening is not None and opening != total:
            w.text(row, 3, f"計画0年目期首の残高 {opening:,}千円 (期限切れ等を除く)", font=ctx.fonts.small, border=None)


def write_cash_actual(ctx: BuildContext, grid: Grid) -> None:
    if not grid.columns:
        ws = ctx.ws("cash_actual")
        w = ctx.writer("cash_actual")
        w.sheet_title(layout.SHEET["cash_actual"].title, ctx.company, ctx.date_text, 6)
        w.block(
            4,
            1,
            6,
            "資金実績表には2期以上の決算実績が必要です (前期の貸借対照表との差額で作成します)。",
            width_chars=80,
        )
        styles.set_widths(ws, {1: 30, 2: 12, 3: 12, 4: 12, 5: 12, 6: 12})
        styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text)
        return
    oldest = grid.columns[0] if grid.columns else None
    missing = oldest is not None and ctx.sources.fiscal_year(oldest.offset - 1) is None
    write_grid_sheet(
        ctx,
        grid,
        intro="決算書の損益計算書と前期・当期の貸借対照表の差額から作成しています。"
        + (
            f"{oldest.bottom}は前期の貸借対照表がないため、貸借対照表の増減による行を「—」としています。"
            if missing and oldest is not None
            else ""
        ),
    )
