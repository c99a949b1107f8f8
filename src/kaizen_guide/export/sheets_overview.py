"""Text sheets: 表紙, 企業集団の状況, ビジネスモデル俯瞰図."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Side

from . import layout, styles
from .blocks import field_row, span_width, text_table
from .cells import merge
from .context import BuildContext, date_text


def pct(value) -> str:
    if value is None:
        return ""
    return f"{float(value) * 100:.0f}%"


def kyen(value) -> str:
    if value is None:
        return ""
    v = int(value)
    return ("▲" if v < 0 else "") + f"{abs(v):,}千円"


# ---------------------------------------------------------------------------------------------


def write_cover(ctx: BuildContext) -> None:
    ws = ctx.ws("cover")
    w = ctx.writer("cover")
    plan = ctx.plan
    styles.set_widths(ws, {1: 4, 2: 22, 3: 22, 4: 22, 5: 22, 6: 22, 7: 4})
    for r in range(1, 4):
        ws.row_dimensions[r].height = 20
    title = plan.meta.title or layout.SHEET["cover"].title
    w.text(5, 2, title, font=ctx.fonts.normal(bold=True, size=24), border=None, align=styles.CENTER)
    merge(ws, 5, 2, 5, 6)
    ws.row_dimensions[5].height = 48
    style_label = {"full": "(経営改善計画策定支援事業)", "early": "(早期経営改善計画策定支援)"}
    w.text(
        6,
        2,
        style_label.get(plan.meta.plan_style, ""),
        border=None,
        align=styles.CENTER,
        font=ctx.fonts.normal(size=12),
    )
    merge(ws, 6, 2, 6, 6)

    w.text(9, 2, date_text(plan.meta.created_on), border=None, align=styles.CENTER, font=ctx.fonts.normal(size=14))
    merge(ws, 9, 2, 9, 6)
    ws.row_dimensions[9].height = 26

    w.text(12, 2, ctx.company, border=None, align=styles.CENTER, font=ctx.fonts.normal(bold=True, size=20))
    merge(ws, 12, 2, 12, 6)
    ws.row_dimensions[12].height = 40
    rep = plan.meta.prepared_by or (f"代表者 {plan.company.representative}" if plan.company.representative else "")
    w.text(13, 2, rep, border=None, align=styles.CENTER, font=ctx.fonts.normal(size=14))
    merge(ws, 13, 2, 13, 6)
    ws.row_dimensions[13].height = 26

    row = 17
    main_bank = plan.meta.main_bank  # the Plan model fills it from an older file's is_main
    banks = "、".join(b.name for b in plan.banks)
    for label, value in (
        ("認定経営革新等支援機関", plan.meta.support_agency),
        ("メインバンク", main_bank),
        ("取引金融機関", banks),
        ("計画期間", f"{plan.targets.plan_years}年 (計画1年目: {plan.targets.first_plan_year_label or '未設定'})"),
    ):
        row = field_row(w, row, label, value, label_col=2, last_col=6)
    row += 1
    w.block(
        row,
        2,
        6,
        "本計画は当社が作成したものであり、メインバンク・認定経営革新等支援機関はその策定を支援しています。"
        "計画の内容は代表者と十分に協議のうえ決定しました。",
        width_chars=span_width(w, 2, 6),
    )
    ws.cell(row=row, column=2).font = ctx.fonts.small
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, fit_height=1)


# ---------------------------------------------------------------------------------------------


def write_group(ctx: BuildContext) -> None:
    """企業集団の状況: a relationship chart drawn in cells, then the detail table."""
    ws = ctx.ws("group")
    w = ctx.writer("group")
    plan = ctx.plan
    company = plan.company
    widths = {1: 24, 2: 14, 3: 14, 4: 22, 5: 12, 6: 24, 7: 24}
    styles.set_widths(ws, widths)
    last = 7
    w.sheet_title(layout.SHEET["group"].title, ctx.company, ctx.date_text, last, unit=None)
    row = 4
    w.section(row, "資本関係・取引関係 (相関図)", last)
    row += 1
    # The owner and family on top, the company in the middle, group companies below.
    owners = [f"{o.name} ({o.title or o.relation}) 持株 {o.shares:,}株" for o in company.officers if o.shares]
    total_shares = sum(s.shares for s in company.shareholders) or 0
    share_lines = [
        f"{s.name} {s.shares:,}株"
        + (f" ({s.shares / total_shares:.0%})" if total_shares else "")
        + (f" [{s.relation}]" if s.relation else "")
        for s in company.shareholders
    ] or owners
    w.text(row, 1, "株主・代表者", bold=True, fill=styles.FILL_HEADER, align=styles.CENTER)
    w.block(row, 2, last, "\n".join(share_lines) or "(株主の情報が未入力です)", width_chars=span_width(w, 2, last))
    row += 1
    w.text(row, 4, "↓ 出資", border=None, align=styles.CENTER)
    row += 1
    box = Border(*(Side(style="medium", color="1F3864"),) * 4)
    w.text(row, 3, ctx.company, bold=True, align=styles.CENTER, border=box)
    merge(ws, row, 3, row, 5)
    for c in (4, 5):
        ws.cell(row=row, column=c).border = box
    ws.row_dimensions[row].height = 30
    w.text(row, 6, f"{company.industry}\n従業員 {company.employees}名", wrap=True, border=None)
    ws.row_dimensions[row].height = 34
    row += 1
    groups = company.group_companies
    if groups:
        w.text(row, 4, "↕ 取引・貸借・保証", border=None, align=styles.CENTER)
        row += 1
        for g in groups:
            lines = [g.name, g.relation]
            if g.ownership is not None:
                lines.append(f"出資比率 {pct(g.ownership)}")
            if g.business:
                lines.append(g.business)
            name_text = "\n".join(x for x in lines if x)
            w.text(
                row,
                3,
                name_text,
                bold=True,
                border=box,
                align=Alignment(horizontal="center", vertical="center", wrap_text=True),
            )
            merge(ws, row, 3, row, 5)
            for c in (4, 5):
                ws.cell(row=row, column=c).border = box
            detail = "取引: " + (g.transactions or "なし") + "\n貸借・保証: " + (g.loans_and_guarantees or "なし")
            w.text(row, 6, detail, wrap=True)
            merge(ws, row, 6, row, last)
            ws.cell(row=row, column=7).border = styles.BORDER
            ws.row_dimensions[row].height = max(
                styles.estimate_row_height(name_text, span_width(w, 3, 5)),
                styles.estimate_row_height(detail, span_width(w, 6, last)),
                30,
            )
            row += 1
    else:
        w.block(row, 1, last, "グループ会社・関係会社はありません (該当なし)。", width_chars=span_width(w, 1, last))
        row += 1
    row += 1
    w.section(row, "関係会社の明細", last)
    row += 1
    rows = [
        [
            g.name,
            g.relation,
            pct(g.ownership),
            g.business,
            g.sales if g.sales is not None else "",
            g.transactions,
            g.loans_and_guarantees,
        ]
        for g in groups
    ]
    row = text_table(
        w,
        row,
        ["会社名", "関係", "出資比率", "事業内容", "売上高 (千円)", "当社との取引", "貸借・保証"],
        rows,
        empty_text="該当なし",
    )
    row += 1
    w.section(row, "役員", last)
    row += 1
    rows = [
        [
            o.name,
            o.title,
            o.age if o.age is not None else "",
            o.shares,
            o.relation,
            kyen(o.lends_to_company) if o.lends_to_company else "",
            kyen(o.borrows_from_company) if o.borrows_from_company else "",
        ]
        for o in company.officers
    ]
    text_table(
        w,
        row,
        ["氏名", "役職", "年齢", "持株数", "代表者との関係", "会社への貸付金", "会社からの借入金"],
        rows,
        number_fmts={2: styles.COUNT, 3: styles.COUNT},
        empty_text="(役員の情報が未入力です)",
    )
    ws.freeze_panes = "A4"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2")


# ---------------------------------------------------------------------------------------------


def _partner_text(p) -> str:
    head = p.name
    extra = []
    if p.share is not None:
        extra.append(f"構成比 {pct(p.share)}")
    if p.annual_amount is not None:
        extra.append(f"年 {p.annual_amount:,}千円")
    lines = [head + (f" ({' / '.join(extra)})" if extra else "")]
    if p.terms:
        lines.append(f"条件: {p.terms}")
    if p.reason:
        lines.append(f"選ばれる理由: {p.reason}")
    return "\n".join(lines)


def write_bizmodel(ctx: BuildContext) -> None:
    """ビジネスモデル俯瞰図: 商流 (仕入先 → 当社 → 販売先 → エンドユーザー) and 業務フロー."""
    ws = ctx.ws("bizmodel")
    w = ctx.writer("bizmodel")
    a = ctx.plan.analysis
    box_w, arrow_w = 30.0, 4.0
    styles.set_widths(ws, {1: box_w, 2: arrow_w, 3: box_w, 4: arrow_w, 5: box_w, 6: arrow_w, 7: box_w})
    last = 7
    w.sheet_title(layout.SHEET["bizmodel"].title, ctx.company, ctx.date_text, last, unit=None)
    row = 4
    w.section(row, "商流", last)
    row += 1
    for col, label in ((1, "仕入先・外注先"), (3, "当社"), (5, "販売先 (顧客)"), (7, "エンドユーザー")):
        w.text(row, col, label, font=ctx.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
    row += 1
    n = max(len(a.suppliers), len(a.customers), 1)
    top = row
    for i in range(n):
        sup = a.suppliers[i] if i < len(a.suppliers) else None
        cus = a.customers[i] if i < len(a.customers) else None
        height = 20.0
        if sup is not None:
            text = _partner_text(sup)
            w.text(row, 1, text, wrap=True)
            height = max(height, styles.estimate_row_height(text, box_w))
            w.text(row, 2, "→", border=None, align=styles.CENTER)
        else:
            w.text(row, 1, "(未入力)" if i == 0 else "", wrap=True, border=None if i else styles.BORDER)
        if cus is not None:
            text = _partner_text(cus)
            w.text(row, 5, text, wrap=True)
            height = max(height, styles.estimate_row_height(text, box_w))
            w.text(row, 4, "→", border=None, align=styles.CENTER)
            w.text(row, 6, "→", border=None, align=styles.CENTER)
        elif i == 0:
            w.text(row, 5, "(未入力)")
        ws.row_dimensions[row].height = height
        row += 1
    bottom = row - 1
    company = ctx.plan.company
    center = f"{ctx.company}\n{company.business}\n従業員 {company.employees}名"
    w.text(
        top,
        3,
        center,
        bold=True,
        align=Alignment(horizontal="center", vertical="center", wrap_text=True),
        border=Border(*(Side(style="medium", color="1F3864"),) * 4),
    )
    w.text(top, 7, a.end_users or "(未入力)", align=Alignment(vertical="center", wrap_text=True))
    if bottom > top:
        merge(ws, top, 3, bottom, 3)
        merge(ws, top, 7, bottom, 7)
    needed = styles.estimate_row_height(center, box_w)
    have = sum(ws.row_dimensions[r].height or 15 for r in range(top, bottom + 1))
    if needed > have:
        ws.row_dimensions[bottom].height = (ws.row_dimensions[bottom].height or 15) + needed - have
    row += 1

    w.section(row, "業務フロー", last)
    row += 1
    steps = a.business_flow
    if not steps:
        w.block(row, 1, last, "(業務フローが未入力です)", width_chars=span_width(w, 1, last))
        row += 1
    for band in range(0, len(steps), 4):
        chunk = steps[band : band + 4]
        heads, bodies, strengths = row, row + 1, row + 2
        h_body, h_str = 20.0, 20.0
        for j, step in enumerate(chunk):
            col = 1 + 2 * j
            w.text(
                heads,
                col,
                f"{band + j + 1}. {step.name}",
                font=ctx.fonts.header,
                fill=styles.FILL_HEADER,
                align=styles.CENTER,
            )
            w.text(bodies, col, step.description, wrap=True)
            w.text(
                strengths,
                col,
                ("強み: " + step.strength) if step.strength else "強み: (未記入)",
                wrap=True,
                fill=styles.FILL_TOTAL if step.strength else styles.FILL_WARN,
            )
            h_body = max(h_body, styles.estimate_row_height(step.description, box_w))
            h_str = max(h_str, styles.estimate_row_height("強み: " + step.strength, box_w))
            if (j < len(chunk) - 1 or band + j + 1 < len(steps)) and col + 1 <= last:
                w.text(heads, col + 1, "→", border=None, align=styles.CENTER)
        ws.row_dimensions[bodies].height = h_body
        ws.row_dimensions[strengths].height = h_str
        row += 4

    w.section(row, "収益の仕組み・環境", last)
    row += 1
    lb = a.local_benchmark
    for label, value in (
        ("強み", a.strengths),
        ("弱み", a.weaknesses),
        ("外部環境", a.external_environment),
        ("内部環境", a.internal_environment),
        ("経営者への着目", lb.owner),
        ("事業への着目", lb.business),
        ("環境・関係者への着目", lb.environment),
        ("内部管理体制への着目", lb.internal_control),
    ):
        row = field_row(w, row, label, value or "(未入力)", last_col=last)
    ws.freeze_panes = "A4"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2")
