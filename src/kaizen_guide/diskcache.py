"""A per-user disk cache for data built from shipped files (issue 18: start-up and `check`).

Validating the checklist YAML into its models costs about 0.1–0.2 s in every new process (the
CLI, the TUI and the check helper process); unpickling the result costs about 10 ms. The cache is
never the source of truth: its key is a hash of the source files' bytes and of the versions that
shape the objects (this package, Python, pydantic), so an edited checklist or an upgrade simply
builds and writes a new entry. Any problem reading or writing it falls back to building.

The entries live in the user's own cache folder (owner-only files), next to nothing anybody else
can write; ``KAIZEN_GUIDE_NO_CACHE=1`` turns the cache off and ``KAIZEN_GUIDE_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    explicit = os.environ.get("KAIZEN_GUIDE_CACHE_DIR")
    if explicit:  # benchmarks share one warm cache across fresh data folders
        return Path(explicit)
    override = os.environ.get("KAIZEN_GUIDE_DATA_DIR")
    if override:  # tests and portable setups keep everything in one folder
        return Path(override) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("kaizen-guide", appauthor=False)


def _key(kind: str, sources: Iterable[Path], *, plain: bool = False) -> str:
    from kaizen_guide import __version__

    h = hashlib.sha256()
    versions = (kind, __version__, sys.version) if plain else (kind, __version__, sys.version, _pydantic_version())
    for part in versions:
        h.update(part.encode() + b"\0")
    for src in sources:
        h.update(src.read_bytes() + b"\0")
    return h.hexdigest()[:24]


def _pydantic_version() -> str:
    import pydantic

    return pydantic.VERSION


def cached(kind: str, sources: Iterable[Path], build: Callable[[], T], *, plain: bool = False) -> T:
    """``build()``'s result, from the cache when the sources are unchanged. ``plain``: the result
    holds only builtins (dicts, lists, strings), so pydantic's version is not part of the key (nor
    imported for it)."""
    if os.environ.get("KAIZEN_GUIDE_NO_CACHE"):
        return build()
    try:
        key = _key(kind, sources, plain=plain)
    except OSError:
        return build()  # a source that cannot be read: let build() report it
    folder = cache_dir()
    path = folder / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            # Our own file in the user's own cache folder: a pickle of an earlier build() result.
            value: T = pickle.load(fh)  # noqa: S301
            return value
    except Exception:  # noqa: BLE001 - missing, truncated or from another build: rebuild
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # mkstemp makes it 0600
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in folder.glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a read-only home or a value that cannot be pickled: no cache
        pass
    return value
