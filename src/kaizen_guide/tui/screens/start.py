"""The start screen: a new plan, the sample company, a plan file, or a recent plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from .. import recent
from ..widgets.footer import SteadyFooter
from .first_resume import FirstResumeStyled

if TYPE_CHECKING:
    from ..app import KaizenApp


INTRO = (
    "金融機関に出せる経営改善計画を、質問に答えながら作ります。\n"
    "回答は1つずつ自動で保存されるので、いつ終了しても続きから再開できます。"
)


DUE_LINES = 4


def today() -> date:
    """Today for the due block (a function, so a test can fix the day)."""
    return date.today()


def _short_label(label: str) -> str:
    """「2028年3月期 第1四半期のモニタリング報告 (…)」 → 「第1四半期のモニタリング報告」 (the date
    beside it says which year; the line must fit 80 columns)."""
    head = label.split(" (")[0]
    fy, _, rest = head.partition(" ")
    return rest if rest and fy.endswith("期") else head


def due_block(paths: list[str], day: date) -> list[tuple[str, bool]]:
    """The start screen's compact 伴走支援の予定 for the recent plans, as (line, overdue) pairs
    ([] when nothing is coming)."""
    from kaizen_guide.model.store import PlanFileError, load_plan
    from kaizen_guide.monitoring.calendar import due_items
    from kaizen_guide.monitoring.fiscal import MonitoringError

    rows: list[tuple[Any, str]] = []
    for path in paths:
        try:
            plan = load_plan(path)
            items = due_items(plan, day)
        except (PlanFileError, MonitoringError):
            continue  # opening it explains what is wrong
        name = plan.company.name or Path(path).name
        rows.extend((item, name if len(name) <= 14 else name[:13] + "…") for item in items)
    if not rows:
        return []
    rows.sort(key=lambda r: (r[0].due, r[1]))
    lines = [("伴走支援の予定 (最近の計画)", False)]
    for item, name in rows[:DUE_LINES]:
        status = "期限切れ" if item.overdue else item.status_label
        lines.append((f"  {status} {item.due:%Y-%m-%d} {name}: {_short_label(item.label)}", item.overdue))
    if len(rows) > DUE_LINES:
        lines.append((f"  ほか{len(rows) - DUE_LINES}件 (一覧: kaizen-guide due 計画ファイル)", False))
    return lines


class OpenFileScreen(ModalScreen[str | None]):
    """Ask for a plan file path."""

    CSS_PATH = "start.tcss"
    BINDINGS = [Binding("escape", "cancel", "やめる")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog"):
            yield Static("開く計画ファイル (.json) のパスを入力して Enter", id="open-title")
            yield Input(placeholder="例: ~/計画/さくら亭.json", id="open-path")
            yield Static("", id="open-error", markup=False)
            yield Static("Esc でやめる", id="open-hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = event.value.strip().strip("'\"")
        if not text:
            return
        path = Path(text).expanduser()
        if not path.exists():
            self.query_one("#open-error", Static).update(
                f"{path} が見つかりません。パスを確かめてください (新しく作るときは「新しい計画を作る」を選びます)。"
            )
            return
        self.dismiss(str(path))

    def action_cancel(self) -> None:
        self.dismiss(None)


class StartScreen(FirstResumeStyled):
    app: KaizenApp  # (the screens run only inside KaizenApp)
    """What `kaizen-guide` opens with."""

    CSS_PATH = "start.tcss"
    BINDINGS = [
        Binding("n", "new", "新しい計画"),
        Binding("s", "demo", "サンプル"),
        Binding("o", "open", "ファイルを開く"),
        Binding("m", "monitor", "月次の振り返り"),
    ]

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self._error = error
        self._recent: list[recent.RecentPlan] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Static("[b]kaizen-guide[/b]  経営改善計画づくりの相談相手", id="start-title")
            yield Static(INTRO, id="start-intro", markup=False)
            yield OptionList(id="start-menu")
            yield Static("", id="start-due", markup=False)
            yield Static("", id="start-error", markup=False)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.refresh_menu()
        self.show_error(self._error)
        self.query_one(OptionList).focus()
        shown = getattr(self.app, "first_screen_shown", None)
        if shown is not None:
            self.call_after_refresh(shown)  # background work after the first frame (issue 18)

    def refresh_menu(self) -> None:
        # A served session lists only plans it may open (others' names stay out of the browser).
        self._recent = [r for r in recent.load_recent() if not self.app.outside_root(r.path)]
        options: list[Option | None] = [
            Option("新しい計画を作る", id="new"),
            Option("サンプル会社で試す (株式会社さくら亭・飲食業)", id="demo"),
            Option("計画ファイルを開く…", id="open"),
            Option("月次モニタリング (伴走支援) — 計画ファイルを選ぶ…", id="monitor"),
        ]
        if self._recent:
            options.append(None)
            for i, item in enumerate(self._recent):
                company, edited = recent.describe(item)
                name = escape(company or "(会社名未入力)")
                when = f"最終更新 {edited:%m/%d %H:%M}" if edited else ""
                options.append(Option(f"{name}  [dim]{when}  {escape(Path(item.path).name)}[/dim]", id=f"recent:{i}"))
        menu = self.query_one(OptionList)
        menu.set_options(options)
        menu.highlighted = 0
        self.query_one("#start-due", Static).display = False
        if self._recent:
            # After the first frame (issue 18): reading the plans must not delay the menu.
            self.call_after_refresh(self._load_due, [item.path for item in self._recent], today())

    @work(thread=True, exclusive=True, group="due", exit_on_error=False)
    def _load_due(self, paths: list[str], day: date) -> None:
        """Read the recent plans off the UI thread (a few ms each) and show what is due."""
        lines = due_block(paths, day)
        self.app.call_from_thread(self._show_due, lines)

    def _show_due(self, lines: list[tuple[str, bool]]) -> None:
        from rich.text import Text

        try:
            box = self.query_one("#start-due", Static)
        except NoMatches:
            return
        text = Text()
        for i, (line, overdue) in enumerate(lines):
            text.append(("\n" if i else "") + line, style="bold" if overdue else "")
        box.update(text)
        box.display = bool(lines)

    def show_error(self, error: str | None) -> None:
        """Show why a plan could not be opened (None hides the box)."""
        self._error = error
        try:
            box = self.query_one("#start-error", Static)
        except NoMatches:  # not composed yet: on_mount shows it
            return
        box.update(error or "")
        box.display = bool(error)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        if choice == "new":
            self.action_new()
        elif choice == "demo":
            self.action_demo()
        elif choice == "open":
            self.action_open()
        elif choice == "monitor":
            self.action_monitor()
        elif choice.startswith("recent:"):
            item = self._recent[int(choice.split(":", 1)[1])]
            self.app.open_plan(item.path)

    def action_new(self) -> None:
        self.app.open_plan(recent.new_plan_path("plan"))

    def action_demo(self) -> None:
        self.app.open_plan(None, demo=True)

    def action_monitor(self) -> None:
        def opened(path: str | None) -> None:
            if path:
                self.app.open_monitor(path)

        self.app.push_screen(OpenFileScreen(), opened)

    def action_open(self) -> None:
        def opened(path: str | None) -> None:
            if path:
                self.app.open_plan(path)

        self.app.push_screen(OpenFileScreen(), opened)
