"""The month's comparison as text (for the terminal) and as JSON (for scripts and our checks).

JSON (``--format json``): ``month``, ``plan_year``, ``lines`` (key, label, plan, actual, diff,
rate, cum_plan, cum_actual, cum_rate, band …), ``forecast`` (着地見込 per key), ``cash``,
``deep_dive``, ``findings`` (as ``check --format json``), ``review`` and ``board``. Money is 千円 ints.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from kaizen_guide.checks.findings import Finding
from kaizen_guide.model.plan import MonitoringRecord

from .compare import BAND_LABELS, Comparison
from .explain import summary
from .fiscal import month_text

if TYPE_CHECKING:
    from .progress import BoardRow
    from .review import Review

SEVERITY_LABEL = {"error": "要修正", "warning": "要確認", "info": "参考"}
BAND_MARK = {"ok": "○", "watch": "△", "miss": "×"}


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, n: int, right: bool = False) -> str:
    gap = " " * max(0, n - width(text))
    return gap + text if right else text + gap


def num(v: int | None) -> str:
    return "—" if v is None else f"{v:,}".replace("-", "▲")


def pct(r: Decimal | Fraction | float | None) -> str:
    """達成率 for reading; a result of the other sign than the plan (黒字計画の赤字) reads 「—」."""
    return "—" if r is None or r < 0 else f"{float(r) * 100:.1f}%"


def band_text(band: str | None) -> str:
    return "" if band is None else f"{BAND_MARK[band]}{BAND_LABELS[band]}"


def table_rows(cmp: Comparison) -> list[list[str]]:
    """項目 | 計画 | 実績 | 差異 | 達成率 | 判定 | 累計計画 | 累計実績 | 累計達成率 (strings)."""
    out = []
    for r in cmp.rows:
        out.append(
            [
                r.label,
                num(r.plan),
                num(r.actual),
                "—" if r.diff is None else ("0" if r.diff == 0 else f"{r.diff:+,}".replace("-", "▲")),
                pct(r.rate),
                band_text(r.band),
                "" if r.balance else num(r.cum_plan),
                "" if r.balance else num(r.cum_actual),
                "" if r.balance else pct(r.cum_rate),
            ]
        )
    return out


HEADERS = ["項目", "計画", "実績", "差異", "達成率", "判定", "累計計画", "累計実績", "累計達成率"]


def render_table(cmp: Comparison) -> str:
    rows = [HEADERS, *table_rows(cmp)]
    widths = [max(width(r[i]) for r in rows) for i in range(len(HEADERS))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(pad(c, widths[i], right=i not in (0, 5)) for i, c in enumerate(r)).rstrip())
        if k == 0:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return "\n".join(lines)


def render_text(
    cmp: Comparison, findings: list[Finding], *, review: Review | None = None, board: list[BoardRow] | None = None
) -> str:
    head = (
        f"■ 月次モニタリング: {cmp.pos.label}"
        if cmp.period is None
        else (
            f"■ 期間のモニタリング: {cmp.period.title} (期間の合計。累計・着地見込は{month_text(cmp.month)}末の期首から)"
        )
    )
    out = [head, "(金額は千円)"]
    out.extend(f"※ {n}" for n in cmp.notes)
    out.append("")
    out.append(render_table(cmp))
    out.append("")
    out.append(cmp.bands.note)
    out.append("")
    out.append("■ 着地見込 (累計実績 + 残りの計画)")
    for key in ("sales", "gross_profit", "ordinary_profit"):
        f = cmp.forecast.get(key)
        if f is not None:
            trend = f" / 趨勢 (参考) {num(f.trend)}" if f.trend is not None else ""
            out.append(
                f"  {f.label}: {num(f.landing)} (年間計画 {num(f.annual_plan)}、計画比 {pct(f.rate)} {band_text(f.band)}){trend}"
            )
    c = cmp.cash
    if c.actual is not None and c.lowest:
        low = c.lowest
        out.append(
            f"  月末現預金: 実績 {num(c.actual)} / 計画 {num(c.plan)}。今後{len(c.projection)}か月の最低は"
            f"{month_text(low[0])}の {num(low[1])}"
            + (f" (最低限必要な手元資金 {num(c.minimum)} を {num(c.short_by)} 下回る)" if c.short_by else "")
        )
    out.append("")
    out.append("■ 今月のまとめ")
    out.extend(f"  {s}" for s in summary(cmp))
    if review is not None:
        rec = review.find_record(review.month)
        if rec is not None:
            if rec.action_checks:
                out.append("")
                out.append("■ 前回の次月アクションの確認")
                for a in rec.action_checks:
                    mark = {"done": "済", "partial": "一部", "not_done": "未実施"}[a.status]
                    out.append(f"  [{mark}] {a.text} — {a.result}" + (f" / 理由: {a.reason}" if a.reason else ""))
            if rec.variance_causes:
                out.append("")
                out.append("■ 乖離の原因")
                for vc in rec.variance_causes:
                    tag = {"internal": "内部", "external": "外部", "mixed": "混合"}.get(vc.tag or "", "")
                    out.append(f"  {cmp.row(vc.line).label if vc.line else ''} [{tag}] {vc.text}")
            if rec.revised_measures:
                out.append("")
                out.append("■ 改善策の見直し")
                for m in rec.revised_measures:
                    out.append(f"  {m.text}" + (f" (関連: {m.link})" if m.link else ""))
            if rec.next_actions:
                out.append("")
                out.append("■ 次月アクション")
                for n in rec.next_actions:
                    out.append(
                        f"  - {n.text} (担当: {n.owner or '未定'}、期限: {n.due or '未定'}、目標: {n.target or '未設定'})"
                    )
            out.extend(_reported_lines(rec))
    if board:
        out.append("")
        out.append("■ アクションプランの進捗")
        for b in board:
            out.append(
                f"  {b.action_id} [{b.status_label}] {b.title} ({b.owner}、{b.start}〜{b.due})"
                + (f" — {b.note}" if b.note else "")
            )
            detail = []
            if b.kpi:
                detail.append(
                    f"KPI {b.kpi}: 目標 {b.kpi_target} / 実績 {'—' if b.kpi_actual is None else b.kpi_actual}"
                )
            if b.effect_plan is not None:
                eff = f"効果額 (期首から): 計画 {num(b.effect_plan)} / 実績 {num(b.effect_actual)}"
                detail.append(eff + (f" ({b.effect_basis})" if b.effect_basis else ""))
            if detail:
                out.append("      " + "。".join(detail))
    out.append("")
    if findings:
        out.append("■ 指摘")
        for finding in findings:
            out.append(f"  [{SEVERITY_LABEL.get(finding.severity, finding.severity)}] {finding.message}")
            if finding.follow_up:
                out.append(f"      次に考えること: {finding.follow_up}")
    else:
        out.append("指摘はありません。")
    return "\n".join(out).rstrip() + "\n"


def _reported_lines(rec: MonitoringRecord) -> list[str]:
    """報告済みの月: when it was reported, and its amendments since (the next report lists them)."""
    if rec.reported_at is None:
        return []
    from .amendments import MonthAmendment

    out = ["", f"■ 金融機関への報告: {rec.reported_at.astimezone():%Y-%m-%d} に報告済み"]
    for a in rec.amendments:
        mark = "報告済み" if a.reported_at else "次の報告に載せる"
        out.append(f"  訂正 [{mark}] {MonthAmendment(rec.month, a).text()}")
    return out


def as_json(
    cmp: Comparison, findings: list[Finding], *, review: Review | None = None, board: list[BoardRow] | None = None
) -> dict[str, Any]:
    data = cmp.as_json()
    data["findings"] = [f.model_dump(mode="json") if hasattr(f, "model_dump") else dict(f) for f in findings]
    if review is not None:
        rec = review.find_record(review.month)
        data["review"] = (
            None
            if rec is None
            else {
                "complete": review.is_complete(),
                "action_checks": [a.model_dump(mode="json") for a in rec.action_checks],
                "causes": [c.model_dump(mode="json") for c in rec.variance_causes],
                "revised_measures": [m.model_dump(mode="json") for m in rec.revised_measures],
                "next_actions": [n.model_dump(mode="json") for n in rec.next_actions],
                "actuals_source": rec.actuals_source,
                "actuals_history": [h.model_dump(mode="json") for h in rec.actuals_history],
                "entered": [{"question": q, "by": by, "at": at} for q, by, at in review.who()],
                "reported_at": rec.reported_at.isoformat() if rec.reported_at else None,
                "amendments": [a.model_dump(mode="json") for a in rec.amendments],
            }
        )
    if board is not None:
        data["board"] = [b.as_json() for b in board]
    return data


def render_json(
    cmp: Comparison, findings: list[Finding], *, review: Review | None = None, board: list[BoardRow] | None = None
) -> str:
    return json.dumps(as_json(cmp, findings, review=review, board=board), ensure_ascii=False, indent=2)
