"""The numeric standards read from a 損益計画 table (経常利益, 実質純資産, 債務償還年数 by 計画N年目).

The same standards as the plan rules (中小企業活性化協議会の数値基準), applied to the figures as written,
because a plan from elsewhere has no drivers for the finance engine. Cells with an uncomputed formula
(a workbook saved by a program that does not calculate) cannot be read: that is said, not guessed.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ...finance.targets import _first_sustained
from ..findings import Finding
from ..rules import default_checklist
from .readers import Document, Grid, Piece

_YEAR = re.compile(r"^計画\s*(\d{1,2})\s*年目$")
_ROWS = {
    "ordinary": ("経常利益",),
    "real_net_assets": ("実質純資産", "実態純資産", "実質純資産額"),
    "debt_years": ("債務償還年数",),
}


def _key(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s|\(.*?\)", "", t)


def _number(p: Piece | None) -> Decimal | None:
    if p is None:
        return None
    t = unicodedata.normalize("NFKC", p.text).replace(",", "").replace("▲", "-").replace("△", "-").strip()
    t = re.sub(r"(年|千円|円)$", "", t)
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _table(grid: Grid) -> tuple[dict[int, int], dict[str, tuple[Piece, dict[int, Piece | None]]]] | None:
    for r, row in enumerate(grid.rows):
        years = {c: int(m.group(1)) for c, p in enumerate(row) if p is not None and (m := _YEAR.match(_key(p.text)))}
        if len(years) < 2:
            continue
        rows: dict[str, tuple[Piece, dict[int, Piece | None]]] = {}
        for below in grid.rows[r + 1 :]:
            label = next((p for p in below if p is not None), None)
            if label is None:
                continue
            k = _key(label.text)
            for name, labels in _ROWS.items():
                if k in labels and name not in rows:
                    rows[name] = (label, {c: below[c] if c < len(below) else None for c in years})
        return years, rows
    return None


def numeric_findings(doc: Document) -> tuple[list[Finding], str | None]:
    """Findings from the first table that has 計画N年目 columns and a 経常利益 row, and a note on what could not be read."""
    checklist = default_checklist()
    for grid in doc.grids:
        found = _table(grid)
        if not found or "ordinary" not in found[1]:
            continue
        years, rows = found
        order = sorted(years, key=lambda c: years[c])
        label, cells = rows["ordinary"]
        values = [_number(cells[c]) for c in order]
        if all(v is None for v in values):
            return (
                [],
                "数値計画 (経常利益の行はありますが数値が読めません。数式の計算結果が保存されていないときは、Excel で開いて保存し直してください)",
            )
        out: list[Finding] = []

        def add(rule_id: str, detail: str, where: str) -> None:
            spec = checklist.plan_rule(rule_id)
            out.append(
                Finding(
                    rule_id=rule_id,
                    severity=spec.severity,
                    message=spec.message.format(detail=detail),
                    guideline_ref=spec.guideline_ref,
                    follow_up=spec.follow_up,
                    section=spec.section,
                    path=where,
                )
            )

        first = _first_sustained([v is not None and v > 0 for v in values])
        year_of = {i: years[c] for i, c in enumerate(order)}
        if first is None or year_of[first] > 3:
            when = "計画期間内に黒字化しません" if first is None else f"黒字化は計画{year_of[first]}年目"
            add(
                "numeric.profit_by_year3",
                f"経常利益の{when}。協議会の目安は概ね3年以内です。施策の効果額か費用の前提を見直してください。",
                label.where,
            )
        if "real_net_assets" in rows:
            rl, rc = rows["real_net_assets"]
            rv = [_number(rc[c]) for c in order]
            if any(v is not None for v in rv):
                s = _first_sustained([v is not None and v >= 0 for v in rv])
                if s is None or year_of[s] > 5:
                    when = "計画期間内に解消しません" if s is None else f"解消は計画{year_of[s]}年目"
                    add("numeric.solvency_by_year5", f"実質債務超過の{when}。協議会の目安は概ね5年以内です。", rl.where)
        if "debt_years" in rows:
            dl, dc = rows["debt_years"]
            last = dc[order[-1]]
            v = _number(last)
            if v is not None and v > 10:
                add(
                    "numeric.debt_years_final",
                    f"計画最終年度 (計画{years[order[-1]]}年目) の債務償還年数が{v}年で、"
                    "目安の10年以内を満たしません。",
                    last.where if last else dl.where,
                )
        return out, None
    return [], "数値計画 (損益計画の表: 計画N年目の列と経常利益の行)"
