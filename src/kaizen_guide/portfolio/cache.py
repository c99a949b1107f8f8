"""The portfolio's per-user cache: one summary per plan file, keyed by path, size and mtime.

The cache is never the source of truth: a file whose size or mtime differs (or that the cache does
not know) is summarised again from the file, and an unreadable or foreign cache is ignored. It lives
in the per-user data folder beside the recent list (0600: it names clients and their figures).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from ..locations import user_data_dir
from .files import plan_files
from .summary import SUMMARY_VERSION, PlanSummary, summarize_file

CACHE_NAME = "portfolio-cache.json"
POOL_FROM = 24
"""Summarise in worker processes when at least this many files are new or changed (a first open of
a practice's folder); fewer are quicker in this process than starting workers."""


def cache_path() -> Path:
    return user_data_dir() / CACHE_NAME


def _cache_version() -> str:
    """Summaries depend on the code and on the banks and checklist rules: a change to any of them
    (a new version, an edited YAML file) makes every cached summary stale."""
    from importlib.metadata import PackageNotFoundError, version

    from ..locations import question_banks_dir

    try:
        app = version("kaizen-guide")
    except PackageNotFoundError:
        app = "dev"
    try:
        rules = max((p.stat().st_mtime_ns for p in question_banks_dir().rglob("*.yaml")), default=0)
    except OSError:
        rules = 0
    return f"{SUMMARY_VERSION}:{app}:{rules}"


@dataclass
class Listing:
    folder: Path
    summaries: list[PlanSummary]
    computed: int  # summaries made from the files this time (the rest came from the cache)


def _read_cache() -> dict[str, Any]:
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _cache_version():
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _write_cache(entries: dict[str, Any]) -> None:
    from ..model.store import atomic_write_bytes

    text = json.dumps({"version": _cache_version(), "entries": entries}, ensure_ascii=False, separators=(",", ":"))
    try:
        atomic_write_bytes(cache_path(), text.encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written only makes the next open slower


def _key(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns]


def list_folder(
    folder: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    jobs: int | None = None,
    today: date | None = None,
) -> Listing:
    """Every plan under ``folder`` with its summary (cached ones reused when the file is unchanged
    and its due figures still hold ``today``)."""
    day = today or date.today()
    folder = Path(folder).expanduser()
    files = plan_files(folder)
    entries = _read_cache()
    keys: dict[str, list[int] | None] = {}
    result: dict[str, PlanSummary] = {}
    todo: list[Path] = []
    # Cache keys are absolute; the folder is resolved once (resolving 1,000 paths costs more than the cache).
    base = folder.resolve()
    names = {path: str(base / path.relative_to(folder)) for path in files}
    for path in files:
        name = names[path]
        try:
            keys[name] = _key(path.stat())
        except OSError:
            keys[name] = None
        hit = entries.get(name)
        if keys[name] is not None and isinstance(hit, dict) and hit.get("key") == keys[name]:
            try:
                cached = PlanSummary.from_json(hit["summary"])
                if not cached.stale_on(day):
                    result[name] = cached
                    continue
            except (KeyError, TypeError):
                pass
        todo.append(path)
    for path, summary in zip(todo, _summarize_all(todo, progress, jobs, day), strict=True):
        name = names[path]
        summary.path = str(path)
        result[name] = summary
        if keys[name] is not None:
            entries[name] = {"key": keys[name], "summary": summary.as_json()}
    if todo or _prune(entries, folder, set(keys)):
        _write_cache(entries)
    ordered = [result[names[p]] for p in files]
    for s, p in zip(ordered, files, strict=True):
        s.path = str(p)  # as the folder was given (the cache keys are absolute)
    return Listing(folder, ordered, len(todo))


def _prune(entries: dict[str, Any], folder: Path, seen: set[str]) -> bool:
    """Forget plans that were under ``folder`` and are gone (other folders' entries stay)."""
    root = str(folder.resolve()) + os.sep
    gone = [k for k in entries if k.startswith(root) and k not in seen]
    for k in gone:
        del entries[k]
    return bool(gone)


def _summarize_all(
    paths: list[Path], progress: Callable[[int, int], None] | None, jobs: int | None, today: date
) -> Iterable[PlanSummary]:
    total = len(paths)
    summarize = partial(summarize_file, today=today)
    workers = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    if total >= POOL_FROM and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: the caller may be the TUI with threads running, where fork is unsafe.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for i, summary in enumerate(pool.map(summarize, paths, chunksize=8), 1):
                if progress:
                    progress(i, total)
                yield summary
        return
    for i, path in enumerate(paths, 1):
        summary = summarize(path)
        if progress:
            progress(i, total)
        yield summary
