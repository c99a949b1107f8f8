"""Small inline SVG charts for the HTML report (no script, no network, prints as vector).

The same two charts as the workbook: 計画/実績 bars with the 達成率 line on a second axis, and
month-end 現預金 (計画, 実績, 見込み) as lines, with the 最低限必要な手元資金 as a dashed line.
Every text is escaped (markupsafe); values are numbers we format ourselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

W, H = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 60, 36, 48
COLORS = {"plan": "#8eaadb", "actual": "#1f3864", "rate": "#c55a11", "forecast": "#7f7f7f", "min": "#b00020"}


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(1, ticks)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _scale(values: Sequence[float], zero: bool = True) -> tuple[float, float, float]:
    vals = [v for v in values if v is not None]
    lo = min(vals + ([0.0] if zero else [])) if vals else 0.0
    hi = max(vals + ([0.0] if zero else [])) if vals else 1.0
    if hi == lo:
        hi = lo + 1
    step = _nice_step(hi - lo)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def _num(v: float) -> str:
    return f"{v:,.0f}".replace("-", "▲")


def _text(
    x: float, y: float, s: str, *, anchor: str = "middle", size: int = 11, color: str = "#333", weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{color}" '
        f'font-weight="{weight}">{escape(s)}</text>'
    )


def _frame(title: str, lo: float, hi: float, step: float, unit: str) -> tuple[list[str], Callable[[float], float]]:
    plot_h = H - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + plot_h * (hi - v) / (hi - lo)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" role="img" '
        f'aria-label="{escape(title)}" class="chart">',
        _text(W / 2, 20, title, size=13, weight="bold"),
    ]
    v = lo
    n = 0
    while v <= hi + step / 2 and n < 40:
        yy = y(v)
        parts.append(f'<line x1="{LEFT}" y1="{yy:.1f}" x2="{W - RIGHT}" y2="{yy:.1f}" stroke="#ddd" stroke-width="1"/>')
        parts.append(_text(LEFT - 6, yy + 4, _num(v), anchor="end", size=10))
        v += step
        n += 1
    parts.append(_text(12, TOP - 8, unit, anchor="start", size=10))
    if lo < 0 < hi:
        parts.append(
            f'<line x1="{LEFT}" y1="{y(0):.1f}" x2="{W - RIGHT}" y2="{y(0):.1f}" stroke="#555" stroke-width="1"/>'
        )
    return parts, y


def _legend(items: list[tuple[str, str, str]]) -> str:
    out, x = [], LEFT
    for name, color, kind in items:
        if kind == "bar":
            out.append(f'<rect x="{x}" y="{H - 16}" width="12" height="10" fill="{color}"/>')
        else:
            dash = ' stroke-dasharray="5,4"' if kind == "dash" else ""
            out.append(
                f'<line x1="{x}" y1="{H - 11}" x2="{x + 14}" y2="{H - 11}" stroke="{color}" stroke-width="2"{dash}/>'
            )
        out.append(_text(x + 18, H - 7, name, anchor="start", size=10))
        x += 30 + 12 * len(name)
    return "".join(out)


def bars_with_rate(
    title: str, labels: Sequence[str], plan: Sequence[int], actual: Sequence[int | None], rate: Sequence[float | None]
) -> Markup:
    """計画/実績 bars per month, 達成率 (0–max, %) as a line on the right axis."""
    lo, hi, step = _scale([*plan, *[a for a in actual if a is not None]])
    parts, y = _frame(title, lo, hi, step, "千円")
    n = max(1, len(labels))
    slot = (W - LEFT - RIGHT) / n
    bw = min(28.0, slot * 0.35)
    rates = [r for r in rate if r is not None]
    rmax = max([1.2, *rates]) if rates else 1.2
    rtop = math.ceil(rmax * 5) / 5
    plot_h = H - TOP - BOTTOM

    def ry(r: float) -> float:
        return TOP + plot_h * (rtop - r) / rtop

    for k in range(int(rtop * 5) + 1):
        r = k / 5
        parts.append(_text(W - RIGHT + 6, ry(r) + 4, f"{r * 100:.0f}%", anchor="start", size=10, color=COLORS["rate"]))
    points = []
    for i, lab in enumerate(labels):
        cx = LEFT + slot * (i + 0.5)
        for off, val, key in ((-bw, plan[i], "plan"), (0.0, actual[i], "actual")):
            if val is None:
                continue
            y0, y1 = y(max(0, val)), y(min(0, val))
            parts.append(
                f'<rect x="{cx + off:.1f}" y="{y0:.1f}" width="{bw:.1f}" height="{max(0.5, y1 - y0):.1f}" '
                f'fill="{COLORS[key]}"><title>{escape(lab)} {"計画" if key == "plan" else "実績"} {_num(val)}千円</title></rect>'
            )
        parts.append(_text(cx, H - BOTTOM + 16, lab, size=10))
        if rate[i] is not None:
            points.append((cx, ry(rate[i])))  # type: ignore[arg-type]
    if points:
        parts.append(
            '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(
                COLORS["rate"], " ".join(f"{x:.1f},{yy:.1f}" for x, yy in points)
            )
        )
        parts.extend(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="{COLORS["rate"]}"/>' for x, yy in points)
    parts.append(
        _legend(
            [("計画", COLORS["plan"], "bar"), ("実績", COLORS["actual"], "bar"), ("達成率", COLORS["rate"], "line")]
        )
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text part above went through escape()


def cash_lines(
    title: str,
    labels: Sequence[str],
    plan: Sequence[int | None],
    actual: Sequence[int | None],
    forecast: Sequence[int | None],
    minimum: int = 0,
) -> Markup:
    """Month-end 現預金: 計画, 実績 and 見込み (re-projected) lines; the minimum as a dashed line."""
    every = [v for v in (*plan, *actual, *forecast) if v is not None] + ([minimum] if minimum else [])
    lo, hi, step = _scale(every)
    parts, y = _frame(title, lo, hi, step, "千円")
    n = max(1, len(labels))
    slot = (W - LEFT - RIGHT) / n
    xs = [LEFT + slot * (i + 0.5) for i in range(n)]
    for i, lab in enumerate(labels):
        parts.append(_text(xs[i], H - BOTTOM + 16, lab, size=10))
    if minimum:
        parts.append(
            f'<line x1="{LEFT}" y1="{y(minimum):.1f}" x2="{W - RIGHT}" y2="{y(minimum):.1f}" '
            f'stroke="{COLORS["min"]}" stroke-width="1.5" stroke-dasharray="5,4"/>'
        )
    for values, key, dash in (
        (plan, "plan", ""),
        (actual, "actual", ""),
        (forecast, "forecast", ' stroke-dasharray="3,3"'),
    ):
        pts = [(xs[i], y(v)) for i, v in enumerate(values) if v is not None]
        if len(pts) > 1:
            parts.append(
                f'<polyline fill="none" stroke="{COLORS[key]}" stroke-width="2"{dash} points="'
                + " ".join(f"{x:.1f},{yy:.1f}" for x, yy in pts)
                + '"/>'
            )
        parts.extend(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="3" fill="{COLORS[key]}"/>' for x, yy in pts)
    legend = [
        ("計画", COLORS["plan"], "line"),
        ("実績", COLORS["actual"], "line"),
        ("見込み", COLORS["forecast"], "line"),
    ]
    if minimum:
        legend.append(("最低限必要な手元資金", COLORS["min"], "dash"))
    parts.append(_legend(legend))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text part above went through escape()
