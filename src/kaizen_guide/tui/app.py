"""kaizen-guide's terminal app: a start screen, the interview, the review.

The app is a thin shell over :mod:`kaizen_guide.engine`: screens send what the person typed to
``Interview`` and render what comes back. The engine saves every accepted answer before the next
question is shown, so quitting (or a crash) never loses an answer.

``run()`` is the entry point ``kaizen-guide`` calls. An unexpected error ends the app with a
Japanese message naming the plan file and a log file, never a traceback on the screen.
Heavy modules (the engine, openpyxl, jinja2) are imported only when needed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from . import after_frame, heap, recent, restyle

# crash_log_path and CRASH_LOG_NAME are re-exported: the entry point's crash handling lives in crash.py
from .crash import CRASH_LOG_NAME, crash_log_path, crash_message, write_crash_log  # noqa: F401
from .quiet_start import QuietStart
from .wrap import install as _install_japanese_wrap

_install_japanese_wrap()  # before any widget renders text

if TYPE_CHECKING:
    from kaizen_guide.engine import Interview

EXIT_OK = 0
EXIT_CRASH = 1


class LoadingScreen(Screen):
    """Shown while the engine and the plan load (the first open takes about half a second)."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen Static { width: auto; color: $text-muted; }
    """

    def compose(self):
        from textual.widgets import Static

        yield Static("計画を開いています…")


def demo_plan_path(now: datetime | None = None, *, given_by: str = "owner") -> Path:
    """A fresh copy of the sample company under ``<user data>/plans/``, its answers adopted (from
    the per-user cache after the first demo: building and adopting it took most of a second)."""
    from kaizen_guide.engine.demo import demo_plan_bytes
    from kaizen_guide.model.store import atomic_write_bytes

    path = recent.new_plan_path("sample", now=now)
    atomic_write_bytes(path, demo_plan_bytes(given_by))
    return path


def open_interview(path: str | Path, *, depth: str | None = None, advisor: bool = False) -> Interview:
    """Open (or create) the plan at ``path``; PlanFileError propagates.

    A plan another process is editing opens read-only, saying so (one writer per plan)."""
    from kaizen_guide.engine import Interview
    from kaizen_guide.model.lock import PlanLockedError

    p = Path(path).expanduser()
    given_by = "advisor" if advisor else "owner"
    try:
        return Interview.open(p, depth=depth, given_by=given_by)
    except PlanLockedError as exc:
        iv = Interview.open(p, depth=depth, given_by=given_by, read_only=True)
        iv.notice = exc.message + "この画面では読み取り専用で開きました (回答は保存されません)。"
        iv.save_error = "読み取り専用 (別の画面かコマンドで編集中)"
        return iv


def _is_portfolio(screen: object) -> bool:
    """Whether ``screen`` is the list of plans, without importing it (not loaded: no such screen)."""
    module = sys.modules.get(f"{__package__}.screens.portfolio")
    return module is not None and isinstance(screen, module.PortfolioScreen)


DEMO_START = "issues"
"""Where the demo lands: the sample's 経営課題 table, where a weak answer shows the follow-up."""


def land_demo(interview: Interview) -> None:
    """Move a fresh demo copy to DEMO_START (the sample is complete, so nothing is pending)."""
    try:
        interview.goto(DEMO_START)
    except KeyError:  # a bank without that section: stay where the engine says
        pass


class KaizenApp(after_frame.AfterFrame, restyle.MemoRestyle, App[int]):
    """The kaizen-guide TUI."""

    TITLE = "kaizen-guide"
    SUB_TITLE = "経営改善計画づくり"
    # The two screens a session starts on are parsed with the app's sheet: a screen bringing a new
    # sheet makes Textual re-parse every rule read so far, from scratch, before its first frame.
    CSS_PATH = ["global.tcss", "screens/start.tcss", "screens/interview.tcss"]
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("ctrl+q", "quit", "終了", priority=True, tooltip="保存済みなので、いつ終了しても回答は失われません。"),
        Binding("ctrl+c", "quit", "終了", show=False, priority=True),
        Binding("ctrl+p", "command_palette", "移動", show=False, priority=True, tooltip="セクションや質問へ移動"),
        Binding("f6", "monitor", "月次モニタリング", show=False, tooltip="開いている計画の月次の振り返り"),
        Binding("f9", "back_to_portfolio", "一覧に戻る", tooltip="計画の一覧 (portfolio) に戻る"),
    ]

    def __init__(
        self,
        plan_path: str | Path | None = None,
        *,
        advisor: bool = False,
        demo: bool = False,
        depth: str | None = None,
        interview: Interview | None = None,
        show_save_time: bool = True,
        show_plan_folder: bool = True,
        monitor: bool = False,
        month: str | None = None,
        today=None,
        root: str | Path | None = None,
        portfolio: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.portfolio = Path(portfolio) if portfolio else None
        self.root = Path(root).expanduser().resolve() if root else None
        """Served from a browser (``kaizen-guide serve DIR``): only plans under this folder open."""
        self.monitor = monitor
        self.month = month
        self.today = today
        self.plan_path = Path(plan_path) if plan_path else None
        self.advisor = advisor
        self.demo = demo
        self.depth = depth
        self.show_save_time = show_save_time
        self.show_plan_folder = show_plan_folder  # the status line names the plan's folder too
        self._initial_interview = interview
        self._crash_error: BaseException | None = None
        self._quiet_start = QuietStart(self, self._start_background)
        self.interview: Interview | None = None
        if advisor:
            self.add_class("-advisor")

    # -- keys, strictly in order ------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """Deliver each key only after the previous one has been handled everywhere.

        Textual forwards a key to the widget focused when the app reads it, and a binding of a
        widget (Input's backspace, a list's Enter…) runs only when the key has bubbled back up to
        the app, several queues later. Keys typed quickly overtake it: 「abc⌫d」 could become
        「abc」, and text typed after a key that moves the focus lands in the old widget. Here the
        app follows each key through the focused widget and its ancestors and runs the app-level
        bindings itself before reading the next key (see also widgets/composer.py)."""
        if isinstance(event, (events.Key, events.Paste)):
            self._quiet_start.input_seen()  # the background work waits for a pause (quiet_start.py)
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                await self._deliver_key(event)
                return
            if getattr(event, "_kg_done", False):
                return  # its bindings already ran, in order, in _deliver_key
        await super().on_event(event)

    async def _deliver_key(self, event: events.Key) -> None:
        from textual._dispatch_key import dispatch_key

        from .widgets.composer import keys_applied

        if not self.app_focus:
            self.app_focus = True
        screen = self.screen
        if screen.maximized is not None and event.key == "escape" and self.escape_to_minimize:
            screen.minimize()
            return
        if self.focused:
            try:
                screen._clear_tooltip()
            except Exception:  # noqa: BLE001 - no screen yet
                pass
        if await self._check_bindings(event.key, priority=True):
            return
        target = self.focused or screen
        event._sender = None  # so the screen passes it on to the app instead of stopping it
        target._forward_event(event)
        node: Any = target
        while node is not None and node is not self:
            await keys_applied(node)
            if event._stop_propagation:
                return  # a widget took it
            node = node._parent
        # It bubbled to the app (its copy waits in the app's queue and is skipped there).
        event._kg_done = True
        if not await self._check_bindings(event.key):
            await dispatch_key(self, event)

    # -- start --------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        """The start screen is the first screen when the session opens on it: pushed over Textual's
        blank default screen, it was laid out once more and shown a frame later (issue 18)."""
        if self._opens_on_start_screen():
            from .screens.start import StartScreen

            return StartScreen()
        if self._initial_interview is None and self.portfolio is None:
            return LoadingScreen()  # a plan opens (open_plan / open_monitor in on_mount)
        return super().get_default_screen()

    def _opens_on_start_screen(self) -> bool:
        return self._initial_interview is None and self.portfolio is None and not self.demo and self.plan_path is None

    def on_mount(self) -> None:
        if self._initial_interview is not None:
            self.show_interview(self._initial_interview)
        elif self.portfolio is not None:
            from .screens.portfolio import PortfolioScreen

            self.push_screen(PortfolioScreen(self.portfolio))
        elif self.monitor and self.plan_path is not None:
            self.open_monitor(self.plan_path, self.month)
        elif self.demo or self.plan_path is not None:
            self.open_plan(self.plan_path, demo=self.demo)
        # else: the start screen is the default screen (get_default_screen)

    def first_screen_shown(self) -> None:
        """Called by a screen once its first frame is painted: only now, at the first pause in the
        typing, start what the first frame does not need (the checks' dictionary and index, the check
        helper process): at mount they competed with the first frame for the interpreter (issue 18)."""
        heap.first_frame()  # the collector, off since the entry (heap.hold_start), runs again
        self._quiet_start.arm()

    def _start_background(self) -> None:
        self._warm_up_checks()
        self._start_check_guard()

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def _warm_up_checks(self) -> None:
        """Load the morphological dictionary and compile the checklist off the UI thread, so the first
        checked answer does not wait for either (nor a message that needs markdown-it)."""
        from kaizen_guide.checks import check_text
        from kaizen_guide.ja import morph

        from . import heap
        from .widgets.composer import warm_up_editors

        with heap.background():  # steps aside while an answer is handled (it starts at the latest 3 s in)
            morph.warm_up()
            check_text("issue", "コロナで売上が減少した。")
            warm_up_editors()

    @work(thread=True, group="check-guard", exit_on_error=False)
    def _start_check_guard(self) -> None:
        """Text checks move to a helper process with a time budget once it is up (about a second):
        an answer that would make a check run away is then saved unchecked, never freezing typing."""
        from kaizen_guide.engine.check_guard import shared_checker
        from kaizen_guide.engine.checking import use_check_guard

        guard = shared_checker()
        for _attempt in range(2):
            try:
                guard.start()
            except Exception:  # noqa: BLE001 - no helper (a failed spawn): checks stay in-process
                continue
            use_check_guard(guard)
            return

    def show_start(self, error: str | None = None) -> None:
        """The start screen (with ``error`` shown on it, e.g. why a plan file could not be opened)."""
        from .screens.start import StartScreen

        stack = self.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        if isinstance(self.screen, LoadingScreen) and _is_portfolio(below):
            self.pop_screen()  # opened from the list: say why there and stay on it
            if error:
                self.notify(error, title="開けませんでした", severity="error", timeout=12)
        elif isinstance(self.screen, LoadingScreen):
            if isinstance(below, StartScreen):
                self.pop_screen()
                below.show_error(error)
            elif below is None:  # the app's first screen (Textual cannot switch that one away)
                self.push_screen(StartScreen(error=error))
            else:
                self.switch_screen(StartScreen(error=error))
        elif isinstance(self.screen, StartScreen):
            self.screen.show_error(error)
        else:
            self.push_screen(StartScreen(error=error))

    def outside_root(self, path: str | Path) -> str | None:
        """Why ``path`` may not be opened or written from this (served) session; None if it may."""
        if self.root is None:
            return None
        try:
            Path(path).expanduser().resolve().relative_to(self.root)
            return None
        except (ValueError, OSError, RuntimeError):
            return f"{path} は開けません。この画面 (ブラウザ) では {self.root} の中の計画とファイルだけを扱えます。"

    def deliver_exports(self, paths: Iterable[Path]) -> None:
        """In a browser the written files are also offered as downloads (they stay beside the plan)."""
        if not self.is_web:
            return
        for path in paths:
            self.deliver_binary(Path(path), save_filename=Path(path).name)

    def open_plan(self, path: str | Path | None, *, demo: bool = False, replace: Screen | None = None) -> None:
        """Open (or create) a plan in a worker and show its interview (a bad file: on the start screen,
        untouched). ``demo`` copies the sample first; the plan takes the place of ``replace``, if on top."""
        refusal = self.outside_root(path) if path else None
        if refusal:
            self.show_start(refusal)
            return
        self._loading(replace)
        self._open_in_thread(Path(path).expanduser() if path else None, demo)

    @work(thread=True, exclusive=True, group="open-plan", exit_on_error=True)
    def _open_in_thread(self, path: Path | None, demo: bool) -> None:
        from kaizen_guide.model import PlanFileError

        try:
            if demo:
                path = demo_plan_path(given_by="advisor") if self.advisor else demo_plan_path()
            assert path is not None
            interview = open_interview(path, depth=self.depth, advisor=self.advisor)
            if demo:
                land_demo(interview)
        except PlanFileError as exc:
            self.call_from_thread(self.show_start, exc.full_message)
            return
        self.call_from_thread(self.show_interview, interview, demo=demo)

    def _loading(self, replace: Screen | None = None) -> None:
        if replace is not None and replace is self.screen:
            self.switch_screen(LoadingScreen())
        elif not isinstance(self.screen, LoadingScreen):  # (at start-up it is the first screen)
            self.push_screen(LoadingScreen())

    def _show_opened(self, screen: Screen) -> None:
        """Show the screen of the plan just opened in place of the loading screen. The first screen
        stays below it (as Textual's blank default screen did): removing it made Textual lay out
        the new screen once more right after its first frame (issue 18)."""
        if isinstance(self.screen, LoadingScreen) and len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_interview(self, interview: Interview, *, demo: bool = False) -> None:
        from .screens.interview import InterviewScreen

        if self.interview is not None and self.interview is not interview:
            self.interview.close()  # one plan open at a time: give up the previous plan's lock
        self.interview = interview
        self.plan_path = Path(interview.path) if interview.path else None
        if interview.notice:
            self.notify(interview.notice, severity="warning", timeout=15)
        if self.plan_path is not None:
            recent.remember_soon(self, self.plan_path, interview.plan.company.name)
        self._show_opened(InterviewScreen(interview, demo=demo))

    # -- monthly review -----------------------------------------------------------------------
    def open_monitor(self, path: str | Path, month: str | None = None) -> None:
        """Open the monthly review of a plan file (the next month without a record, or ``month``)."""
        refusal = self.outside_root(path)
        if refusal:
            self.show_start(refusal)
            return
        self._loading()
        self._open_monitor_in_thread(Path(path).expanduser(), month)

    @work(thread=True, exclusive=True, group="open-plan", exit_on_error=True)
    def _open_monitor_in_thread(self, path: Path, month: str | None) -> None:
        from kaizen_guide.model import PlanFileError
        from kaizen_guide.monitoring.fiscal import MonitoringError
        from kaizen_guide.monitoring.review import Review

        try:
            review = Review.open(path, month, given_by="advisor" if self.advisor else "owner", today=self.today)
        except (PlanFileError, MonitoringError) as exc:
            message = exc.full_message if isinstance(exc, PlanFileError) else f"{path}: {exc.message}"
            self.call_from_thread(self.show_start, message)
            return
        self.call_from_thread(self.show_monitor, review)

    def show_monitor(self, review) -> None:
        from .screens.monitor import MonitorScreen

        self.plan_path = review.path
        if review.path is not None:
            recent.remember_soon(self, review.path, review.plan.company.name)
        self._show_opened(MonitorScreen(review))

    def action_monitor(self) -> None:
        """From an open plan: its monthly review."""
        interview = self.interview
        if interview is not None and interview.path is not None:
            self.open_monitor(interview.path)

    def action_freeze(self) -> None:
        """From an open plan: freeze it as a version (当初計画 / 修正計画) after asking for the note."""
        from kaizen_guide.engine.freezing import freeze_open_plan, preview
        from kaizen_guide.model.versions import freeze_message

        from .screens.freeze import FreezeScreen

        interview = self.interview
        if interview is None:
            return

        def chosen(note: str | None) -> None:
            if note is None:
                return
            version, error = freeze_open_plan(interview, note)
            if version is None:
                self.notify(error or "確定できませんでした。", severity="error", timeout=8)
                return
            self.notify(freeze_message(version), timeout=8)

        self.push_screen(FreezeScreen(*preview(interview)), chosen)

    def _portfolio_screen(self) -> Screen | None:
        return next((s for s in self.screen_stack if _is_portfolio(s)), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back_to_portfolio":
            return self._portfolio_screen() is not None and not _is_portfolio(self.screen)
        return True

    async def action_back_to_portfolio(self) -> None:
        """From a plan or review opened from the list: close it (its lock is given up) and show the list."""
        target = self._portfolio_screen()
        if target is None:
            return
        while self.screen is not target and len(self.screen_stack) > 1:
            await self.pop_screen()
        if self.interview is not None:
            self.interview.close()
            self.interview = None

    # -- palette ------------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Japanese commands only (the section/question jumps come from the screen's provider)."""
        from .screens.interview import InterviewScreen

        if isinstance(screen, InterviewScreen):
            yield SystemCommand("見直し画面", "すべての回答と指摘を一覧で確認・修正する (ctrl+r)", screen.action_review)
            yield SystemCommand("書き出し", "Excel の計画書とレポートを書き出す (F4)", screen.action_export)
            yield SystemCommand(
                "月次モニタリング",
                "この計画の月次の振り返り (計画と実績・原因・次月アクション) を開く (F6)",
                self.action_monitor,
            )
            yield SystemCommand(
                "計画を版として確定",
                "金融機関に提出した計画を当初計画・修正計画として残す (メモを入力して確定)",
                self.action_freeze,
            )
            yield SystemCommand(
                "説明と例を表示", "今の質問の説明と記入例をもう一度表示する (F1)", screen.action_explain
            )
            yield SystemCommand(
                "計画の要約",
                "主な数値と目標 (黒字化年度・債務償還年数) の表示を切り替える (F2)",
                screen.action_toggle_summary,
            )
            yield SystemCommand(
                "支援者モード切替", "説明を畳んだ短い表示と、説明を開いた表示を切り替える", self.action_toggle_mode
            )
        yield SystemCommand("終了", "保存して終了する (ctrl+q)", self.action_quit)

    def action_command_palette(self) -> None:
        """The command palette, in Japanese: jump to a section or question, or run a command."""
        from .commands import JaCommandPalette

        if self.use_command_palette and not JaCommandPalette.is_open(self):
            self.push_screen(
                JaCommandPalette(
                    id="--command-palette", placeholder="セクション・質問・操作を検索 (例: 決算、課題、書き出し)"
                )
            )

    async def action_quit(self) -> None:
        """Quit; input typed but not sent is kept as a draft with the plan (and comes back in the
        composer next time), an open row form's row included."""
        from .screens.interview import InterviewScreen
        from .widgets.row_form import RowFormScreen

        try:
            screen = self.screen
            if isinstance(screen, RowFormScreen) and screen.on_done is not None:
                from .widgets.composer import keys_applied

                await keys_applied(self.focused)
                row = screen.values()
                await screen._close(row if any(str(v).strip() for v in row.values()) else None)
            if isinstance(self.screen, InterviewScreen):
                await self.screen.keep_unsent()
        except Exception as exc:  # noqa: BLE001 - quitting must always work
            write_crash_log(exc)
        self.exit()

    def action_toggle_mode(self) -> None:
        self.advisor = not self.advisor
        self.set_class(self.advisor, "-advisor")
        self.notify("支援者モード (説明を畳む)" if self.advisor else "経営者モード (説明を開く)")
        changed = getattr(self.screen, "mode_changed", None)
        if changed is not None:
            changed()

    # -- crashes ------------------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        self._crash_error = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Replace Textual's traceback with a Japanese message; the traceback goes to a log."""
        from rich.text import Text

        error = self._crash_error or sys.exc_info()[1]
        log = write_crash_log(error) if error is not None else None
        self.bell()
        self._exit_renderables.append(Text(crash_message(self.plan_path, log), style="bold"))
        self._close_messages_no_wait()


def run(
    plan_path: str | Path | None = None,
    *,
    advisor: bool = False,
    demo: bool = False,
    depth: str | None = None,
    monitor: bool = False,
    month: str | None = None,
    root: str | Path | None = None,
    portfolio: str | Path | None = None,
) -> int:
    """Run the TUI; returns the process exit code. Never shows a traceback to the user.
    ``root``: confined to that folder (the browser session of ``kaizen-guide serve``)."""
    app: KaizenApp | None = None
    if root is not None:
        os.environ["KAIZEN_GUIDE_PLANS_DIR"] = str(Path(root).expanduser().resolve())  # new plans inside it
    try:
        app = KaizenApp(
            plan_path,
            advisor=advisor,
            demo=demo,
            depth=depth,
            monitor=monitor,
            month=month,
            root=root,
            portfolio=portfolio,
        )
        try:
            app.run()
        finally:
            if app.interview is not None:
                app.interview.close()
        if app._crash_error is not None:
            return EXIT_CRASH
        return app.return_code or EXIT_OK
    except KeyboardInterrupt:
        print("\n中断しました。回答は保存済みです。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        log = write_crash_log(exc)
        print(crash_message(app.plan_path if app else (Path(plan_path) if plan_path else None), log), file=sys.stderr)
        return EXIT_CRASH


def main(argv: list[str] | None = None) -> int:
    """``python -m kaizen_guide.tui.app [PLAN] [--advisor] [--demo]`` for trying the TUI alone."""
    import argparse

    parser = argparse.ArgumentParser(prog="kaizen_guide.tui.app")
    parser.add_argument("plan", nargs="?")
    parser.add_argument("--advisor", action="store_true")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--depth", choices=["full", "short"])
    parser.add_argument("--root", help="only plans under this folder (what `kaizen-guide serve` runs)")
    parser.add_argument("--portfolio", help="open the list of every plan under this folder")
    args = parser.parse_args(argv)
    return run(
        args.plan, advisor=args.advisor, demo=args.demo, depth=args.depth, root=args.root, portfolio=args.portfolio
    )


if __name__ == "__main__":
    raise SystemExit(main())
