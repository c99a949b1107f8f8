"""The portfolio's columns: one definition shared by the TUI table, CSV and text output.

Each column has a Japanese header, the text shown for a summary, and a sort key (None: nothing to
sort on; such rows go last in either direction). The version and due figures come from
model/versions.py and monitoring/calendar.py (see summary._due)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .summary import BAND_LABELS, WHO, PlanSummary


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[PlanSummary], str]
    sort: Callable[[PlanSummary], Any]


def _pct(rate: float | None) -> str:
    return "" if rate is None else f"{rate * 100:.1f}%"


def _rate_text(rate: float | None, band: str | None) -> str:
    if band is None:
        return ""
    label = BAND_LABELS.get(band, band)
    return f"{_pct(rate)} {label}" if rate is not None else f"{label} (差異で判定)"


def _text_key(text: str) -> str | None:
    return text or None


_BAND_ORDER = {"miss": 0, "watch": 1, "ok": 2}


def _band_key(rate: float | None, band: str | None) -> tuple[int, float] | None:
    if band is None:
        return None
    return (_BAND_ORDER.get(band, 3), rate if rate is not None else 0.0)


def _due_text(s: PlanSummary) -> str:
    if not s.due_label:
        return ""
    head = f"期限切れ {s.overdue}件: " if s.overdue else ""
    return f"{head}{s.due_date} {s.due_label}"


def _due_key(s: PlanSummary) -> tuple[int, str] | None:
    return None if not s.due_date else (0 if s.overdue else 1, s.due_date)


def _version_text(s: PlanSummary) -> str:
    from ..model.versions import version_label

    return "" if s.error else version_label(s.version)


def _file(s: PlanSummary, root: Path | None) -> str:
    if root is not None:
        try:
            return Path(s.path).relative_to(root).as_posix()
        except ValueError:
            pass
    return Path(s.path).name


def columns(root: Path | None = None) -> list[Column]:
    def ok(s: PlanSummary) -> bool:
        return not s.error

    return [
        Column("file", "ファイル", lambda s: _file(s, root), lambda s: _file(s, root)),
        Column(
            "company",
            "会社名",
            lambda s: s.company if ok(s) else "(読めません)",
            lambda s: s.company if ok(s) else None,
        ),
        Column("industry", "業種", lambda s: s.industry, lambda s: _text_key(s.industry)),
        Column(
            "sections",
            "完了",
            lambda s: f"{s.sections_done}/{s.sections_total}" if ok(s) else "",
            lambda s: s.sections_done / (s.sections_total or 1) if ok(s) else None,
        ),
        Column("errors", "要修正", lambda s: str(s.errors) if ok(s) else "", lambda s: s.errors if ok(s) else None),
        Column(
            "warnings", "要確認", lambda s: str(s.warnings) if ok(s) else "", lambda s: s.warnings if ok(s) else None
        ),
        Column("version", "版", _version_text, lambda s: None if s.error else (s.version or 0)),
        Column("last_month", "最終月", lambda s: s.last_month or "", lambda s: s.last_month),
        Column(
            "sales",
            "売上 達成率",
            lambda s: _rate_text(s.sales_rate, s.sales_band),
            lambda s: _band_key(s.sales_rate, s.sales_band),
        ),
        Column(
            "profit",
            "経常利益 達成率",
            lambda s: _rate_text(s.profit_rate, s.profit_band),
            lambda s: _band_key(s.profit_rate, s.profit_band),
        ),
        Column(
            "missed",
            "未達の月",
            lambda s: f"{s.months_missed}/{s.months_recorded}" if s.months_recorded else "",
            lambda s: s.months_missed if s.months_recorded else None,
        ),
        Column("due", "期限", _due_text, _due_key),
        Column("edited", "最終更新", lambda s: (s.edited_at or "").replace("T", " "), lambda s: s.edited_at),
        Column("edited_by", "更新者", lambda s: WHO.get(s.edited_by or "", ""), lambda s: s.edited_by),
        Column("error", "読めない理由", lambda s: s.error.splitlines()[0] if s.error else "", lambda s: s.error),
    ]


def sort_rows(rows: list[PlanSummary], column: Column, *, reverse: bool = False) -> list[PlanSummary]:
    """Rows by ``column``; rows without a value for it last, whichever the direction."""
    have = [s for s in rows if column.sort(s) is not None]
    lack = [s for s in rows if column.sort(s) is None]
    return sorted(have, key=column.sort, reverse=reverse) + lack
