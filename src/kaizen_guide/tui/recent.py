"""The recent-plans list: a small JSON file under the user data folder.

Each entry is a plan file path, the company name seen when it was last opened, and when. The
list is a convenience: a missing or unreadable list is treated as empty and never stops the app.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from kaizen_guide.locations import user_data_dir

MAX_RECENT = 12
FILE_NAME = "recent.json"


@dataclass(frozen=True)
class RecentPlan:
    path: str
    company: str
    opened_at: str  # ISO datetime, local time


def plans_dir() -> Path:
    """Folder where new plans and demo copies are created (``<user data>/plans``, or the served
    folder: ``KAIZEN_GUIDE_PLANS_DIR``, set by ``kaizen-guide serve`` so new plans stay inside it)."""
    override = os.environ.get("KAIZEN_GUIDE_PLANS_DIR")
    path = Path(override) if override else user_data_dir() / "plans"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _list_path() -> Path:
    return user_data_dir() / FILE_NAME


def load_recent() -> list[RecentPlan]:
    """The recent plans, newest first; entries whose file is gone are dropped."""
    try:
        data = json.loads(_list_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    items: list[RecentPlan] = []
    if not isinstance(data, list):
        return []
    for entry in data:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        if not Path(entry["path"]).exists():
            continue
        items.append(
            RecentPlan(
                path=entry["path"],
                company=str(entry.get("company") or ""),
                opened_at=str(entry.get("opened_at") or ""),
            )
        )
    return items


_writing = threading.Lock()
"""One read-modify-write of the list at a time (the app writes it from a worker thread)."""


def remember(path: str | os.PathLike[str], company: str = "", *, now: datetime | None = None) -> None:
    """Put ``path`` at the top of the recent list (best effort: errors are ignored)."""
    resolved = str(Path(path).resolve())
    stamp = (now or datetime.now()).isoformat(timespec="seconds")
    from kaizen_guide.model.store import atomic_write_bytes

    with _writing:
        items = [r for r in load_recent() if r.path != resolved]
        items.insert(0, RecentPlan(resolved, company, stamp))
        text = json.dumps([asdict(r) for r in items[:MAX_RECENT]], ensure_ascii=False, indent=2)
        try:
            # Owner-only like the plans: it lists plan paths and company names (issue 11.9).
            atomic_write_bytes(_list_path(), (text + "\n").encode("utf-8"))
        except OSError:
            pass


def remember_soon(app: Any, path: str | os.PathLike[str], company: str = "") -> None:
    """:func:`remember` in one of ``app``'s worker threads, off the UI thread: the list's atomic write
    (two fsyncs: 2-19 ms of waiting for 2 ms of work) came right before a plan's first frame."""
    app.run_worker(partial(remember, path, company), thread=True, group="recent", exit_on_error=False)


def describe(item: RecentPlan) -> tuple[str, datetime | None]:
    """(company, last edit) of a recent plan, read from the plan file itself: the name may have
    been typed after the plan was opened, and the file's time is when it was last saved."""
    company = item.company
    path = Path(item.path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        name = ((data.get("company") or {}).get("name") or "") if isinstance(data, dict) else ""
        company = str(name) or company
    except (OSError, ValueError, AttributeError):
        pass  # unreadable here: the start screen explains it when the plan is opened
    try:
        edited: datetime | None = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        edited = None
    return company, edited


def new_plan_path(prefix: str = "plan", *, now: datetime | None = None) -> Path:
    """A fresh file name under plans_dir(): ``<prefix>-YYYYmmdd-HHMMSS.json`` (suffixed if taken)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = plans_dir()
    candidate = folder / f"{prefix}-{stamp}.json"
    n = 2
    while candidate.exists():
        candidate = folder / f"{prefix}-{stamp}-{n}.json"
        n += 1
    return candidate
