"""The monitoring report as Markdown and printable HTML (templates/monitoring_report.*.j2), and the
one call that writes every requested format.

    from kaizen_guide.export.monitoring_report import export_monitoring
    export_monitoring(build_report(plan, "2027Q1"), xlsx="報告.xlsx", md="報告.md", html="報告.html")

Answers are data: the context holds plain strings, the HTML template is autoescaped, and the SVG
charts escape their own text. Files are written atomically, owner-only (0600).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kaizen_guide.monitoring.compare import BAND_LABELS
from kaizen_guide.monitoring.fiscal import month_text
from kaizen_guide.monitoring.report import BankReport, amount_text, pct_text, signed_text

from .context import date_text
from .report import write_report
from .svg_charts import bars_with_rate, cash_lines
from .templating import css, environment

FORMATS = ("md", "html")


def _band(band: str | None) -> str:
    return BAND_LABELS.get(band or "", "")


def _rate(r: Any, balance: bool = False) -> str:
    return "—" if balance else pct_text(r)


def _line_row(ln: Any) -> dict[str, Any]:
    return {
        "key": ln.key,
        "label": ln.label,
        "plan": amount_text(ln.plan),
        "actual": amount_text(ln.actual),
        "diff": signed_text(ln.diff),
        "rate": _rate(ln.rate, ln.balance),
        "band": _band(ln.band),
        "band_key": ln.band or "",
        "balance": ln.balance,
        "cum_plan": "" if ln.balance else amount_text(ln.cum_plan),
        "cum_actual": "" if ln.balance else amount_text(ln.cum_actual),
        "cum_diff": "" if ln.balance else signed_text(ln.cum_diff),
        "cum_rate": "" if ln.balance else pct_text(ln.cum_rate),
        "cum_band": "" if ln.balance else _band(ln.cum_band),
        "cum_band_key": "" if ln.balance else (ln.cum_band or ""),
    }


def _step(s: Any) -> dict[str, str]:
    return {
        "month": month_text(s.month),
        "text": s.text,
        "owner": s.owner or "未定",
        "due": s.due or "未定",
        "target": s.target or "未設定",
        "link": s.link,
    }


def report_context(rep: BankReport, *, charts: bool = True) -> dict[str, Any]:
    per, pc, cp = rep.period, rep.pc, rep.cash
    ctx: dict[str, Any] = {
        "title": rep.title,
        "company": rep.company,
        "made_on": date_text(rep.made_on),
        "period_title": per.title,
        "span": per.span_text,
        "era_span": per.era_span_text,
        "part": per.part,
        "recipients": "、".join(rep.recipients),
        "agency": rep.agency,
        "covered": f"{len(pc.covered)}/{len(per.months)}か月",
        "complete": pc.complete,
        "ytd_label": f"期首からの累計 ({month_text(pc.end.month)}まで)",
        "highlights": rep.summary_highlights,
        "risks": rep.summary_risks,
        "moves": [_step(m) for m in rep.summary_moves],
        "overview": rep.overview,
        "overview_rows": [_line_row(ln) for ln in rep.overview_lines],
        "board_month": month_text(pc.end.month),
        "board": [
            {
                "id": b.action_id,
                "title": b.title,
                "owner": b.owner,
                "span": f"{month_text(b.start)}〜{month_text(b.due)}",
                "status": b.status_label,
                "status_key": b.status,
                "kpi": (f"{b.kpi} {b.kpi_target.normalize():f}" if b.kpi_target is not None else b.kpi),
                "kpi_actual": "" if b.kpi_actual is None else f"{b.kpi_actual.normalize():f}",
                "effect_plan": amount_text(b.effect_plan),
                "effect_actual": amount_text(b.effect_actual),
                "note": b.note,
            }
            for b in rep.board
        ],
        "checks": [{"month": month_text(m), "text": t, "status": s, "result": r} for m, t, s, r in rep.checks],
        "misses": [
            {
                "label": m.label,
                "plan": amount_text(m.line.plan),
                "actual": amount_text(m.line.actual),
                "diff": signed_text(m.line.diff),
                "rate": _rate(m.line.rate, m.line.balance),
                "band": _band(m.line.band),
                "months": "・".join(month_text(x) for x in m.months),
                "readings": m.readings,
                "causes": [
                    {
                        "month": month_text(c.month),
                        "tag": c.tag or "区分なし",
                        "text": c.text,
                        "amount": "" if c.amount is None else signed_text(c.amount),
                    }
                    for c in m.causes
                ],
                "measures": [_step(x) for x in m.measures],
                "actions": [_step(x) for x in m.actions],
            }
            for m in rep.misses
        ],
        "request_text": rep.request_text,
        "plan_year": per.plan_year,
        "requests": [
            {
                "bank": q.bank,
                "main": q.is_main,
                "balance": amount_text(q.balance),
                "contractual": amount_text(q.contractual),
                "planned": amount_text(q.planned),
                "reduction": amount_text(q.reduction),
                "text": q.text,
            }
            for q in rep.requests
        ],
        "lines": [_line_row(ln) for ln in rep.lines],
        "band_note": pc.bands.note,
        "monthly": [
            {
                "month": f"{int(c.month[5:])}月",
                "plan": amount_text(c.row("sales").plan),
                "actual": amount_text(c.row("sales").actual),
                "rate": pct_text(c.row("sales").rate),
                "op_plan": amount_text(c.row("ordinary_profit").plan),
                "op_actual": amount_text(c.row("ordinary_profit").actual),
            }
            for c in rep.chart
        ],
        "cash_month": month_text(cp.month),
        "cash_next": month_text(cp.next_month),
        "flows": [
            {
                "label": f.label,
                "actual": amount_text(f.actual),
                "plan": amount_text(f.plan),
                "diff": "—" if f.actual is None or f.plan is None else signed_text(f.actual - f.plan),
                "next": amount_text(f.next_plan),
                "note": f.note,
            }
            for f in cp.flows
        ],
        "outlook": [
            {
                "month": month_text(m),
                "plan": amount_text(p),
                "projected": amount_text(v),
                "short": bool(cp.minimum and v < cp.minimum),
            }
            for m, p, v in cp.outlook
        ],
        "lowest": None if cp.lowest is None else f"{month_text(cp.lowest[0])}の {amount_text(cp.lowest[1])}千円",
        "minimum": amount_text(cp.minimum),
        "short_by": amount_text(cp.short_by) if cp.short_by else "",
        "banks": [
            {
                "bank": b.bank,
                "main": b.is_main,
                "plan_balance": amount_text(b.plan_balance),
                "contractual": amount_text(b.contractual),
                "planned": amount_text(b.planned),
                "reduction": amount_text(b.contractual - b.planned),
            }
            for b in cp.banks
        ],
        "bank_total": {
            "plan_balance": amount_text(cp.plan_borrowings),
            "contractual": amount_text(cp.contractual_total),
            "planned": amount_text(cp.planned_total),
            "reduction": amount_text(cp.contractual_total - cp.planned_total),
        },
        "actual_borrowings": amount_text(cp.actual_borrowings),
        "actual_repaid": amount_text(cp.actual_repaid),
        "repaid_basis": cp.repaid_basis,
        "cash_notes": cp.notes,
        "amendments": [
            {
                "month": month_text(a.month),
                "what": a.what,
                "before": a.before,
                "after": a.after,
                "when": a.when,
                "by": a.by,
                "reason": a.reason,
            }
            for a in rep.amendments
        ],
        "versions": rep.versions,
        "original": None
        if rep.original is None
        else {
            ln.key: {
                "plan": amount_text(rep.original.line(ln.key).plan),
                "rate": "—"
                if ln.balance or ln.actual is None
                else pct_text(
                    None if rep.original.line(ln.key).plan <= 0 else ln.actual / rep.original.line(ln.key).plan
                ),
            }
            for ln in rep.lines
        },
        "notes": rep.notes,
    }
    if charts:
        ctx["chart_sales"], ctx["chart_cash"] = _charts(rep)
    return ctx


def _charts(rep: BankReport) -> tuple[Any, Any]:
    months = rep.chart
    labels = [f"{int(c.month[5:])}月" for c in months]
    sales = [c.row("sales") for c in months]
    rate = [None if r.rate is None or r.rate < 0 else float(r.rate) for r in sales]
    bars = bars_with_rate(
        "売上高 計画・実績 (千円) と達成率", labels, [r.plan for r in sales], [r.actual for r in sales], rate
    )
    cp = rep.cash
    cl = list(labels)
    plan: list[int | None] = [c.row("cash_end").plan for c in months]
    actual: list[int | None] = [c.row("cash_end").actual for c in months]
    fc: list[int | None] = [None] * len(months)
    shown = {c.month for c in months}
    for m, p, v in cp.outlook[:6]:
        if m not in shown:
            cl.append(f"{int(m[5:])}月")
            plan.append(p)
            actual.append(None)
            fc.append(v)
    if months and months[-1].row("cash_end").actual is not None and len(fc) > len(months):
        fc[len(months) - 1] = months[-1].row("cash_end").actual  # the outlook starts at the actual
    return bars, cash_lines("月末現預金 (千円): 計画・実績・見込み", cl, plan, actual, fc, cp.minimum)


def render_monitoring_report(rep: BankReport, fmt: str = "html") -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (use 'md' or 'html')")
    ctx = report_context(rep, charts=fmt == "html")
    if fmt == "html":
        ctx["css"] = css()
    return environment().get_template(f"monitoring_report.{fmt}.j2").render(**ctx)


def export_monitoring(
    rep: BankReport,
    *,
    xlsx: str | os.PathLike | None = None,
    md: str | os.PathLike | None = None,
    html: str | os.PathLike | None = None,
) -> list[Path]:
    """Write the requested formats (atomically, 0600); returns the paths written."""
    written: list[Path] = []
    if xlsx:
        from .monitoring_xlsx import export_monitoring_xlsx

        written.append(export_monitoring_xlsx(rep, xlsx))
    for path, fmt in ((md, "md"), (html, "html")):
        if path:
            write_report(render_monitoring_report(rep, fmt), path)
            written.append(Path(path))
    return written
