"""Which files under a folder are plans: every ``*.json`` (subfolders too), except hidden ones
(``.plan.json.lock`` and other dot files) and anything under ``exclude`` (an export folder inside it).

A JSON file that is not a plan is still listed: it fails to load and is shown with the reason, so a
plan never disappears from the list silently."""

from __future__ import annotations

import os
from pathlib import Path


def plan_files(folder: Path, *, exclude: Path | None = None) -> list[Path]:
    """Plan files under ``folder``, sorted by their path relative to it."""
    root = Path(folder)
    skip = exclude.resolve() if exclude is not None else None
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        # Hidden folders (.git, .venv…) and the export folder are not walked.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        found.extend(here / name for name in filenames if name.endswith(".json") and not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())
