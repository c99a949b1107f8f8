"""Year grids as a spreadsheet reads them: cells parsed as they are typed, the lines a bank derives
from them (売上総利益, 営業利益, 経常利益; 資産合計 and the B/S difference), and a one-paragraph
account of what a sent table holds and implies.

Pure: the TUI shows these live under the grid; the derivations are the model's own
(:class:`~kaizen_guide.model.plan.ProfitAndLoss`, :class:`~kaizen_guide.model.plan.BalanceSheet`),
so the grid never computes a total differently from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kaizen_guide.ja import format_amount
from kaizen_guide.model.plan import BalanceSheet, ProfitAndLoss

from .values import AnswerError, parse_value

PL_LINES = (("売上総利益", "gross_profit"), ("営業利益", "operating_income"), ("経常利益", "ordinary_income"))
BS_LINES = (("資産合計", "total_assets"), ("負債・純資産合計", None), ("差額 (資産−負債・純資産)", "imbalance"))


@dataclass(frozen=True)
class DerivedLine:
    """One computed line under a grid: a value per column (None: a cell it needs is not readable)."""

    label: str
    values: list[int | None]
    check: bool = False
    """A line that should be 0 (the B/S difference)."""


def cell_value(row: Any, text: str) -> tuple[Any, str | None]:
    """(parsed value or None for a blank cell, error message or None)."""
    if not (text or "").strip():
        return None, None
    try:
        value, _note = parse_value(row, text)
    except AnswerError as exc:
        return None, exc.message
    return value, None


def _model_rows(question: Any, prefix: str) -> list[tuple[Any, str]]:
    out = []
    for row in question.rows:
        path = row.path
        if path.startswith(prefix) and row.type == "amount":
            out.append((row, path[len(prefix) :]))
    return out


def derived_lines(question: Any, cells: dict[str, list[str]], n_columns: int) -> list[DerivedLine]:
    """The totals a bank reads from this grid, per column, from the cells as typed.

    A grid of 損益計算書 rows (fields ``pl.*``) gets 売上総利益・営業利益・経常利益; one of
    貸借対照表 rows (``bs.*``) gets the two totals and their difference. Other grids get none.
    Blank cells count as 0 (as the engine stores them); an unreadable cell makes the column's
    lines None, so a wrong figure is never shown as a total.
    """
    for prefix, model, lines in (("pl.", ProfitAndLoss, PL_LINES), ("bs.", BalanceSheet, BS_LINES)):
        rows = _model_rows(question, prefix)
        if not rows:
            continue
        per_line: list[list[int | None]] = [[] for _ in lines]
        for c in range(n_columns):
            kwargs: dict[str, int] = {}
            bad = False
            for row, name in rows:
                texts = cells.get(row.id, [])
                value, error = cell_value(row, texts[c] if c < len(texts) else "")
                if error:
                    bad = True
                elif value is not None:
                    kwargs[name] = int(value)
            sheet = None if bad else model(**kwargs)
            for i, (_label, attr) in enumerate(lines):
                if sheet is None:
                    per_line[i].append(None)
                elif attr is None:  # 負債・純資産合計
                    bs = sheet if isinstance(sheet, BalanceSheet) else None
                    per_line[i].append(bs.total_liabilities + bs.net_assets if bs is not None else None)
                else:
                    per_line[i].append(int(getattr(sheet, attr)))
        return [
            DerivedLine(label, values, check=(attr == "imbalance")) for (label, attr), values in zip(lines, per_line)
        ]
    return []


def grid_account(question: Any, cells: dict[str, list[str]], headings: list[str]) -> str:
    """What a sent grid holds and implies, for the person's side of the chat:
    「3期分・33/33マスを入力。2026年3月期: 売上総利益 268,450・営業利益 ▲35,550・経常利益 ▲41,050 (千円)」."""
    n = len(headings)
    filled = sum(1 for row in question.rows for t in cells.get(row.id, [])[:n] if (t or "").strip())
    total = len(question.rows) * n
    missing = [
        f"{row.prompt.split('(')[0].strip()}"
        for row in question.rows
        if row.required and any(not (t or "").strip() for t in (cells.get(row.id, []) + [""] * n)[:n])
    ]
    span = f"{headings[0]}〜{headings[-1]}" if n > 1 else (headings[0] if headings else "")
    parts = [f"{span} ({n}列)・{filled}/{total}マスを入力"]
    if missing:
        parts.append("未入力の必須行: " + "、".join(missing))
    lines = derived_lines(question, cells, n)
    if lines and n:
        last = n - 1
        shown = []
        for line in lines:
            v = line.values[last]
            if v is None:
                shown.append(f"{line.label} 読めないマスあり")
            elif line.check:
                shown.append("貸借一致" if v == 0 else f"{line.label} {format_amount(v)} (不一致)")
            else:
                shown.append(f"{line.label} {format_amount(v)}")
        parts.append(f"{headings[last]}: " + "・".join(shown) + " (千円)")
    return "。".join(parts) + "。"


__all__ = ["DerivedLine", "cell_value", "derived_lines", "grid_account"]
