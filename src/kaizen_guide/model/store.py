"""The plan file: JSON (UTF-8, readable Japanese), versioned, saved atomically, owner-only.

Saving writes a temp file in the same folder, fsyncs it, keeps the previous file as
``<name>.bak`` and renames the temp file over the original, then fsyncs the folder: a crash at
any point leaves either the old or the new file whole. Loading never writes.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from .errors import describe_validation_error
from .plan import SCHEMA_VERSION, Plan

FILE_MODE = 0o600


class PlanFileError(Exception):
    """A plan file that cannot be used; ``message`` is Japanese and names the file."""

    def __init__(self, message: str, path: Path | None = None, details: list[str] | None = None):
        self.message = message
        self.path = path
        self.details = details or []
        super().__init__(self.full_message)

    @property
    def full_message(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  - {d}" for d in self.details)


def dumps_plan(plan: Plan) -> str:
    """Canonical text of a plan: stable key order, 2-space indent, Japanese unescaped."""
    # pydantic's serializer writes UTF-8 unescaped, in field order, ~6x faster than json.dumps.
    return plan.model_dump_json(indent=2) + "\n"


def loads_plan(text: str, path: Path | None = None) -> Plan:
    name = str(path) if path else "計画ファイル"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"{name} は計画ファイルとして読めません (壊れているか、JSONではありません: "
            f"{exc.lineno}行目 {exc.colno}文字目)。ファイルはそのまま残してあります。"
            "バックアップ (.bak) があればそちらを開いてください。",
            path,
        ) from None
    if not isinstance(data, dict):
        raise PlanFileError(f"{name} は計画ファイルの形式ではありません。", path)
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise PlanFileError(
            f"{name} に schema_version (計画ファイルの版) がありません。kaizen-guide の計画ファイルではない可能性があります。",
            path,
        )
    if version > SCHEMA_VERSION:
        raise PlanFileError(
            f"{name} は新しい版の kaizen-guide で作られています (ファイルの版 {version}、"
            f"このアプリの対応版 {SCHEMA_VERSION})。アプリを更新してから開いてください。"
            "ファイルは変更していません。",
            path,
        )
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError(
            f"{name} の内容に正しくない項目があります。ファイルは変更していません。",
            path,
            describe_validation_error(exc, Plan),
        ) from None


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate a plan file; raises PlanFileError with a Japanese message."""
    return load_plan_signed(path)[0]


def load_plan_signed(path: str | os.PathLike[str]) -> tuple[Plan, "FileSignature"]:
    """load_plan, plus the signature of exactly the bytes that were read."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read()
    except FileNotFoundError:
        raise PlanFileError(f"{p} が見つかりません。", p) from None
    except IsADirectoryError:
        raise PlanFileError(f"{p} はフォルダです。計画ファイル (.json) を指定してください。", p) from None
    except PermissionError:
        raise PlanFileError(f"{p} を読む権限がありません。", p) from None
    except OSError as exc:
        raise PlanFileError(f"{p} を読めません ({exc.strerror})。", p) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanFileError(
            f"{p} は UTF-8 のテキストではありません。計画ファイルが壊れている可能性があります。", p
        ) from None
    sig = FileSignature(st.st_mtime_ns, st.st_size, hashlib.sha256(raw).hexdigest())
    return loads_plan(text, p), sig


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform/filesystem; rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def plan_target(path: str | os.PathLike[str]) -> Path:
    """The file a path really names: a symlinked plan is saved through to its target, so the link
    stays a link and the target keeps being the plan."""
    return Path(os.path.realpath(path))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically with mode 0600 (plans and reports hold finances).

    Temp file in the same folder as the real file (a symlink is followed to its target), fsync,
    optional hard-link backup of the old file as ``<name>.bak``, rename over the original, fsync
    the folder. Returns ``path`` as given.
    """
    given = Path(path)
    p = plan_target(given) if given.is_symlink() or given.parent.is_symlink() else given
    directory = p.parent if str(p.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and p.exists():
            bak = p.with_name(p.name + ".bak")
            # A hard link keeps the old bytes without a window where the file is missing.
            try:
                if bak.exists():
                    bak.unlink()
                os.link(p, bak)
            except OSError:
                pass  # a backup is a convenience; the atomic replace below is the guarantee
        os.replace(tmp, p)
        _fsync_dir(directory)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return given


class FileSignature(NamedTuple):
    """What a plan file was when we last read or wrote it (to notice a writer that is not us)."""

    mtime_ns: int
    size: int
    sha256: str


def file_signature(path: str | os.PathLike[str]) -> FileSignature | None:
    """The file's signature, or None when it does not exist (or cannot be read)."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            digest = hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None
    return FileSignature(st.st_mtime_ns, st.st_size, digest)


class PlanChangedError(PlanFileError):
    """The plan file changed on disk since we read it, by someone else: we do not overwrite it."""


def _changed_since(path: Path, expected: FileSignature | None) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return expected is not None  # deleted or moved away under us
    except OSError:
        return False  # the save itself will report it
    if expected is None:
        return True  # appeared since we looked
    if (st.st_mtime_ns, st.st_size) == (expected.mtime_ns, expected.size):
        return False
    # Touched (mtime) but maybe not changed: only different bytes count.
    now = file_signature(path)
    return now is None or now.sha256 != expected.sha256


def save_plan(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    backup: bool = True,
    expected: FileSignature | None | bool = False,
) -> Path:
    """Atomically write ``plan`` to ``path`` with mode 0600, keeping ``path.bak``.

    ``expected``: the signature the file had when we last read or wrote it (None: it did not
    exist). When the file on disk is no longer that, PlanChangedError is raised and nothing is
    written. ``False`` (the default) skips the comparison (new files, samples).
    """
    p = Path(path)
    if expected is not False and _changed_since(p, expected):  # type: ignore[arg-type]
        raise PlanChangedError(
            f"{p} が、このアプリの外で変更されています (別の画面・コマンド・エディタなど)。"
            "相手の変更を消さないよう、上書きしませんでした。",
            p,
        )
    return atomic_write_bytes(p, dumps_plan(plan).encode("utf-8"), backup=backup)


def remove_stale_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Delete temp files our atomic writer left beside the plan when a save was killed midway.

    Only call this while holding the plan's lock: another writer's temp file could be in use.
    """
    target = plan_target(path)
    removed = []
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass
    return removed


def check_writable(path: str | os.PathLike[str]) -> None:
    """Refuse to overwrite an existing file that is not a readable plan of our version."""
    p = Path(path)
    if p.exists():
        load_plan(p)  # raises PlanFileError for corrupt / newer / invalid files
