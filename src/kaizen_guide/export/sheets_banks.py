"""Bank sheets: 金融機関別返済計画・金融支援計画 and 資産保全表 here; the 月次資金繰り表 in
:mod:`.sheets_monthly` (re-exported: the workbook calls all three through this module)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..finance.rounding import mul
from ..model.plan import SUPPORT_TYPE_LABELS
from . import layout, styles
from .blocks import field_row, span_width
from .cells import ref
from .context import BuildContext, ym_text
from .grid import Column, Grid, GridRow, place, rows_from_specs, set_grid_widths, write_body, write_header
from .sheets_monthly import MONTHLY_VALUE_NOTE, TOTAL_COL_OFFSET, prepare_monthly, write_monthly

# The monthly sheet's writers are re-exported with this module's own.
__all__ = [
    "ALLOCATION_NOTE",
    "BASE_NOTE",
    "CAPACITY_NOTE",
    "GUARANTEE_NOTE",
    "LOAN_SUM_NOTE",
    "MONTHLY_VALUE_NOTE",
    "SHARE_TOL",
    "TOTAL_COL_OFFSET",
    "UNSECURED_NOTE",
    "BanksLayout",
    "CoverageLayout",
    "prepare_banks",
    "prepare_coverage",
    "prepare_monthly",
    "write_banks",
    "write_coverage",
    "write_monthly",
]

LOAN_SUM_NOTE = "借入ごとの残高 (金融機関の借入明細で入力) の合計です。"
GUARANTEE_NOTE = "借入ごとの残高 × 保証割合 (千円未満切捨て) の合計です。"
ALLOCATION_NOTE = (
    "担保物件の処分可能見込額を担保権の順位どおりに配分した値です (順位・極度額・未保全額で"
    "上限が変わる手順のため数式にしていません)。評価額や掛目を変えたときは計画を再計算してください。"
)
CAPACITY_NOTE = (
    "支援期間後の返済条件 (依頼内容で定めた返済額など) から計算した値です。簡易CFを変えても自動では変わりません。"
)
SHARE_TOL = 0.00005 + 1e-9  # engine shares are rounded to 4 decimal places

# =============================================================================================
# 資産保全表


@dataclass
class CoverageLayout:
    bank_rows: dict[str, int] = field(default_factory=dict)  # bank name → row
    total_row: int = 0
    detail_first: int = 0
    detail_last: int = 0
    detail_rows: list = field(default_factory=list)  # (bank name, CollateralAllocation)


def prepare_coverage(ctx: BuildContext) -> CoverageLayout:
    cov = ctx.proj.coverage
    lay = CoverageLayout()
    row = 6
    for b in cov.banks:
        lay.bank_rows[b.bank] = row
        ctx.remember("coverage", f"secured:{b.bank}", 0, 6, row, b.secured_total)
        ctx.remember("coverage", f"balance:{b.bank}", 0, 2, row, b.balance)
        ctx.remember("coverage", f"unsecured:{b.bank}", 0, 7, row, b.unsecured)
        row += 1
    if not cov.banks:
        row = 7  # row 6 says there are no loans
    lay.total_row = row
    ctx.remember("coverage", "secured:total", 0, 6, row, cov.total_secured)
    ctx.remember("coverage", "balance:total", 0, 2, row, cov.total_balance)
    details = []
    for col in ctx.plan.collaterals:  # in the order entered, liens by rank (as the engine allocates)
        for b in cov.banks:
            for a in b.collateral:
                if a.collateral == col.name:
                    details.append((b.bank, a))
    details.sort(key=lambda t: ([c.name for c in ctx.plan.collaterals].index(t[1].collateral), t[1].rank))
    lay.detail_rows = details
    lay.detail_first = row + 4
    lay.detail_last = lay.detail_first + len(details) - 1
    return lay


def write_coverage(ctx: BuildContext, lay: CoverageLayout) -> None:
    ws = ctx.ws("coverage")
    w = ctx.writer("coverage")
    cov = ctx.proj.coverage
    last = 10
    styles.set_widths(ws, {1: 26, 2: 13, 3: 13, 4: 13, 5: 11, 6: 13, 7: 13, 8: 11, 9: 12, 10: 13})
    w.sheet_title(layout.SHEET["coverage"].title, ctx.company, ctx.date_text, last)
    as_of = ym_text(cov.as_of) if cov.as_of and "-" in cov.as_of else (cov.as_of or "計画開始時")
    w.section(4, f"金融機関別の保全状況 (基準日: {as_of})", last)
    w.header_row(5, 1, list(layout.COVERAGE_COLUMNS), height=30)
    tr = lay.total_row
    first = 6
    d1, d2 = lay.detail_first, lay.detail_last
    has_detail = bool(lay.detail_rows)
    for b in cov.banks:
        r = lay.bank_rows[b.bank]
        w.text(r, 1, b.bank)
        w.value(r, 2, b.balance, LOAN_SUM_NOTE)
        if has_detail:
            w.formula(r, 3, f"SUMPRODUCT(($G${d1}:$G${d2}={ref(1, r)})*$J${d1}:$J${d2})", b.collateral_total)
        else:
            w.value(r, 3, b.collateral_total, "担保物件はありません。")
        w.value(r, 4, b.guarantee, GUARANTEE_NOTE)
        w.input(r, 5, b.pledged_deposits)
        w.formula(r, 6, f"C{r}+D{r}+E{r}", b.secured_total, bold=True)
        w.formula(r, 7, f"B{r}-F{r}", b.unsecured, bold=True)
        w.formula(r, 8, f'IF(B{r}=0,"—",F{r}/B{r})', _share(b.coverage_ratio), fmt=styles.PCT, tol=SHARE_TOL)
        w.formula(r, 9, f'IF(B${tr}=0,"—",B{r}/B${tr})', _share(b.balance_share), fmt=styles.PCT, tol=SHARE_TOL)
        w.formula(r, 10, f'IF(G${tr}=0,"—",G{r}/G${tr})', _share(b.unsecured_share), fmt=styles.PCT, tol=SHARE_TOL)
    if not cov.banks:
        w.block(first, 1, last, "借入はありません。", width_chars=120)
    w.text(tr, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
    sums = {
        2: cov.total_balance,
        3: sum(b.collateral_total for b in cov.banks),
        4: sum(b.guarantee for b in cov.banks),
        5: sum(b.pledged_deposits for b in cov.banks),
        6: cov.total_secured,
        7: cov.total_unsecured,
    }
    for c, expected in sums.items():
        letter = "ABCDEFGHIJ"[c - 1]
        if cov.banks:
            w.formula(
                tr,
                c,
                f"SUM({letter}{first}:{letter}{tr - 1})",
                expected,
                bold=True,
                fill=styles.FILL_TOTAL,
                border=styles.BORDER_TOTAL,
            )
        else:
            w.formula(tr, c, "0", 0, bold=True, fill=styles.FILL_TOTAL, border=styles.BORDER_TOTAL)
    total_ratio = (cov.total_secured / cov.total_balance) if cov.total_balance else "—"
    w.formula(
        tr,
        8,
        f'IF(B{tr}=0,"—",F{tr}/B{tr})',
        total_ratio,
        fmt=styles.PCT,
        bold=True,
        fill=styles.FILL_TOTAL,
        border=styles.BORDER_TOTAL,
        tol=1e-9,
    )
    for c in (9, 10):
        letter = "ABCDEFGHIJ"[c - 1]
        shares = [b.balance_share if c == 9 else b.unsecured_share for b in cov.banks]
        known = [float(s) for s in shares if s is not None]
        if cov.banks:
            w.formula(
                tr,
                c,
                f"SUM({letter}{first}:{letter}{tr - 1})",
                sum(known),
                fmt=styles.PCT,
                bold=True,
                fill=styles.FILL_TOTAL,
                border=styles.BORDER_TOTAL,
                tol=0.0005,
            )

    row = tr + 2
    w.section(row, "担保物件と保全の配分 (処分可能見込額を順位どおり配分)", last)
    row += 1
    w.header_row(row, 1, list(layout.COLLATERAL_COLUMNS), height=30)
    row += 1
    haircuts = {c.name: c.haircut for c in ctx.plan.collaterals}
    if not lay.detail_rows:
        w.block(row, 1, last, "担保物件はありません (不動産担保による保全なし)。", width_chars=120)
        row += 1
    for bank, a in lay.detail_rows:
        w.text(row, 1, a.collateral, wrap=True)
        w.text(row, 2, a.owner, wrap=True)
        w.input(row, 3, a.market_value)
        w.input(row, 4, float(haircuts.get(a.collateral, 0)), fmt=styles.PCT)
        w.formula(row, 5, f"ROUNDDOWN(ROUND(C{row}*D{row},6),0)", a.realizable_value)
        w.input(row, 6, a.rank, fmt='0"位"')
        w.text(row, 7, bank, wrap=True)
        w.input(row, 8, a.max_amount)
        w.value(row, 9, a.available, ALLOCATION_NOTE)
        w.value(row, 10, a.allocated, ALLOCATION_NOTE, bold=True)
        row += 1
    row += 1
    notes = [
        "保全合計 = 担保による保全額 + 保証協会保証額 + 預金等 (いずれも借入残高が上限)。非保全額 (信用残) = 借入残高 − 保全合計。",
        "処分可能見込額 = 評価額 × 掛目 (千円未満切捨て)。各担保権には、残余価値・極度額・その金融機関の未保全額のうち最も小さい額を充てています。",
        "保証協会保証額は保全に含めています (一部の金融機関は信用残の計算から除きます)。"
        if getattr(ctx.settings, "guarantee_counts_as_secured", True)
        else "保証協会保証額は保全に含めていません (設定による)。",
    ]
    for n in notes:
        w.block(row, 1, last, n, width_chars=span_width(w, 1, last))
        ws.cell(row=row, column=1).font = ctx.fonts.small
        row += 1
    ws.freeze_panes = "B6"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2")


def _share(v):
    return float(v) if v is not None else "—"


# =============================================================================================
# 金融機関別返済計画・金融支援計画


@dataclass
class BanksLayout:
    grid: Grid
    summary_first: int
    summary_total: int
    request_row: int


BASE_NOTE = (
    "エンジンが返済額の配分に使ったプロラタの基準額です (残高プロラタ: 返済すべき残高 / "
    "信用残高プロラタ: MIN(信用残, 残高))"
)
UNSECURED_NOTE = "エンジンがその年の期首残高と保全から計算し直した信用残 (非保全額) です"


def _basis_rows(rp, bank, i: int, offsets: list[int]) -> list[GridRow]:
    """The bank's yearly プロラタ base (and 信用残 under 信用残高プロラタ), so the split can be reconciled."""
    years = {y.year: y for y in bank.years}
    base = GridRow(
        key=f"b{i}.base_amount",
        label="プロラタ基準額",
        indent=1,
        value_note=BASE_NOTE,
        note="配分 = 返済原資 × 基準額 ÷ 基準額の合計",
    )
    rows = [base]
    unsecured = None
    if rp.allocation_basis == "unsecured":
        unsecured = GridRow(
            key=f"b{i}.unsecured",
            label="信用残 (期首)",
            indent=1,
            value_note=UNSECURED_NOTE,
            note="信用残高プロラタの基準 (基準額 = MIN(信用残, 残高))",
        )
        rows.append(unsecured)
    for o in offsets:
        y = years.get(o)
        if y is None:
            continue
        base.values[o] = y.base_amount
        if unsecured is not None:
            unsecured.values[o] = y.unsecured
    return rows


def _basis_used_row(rp, offsets: list[int]) -> GridRow:
    """The base used each plan year; 「代替」 where 信用残高プロラタ fell back to 残高プロラタ."""
    fb = rp.fallback_years
    note = (
        ("代替: 全金融機関の信用残が0のため残高プロラタで配分した年 (" + "・".join(f"計画{y}年目" for y in fb) + ")")
        if fb
        else "信用残高プロラタの代替 (残高プロラタ) はありません"
    )
    row = GridRow(key="", label="配分基準 (各年)", note=note)
    for o in offsets:
        if o < len(rp.basis_by_year):
            row.values[o] = layout.BASIS_NAMES[rp.basis_by_year[o]] + (" (代替)" if o in fb else "")
    return row


def prepare_banks(ctx: BuildContext) -> BanksLayout:
    rp = ctx.proj.repayment
    cols = [Column(lab.offset, lab.label, lab.fiscal_label or "") for lab in ctx.proj.labels.plan]
    offsets = [c.offset for c in cols]
    n = len(rp.banks)
    request_row = 4
    summary_first = request_row + 10 + 3  # section + 8 fields + gap, then section + header
    summary_total = summary_first + max(n, 1)
    header_row = summary_total + 4

    rows: list[GridRow] = []
    for i, bank in enumerate(rp.banks):
        rows.append(GridRow(key="", label=f"{bank.bank}", section=True))

        def get(src, o, bank=bank):
            years = {y.year: y for y in bank.years}
            y = years.get(o)
            return getattr(y, src) if y is not None else None

        rows.extend(rows_from_specs(ctx, layout.BANK_BLOCK_ROWS, offsets, get, prefix=f"b{i}."))
        rows.extend(_basis_rows(rp, bank, i, offsets))
    if n:
        rows.append(GridRow(key="", label="合計 (全金融機関)", section=True))
        for spec in layout.BANK_BLOCK_ROWS:
            tot = GridRow(key=f"total.{spec.key}", label=spec.label + " 計", total=spec.total, note=spec.note)
            for o in offsets:
                vals = [getattr(y, spec.key) for b in rp.banks for y in b.years if y.year == o]
                tot.values[o] = sum(vals)
                tot.templates[o] = "+".join(f"{{b{i}.{spec.key}}}" for i in range(n))
            rows.append(tot)
    rows.append(GridRow(key="", label=f"返済原資と返済額 (配分基準: {rp.basis_label})", section=True))
    cap_get = {
        "simple_cf": lambda o: ctx.sources.get("metrics.simple_cf", o),
        "share": lambda o: (
            rp.repayment_share_of_cf if o < len(rp.support_months) and rp.support_months[o] > 0 else None
        ),
        "capacity": lambda o: rp.capacity[o] if o < len(rp.capacity) else None,
        "total_repayment": lambda o: rp.total_repayment[o] if o < len(rp.total_repayment) else None,
        "total_contractual": lambda o: rp.total_contractual[o] if o < len(rp.total_contractual) else None,
        "total_reduction": lambda o: rp.total_reduction[o] if o < len(rp.total_reduction) else None,
    }
    cap_rows = rows_from_specs(ctx, layout.CAPACITY_ROWS, offsets, lambda s, o: cap_get[s](o))
    link = {
        "simple_cf": "{pl:simple_cf}",
        "total_repayment": "{total.repayment}",
        "total_contractual": "{total.contractual}",
        "total_reduction": "{total.reduction}",
    }
    for r in cap_rows:
        if r.key in link and (n or r.key == "simple_cf"):
            for o in offsets:
                r.templates[o] = link[r.key]
        if r.key == "capacity":
            r.note = "支援期間の年: 簡易CF (0未満は0) × 割合 / それ以外の年: 約定返済額"
            r.value_note = CAPACITY_NOTE
            for o in offsets:
                months = rp.support_months[o] if o < len(rp.support_months) else 0
                share = cap_get["share"](o)
                scf = cap_get["simple_cf"](o)
                if months > 0 and share is not None and scf is not None and r.values.get(o) == mul(max(0, scf), share):
                    r.templates[o] = "ROUND(ROUND(MAX(0,{simple_cf})*{share},6),0)"
                elif n and r.values.get(o) == cap_get["total_contractual"](o):
                    r.templates[o] = "{total_contractual}"
    rows.extend(cap_rows)
    if n:
        rows.append(_basis_used_row(rp, offsets))
    head = GridRow(key="headroom", label="返済原資 − 計画返済額", total=True, note="マイナスは返済原資を超える返済")
    for o in offsets:
        cap, tot = cap_get["capacity"](o), cap_get["total_repayment"](o)
        head.values[o] = None if cap is None or tot is None else cap - tot
        head.templates[o] = "{capacity}-{total_repayment}"
    rows.append(head)
    grid = Grid("banks", cols, rows, keep_sections=True)
    place(ctx, grid, header_row)
    return BanksLayout(grid, summary_first, summary_total, request_row)


def write_banks(ctx: BuildContext, lay: BanksLayout) -> None:
    ws = ctx.ws("banks")
    w = ctx.writer("banks")
    plan = ctx.plan
    rp = ctx.proj.repayment
    grid = lay.grid
    set_grid_widths(ctx, grid)
    last = max(grid.last_col, len(layout.BANK_SUMMARY_COLUMNS))
    for c in range(grid.first_col, last + 1):
        letter = ws.cell(row=1, column=c).column_letter
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 12.5)
    w.sheet_title(layout.SHEET["banks"].title, ctx.company, ctx.date_text, last)

    # -- 金融支援の依頼内容
    s = plan.support
    row = lay.request_row
    w.section(row, "金融支援の依頼内容", last)
    row += 1
    types = "、".join(SUPPORT_TYPE_LABELS.get(t, t) for t in s.types) or "(未選択)"
    period = f"{ym_text(s.start)}から{s.period_months}か月" if s.start else f"{s.period_months}か月 (開始月未定)"
    fields = [
        ("金融支援の要否", "依頼する" if s.needed else "依頼しない (約定どおり返済)"),
        ("支援の種類", types if s.needed else "—"),
        ("期間", period if s.needed else "—"),
        ("配分基準", rp.basis_label),
        ("保証協会付借入", "約定どおり返済する" if s.guaranteed_on_contract else "他の借入と同じ基準で配分する"),
        ("返済に充てる簡易CFの割合", f"{float(s.repayment_share_of_cf) * 100:.0f}%"),
        ("依頼内容", s.request or "(未記入)"),
        ("理由", s.reasons or "(未記入)"),
    ]
    for label, value in fields:
        row = field_row(w, row, label, value, last_col=last)

    # -- 金融機関別の状況 (summary)
    row = lay.summary_first - 2
    w.section(row, "金融機関別の状況 (計画開始時の残高・保全・返済)", last)
    w.header_row(row + 1, 1, list(layout.BANK_SUMMARY_COLUMNS), height=30)
    first, tr = lay.summary_first, lay.summary_total
    kinds = {b.name: b.kind for b in plan.banks}
    cov = {b.bank: b for b in ctx.proj.coverage.banks}
    gcols = (grid.col(grid.columns[0].offset), grid.col(grid.columns[-1].offset)) if grid.columns else (2, 2)
    for i, bank in enumerate(rp.banks):
        r = first + i
        cb = cov.get(bank.bank)
        w.text(r, 1, bank.bank)
        w.text(r, 2, kinds.get(bank.bank, ""), wrap=True)
        w.value(r, 3, bank.balance, LOAN_SUM_NOTE)
        w.formula(
            r,
            4,
            f'IF($C${tr}=0,"—",C{r}/$C${tr})',
            _share(cb.balance_share if cb else None),
            fmt=styles.PCT,
            tol=SHARE_TOL,
        )
        link = ctx.link("coverage", f"secured:{bank.bank}", 0)
        secured = cb.secured_total if cb else 0
        if link:
            w.formula(r, 5, link, secured)
        else:
            w.value(r, 5, secured, "資産保全表がないため、保全額は0としています。")
        w.formula(r, 6, f"C{r}-E{r}", bank.balance - secured)
        w.formula(
            r,
            7,
            f'IF($F${tr}=0,"—",F{r}/$F${tr})',
            _share(cb.unsecured_share if cb else None),
            fmt=styles.PCT,
            tol=SHARE_TOL,
        )
        w.value(r, 8, bank.contractual_annual, layout.CONTRACT_NOTE)
        rep_row = ctx.cells[("banks", f"b{i}.repayment", grid.columns[0].offset)][1]
        red_row = ctx.cells[("banks", f"b{i}.reduction", grid.columns[0].offset)][1]
        w.formula(r, 9, f"SUM({ref(gcols[0], rep_row)}:{ref(gcols[1], rep_row)})", bank.total_repayment)
        w.formula(r, 10, f"SUM({ref(gcols[0], red_row)}:{ref(gcols[1], red_row)})", bank.total_reduction)
    if not rp.banks:
        w.block(first, 1, last, "借入はありません。", width_chars=100)
    w.text(tr, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
    if rp.banks:
        totals = {
            3: sum(b.balance for b in rp.banks),
            5: sum((cov[b.bank].secured_total if b.bank in cov else 0) for b in rp.banks),
            8: sum(b.contractual_annual for b in rp.banks),
            9: sum(b.total_repayment for b in rp.banks),
            10: sum(b.total_reduction for b in rp.banks),
        }
        totals[6] = totals[3] - totals[5]
        for c, expected in totals.items():
            letter = "ABCDEFGHIJ"[c - 1]
            w.formula(
                tr,
                c,
                f"SUM({letter}{first}:{letter}{tr - 1})",
                expected,
                bold=True,
                fill=styles.FILL_TOTAL,
                border=styles.BORDER_TOTAL,
            )
        for c in (4, 7):
            letter = "ABCDEFGHIJ"[c - 1]
            known = [
                float(x)
                for x in (
                    (cov[b.bank].balance_share if c == 4 else cov[b.bank].unsecured_share)
                    for b in rp.banks
                    if b.bank in cov
                )
                if x is not None
            ]
            w.formula(
                tr,
                c,
                f"SUM({letter}{first}:{letter}{tr - 1})",
                sum(known),
                fmt=styles.PCT,
                bold=True,
                fill=styles.FILL_TOTAL,
                border=styles.BORDER_TOTAL,
                tol=0.0005,
            )

    # -- 返済計画 by year
    w.section(grid.header_row - 2, "金融機関別 返済計画 (計画年度別)", last)
    write_header(w, grid)
    write_body(ctx, w, grid)
    row = grid.rows[-1].row + 2
    for note in rp.notes:
        w.block(row, 1, last, note, width_chars=span_width(w, 1, last))
        ws.cell(row=row, column=1).font = ctx.fonts.small
        row += 1
    # the year header repeats on every page of the bank blocks
    styles.page_setup(
        ws,
        company=ctx.company,
        date_text=ctx.date_text,
        title_rows=f"{grid.header_row - 1}:{grid.header_row}",
        title_cols="A:A",
    )


# =============================================================================================
# 月次資金繰り表 (計画1年目)
