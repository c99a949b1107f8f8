"""Where shipped data and user data live.

Question banks and templates ship inside the wheel (hatch force-include maps the top-level
folders into the package); a source checkout falls back to the repository folders.
"""

from __future__ import annotations

import os
from pathlib import Path

_PKG_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = _PKG_DIR / name
    if inside.is_dir():
        return inside
    # Source checkout / editable install: src/kaizen_guide -> repo root.
    return _PKG_DIR.parent.parent / name


def question_banks_dir() -> Path:
    """Folder holding question_banks/*.yaml (and the checklist rules)."""
    return _shipped("question_banks")


def templates_dir() -> Path:
    """Folder holding the jinja2 report templates."""
    return _shipped("templates")


def user_data_dir() -> Path:
    """Per-user folder for plans and the recent-plans list (platformdirs)."""
    override = os.environ.get("KAIZEN_GUIDE_DATA_DIR")
    if override:  # tests and portable setups
        path = Path(override)
        path.mkdir(parents=True, exist_ok=True)
        return path
    from platformdirs import user_data_path

    return user_data_path("kaizen-guide", appauthor=False, ensure_exists=True)
