"""What the interview screen and the review screen share: one chat-and-composer base.

Both put the engine's questions in a chat log with a composer under it, so they share the
pieces that must behave the same: a helper call that never ends the session (a bug is logged,
the screen goes on), an engine call whose unexpected error becomes a message (everything
accepted is already saved), section headings, and how an answer's outcome is shown (an error,
the follow-up on a weak answer, findings, notes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..covered import CoveredCompositor
from ..texts import accepted_line, compact_follow_up, finding_markdown, follow_up_markdown, worst_severity
from ..widgets.chat_log import ChatLog
from ..widgets.composer import Composer
from .first_resume import FirstResumeStyled

T = TypeVar("T")

INTERNAL_ERROR = "内部エラーのため、この操作は記録できませんでした。これまでの回答は保存済みです。"
KEPT_WEAK = "指摘の点は「要確認」として記録して先へ進みます。"


def _crash_log(exc: BaseException) -> Any:
    from ..crash import write_crash_log

    return write_crash_log(exc)


class ChatScreen(FirstResumeStyled):
    """A screen with a ``ChatLog`` and a ``Composer`` driven by an engine (see the module docstring)."""

    pending: str | None = None
    """Question id whose weak answer awaits a revision or ctrl+o."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The chat's frames skip what lies wholly behind other widgets (tui/covered.py, issue 18).
        self._compositor = CoveredCompositor()

    @property
    def chat(self) -> ChatLog:
        return self.query_one(ChatLog)

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    @property
    def advisor(self) -> bool:
        return bool(getattr(self.app, "advisor", False))

    def _refresh_status(self) -> None:
        """The screen's status line (each screen has its own)."""

    def _expected_errors(self) -> tuple[type[BaseException], ...]:
        """Engine errors that are a message to the person, not a crash (e.g. NavigationError)."""
        return ()

    def _safe(self, fn: Callable[[], T], default: T) -> T:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - a bug in a helper must not end the session
            _crash_log(exc)
            return default

    def _call(self, fn: Callable[[], T]) -> T | None:
        """Run an engine call; an unexpected error becomes a message, the plan stays as saved."""
        expected = self._expected_errors()
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001
            if expected and isinstance(exc, expected):
                self.chat.say(str(exc), "finding-info")
                return None
            log = _crash_log(exc)
            self.chat.say(INTERNAL_ERROR + (f"\n\n詳細 (開発者向け): `{log}`" if log else ""), "finding-error")
            return None

    def say_section(self, title: str, intro: str = "") -> None:
        """「― 見出し ―」 and, outside advisor mode, why the part is asked."""
        text = f"**― {title} ―**"
        if intro and not self.advisor:
            text += f"  \n{intro}"
        self.chat.say(text, "section")

    def show_error(self, result: Any) -> bool:
        """Say the result's error and keep the composer; True when there was one."""
        if not result.error:
            return False
        self.chat.say(result.error, "finding-error")
        self.composer.focus_input()
        return True

    def show_follow_up(self, question: Any, result: Any) -> bool:
        """A weak answer: the engine waits for a better one, or for "keep as is" (ctrl+o)."""
        if not result.follow_up:
            return False
        self.pending = question.id
        findings = list(result.findings or [])
        if self.advisor:  # compact: the guideline point and the example are F1's
            self.chat.say(compact_follow_up(findings, result.follow_up), f"finding-{worst_severity(findings)}")
        else:
            self.chat.say(
                follow_up_markdown(findings, result.follow_up), f"finding-{worst_severity(findings)}", top=True
            )
        self.refresh_bindings()
        self.composer.focus_input()
        self._refresh_status()
        return True

    def show_accepted(self, result: Any, kept_weak: str = KEPT_WEAK, *, label: str = "保存しました") -> None:
        """An accepted answer: kept as weak, or its findings; then the engine's note. In advisor
        mode one status line says it all (no explanation around it)."""
        if self.advisor:
            kept = [] if getattr(result, "status", None) != "kept_weak" else ["要確認として記録"]
            line = accepted_line(label, list(result.findings or []), result.note)
            self.chat.say(line + (f" ({kept[0]})" if kept else ""), "note", "status")
            return
        if getattr(result, "status", None) == "kept_weak":
            self.chat.say(kept_weak, "note")
        else:
            for finding in result.findings or []:
                self.chat.say(finding_markdown(finding), f"finding-{finding.severity}")
        if result.note:
            self.chat.say(result.note, "note")
