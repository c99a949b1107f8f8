"""Crash handling beside the app's entry point: the developer log and the Japanese message.

Screens import this module (not ``app``) to log an error they recover from, so the app and its
screens do not import each other.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

CRASH_LOG_NAME = "crash.log"


def crash_log_path() -> Path:
    from kaizen_guide.locations import user_data_dir

    return user_data_dir() / CRASH_LOG_NAME


def write_crash_log(error: BaseException) -> Path | None:
    """Append the traceback (for developers, in English) to the crash log; best effort."""
    import traceback

    try:
        path = crash_log_path()
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        # Owner-only: a traceback can quote answers (issue 11.9).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(f"=== {datetime.now().isoformat(timespec='seconds')} kaizen-guide crash\n{text}\n")
        return path
    except Exception:  # noqa: BLE001 - logging must never raise over the original error
        return None


def crash_message(plan_path: Path | None, log: Path | None) -> str:
    lines = ["kaizen-guide が予期しないエラーで終了しました。申し訳ありません。"]
    if plan_path is not None:
        lines.append(f"回答は計画ファイルに保存済みです: {plan_path}")
        lines.append(f"もう一度開くと、同じ質問から続けられます: kaizen-guide interview {plan_path}")
    else:
        lines.append("計画ファイルは変更していません。")
    if log is not None:
        lines.append(f"エラーの詳細 (開発者向け) を記録しました: {log}")
    return "\n".join(lines)


__all__ = ["CRASH_LOG_NAME", "crash_log_path", "crash_message", "write_crash_log"]
