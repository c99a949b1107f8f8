"""The 債務者概況表 sheet: basic data, officers, shareholders, history, trade partners, 業績推移
linked to the numeric sheets, 実態BS, borrowings by bank and 窮境要因, on two printed pages.

Split out of ``sheets_profile.py`` (概要), which re-exports these writers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import layout, styles
from .blocks import linked_row, span_width, text_table
from .cells import merge
from .context import BuildContext, ym_text

REAL_BS_CATEGORIES = layout.REAL_BS_CATEGORIES


@dataclass
class DebtorLayout:
    adj_total_row: int = 0
    rows: dict[str, int] = field(default_factory=dict)


DEBTOR_LAST_COL = 8


DEBTOR_PAGES = 2


DEBTOR_WIDTHS = {1: 24, 2: 14, 3: 14, 4: 14, 5: 14, 6: 14, 7: 14, 8: 18}


def _debtor_sections(plan) -> list[tuple[str, int]]:
    """(block, number of rows it takes) in order; positions follow from these counts."""
    c = plan.company
    a = plan.analysis
    n_basic = (len(layout.DEBTOR_BASIC_FIELDS) + 1) // 2
    n_adj = len(plan.financials.real_bs_adjustments)
    return [
        ("basic", 1 + n_basic + 1),
        ("officers", 1 + 1 + max(1, len(c.officers)) + 1),
        ("shareholders", 1 + 1 + max(1, len(c.shareholders)) + (1 if c.shareholders else 0) + 1),
        ("history", 1 + 1 + max(1, len(c.history)) + 1),
        ("partners", 1 + 1 + max(1, len(a.customers) + len(a.suppliers)) + 1),
        ("results", 1 + 2 + len(layout.DEBTOR_RESULTS) + 1 + 1),
        ("realbs", 1 + 1 + 1 + n_adj + len(REAL_BS_CATEGORIES) + 2 + 1),
        ("banks", 1 + 1 + max(1, len(plan.banks)) + 1 + 1),
        ("causes", 1 + 1 + max(1, len(plan.distress_causes)) + 1),
    ]


def prepare_debtor(ctx: BuildContext) -> DebtorLayout:
    lay = DebtorLayout()
    row = 4
    for name, count in _debtor_sections(ctx.plan):
        lay.rows[name] = row
        row += count
    # 実態BS: section, header, 簿価純資産, adjustments (+ subtotals per category), 実質純資産
    start = lay.rows["realbs"]
    n_adj = len(ctx.plan.financials.real_bs_adjustments)
    lay.adj_total_row = start + 2 + 1 + n_adj + len(REAL_BS_CATEGORIES)
    total = sum(a.amount for a in ctx.plan.financials.real_bs_adjustments)
    # the 実態BS修正額 applies to the latest 決算 and (carried forward) to every plan year
    offsets = [-1] + [lab.offset for lab in ctx.proj.labels.plan]
    if ctx.plan.financials.years:
        for o in offsets:
            ctx.remember("debtor", "adj_total", o, 4, lay.adj_total_row, total)
    return lay


def write_debtor(ctx: BuildContext, lay: DebtorLayout) -> None:
    ws = ctx.ws("debtor")
    w = ctx.writer("debtor")
    plan = ctx.plan
    c = plan.company
    last = DEBTOR_LAST_COL
    styles.set_widths(ws, DEBTOR_WIDTHS)
    w.sheet_title(layout.SHEET["debtor"].title, ctx.company, ctx.date_text, last)

    # ① 基本情報 (two label/value pairs per row)
    row = lay.rows["basic"]
    w.section(row, "① 基本情報", last)
    row += 1
    values = {
        "name": ctx.company,
        "representative": c.representative + (f" ({c.representative_age}歳)" if c.representative_age else ""),
        "address": c.address,
        "established": ym_text(c.established),
        "capital": f"{c.capital:,}千円",
        "industry": c.industry,
        "business": c.business,
        "employees": f"{c.employees}名",
        "fiscal_month": f"{c.fiscal_month}月決算",
    }
    fields = list(layout.DEBTOR_BASIC_FIELDS)
    for k in range(0, len(fields), 2):
        pair = fields[k : k + 2]
        height = 16.0
        for j, (label, key) in enumerate(pair):
            col = 1 + j * 4
            w.text(row, col, label, bold=True, fill=styles.FILL_HEADER)
            w.text(row, col + 1, values.get(key, ""), wrap=True)
            merge(ws, row, col + 1, row, col + 3)
            for cc in range(col + 2, col + 4):
                ws.cell(row=row, column=cc).border = styles.BORDER
            height = max(height, styles.estimate_row_height(values.get(key, ""), span_width(w, col + 1, col + 3)))
        ws.row_dimensions[row].height = height
        row += 1

    # ② 役員
    row = lay.rows["officers"]
    w.section(row, "② 役員", last)
    rows = [
        [
            o.name,
            o.title,
            o.age if o.age is not None else "",
            o.shares,
            o.relation,
            o.lends_to_company or "",
            o.borrows_from_company or "",
        ]
        for o in c.officers
    ]
    text_table(
        w,
        row + 1,
        ["氏名", "役職", "年齢", "持株数", "代表者との関係", "会社への貸付金 (千円)", "会社からの借入金 (千円)"],
        rows,
        spans=[2, 1, 1, 1, 1, 1, 1],
        number_fmts={2: styles.COUNT, 3: styles.COUNT},
        empty_text="(役員が未入力です)",
    )

    # ③ 株主構成 (比率 is a formula over the 持株数)
    row = lay.rows["shareholders"]
    w.section(row, "③ 株主構成", last)
    row += 1
    w.header_row(row, 1, ["株主名", "", "持株数", "持株比率", "代表者との関係", "", "", ""])
    merge(ws, row, 1, row, 2)
    merge(ws, row, 5, row, 8)
    row += 1
    first = row
    total_shares = sum(s.shares for s in c.shareholders)
    n = len(c.shareholders)
    for s in c.shareholders:
        w.text(row, 1, s.name)
        merge(ws, row, 1, row, 2)
        w.input(row, 3, s.shares, fmt=styles.COUNT)
        w.formula(
            row,
            4,
            f"IF($C${first + n}=0,0,C{row}/$C${first + n})",
            (s.shares / total_shares) if total_shares else 0,
            fmt=styles.PCT,
            tol=1e-9,
        )
        w.text(row, 5, s.relation)
        merge(ws, row, 5, row, 8)
        row += 1
    if c.shareholders:
        w.text(row, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
        w.formula(
            row,
            3,
            f"SUM(C{first}:C{row - 1})",
            total_shares,
            fmt=styles.COUNT,
            bold=True,
            fill=styles.FILL_TOTAL,
            border=styles.BORDER_TOTAL,
        )
        w.formula(
            row,
            4,
            f"SUM(D{first}:D{row - 1})",
            1 if total_shares else 0,
            fmt=styles.PCT,
            bold=True,
            fill=styles.FILL_TOTAL,
            border=styles.BORDER_TOTAL,
            tol=1e-9,
        )
    else:
        w.block(row, 1, last, "(株主が未入力です)", width_chars=100)

    # ④ 沿革
    row = lay.rows["history"]
    w.section(row, "④ 沿革", last)
    text_table(
        w,
        row + 1,
        ["年月", "出来事"],
        [[ym_text(h.month), h.event] for h in c.history],
        spans=[1, last - 1],
        empty_text="(沿革が未入力です)",
    )

    # ⑤ 主要取引先
    row = lay.rows["partners"]
    w.section(row, "⑤ 主要取引先", last)
    a = plan.analysis
    prow = [
        [
            "販売先",
            p.name,
            float(p.share) if p.share is not None else "",
            p.annual_amount if p.annual_amount is not None else "",
            p.terms,
        ]
        for p in a.customers
    ]
    prow += [
        [
            "仕入先",
            p.name,
            float(p.share) if p.share is not None else "",
            p.annual_amount if p.annual_amount is not None else "",
            p.terms,
        ]
        for p in a.suppliers
    ]
    text_table(
        w,
        row + 1,
        ["区分", "取引先名", "構成比", "年間取引額 (千円)", "回収・支払条件"],
        prow,
        spans=[1, 2, 1, 1, 3],
        number_fmts={2: styles.PCT},
        empty_text="(取引先が未入力です)",
    )

    # ⑥ 業績推移 (links to 損益計画 / 貸借対照表計画)
    row = lay.rows["results"]
    w.section(row, "⑥ 業績推移 (単位:千円)", last)
    row += 1
    actual = ctx.proj.labels.actual[-layout.ACTUAL_YEARS_SHOWN :]
    w.text(row, 1, "項目", font=ctx.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
    merge(ws, row, 1, row + 1, 1)
    for j, lab in enumerate(actual):
        w.text(row, 2 + j, "実績", font=ctx.fonts.header, fill=styles.FILL_ACTUAL, align=styles.CENTER)
        w.text(
            row + 1,
            2 + j,
            lab.fiscal_label or lab.label,
            font=ctx.fonts.header,
            fill=styles.FILL_ACTUAL,
            align=styles.CENTER,
        )
    if len(actual) > 1:
        merge(ws, row, 2, row, 1 + len(actual))
    if not actual:
        w.text(row, 2, "決算実績が未入力です", border=None)
    row += 2
    result_rows = layout.DEBTOR_RESULTS
    for label, sheet, key, fmt in result_rows:
        linked_row(
            ctx, w, row, label, sheet, key, fmt, actual, bold=key in ("ordinary_income", "simple_cf", "debt_years")
        )
        row += 1
    w.text(row, 1, "従業員数 (名)")
    for j, lab in enumerate(actual):
        fy = ctx.sources.fiscal_year(lab.offset)
        emp = fy.employees if fy is not None else None
        if emp is not None:
            w.input(row, 2 + j, emp, fmt=styles.COUNT)
        else:
            w.text(row, 2 + j, "—", align=styles.RIGHT)

    # ⑦ 財務内容: 実態BS (簿価純資産 → 実質純資産)
    row = lay.rows["realbs"]
    latest = plan.financials.latest
    w.section(row, "⑦ 財務内容 (実態貸借対照表: 直近決算" + (f" {latest.label}" if latest else "") + ")", last)
    row += 1
    w.header_row(row, 1, ["項目", "", "区分", "金額 (千円)", "根拠", "", "", ""])
    merge(ws, row, 1, row, 2)
    merge(ws, row, 5, row, last)
    row += 1

    def item(r, label, *, bold=False, fill=None):
        w.text(r, 1, label, bold=bold, fill=fill, wrap=True)
        merge(ws, r, 1, r, 2)
        ws.cell(row=r, column=2).border = styles.BORDER
        for cc in (3, 5):
            if ws.cell(row=r, column=cc).value is None:
                w.text(r, cc, "", fill=fill)
        merge(ws, r, 5, r, last)

    book_link = ctx.link("bs", "net_assets", -1)
    book = ctx.link_value("bs", "net_assets", -1)
    if book_link and book is not None:
        w.formula(row, 4, book_link, book, bold=True)
    else:
        w.value(row, 4, 0, "決算実績がないため0としています。")
    item(row, "決算書上の純資産", bold=True)
    book_row = row
    row += 1
    adj_rows: dict[str, list[int]] = {}
    cat_label = dict(REAL_BS_CATEGORIES)
    for adj in plan.financials.real_bs_adjustments:
        w.text(row, 3, cat_label.get(adj.category, adj.category), wrap=True)
        w.input(row, 4, adj.amount)
        w.text(row, 5, adj.note, wrap=True)
        item(row, adj.item)
        ws.row_dimensions[row].height = max(
            styles.estimate_row_height(adj.item, span_width(w, 1, 2)),
            styles.estimate_row_height(cat_label.get(adj.category, ""), span_width(w, 3, 3)),
            styles.estimate_row_height(adj.note, span_width(w, 5, last)),
        )
        adj_rows.setdefault(adj.category, []).append(row)
        row += 1
    sub_rows = []
    for cat, label in REAL_BS_CATEGORIES:
        rows_ = adj_rows.get(cat, [])
        expected = sum(a.amount for a in plan.financials.real_bs_adjustments if a.category == cat)
        if rows_:
            w.formula(row, 4, "+".join(f"D{r}" for r in rows_), expected, fill=styles.FILL_SECTION)
        else:
            w.formula(row, 4, "0", 0, fill=styles.FILL_SECTION)
        item(row, f"{label} 計", fill=styles.FILL_SECTION)
        sub_rows.append(row)
        row += 1
    assert row == lay.adj_total_row, (row, lay.adj_total_row)
    total_adj = sum(a.amount for a in plan.financials.real_bs_adjustments)
    w.formula(
        row,
        4,
        "+".join(f"D{r}" for r in sub_rows),
        total_adj,
        bold=True,
        fill=styles.FILL_TOTAL,
        border=styles.BORDER_TOTAL,
    )
    item(row, "実態BS修正額 計", bold=True, fill=styles.FILL_TOTAL)
    row += 1
    real = ctx.link_value("bs", "real_net_assets", -1)
    w.formula(
        row,
        4,
        f"D{book_row}+D{row - 1}",
        real if real is not None else (book or 0) + total_adj,
        bold=True,
        fill=styles.FILL_TOTAL,
        border=styles.BORDER_TOTAL,
    )
    w.text(row, 5, "0未満は実質債務超過", font=ctx.fonts.small)
    item(row, "実質純資産", bold=True, fill=styles.FILL_TOTAL)

    # ⑧ 金融機関取引状況
    row = lay.rows["banks"]
    w.section(row, "⑧ 金融機関取引状況 (計画開始時)", last)
    row += 1
    w.header_row(
        row,
        1,
        ["金融機関", "業態", "借入残高", "シェア", "保全額", "非保全額 (信用残)", "金利 (加重平均)", "約定返済 (年額)"],
        height=30,
    )
    row += 1
    first = row
    rp = {b.bank: b for b in ctx.proj.repayment.banks}
    n = len(plan.banks)
    for b in plan.banks:
        w.text(row, 1, b.name + (" (メイン)" if plan.main_bank is b else ""))
        w.text(row, 2, b.kind, wrap=True)
        bal_link = ctx.link("coverage", f"balance:{b.name}", 0)
        bal = ctx.link_value("coverage", f"balance:{b.name}", 0)
        if bal_link and bal is not None:
            w.formula(row, 3, bal_link, bal)
        else:
            w.value(row, 3, b.balance, "借入ごとの残高 (入力) の合計です。")
            bal = b.balance
        total_bal = ctx.link_value("coverage", "balance:total", 0) or 0
        w.formula(
            row,
            4,
            f"IF($C${first + n}=0,0,C{row}/$C${first + n})",
            (bal / total_bal) if total_bal else 0,
            fmt=styles.PCT,
            tol=1e-9,
        )
        sec_link = ctx.link("coverage", f"secured:{b.name}", 0)
        sec = ctx.link_value("coverage", f"secured:{b.name}", 0)
        if sec_link and sec is not None:
            w.formula(row, 5, sec_link, sec)
        else:
            sec = 0
            w.value(row, 5, 0, "資産保全表がないため0としています。")
        w.formula(row, 6, f"C{row}-E{row}", bal - sec)
        rate = (sum(Decimal(lo.balance) * lo.interest_rate for lo in b.loans) / b.balance) if b.balance else None
        if rate is not None:
            w.value(row, 7, float(rate), "借入ごとの金利を残高で加重平均した値です。", fmt="0.00%")
        else:
            w.text(row, 7, "—", align=styles.RIGHT)
        w.value(
            row,
            8,
            rp[b.name].contractual_annual if b.name in rp else sum(lo.monthly_repayment for lo in b.loans) * 12,
            layout.CONTRACT_NOTE,
        )
        row += 1
    if not plan.banks:
        w.block(row, 1, last, "借入はありません。", width_chars=100)
        row += 1
    else:
        w.text(row, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
        for col in (3, 5, 6, 8):
            letter = "ABCDEFGH"[col - 1]
            expected = sum(_num(ws.cell(row=r, column=col), ctx) for r in range(first, row))
            w.formula(
                row,
                col,
                f"SUM({letter}{first}:{letter}{row - 1})",
                expected,
                bold=True,
                fill=styles.FILL_TOTAL,
                border=styles.BORDER_TOTAL,
            )

    # ⑨ 問題点・窮境要因
    row = lay.rows["causes"]
    w.section(row, "⑨ 問題点・窮境要因", last)
    crow = [
        ["内部要因" if d.kind == "internal" else "外部要因", d.description, d.impact if d.impact is not None else "—"]
        for d in plan.distress_causes
    ]
    text_table(
        w, row + 1, ["区分", "内容", "影響額 (年額・千円)"], crow, spans=[1, 6, 1], empty_text="(窮境要因が未入力です)"
    )
    ws.freeze_panes = "A4"
    # Two A4 pages, portrait (banks file it as a 2-page form): ①–⑤ the company, ⑥–⑨ the numbers.
    # The sheet is scaled to fit instead of breaking before every block.
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2", landscape=False)
    from .paging import pages_as_parts

    pages_as_parts(ws, [lay.rows["results"]], DEBTOR_PAGES)


def _num(cell, ctx: BuildContext) -> int | float:
    """The engine value behind a cell just written (number or recorded formula expectation)."""
    if cell.data_type == "f":
        exp = ctx.expectations.get((cell.parent.title, cell.coordinate))
        return exp.value if exp is not None and isinstance(exp.value, (int, float)) else 0
    return cell.value if isinstance(cell.value, (int, float)) else 0
