"""Plain-Japanese readings of a month's gaps, said before the review asks why.

「売上高は計画比78.0% (−9,900千円)。宴会の人数が計画より1,200人少ないことが主因 (数量差異 −6,000千円) で、
単価はほぼ計画どおり (単価差異 −300千円)。」
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .compare import BAND_LABELS, Comparison, LineRow
from .fiscal import month_text


def _pct(r: Fraction | None) -> str:
    return "—" if r is None or r < 0 else f"{float(r) * 100:.1f}%"


def _amt(v: int) -> str:
    """Signed 千円 with a real minus sign: 「−1,900千円」「+100千円」."""
    return f"{v:+,}千円".replace("-", "−")


def _num(v: int) -> str:
    return f"{v:,}".replace("-", "▲")


def _rate_text(row: LineRow) -> str:
    if row.rate is None or row.rate < 0:
        return f"計画 {_num(row.plan)}千円 に対し実績 {_num(row.actual or 0)}千円 (差 {_amt(row.diff or 0)})"
    return f"計画比{_pct(row.rate)} ({_amt(row.diff or 0)})"


def explain_line(cmp: Comparison, key: str) -> str:
    row = cmp.row(key)
    if row.actual is None:
        return ""
    head = f"{row.label}は{_rate_text(row)}。"
    if key == "sales":
        return head + _sales_reason(cmp)
    if key == "gross_profit":
        return head + _gross_reason(cmp)
    if key == "sga":
        return head + _sga_reason(cmp)
    if key == "cash_end":
        return cash_sentence(cmp)
    if key in ("operating_profit", "ordinary_profit"):
        parts = [f"{cmp.row(k).label} {_amt(cmp.row(k).diff or 0)}" for k in ("gross_profit", "sga") if cmp.row(k).diff]
        return head + ("内訳は " + "、".join(parts) + " です。" if parts else "")
    return head


def _sales_reason(cmp: Comparison) -> str:
    segs = cmp.deep.segments
    if not segs:
        return ""
    total = cmp.row("sales").diff or 0
    biggest = max(segs, key=lambda s: abs(s.split.total))
    qty, price = biggest.split.quantity, biggest.split.price
    dq = biggest.actual_qty - biggest.plan_qty
    unit = biggest.unit or "件"
    more = "多い" if dq > 0 else "少ない"
    where = f"{biggest.name}の" if len(segs) > 1 else ""
    if abs(qty) >= abs(price):
        main = f"{where}数量が計画より{abs(dq):,}{unit}{more}ことが主因 (数量差異 {_amt(qty)})"
        pp, ap = biggest.plan_price_yen, biggest.actual_price_yen
        flat = pp and ap and abs(ap - pp) <= pp * 0.02
        rest = f"単価はほぼ計画どおり (単価差異 {_amt(price)})" if flat else f"単価の差は {_amt(price)}"
    else:
        pp, ap = biggest.plan_price_yen or 0, biggest.actual_price_yen or 0
        main = f"{where}単価が計画 {pp:,}円 に対し {ap:,}円 だったことが主因 (単価差異 {_amt(price)})"
        rest = f"数量の差は {_amt(qty)}"
    others = [s for s in segs if s is not biggest and s.split.total]
    tail = ""
    if others:
        tail = " ほかの区分: " + "、".join(f"{s.name} {_amt(s.split.total)}" for s in others) + "。"
    if biggest.split.total and abs(biggest.split.total) * 2 < abs(total):
        tail += " 区分ごとの差が小さく、全体にわたる差です。"
    return f"{main}で、{rest}。{tail}".rstrip()


def _gross_reason(cmp: Comparison) -> str:
    g = cmp.deep.gross
    if g is None:
        return ""
    pm, am = cmp.deep.plan_margin, cmp.deep.actual_margin
    pt = (
        ""
        if pm is None or am is None
        else f" (粗利率 {_pct(pm)}→{_pct(am)}、{(float(am) - float(pm)) * 100:+.1f}pt)".replace("-", "−")
    )
    text = f"売上の差による分 {_amt(g.sales)}、粗利率の差による分 {_amt(g.margin)}{pt}。"
    g3 = cmp.deep.gross3
    if g3 is not None:
        text += f" 単位あたりで見ると、数量 {_amt(g3.quantity)}・単価 {_amt(g3.price)}・原価 {_amt(g3.cost)} です。"
        if abs(g3.price) > abs(g3.cost):
            text += "粗利率の低下は原価よりも値引き (単価) によるものです。"
    return text


def _sga_reason(cmp: Comparison) -> str:
    if not cmp.deep.sga:
        return ""
    parts = []
    for label, p, a in cmp.deep.sga:
        d = a - p
        if d:
            parts.append(f"{label}が計画より{abs(d):,}千円{'多い' if d > 0 else '少ない'}")
    return ("内訳: " + "、".join(parts) + "。") if parts else "内訳はほぼ計画どおりです。"


def cash_sentence(cmp: Comparison) -> str:
    c = cmp.cash
    if c.actual is None:
        return ""
    low = c.lowest
    text = f"月末現預金は{_num(c.actual)}千円 (計画 {_num(c.plan)}千円、{_amt(c.diff or 0)})。"
    if low:
        text += f"今の残高から計画どおりに推移すると、今後{len(c.projection)}か月で最も少なくなるのは{month_text(low[0])}の{_num(low[1])}千円"
        if c.minimum and c.short_by:
            text += f"で、最低限必要な手元資金 {c.minimum:,}千円 を{c.short_by:,}千円下回ります。今のうちに手当てが必要です。"
        elif c.minimum:
            text += f"で、最低限必要な手元資金 {c.minimum:,}千円 は保てる見込みです。"
        else:
            text += "です。"
    return text


def ordinary_sentence(o: Any) -> str:
    """「経常利益は計画 293千円 に対し ▲4,400千円 (−4,693千円)。」 (a month's row or a period's line)."""
    return f"経常利益は計画 {_num(o.plan)}千円 に対し {_num(o.actual)}千円 ({_amt(o.diff or 0)})。"


def landing_sentence(f: Any) -> str:
    """The year's 売上高 着地見込 and whether it falls below the 8割 line."""
    return (
        f"年間の売上高の着地見込は{f.landing:,}千円 (計画比{_pct(f.rate)}"
        + ("、8割を下回る見込み" if f.band == "miss" else "")
        + ")。"
    )


def summary(cmp: Comparison) -> list[str]:
    """A few sentences for the whole month (facts first, no excuses yet)."""
    out = []
    s = cmp.row("sales")
    if s.actual is None:
        return ["今月の実績はまだ入力されていません。"]
    band = BAND_LABELS.get(s.band or "", "")
    out.append(f"{cmp.when_text}の売上高は{_rate_text(s)}で「{band}」、期首からの累計は計画比{_pct(s.cum_rate)}です。")
    o = cmp.row("ordinary_profit")
    if o.actual is not None:
        out.append(ordinary_sentence(o))
    f = cmp.forecast.get("sales")
    if f is not None:
        out.append(landing_sentence(f))
    cs = cash_sentence(cmp)
    if cs:
        out.append(cs)
    misses = cmp.material_misses()
    if misses:
        out.append("未達の項目: " + "、".join(cmp.row(k).label for k in misses) + "。原因と対策を伺います。")
    else:
        out.append("大きく未達の項目はありません。")
    return out
