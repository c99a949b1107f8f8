"""Profile sheets: 概要 (課題・問題点, 基本方針, 計画期間・改善目標, 数値計画の概要) here, and the
債務者概況表 in :mod:`.sheets_debtor` (re-exported: the workbook calls both through this module)."""

from __future__ import annotations

from ..model.plan import MEASURE_CATEGORY_LABELS, SUPPORT_TYPE_LABELS
from . import layout, styles
from .blocks import field_row, fmt_decimal, linked_row, text_table
from .cells import mark_block, merge
from .context import BuildContext, ym_text
from .sheets_debtor import (
    DEBTOR_LAST_COL,
    DEBTOR_PAGES,
    DEBTOR_WIDTHS,
    REAL_BS_CATEGORIES,
    DebtorLayout,
    prepare_debtor,
    write_debtor,
)

# The debtor sheet's writers are re-exported with this module's own.
__all__ = [
    "DEBTOR_LAST_COL",
    "DEBTOR_PAGES",
    "DEBTOR_WIDTHS",
    "REAL_BS_CATEGORIES",
    "SUMMARY_ROWS",
    "DebtorLayout",
    "prepare_debtor",
    "write_debtor",
    "write_summary",
]


def _kyen(v) -> str:
    if v is None:
        return "—"
    v = int(v)
    return ("▲" if v < 0 else "") + f"{abs(v):,}千円"


# =============================================================================================
# 債務者概況表


# =============================================================================================
# 概要


SUMMARY_ROWS = layout.SUMMARY_ROWS


def write_summary(ctx: BuildContext) -> None:
    ws = ctx.ws("summary")
    w = ctx.writer("summary")
    plan, proj = ctx.plan, ctx.proj
    actual = proj.labels.actual[-layout.ACTUAL_YEARS_SHOWN :]
    years = list(actual) + list(proj.labels.plan)
    last = max(8, 1 + len(years))
    widths: dict[int, float] = {1: 24}
    for k in range(2, last + 1):
        widths[k] = 12.0
    styles.set_widths(ws, widths)
    w.sheet_title(layout.SHEET["summary"].title, ctx.company, ctx.date_text, last)
    c = plan.company
    row = 4
    w.section(row, "① 企業の概況", last)
    row += 1
    for label, value in (
        ("事業内容", c.business),
        ("業種", c.industry),
        ("規模", f"資本金 {c.capital:,}千円 / 従業員 {c.employees}名 / {c.fiscal_month}月決算"),
        ("経営理念", c.philosophy),
        ("後継者", c.successor),
    ):
        row = field_row(w, row, label, value or "(未入力)", last_col=last)
    row += 1

    w.section(row, "② 課題・問題点", last)
    row += 1
    row = field_row(w, row, "＜財務状況＞", _financial_status(ctx), last_col=last, min_height=36)
    w.text(row, 1, "＜窮境要因＞", bold=True, border=None)
    mark_block(ws, row)
    row += 1
    crow = [
        ["内部" if d.kind == "internal" else "外部", d.description, d.impact if d.impact is not None else "—"]
        for d in plan.distress_causes
    ]
    row = text_table(
        w, row, ["区分", "窮境要因", "影響額 (千円)"], crow, spans=[1, last - 2, 1], empty_text="(窮境要因が未入力です)"
    )
    w.text(row, 1, "＜経営課題＞", bold=True, border=None)
    mark_block(ws, row)
    row += 1
    irow = [
        [f"{i.priority}", f"{i.id} {i.title}", i.description, "、".join(i.cause_ids)]
        for i in sorted(plan.issues, key=lambda i: i.priority)
    ]
    row = text_table(
        w,
        row,
        ["優先", "課題", "内容", "窮境要因"],
        irow,
        spans=[1, 2, last - 4, 1],
        empty_text="(経営課題が未入力です)",
    )
    row += 1

    w.section(row, "③ 経営改善計画の基本方針", last)
    row += 1
    row = field_row(w, row, "基本方針", plan.basic_policy or "(未入力)", last_col=last, min_height=36)
    mrow = [
        [
            MEASURE_CATEGORY_LABELS.get(m.category, m.category),
            f"{m.id} {m.title}",
            m.description,
            "、".join(m.issue_ids),
        ]
        for m in plan.measures
    ]
    row = text_table(
        w,
        row,
        ["区分", "対策", "具体的な内容", "対応する課題"],
        mrow,
        spans=[1, 2, last - 4, 1],
        empty_text="(対策が未入力です)",
    )
    row += 1

    w.section(row, "④ 計画期間・改善目標", last)
    row += 1
    t = plan.targets
    tr = proj.targets

    def yr(y):
        return f"計画{y}年目" if y is not None else "計画期間内に達成せず"

    final_years = tr.final_debt_years
    trows = [
        ["計画期間", f"{t.plan_years}年", f"計画1年目 = {t.first_plan_year_label or '未設定'}", ""],
        ["経常利益の黒字化", f"計画{t.profit_target_year}年目まで", yr(tr.profit_year), tr.verdict(tr.profit_met)],
        [
            "実質債務超過の解消",
            f"計画{t.solvency_target_year}年目まで",
            yr(tr.solvency_year),
            tr.verdict(tr.solvency_met),
        ],
        [
            "債務償還年数 (計画最終年度)",
            f"{fmt_decimal(t.debt_years_target)}年以内",
            f"{final_years:.1f}年" if final_years is not None else "算出不能",
            tr.verdict(tr.debt_years_met),
        ],
    ]
    row = text_table(w, row, ["項目", "目標", "計画上の見込み", "判定"], trows, spans=[2, 2, last - 5, 1])
    row = field_row(w, row, "改善目標", t.goals or "(未入力)", last_col=last)
    row += 1

    w.section(row, "数値計画の概要 (単位:千円。各計画シートにリンク)", last)
    row += 1
    w.text(row, 1, "項目", font=ctx.fonts.header, fill=styles.FILL_HEADER, align=styles.CENTER)
    merge(ws, row, 1, row + 1, 1)
    for j, lab in enumerate(years):
        fill = styles.FILL_ACTUAL if lab.kind == "actual" else styles.FILL_HEADER
        w.text(
            row,
            2 + j,
            "実績" if lab.kind == "actual" else lab.label,
            font=ctx.fonts.header,
            fill=fill,
            align=styles.CENTER,
        )
        w.text(row + 1, 2 + j, lab.fiscal_label or "", font=ctx.fonts.small, fill=fill, align=styles.CENTER)
    ws.row_dimensions[row + 1].height = 26
    row += 2
    for label, sheet, key, fmt in SUMMARY_ROWS:
        linked_row(
            ctx, w, row, label, sheet, key, fmt, years, bold=key in ("ordinary_income", "real_net_assets", "debt_years")
        )
        row += 1
    row += 1

    w.section(row, "金融支援の依頼 (詳細は「金融機関別返済計画・金融支援計画」)", last)
    row += 1
    s = plan.support
    if s.needed:
        types = "、".join(SUPPORT_TYPE_LABELS.get(x, x) for x in s.types) or "(種類未選択)"
        row = field_row(
            w,
            row,
            "種類・期間",
            f"{types} / {ym_text(s.start) or '開始月未定'}から{s.period_months}か月 / {proj.repayment.basis_label}",
            last_col=last,
        )
        row = field_row(w, row, "依頼内容", s.request or "(未記入)", last_col=last)
        total = proj.repayment.request_total
        row = field_row(w, row, "支援額 (約定との差)", f"計画期間合計 {total:,}千円", last_col=last)
    else:
        row = field_row(w, row, "金融支援", "依頼しない (約定どおり返済)", last_col=last)
    ws.freeze_panes = "A4"
    styles.page_setup(ws, company=ctx.company, date_text=ctx.date_text, title_rows="1:2")


def _financial_status(ctx: BuildContext) -> str:
    """A plain sentence of the latest 決算 in numbers (generated, not an answer)."""
    proj = ctx.proj
    actual = proj.actual_metrics
    if not actual:
        return "決算実績が未入力です。"
    m = actual[-1]
    parts = [
        f"直近決算 ({m.label}) は売上高 {_kyen(m.sales)}、経常利益 {_kyen(m.ordinary_income)}、"
        f"当期純利益 {_kyen(m.net_income)}。"
    ]
    if len(actual) >= 2:
        first = actual[0]
        parts.append(f"{first.label}から売上高は {_kyen(m.sales - first.sales)} 変化。")
    parts.append(
        f"有利子負債 {_kyen(m.interest_bearing_debt)}、簿価純資産 {_kyen(m.net_assets)}、"
        f"実質純資産 {_kyen(m.real_net_assets)}"
        + ("(実質債務超過)" if m.real_net_assets is not None and m.real_net_assets < 0 else "")
        + "。"
    )
    years = m.debt_repayment_years
    parts.append("債務償還年数は " + (f"{years:.1f}年。" if years is not None else "算出不能 (償還原資がマイナス)。"))
    return "".join(parts)
