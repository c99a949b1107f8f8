"""F4 on the review screen: write the month's monitoring report for the banks (Excel, Markdown,
HTML) through the export dialog, then show where the files are. The plan file is not touched."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from textual import work

REPORT_LABELS = {
    "xlsx": "モニタリング報告 (Excel)",
    "md": "モニタリング報告 (Markdown)",
    "html": "モニタリング報告 (HTML・印刷用)",
}


def report_base(review: Any) -> Path | None:
    """「さくら亭_モニタリング報告_2027-06」 next to the plan file."""
    if review.path is None:
        return None
    path = Path(review.path)
    return path.with_name(f"{path.stem}_モニタリング報告_{review.month}")


def open_report_dialog(screen: Any) -> None:
    from .export import ExportScreen, export_targets

    rv = screen.review
    base = getattr(screen, "_report_base", None) or report_base(rv)
    if base is None:
        screen.chat.say("計画ファイルが未保存のため、報告書を書き出せません。", "finding-error")
        return

    def chosen(where: Any) -> None:
        if where is None:
            return
        screen._report_base = where
        screen.notify("報告書を書き出しています…", timeout=2)
        write_report(screen, rv.plan.model_copy(deep=True), rv.month, export_targets(where))

    screen.app.push_screen(
        ExportScreen(
            base, title=f"{rv.pos.short_label}のモニタリング報告 (金融機関向け) を書き出します", labels=REPORT_LABELS
        ),
        chosen,
    )


def mark_reported_month(screen: Any, month: str) -> None:
    """The month is now reported: a later change of it is kept as an amendment (on the live plan,
    saved like every answer of the review)."""
    from datetime import datetime

    from kaizen_guide.monitoring.amendments import mark_reported

    rv = screen.review
    if not mark_reported(rv.plan, [month], datetime.now(UTC)):
        return
    rv.plan, error = rv.saver.save_or_rollback(rv.plan, what="報告済みの記録")
    screen.chat.say(
        error or f"{rv.pos.short_label}を報告済みとして記録しました (以後の訂正は次の報告に載ります)。",
        "finding-error" if error else "note",
    )


@work(thread=True, exclusive=True, group="report", exit_on_error=False)
def write_report(screen: Any, plan: Any, month: str, targets: dict[str, Path]) -> None:
    call = screen.app.call_from_thread
    from kaizen_guide.monitoring.fiscal import MonitoringError

    try:
        from kaizen_guide.export.monitoring_report import export_monitoring
        from kaizen_guide.monitoring.report import build_report

        written = export_monitoring(build_report(plan, month), **targets)
    except MonitoringError as exc:
        call(screen.chat.say, exc.message, "finding-error")
        return
    except Exception as exc:  # noqa: BLE001 - tell the person; the plan itself is untouched
        from ..crash import write_crash_log

        log = write_crash_log(exc)
        call(
            screen.chat.say,
            f"報告書の書き出しに失敗しました ({type(exc).__name__})。計画ファイルは変更していません。"
            + (f"  \n詳細: {log}" if log else ""),
            "finding-error",
        )
        return
    from .export import display_path

    lines = "  \n".join(f"- {display_path(p)}" for p in written)
    call(screen.chat.say, f"**モニタリング報告を書き出しました**  \n{lines}", "note")
    call(mark_reported_month, screen, month)
    call(screen.notify, "書き出しました:\n" + "\n".join(str(p) for p in written), title="モニタリング報告", timeout=10)
