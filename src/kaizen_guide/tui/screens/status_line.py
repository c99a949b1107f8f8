"""The interview's status line: the plan's name, the mode, 回答 n/m, when it was saved, where it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.markup import escape
from rich.text import Text

from ..texts import fit_left


def _file_time(path: Any):
    """When the plan file was last written (an earlier session saved it)."""
    from datetime import datetime

    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime)
    except OSError:
        return None


def _where(screen: Any) -> str:
    from .export import display_path

    path = screen.interview.path
    if path is None:
        return ""
    if not getattr(screen.app, "show_plan_folder", True):
        return Path(path).name  # tests: the folder is a new temporary one every run
    return display_path(path)


def status_line(screen: Any, progress: list[Any]) -> str:
    """Content markup for the interview screen's top bar, fitted to the terminal's width."""
    interview = screen.interview
    name = interview.plan.company.name or "新しい計画"
    saved_at = getattr(interview, "last_saved_at", None)
    if saved_at is None and interview.path is not None:
        saved_at = _file_time(interview.path)  # saved in an earlier session
    save_error = getattr(interview, "save_error", None)
    if save_error:
        saved = f"[b $text-error]{save_error}[/]"
    elif saved_at is None:
        saved = "未保存"
    elif getattr(screen.app, "show_save_time", True):
        saved = f"保存 {saved_at:%H:%M:%S}"
    else:
        saved = "保存済み"
    answered = sum(p.answered for p in progress)
    required = sum(getattr(p, "total", p.required) for p in progress)
    mode = "支援者" if screen.advisor else "経営者"
    where = _where(screen)
    width = screen.app.size.width

    def line(with_mode: bool) -> tuple[str, int]:
        mode_text = f"  [dim]{mode}モード[/]" if with_mode else ""
        left = f"[b]{escape(name)}[/b]{mode_text}  回答 {answered}/{required}  [dim]│[/] {saved}"
        # No emoji codes: the Static shows :name: as typed (and their table, 2 ms, stays unloaded).
        return left, width - 2 - Text.from_markup(left, emoji=False).cell_len - 2

    left, room = line(True)
    if room < cell_len(where):
        left, room = line(False)  # narrow: where the plan is matters more than the mode's name
    where = where if room >= 8 else ""
    return left + (f"  [dim]{escape(fit_left(where, room))}[/]" if where else "")
