"""The monitoring report for the banks as an Excel workbook, in the plan workbook's house style.

    from kaizen_guide.monitoring.report import build_report
    from kaizen_guide.export.monitoring_xlsx import export_monitoring_xlsx
    export_monitoring_xlsx(build_report(plan, "2027Q1"), "報告.xlsx")

Sheets in the order banks read them: サマリー (summary and ① 概況), ② 取組状況, ③ 乖離分析,
④ 支援依頼, 計画実績対比表 (with the 計画/実績 bars and 達成率 line), 資金繰り (with month-end cash
vs plan). 単位:千円, ▲ for negatives, A4, print titles, fit to width. 差異, 達成率 and totals are
formulas, each recorded with the report's own figure (for the LibreOffice test and the cached
values); text from answers is always a string cell (cells.SheetWriter.text).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from kaizen_guide.monitoring.compare import BAND_LABELS
from kaizen_guide.monitoring.fiscal import month_text
from kaizen_guide.monitoring.report import BankReport, pct_text

from . import styles
from .blocks import field_row, span_width, text_table
from .cells import Expectations, SheetWriter, ref
from .context import date_text
from .monitoring_charts import rate_cells, write_cash_sheet, write_table_sheet

SHEETS = ("サマリー", "②取組状況", "③乖離分析", "④支援依頼", "計画実績対比表", "資金繰り")


class ReportSheets:
    """The workbook being built: one writer per sheet, shared expectations."""

    def __init__(self, rep: BankReport, font: str):
        self.rep = rep
        self.wb = Workbook()
        self.fonts = styles.Fonts(font)
        self.expectations = Expectations()
        self.date_text = "作成日 " + date_text(rep.made_on)
        first = self.wb.active
        self.writers: dict[str, SheetWriter] = {}
        for i, name in enumerate(SHEETS):
            ws = first if i == 0 else self.wb.create_sheet()
            ws.title = name
            self.writers[name] = SheetWriter(ws, self.fonts, self.expectations)

    def w(self, name: str) -> SheetWriter:
        return self.writers[name]

    def frame(
        self, name: str, title: str, widths: dict[int, float], *, landscape: bool = True, title_rows: str = "1:2"
    ) -> SheetWriter:
        w = self.w(name)
        styles.set_widths(w.ws, widths)
        w.sheet_title(f"{title}  {self.rep.period.short_title}", self.rep.company, self.date_text, max(widths))
        styles.page_setup(
            w.ws, company=self.rep.company, date_text=self.date_text, title_rows=title_rows, landscape=landscape
        )
        return w


def bullets(w: SheetWriter, row: int, items: list[str], last: int) -> int:
    width = span_width(w, 1, last)
    for text in items:
        w.block(row, 1, last, f"・{text}", width_chars=width)
        row += 1
    return row


def _summary(s: ReportSheets) -> None:
    rep = s.rep
    last = 8
    w = s.frame(
        "サマリー",
        "モニタリング報告 (伴走支援レポート)",
        {1: 22, 2: 13, 3: 13, 4: 13, 5: 11, 6: 13, 7: 13, 8: 11},
        landscape=False,
    )
    row = 4
    row = field_row(
        w, row, "報告の期間", f"{rep.period.title}  {rep.period.span_text} ({rep.period.era_span_text})", last_col=last
    )
    row = field_row(w, row, "報告先", "、".join(rep.recipients) or "(未入力)", last_col=last)
    if rep.agency:
        row = field_row(w, row, "支援機関", rep.agency, last_col=last)
    row += 1
    for title, items in (
        ("今期のポイント (良かった点)", rep.summary_highlights),
        ("リスク・未達の点", rep.summary_risks),
    ):
        w.section(row, title, last)
        row = bullets(w, row + 1, items, last) + 1
    w.section(row, "来月の打ち手 (次月アクション)", last)
    moves = [[m.text, m.owner or "未定", m.due or "未定", m.target or "未設定"] for m in rep.summary_moves]
    row = (
        text_table(
            w,
            row + 1,
            ["内容", "担当", "期限", "確認できる目標"],
            moves,
            spans=[3, 2, 1, 2],
            empty_text="次月アクションはまだ決まっていません。",
            inputs=False,
        )
        + 1
    )
    w.section(row, "① 概況 (期間と期首からの累計)", last)
    row = bullets(w, row + 1, rep.overview, last)
    headers = ["項目", "計画", "実績", "差異", "達成率", "累計計画", "累計実績", "累計達成率"]
    w.header_row(row, 1, headers)
    row += 1
    for ln in rep.overview_lines:
        w.text(row, 1, ln.label)
        w.number(row, 2, ln.plan)
        if ln.actual is None:
            w.text(row, 3, "—", align=styles.RIGHT)
        else:
            w.number(row, 3, ln.actual)
        rate_cells(w, row, 2, 3, 4, 5, ln.plan, ln.actual, ln.rate, balance=ln.balance)
        if ln.balance:
            for c in (6, 7, 8):
                w.text(row, c, "(残高)", align=styles.RIGHT)
        else:
            w.number(row, 6, ln.cum_plan)
            if ln.cum_actual is None:
                w.text(row, 7, "—", align=styles.RIGHT)
            else:
                w.number(row, 7, ln.cum_actual)
            if ln.cum_actual is None or ln.cum_rate is None or ln.cum_rate < 0:
                w.text(row, 8, "—", align=styles.RIGHT)
            else:
                w.formula(row, 8, f"{ref(7, row)}/{ref(6, row)}", float(ln.cum_rate), fmt=styles.PCT, tol=1e-9)
        row += 1
    row += 1
    if rep.amendments:
        w.section(row, "報告後の訂正 (前回までに報告した月の修正)", last)
        rows = [[month_text(a.month), a.what, a.before, a.after, f"{a.when} {a.by}", a.reason] for a in rep.amendments]
        row = (
            text_table(
                w,
                row + 1,
                ["対象月", "項目", "訂正前", "訂正後", "訂正日時・訂正者", "理由"],
                rows,
                spans=[1, 2, 1, 1, 1, 2],
                inputs=False,
            )
            + 1
        )
    w.section(row, "注記", last)
    bullets(w, row + 1, rep.notes, last)


def _board(s: ReportSheets) -> None:
    rep = s.rep
    last = 10
    w = s.frame(
        "②取組状況",
        "② アクションプラン取組状況",
        {1: 10, 2: 30, 3: 16, 4: 16, 5: 8, 6: 16, 7: 10, 8: 11, 9: 11, 10: 32},
    )
    row = 4
    w.section(row, f"アクションプランの進捗 ({month_text(rep.pc.end.month)}時点)", last)
    headers = [
        "ID",
        "実施項目",
        "責任者",
        "期間",
        "状況",
        "KPI (目標)",
        "KPI実績",
        "効果額(計画)",
        "効果額(実績)",
        "経過",
    ]
    rows: list[list[Any]] = []
    for b in rep.board:
        target = "" if b.kpi_target is None else f"{b.kpi_target.normalize():f}"
        rows.append(
            [
                b.action_id,
                b.title,
                b.owner,
                f"{month_text(b.start)}〜{month_text(b.due)}",
                b.status_label,
                f"{b.kpi} {target}".strip(),
                "" if b.kpi_actual is None else f"{b.kpi_actual.normalize():f}",
                "—" if b.effect_plan is None else b.effect_plan,
                "—" if b.effect_actual is None else b.effect_actual,
                b.note,
            ]
        )
    row = text_table(w, row + 1, headers, rows, empty_text="アクションプランがありません。", inputs=False) + 1
    w.section(row, "前回決めた次月アクションの確認", last)
    checks = [[month_text(m), text, status, result] for m, text, status, result in rep.checks]
    text_table(
        w,
        row + 1,
        ["決めた月", "アクション", "結果", "実績・理由"],
        checks,
        spans=[1, 4, 1, 4],
        empty_text="この期間に確認した次月アクションはありません。",
        inputs=False,
    )
    w.ws.freeze_panes = "A4"


def _misses(s: ReportSheets) -> None:
    rep = s.rep
    last = 8
    w = s.frame(
        "③乖離分析",
        "③ 乖離の要因分析と今後の対策",
        {1: 18, 2: 14, 3: 14, 4: 14, 5: 14, 6: 14, 7: 14, 8: 14},
        landscape=False,
    )
    row = 4
    if not rep.misses:
        w.block(row, 1, last, "この期間に計画を大きく下回った項目はありません。", width_chars=span_width(w, 1, last))
        return
    for m in rep.misses:
        ln = m.line
        head = f"{m.label}: 計画 {ln.plan:,} / 実績 {(ln.actual or 0):,} / 差異 {(ln.diff or 0):+,}千円".replace(
            "-", "▲"
        ) + (
            ""
            if ln.balance or ln.rate is None or ln.rate < 0
            else f" (達成率 {pct_text(ln.rate)}、{BAND_LABELS.get(ln.band or '', '')})"
        )
        w.section(row, head, last)
        row += 1
        row = field_row(
            w, row, "数字の内訳", "\n".join(m.readings) or "(内訳を計算できる実績がありません)", last_col=last
        )
        causes = "\n".join(
            f"[{month_text(c.month)}・{c.tag or '区分なし'}] {c.text}"
            + (f" (影響額 {c.amount:+,}千円)".replace("-", "▲") if c.amount is not None else "")
            for c in m.causes
        )
        row = field_row(w, row, "原因", causes or "原因がまだ記入されていません。", last_col=last)
        measures = "\n".join(
            f"[{month_text(x.month)}] {x.text}" + (f" (関連: {x.link})" if x.link else "") for x in m.measures
        )
        row = field_row(w, row, "今後の対策 (見直した改善策)", measures or "(未記入)", last_col=last)
        acts = [[a.text, a.owner or "未定", a.due or "未定", a.target or "未設定"] for a in m.actions]
        w.text(row, 1, "次月アクション", bold=True, fill=styles.FILL_HEADER)
        row = (
            text_table(
                w,
                row,
                ["内容", "担当", "期限", "確認できる目標"],
                acts,
                col=2,
                spans=[2, 2, 1, 2],
                empty_text="(未記入)",
                inputs=False,
            )
            + 1
        )


def _requests(s: ReportSheets) -> None:
    rep = s.rep
    last = 8
    w = s.frame("④支援依頼", "④ 金融機関への継続支援依頼", {1: 20, 2: 8, 3: 13, 4: 13, 5: 13, 6: 13, 7: 30, 8: 12})
    row = 4
    w.section(row, "依頼の内容", last)
    w.block(row + 1, 1, last, rep.request_text or "(依頼文が未入力です)", width_chars=span_width(w, 1, last))
    row += 3
    w.section(row, f"金融機関別 (計画{rep.period.plan_year}年目)", last)
    row += 1
    w.header_row(row, 1, ["金融機関", "メイン", "期首残高", "約定返済(年)", "計画返済(年)", "軽減額", "依頼内容"])
    from .cells import merge

    merge(w.ws, row, 7, row, 8)
    first = row + 1
    for q in rep.requests:
        row += 1
        w.text(row, 1, q.bank)
        w.text(row, 2, "○" if q.is_main else "", align=styles.CENTER)
        w.number(row, 3, q.balance)
        w.number(row, 4, q.contractual)
        w.number(row, 5, q.planned)
        w.formula(row, 6, f"{ref(4, row)}-{ref(5, row)}", q.contractual - q.planned)
        w.block(row, 7, 8, q.text, width_chars=span_width(w, 7, 8))
    if rep.requests:
        row += 1
        w.text(row, 1, "合計", bold=True, fill=styles.FILL_TOTAL)
        w.blank(row, 2, fill=styles.FILL_TOTAL)
        for c, vals in (
            (3, [q.balance for q in rep.requests]),
            (4, [q.contractual for q in rep.requests]),
            (5, [q.planned for q in rep.requests]),
            (6, [q.contractual - q.planned for q in rep.requests]),
        ):
            w.formula(row, c, f"SUM({ref(c, first)}:{ref(c, row - 1)})", sum(vals), bold=True, fill=styles.FILL_TOTAL)
        w.blank(row, 7, fill=styles.FILL_TOTAL)
        w.blank(row, 8, fill=styles.FILL_TOTAL)


def build_monitoring_workbook(rep: BankReport, *, font: str = styles.DEFAULT_FONT) -> Workbook:
    s = ReportSheets(rep, font)
    from .workbook import _set_default_font

    _set_default_font(s.wb, font)
    _summary(s)
    _board(s)
    _misses(s)
    _requests(s)
    write_table_sheet(s)
    write_cash_sheet(s)
    from .paging import paginate
    from .xml_safe import scrub_workbook

    for ws in s.wb.worksheets:
        paginate(ws)
    s.wb.properties.title = f"{rep.title} {rep.company}"
    s.wb.properties.creator = "kaizen-guide"
    scrub_workbook(s.wb)
    s.wb._kaizen_expectations = s.expectations  # noqa: SLF001 (read by workbook.save_workbook)
    return s.wb


def export_monitoring_xlsx(rep: BankReport, path: str | os.PathLike, *, font: str = styles.DEFAULT_FONT) -> Path:
    """Build and save (atomically, 0600, with cached formula values); returns the path."""
    from .workbook import save_workbook

    return save_workbook(build_monitoring_workbook(rep, font=font), path)
