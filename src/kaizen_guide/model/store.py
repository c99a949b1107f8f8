"""The plan file: JSON (UTF-8, readable Japanese), versioned, saved atomically, owner-only.

Saving writes a temp file in the same folder, fsyncs it, keeps the previous file as
``<name>.bak`` and renames the temp file over the original, then fsyncs the folder: a crash at
any point leaves either the old or the new file whole. Loading never writes.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import math
import os
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from .errors import DetailedError, describe_validation_error
from .plan import SCHEMA_VERSION, Plan

FILE_MODE = 0o600


class PlanFileError(DetailedError):
    """A plan file that cannot be used; ``message`` is Japanese and names the file."""

    def __init__(self, message: str, path: Path | None = None, details: list[str] | None = None):
        self.path = path
        super().__init__(message, details)


def dumps_plan(plan: Plan) -> str:
    """Canonical text of a plan: stable key order, 2-space indent, Japanese unescaped."""
    # pydantic's serializer writes UTF-8 unescaped, in field order, ~6x faster than json.dumps.
    return plan.model_dump_json(indent=2) + "\n"


# Limits for what a plan file may hold (issue 11.8): far above any real plan (the sample is ~100 KB,
# nesting ~8, amounts ~10 digits), far below what makes the parser or the model misbehave.
MAX_PLAN_BYTES = 20 * 1024 * 1024
MAX_PLAN_DEPTH = 64
MAX_NUMBER_CHARS = 40


def _unreadable(name: str, why: str) -> str:
    return (
        f"{name} は計画ファイルとして読めません (壊れているか、JSONではありません: {why})。"
        "ファイルはそのまま残してあります。バックアップ (.bak) があればそちらを開いてください。"
    )


class _BadNumber(ValueError):
    pass


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(f"{len(text)}桁の数があります")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadNumber(f"{len(text)}文字の数があります")
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(f"数として大きすぎる値「{text}」があります")
    return value


def _parse_constant(text: str) -> float:
    raise _BadNumber(f"数ではない値「{text}」があります")


def _too_deep(data: object, limit: int = MAX_PLAN_DEPTH) -> bool:
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return False


def loads_plan(text: str, path: Path | None = None) -> Plan:
    name = str(path) if path else "計画ファイル"
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise PlanFileError(_unreadable(name, f"{exc.lineno}行目 {exc.colno}文字目"), path) from None
    except _BadNumber as exc:
        raise PlanFileError(_unreadable(name, str(exc)), path) from None
    except RecursionError:
        raise PlanFileError(_unreadable(name, "入れ子が深すぎます"), path) from None
    except ValueError:  # e.g. a number the int parser refuses
        raise PlanFileError(_unreadable(name, "読めない数があります"), path) from None
    if not isinstance(data, dict):
        raise PlanFileError(f"{name} は計画ファイルの形式ではありません。", path)
    if _too_deep(data):
        raise PlanFileError(_unreadable(name, "入れ子が深すぎます"), path)
    if "schema_version" not in data:
        raise PlanFileError(
            f"{name} に schema_version (計画ファイルの版) がありません。kaizen-guide の計画ファイルではない可能性があります。",
            path,
        )
    version = data["schema_version"]
    # bool is an int in Python: true must not pass as version 1 (issue 11.9).
    if type(version) is not int or version < 1:
        raise PlanFileError(
            f"{name} の schema_version (計画ファイルの版) が正しくありません"
            f" (1以上の整数のはずが「{json.dumps(version, ensure_ascii=False)[:20]}」)。"
            "ファイルは変更していません。",
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
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError(
            f"{name} の内容に正しくない項目があります。ファイルは変更していません。",
            path,
            describe_validation_error(exc, Plan),
        ) from None
    # Older versions only lack fields that have defaults: the file is upgraded on its next save.
    plan.schema_version = SCHEMA_VERSION
    return plan


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate a plan file; raises PlanFileError with a Japanese message."""
    return load_plan_signed(path)[0]


def load_plan_signed(path: str | os.PathLike[str]) -> tuple[Plan, FileSignature]:
    """load_plan, plus the signature of exactly the bytes that were read."""
    p = Path(path)
    try:
        # O_NONBLOCK: opening a FIFO (or a device) must not hang; only a regular file is read.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a directory", str(p))
            if not stat.S_ISREG(st.st_mode):
                raise PlanFileError(
                    f"{p} は通常のファイルではありません (パイプや装置など)。計画ファイル (.json) を指定してください。",
                    p,
                )
            if st.st_size > MAX_PLAN_BYTES:
                raise PlanFileError(_unreadable(str(p), f"大きすぎます: {st.st_size:,}バイト"), p)
            raw = fh.read(MAX_PLAN_BYTES + 1)
        if len(raw) > MAX_PLAN_BYTES:
            raise PlanFileError(_unreadable(str(p), "大きすぎます"), p)
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


def write_error_message(exc: OSError, path: str | os.PathLike[str]) -> str:
    """Why a file could not be written, in Japanese, with what to do (full disk, permissions, path)."""
    import errno

    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"{path} を書き込めません: 保存先の容量が不足しています。空きを作るか、別の保存先を指定してください。"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        return f"{path} を書き込めません: 保存先に書き込み権限がありません。書き込めるフォルダを指定してください。"
    if code in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.EINVAL):
        return f"{path} を書き込めません: 保存先のパスが正しくありません (フォルダが無い、名前が長すぎるなど)。"
    return f"{path} を書き込めません ({exc.strerror or exc})。保存先を確認してください。"


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
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        if exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(given)) from exc
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
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno is None:
            raise
        # Name the file the caller asked for, not our temp file, in every message.
        raise OSError(exc.errno, exc.strerror, str(given)) from exc
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
    expected: FileSignature | bool | None = False,
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
    removed: list[Path] = []
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
