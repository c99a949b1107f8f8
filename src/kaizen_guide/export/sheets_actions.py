"""Action sheets: 計数計画・具体的施策 (effects → P/L bridge), 実施計画 (Gantt), 伴走支援計画."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from ..model.plan import MEASURE_CATEGORY_LABELS, PL_LINE_LABELS
from . import layout, styles
from .blocks import field_row, fmt_decimal, span_width, text_table
from .cells import merge, ref
from .context import BuildContext, ym_text
from .grid import Column, Grid, GridRow, place, set_grid_widths, write_body, write_header

# =============================================================================================
# 計数計画・具体的施策


def _chain(plan):
    """action → (measure, issue) lookups."""
    measures = {m.id: m for m in plan.measures}
    issues = {i.id: i for i in plan.issues}

    def of(action):
        m = measures.get(action.measure_id)
        issue = issues.get(m.issue_ids[0]) if m and m.issue_ids else None
        return m, issue

    return of


def prepare_measures(ctx: BuildContext) -> Grid:
    plan, proj = ctx.plan, ctx.proj
    cols = [Column(lab.offset, lab.label, lab.fiscal_label or "") for lab in proj.labels.plan]
    offsets = [c.offset for c in cols]
    pl = {p.year: p for p in proj.pl}
    of = _chain(plan)

    def effect(o, action_id, attr="amount"):
        p = pl.get(o)
        e = p.effects_by_action.get(action_id) if p else None
        return getattr(e, attr) if e is not None else 0

    rows: list[GridRow] = [GridRow(key="", label="施策別の改善額 (売上高は増加額、費用は削減額)", section=True)]
    for line in layout.BRIDGE_LINES:
        acts = [(i, a) for i, a in enumerate(plan.actions) if a.pl_line == line]
        label = PL_LINE_LABELS.get(line, line)
        if not acts and line not in ("sales", "cost_of_sales", "personnel", "other_sga"):
            continue
        for i, a in acts:
            m, _ = of(a)
            note = (MEASURE_CATEGORY_LABELS.get(m.category, "") + " / " + m.title) if m else ""
            r = GridRow(key=f"act.{line}.{i}", label=f"{a.id} {a.title}", indent=1, note=note)
            for o in offsets:
                r.values[o] = effect(o, a.id)
            rows.append(r)
        tot = GridRow(
            key=f"eff.{line}", label=f"{label}への効果 計", total=True, note="損益計画へ" if line == "sales" else ""
        )
        for o in offsets:
            tot.values[o] = sum(effect(o, a.id) for _, a in acts)
            if acts:
                tot.templates[o] = f"SUM({{act.{line}*}})"
        rows.append(tot)

    rows.append(GridRow(key="", label="施策別の経常利益への効果 (売上増加分は売上原価を差し引いた額)", section=True))
    for i, a in enumerate(plan.actions):
        r = GridRow(key=f"ord.{i}", label=f"{a.id} {a.title}", indent=1, note=PL_LINE_LABELS.get(a.pl_line, a.pl_line))
        act = f"{{act.{a.pl_line}.{i}}}"
        for o in offsets:
            r.values[o] = effect(o, a.id, "ordinary_income_impact")
            if a.pl_line == "sales" and a.carries_cost_of_sales:
                r.templates[o] = f"{act}-ROUND(ROUND({act}*{{pl:cost_ratio}},6),0)"
            elif a.pl_line == "extraordinary":
                r.templates[o] = "0"
            else:
                r.templates[o] = act
        rows.append(r)
    tot = GridRow(key="eff.ordinary", label="経常利益への効果 計", total=True)
    for o in offsets:
        tot.values[o] = sum(effect(o, a.id, "ordinary_income_impact") for a in plan.actions)
        if plan.actions:
            tot.templates[o] = "SUM({ord*})"
    rows.append(tot)

    rows.append(GridRow(key="", label="成り行き → 計画 (損益計画に反映。成り行きの人件費・経費は入力)", section=True))

    def add(key, label, getter, template=None, total=False, note=""):
        r = GridRow(key=key, label=label, total=total, note=note, indent=0 if total else 1)
        for o in offsets:
            p = pl.get(o)
            r.values[o] = getter(p) if p else None
            if template:
                r.templates[o] = template
        rows.append(r)

    def effects_on(p, line):
        return sum(e.amount for e in p.effects_by_action.values() if e.pl_line == line)

    def eff(line):
        return f"+{{eff.{line}}}" if any(r.key == f"eff.{line}" for r in rows) else ""

    add(
        "base.sales",
        "売上高 (成り行き)",
        lambda p: p.base_sales,
        "SUM({pl:seg*})",
        note="損益計画の売上区分 (単価 × 数量)",
    )
    add("plan.sales", "売上高 (計画)", lambda p: p.sales, "{base.sales}+{eff.sales}", total=True)
    add(
        "base.cost_of_sales",
        "売上原価 (成り行き)",
        lambda p: p.base_cost_of_sales,
        "ROUND(ROUND({base.sales}*{pl:cost_ratio},6),0)",
        note="成り行き売上 × 原価率",
    )
    carrying = [i for i, a in enumerate(plan.actions) if a.pl_line == "sales" and a.carries_cost_of_sales]
    add(
        "carried.cost_of_sales",
        "売上増加に伴う売上原価",
        lambda p: p.cost_of_sales_on_effects,
        "+".join(f"ROUND(ROUND({{act.sales.{i}}}*{{pl:cost_ratio}},6),0)" for i in carrying) or "0",
        note="数量が増える施策の売上増加 × 原価率 (施策ごとに四捨五入。値上げは原価なし)",
    )
    add(
        "plan.cost_of_sales",
        "売上原価 (計画)",
        lambda p: p.cost_of_sales,
        "{base.cost_of_sales}+{carried.cost_of_sales}-{eff.cost_of_sales}",
        total=True,
    )
    add("base.personnel", "人件費 (成り行き)", lambda p: p.base_personnel, note="入力")
    add("plan.personnel", "人件費 (計画)", lambda p: p.personnel, "{base.personnel}-{eff.personnel}", total=True)
    add("base.other_sga", "その他販管費 (成り行き)", lambda p: p.base_other_sga, note="入力 (減価償却費を除く経費)")
    add("plan.other_sga", "その他販管費 (計画)", lambda p: p.other_sga, "{base.other_sga}-{eff.other_sga}", total=True)
    add(
        "base.non_operating_income",
        "営業外収益 (成り行き)",
        lambda p: p.non_operating_income - effects_on(p, "non_operating_income"),
        note="入力",
    )
    add(
        "plan.non_operating_income",
        "営業外収益 (計画)",
        lambda p: p.non_operating_income,
        "{base.non_operating_income}" + eff("non_operating_income"),
        total=True,
    )
    add(
        "base.non_operating_expenses",
        "その他営業外費用 (成り行き)",
        lambda p: p.other_non_operating_expenses + effects_on(p, "non_operating_expenses"),
        note="入力 (支払利息を除く)",
    )
    add(
        "plan.non_operating_expenses",
        "その他営業外費用 (計画)",
        lambda p: p.other_non_operating_expenses,
        "{base.non_operating_expenses}" + eff("non_operating_expenses").replace("+", "-"),
        total=True,
    )
    add(
        "base.extraordinary",
        "特別損益 (成り行き)",
        lambda p: p.extraordinary - effects_on(p, "extraordinary"),
        note="入力",
    )
    add(
        "plan.extraordinary",
        "特別損益 (計画)",
        lambda p: p.extraordinary,
        "{base.extraordinary}" + eff("extraordinary"),
        total=True,
    )
    add(
        "base.ordinary",
        "経常利益 (成り行き)",
        lambda p: p.base_ordinary_income,
        "{pl:ordinary_income}-{eff.ordinary}",
        note="損益計画の経常利益 − 施策の効果",
    )
    add(
        "plan.ordinary",
        "経常利益 (計画)",
        lambda p: p.ordinary_income,
        "{base.ordinary}+{eff.ordinary}",
        total=True,
        note="損益計画の経常利益と一致",
    )
    grid = Grid("measures", cols, rows, keep_sections=True)
    place(ctx, grid, layout.HEADER_ROW)
    return grid


def write_measures(ctx: BuildContext, grid: Grid) -> None:
    ws = ctx.ws("measures")
    w = ctx.writer("measures")
    plan = ctx.plan
    set_grid_widths(ctx, grid)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 40)
    w.sheet_title(layout.SHEET["measures"].title, ctx.company, ctx.date_text, grid.last_col)
    write_header(w, grid)
    write_body(ctx, w, grid)
    last = grid.last_col
    row = grid.rows[-1].row + 2
    w.section(row, "売上の前提 (区分別の単価・数量)", last)
    row += 1
    seg_rows = []
    for s in plan.drivers.segments:
        price = s.unit_price_yen[0] if s.unit_price_yen else None
        qty = s.quantity[0] if s.quantity else None
        seg_rows.append(
            [
                s.name,
                f"{price:,}円" if price is not None else "",
                f"{qty:,}{s.unit}" if qty is not None else "",
                s.basis,
            ]
        )
    spans = [1, 1, 1, max(1, last - 3)]
    row = text_table(
        w, row, ["区分", "単価", "数量 (年)", "前提・根拠"], seg_rows, spans=spans, empty_text="売上区分が未入力です"
    )
    row += 1
    w.section(row, "施策の前提 (KPI と根拠)", last)
    row += 1
    kpi_rows = []
    for a in plan.actions:
        k = a.kpi
        target = ""
        if k is not None:
            target = f"{fmt_decimal(k.target)}{k.unit}" if k.target is not None else ""
        kpi_rows.append([f"{a.id} {a.title}", k.name if k else "(KPI未設定)", target, k.basis if k else ""])
    text_table(
        w, row, ["実施項目", "KPI", "目標", "根拠"], kpi_rows, spans=spans, empty_text="アクションプランが未入力です"
    )
    ws.freeze_panes = f"{get_column_letter(grid.first_col)}{grid.header_row + 1}"
    styles.page_setup(
        ws, company=ctx.company, date_text=ctx.date_text, title_rows=f"1:{grid.header_row}", title_cols="A:A"
    )


# =============================================================================================
# 実施計画 (アクションプラン + ガントチャート)


def _ym_index(ym: str) -> int:
    y, m = ym.split("-")
    return int(y) * 12 + int(m) - 1


def gantt_months(ctx: BuildContext) -> tuple[list[str], int]:
    """(first month of each column, months per column): from the earliest action start (or plan
    year 1) to the end of the plan period or the latest due date, whichever is later."""
    plan = ctx.plan
    starts = [_ym_index(a.start) for a in plan.actions]
    dues = [_ym_index(a.due) for a in plan.actions]
    months = ctx.proj.monthly.months
    plan_start = _ym_index(months[0].year_month) if months and months[0].year_month else None
    candidates = [x for x in starts + ([plan_start] if plan_start is not None else []) if x is not None]
    if not candidates:
        return [], 1
    first = min(candidates)
    plan_end = (plan_start if plan_start is not None else first) + 12 * ctx.plan.targets.plan_years - 1
    end = max(dues + [plan_end, first + layout.GANTT_MIN_MONTHS - 1])
    total = end - first + 1
    step = next(s for limit, s in layout.GANTT_STEPS if total <= limit)
    count = -(-total // step)
    return [f"{(first + k * step) // 12}-{(first + k * step) % 12 + 1:02d}" for k in range(count)], step


def _ym_short(ym: str) -> str:
    return f"{ym[:4]}/{ym[5:7]}" if ym else ""


def write_actions(ctx: BuildContext) -> None:
    ws = ctx.ws("actions")
    w = ctx.writer("actions")
    plan = ctx.plan
    of = _chain(plan)
    ncols = len(layout.ACTION_COLUMNS)
    months, step = gantt_months(ctx)
    g0 = ncols + 1
    last = max(ncols + len(months), ncols)
    widths = {i + 1: wd for i, (_, wd) in enumerate(layout.ACTION_COLUMNS)}
    for k in range(len(months)):
        widths[g0 + k] = layout.GANTT_COL_WIDTH
    styles.set_widths(ws, widths)
    w.sheet_title(
        layout.SHEET["actions"].title,
        ctx.company,
        ctx.date_text,
        last,
        unit="効果額: 千円" + (f" / 日程表の1列 = {step}か月" if step > 1 else ""),
    )
    top, head = 3, 4
    for i, (label, _) in enumerate(layout.ACTION_COLUMNS):
        w.text(top, i + 1, label, font=ctx.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        merge(ws, top, i + 1, head, i + 1)
        ws.cell(row=head, column=i + 1).border = styles.BORDER
    k = 0
    while k < len(months):  # year over months
        year = months[k][:4]
        j = k
        while j + 1 < len(months) and months[j + 1][:4] == year:
            j += 1
        w.text(
            top,
            g0 + k,
            f"{year}年" if j - k >= 2 else year[2:],
            font=ctx.fonts.small,
            fill=styles.FILL_HEADER,
            align=styles.CENTER,
        )
        if j > k:
            merge(ws, top, g0 + k, top, g0 + j)
        k = j + 1
    for k, ym in enumerate(months):
        w.text(
            head, g0 + k, str(int(ym[5:])), font=ctx.fonts.normal(size=7), fill=styles.FILL_HEADER, align=styles.CENTER
        )
    ws.row_dimensions[top].height = 16
    ws.row_dimensions[head].height = 24

    row = head + 1
    if not plan.actions:
        w.block(row, 1, last, "アクションプランが未入力です。", width_chars=120)
        row += 1
    groups: dict[str, list] = {}
    order: list[tuple[int, str]] = []
    for a in plan.actions:
        m, issue = of(a)
        key = issue.id if issue else ""
        if key not in groups:
            groups[key] = []
            order.append(((issue.priority if issue else 99), key))
        groups[key].append((a, m, issue))
    first_month = _ym_index(months[0]) if months else 0
    last_month = _ym_index(months[-1]) + step - 1 if months else 0
    for _, key in sorted(order, key=lambda t: t[0]):
        items = groups[key]
        issue = items[0][2]
        title = f"課題 {issue.id}: {issue.title}" if issue else "課題: (未設定)"
        w.text(row, 1, title, font=ctx.fonts.header, fill=styles.FILL_SECTION, wrap=True)
        merge(ws, row, 1, row, ncols)
        for c in range(2, last + 1):
            ws.cell(row=row, column=c).border = styles.BORDER
            ws.cell(row=row, column=c).fill = styles.FILL_SECTION
        ws.row_dimensions[row].height = max(18.0, styles.estimate_row_height(title, span_width(w, 1, ncols)))
        row += 1
        for a, m, _ in items:
            kpi = f"{a.kpi.name}: {fmt_decimal(a.kpi.target)}{a.kpi.unit}" if a.kpi is not None else "(KPI未設定)"
            effect = max(a.effects) if a.effects else 0
            values = [
                f"{m.id} {m.title}" if m else "(対策未設定)",
                f"{a.id} {a.title}" + (f"\n{a.method}" if a.method else ""),
                a.owner,
                _ym_short(a.start),
                _ym_short(a.due),
                kpi,
            ]
            height = 16.0
            for i, v in enumerate(values):
                w.text(row, i + 1, v, wrap=True, align=styles.CENTER if i in (3, 4) else None)
                height = max(height, styles.estimate_row_height(v, layout.ACTION_COLUMNS[i][1]))
            w.value(row, ncols, effect, "アクションの効果額 (計数計画・具体的施策で入力) の平年度の値です。")
            ws.row_dimensions[row].height = min(height, 150)
            s, e = _ym_index(a.start), _ym_index(a.due)
            for k, ym in enumerate(months):
                cell = ws.cell(row=row, column=g0 + k)
                cell.border = styles.BORDER_HAIR
                if s <= _ym_index(ym) + step - 1 and _ym_index(ym) <= e:  # the column's months overlap
                    cell.fill = styles.FILL_BAR
            if months and s < first_month:
                c = ws.cell(row=row, column=g0)
                c.value = "◀"
                c.font = ctx.fonts.normal(size=7, color="FFFFFF")
            if months and e > last_month:
                c = ws.cell(row=row, column=last)
                c.value = "▶"
                c.font = ctx.fonts.normal(size=7, color="FFFFFF")
            row += 1
    row += 1
    w.text(
        row,
        1,
        "バーは開始月から期限月までの実施期間。効果額は平年度の年額 (千円)。効果の年度別内訳とKPIの根拠は「計数計画・具体的施策」。",
        font=ctx.fonts.small,
        border=None,
    )
    ws.freeze_panes = f"C{head + 1}"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows=f"1:{head}")


# =============================================================================================
# 伴走支援計画 (モニタリング計画)


def _meeting_months(plan, months_shown: int = 36) -> list[str]:
    mp = plan.monitoring_plan
    if not mp.start:
        return []
    step = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[mp.frequency]
    s = _ym_index(mp.start)
    total = min(mp.period_years * 12, months_shown)
    return [f"{(s + k) // 12}-{(s + k) % 12 + 1:02d}" for k in range(0, total, step)]


def write_monitoring(ctx: BuildContext) -> None:
    ws = ctx.ws("monitoring")
    w = ctx.writer("monitoring")
    plan = ctx.plan
    mp = plan.monitoring_plan
    last = 10
    styles.set_widths(ws, {1: 26, 2: 14, 3: 12, 4: 14, 5: 11, 6: 10, 7: 12, 8: 12, 9: 12, 10: 26})
    w.sheet_title(layout.SHEET["monitoring"].title, ctx.company, ctx.date_text, last)
    row = 4
    w.section(row, "伴走支援 (モニタリング) の進め方", last)
    row += 1
    for label, value in (
        ("頻度", layout.MONITORING_FREQUENCY_LABELS.get(mp.frequency, mp.frequency)),
        ("期間", f"{mp.period_years}年" + (f" ({ym_text(mp.start)}から)" if mp.start else "")),
        ("出席者", "、".join(mp.attendees) or "(未入力)"),
        ("報告内容", mp.report_items or "(未入力)"),
        (
            "報告資料",
            "月次試算表・資金繰り表、計画と実績の比較 (本シートの様式)、アクションプランの進捗、乖離の要因分析と今後の対策、金融機関への継続支援依頼の内容",
        ),
    ):
        row = field_row(w, row, label, value, last_col=last)
    row += 1
    meetings = _meeting_months(plan)
    w.section(row, "実施予定", last)
    row += 1
    fy_end = plan.company.fiscal_month
    sched = []
    for ym in meetings:
        after_close = (int(ym[5:]) - fy_end) % 12  # months after the 決算月
        kind = (
            "決算報告 (計画と実績の比較・全金融機関に対面で報告)"
            if 2 <= after_close <= 4
            else "定例報告 (試算表・資金繰り表・アクションプランの進捗)"
        )
        sched.append([ym_text(ym), kind])
    row = text_table(
        w, row, ["予定月", "内容"], sched, spans=[1, last - 1], empty_text="開始月が未入力のため予定を作れません。"
    )
    row += 1

    w.section(row, "計画と実績の比較表 (計画1年目の計画値を記載。実績は報告時に記入)", last)
    row += 1
    headers = list(layout.MONITORING_COMPARE_COLUMNS)
    spans = [1, 2, 1, 2, 1, 1, 2]
    row = _compare_table(ctx, w, row, headers, spans)
    row += 1
    w.section(row, "アクションプランの進捗", last)
    row += 1
    ap_rows = []
    for a in plan.actions:
        kpi_t = f"{fmt_decimal(a.kpi.target)}{a.kpi.unit}" if a.kpi else ""
        effect = a.effects[0] if a.effects else 0
        ap_rows.append(
            [f"{a.id} {a.title}", a.owner, f"{ym_text(a.start)}〜{ym_text(a.due)}", "", "", kpi_t, "", effect, "", ""]
        )
    text_table(w, row, list(layout.AP_PROGRESS_COLUMNS), ap_rows, empty_text="アクションプランが未入力です")
    ws.freeze_panes = "A4"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2")


def _compare_table(ctx: BuildContext, w, row: int, headers, spans) -> int:
    starts = []
    c = 1
    for s in spans:
        starts.append(c)
        c += s
    for i, h in enumerate(headers):
        w.text(row, starts[i], h, font=ctx.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
        if spans[i] > 1:
            merge(w.ws, row, starts[i], row, starts[i] + spans[i] - 1)
    row += 1
    plan_year = 1 if len(ctx.proj.pl) > 1 else 0
    for label, sheet, key in layout.MONITORING_COMPARE_ROWS:
        w.text(row, 1, label)
        src = (sheet, key)
        link = ctx.link(src[0], src[1], plan_year) if src else None
        pc = starts[1]
        fmt = styles.YEARS if label == "債務償還年数" else styles.NUM
        if link:
            expected = _cell_expected(ctx, src, plan_year)
            if expected is not None:
                w.formula(row, pc, link, expected, fmt=fmt, tol=0.0051 if fmt == styles.YEARS else 0)
            else:
                w.text(row, pc, "—", align=styles.RIGHT)
        else:
            w.text(row, pc, "", align=styles.RIGHT)
        for i in range(2, len(headers)):
            for cc in range(starts[i], starts[i] + spans[i]):
                w.ws.cell(row=row, column=cc).border = styles.BORDER
        # 差異, 達成率 and 前年比 fill in as soon as the advisor types the 実績 (and 前年実績)
        plan_c, act_c, prev_c = (ref(starts[1], row), ref(starts[2], row), ref(starts[5], row))
        w.formula(row, starts[3], f'IF({act_c}="","",{act_c}-N({plan_c}))', "", fmt=fmt)
        if fmt == styles.NUM:
            w.formula(row, starts[4], f'IF(OR({act_c}="",N({plan_c})=0),"",{act_c}/{plan_c})', "", fmt=styles.PCT)
            w.formula(
                row, starts[6], f'IF(OR({act_c}="",{prev_c}="",N({prev_c})=0),"",{act_c}/{prev_c})', "", fmt=styles.PCT
            )
        for i in range(1, len(headers)):
            if spans[i] > 1:
                merge(w.ws, row, starts[i], row, starts[i] + spans[i] - 1)
        row += 1
    return row


def _cell_expected(ctx: BuildContext, src, year):
    """The number the linked cell shows (so the link expects the same number)."""
    return ctx.link_value(src[0], src[1], year)
