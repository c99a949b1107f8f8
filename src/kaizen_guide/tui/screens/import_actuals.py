"""Pick an accounting-software export, see what was read, answer unknown accounts once.

The screen only reads (``kaizen_guide.imports.read_actuals``) and returns an
:class:`ImportOutcome`; the caller records it (the monthly review's ``set_actuals``), so the plan
file is written in one place. Nothing is recorded when the person cancels or the file fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Select, Static

from kaizen_guide.imports import ActualsImport, ActualsImportError, read_actuals
from kaizen_guide.imports.lines import MAP_TARGETS

SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx"}


@dataclass
class ImportOutcome:
    """A file read completely: the figures, and the account answers to remember in the plan."""

    path: Path
    result: ActualsImport
    mapping: dict[str, str] = field(default_factory=dict)


class ExportTree(DirectoryTree):
    """Folders and the files the readers take (CSV/TSV/TXT/XLSX)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in SUFFIXES)]


class ImportActualsScreen(ModalScreen[ImportOutcome | None]):
    """会計ソフトの実績ファイルを取り込む."""

    CSS_PATH = "import_actuals.tcss"
    BINDINGS = [Binding("escape", "cancel", "やめる")]

    def __init__(self, plan, month: str | None = None, start_dir: Path | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.month = month
        self.start_dir = start_dir or Path.cwd()
        self.mapping: dict[str, str] = {}
        self.path: Path | None = None
        self.result: ActualsImport | None = None

    def compose(self) -> ComposeResult:
        when = f" ({int(self.month[:4])}年{int(self.month[5:])}月)" if self.month else ""
        with Vertical(id="import-dialog"):
            yield Static(f"会計ソフトの試算表・推移表から実績を取り込む{when}", id="import-title")
            yield Static(
                "弥生・マネーフォワード・freee・TKC の CSV/Excel、または科目×月の表。"
                "パスを入力して Enter、または下から選びます。",
                id="import-help",
                markup=False,
            )
            yield Input(placeholder="例: ~/Downloads/推移表.csv", id="import-path")
            yield ExportTree(self.start_dir, id="import-tree")
            yield Static("", id="import-summary", markup=False)
            with Horizontal(id="import-unknown"):
                yield Static("", id="import-unknown-text", markup=False)
                yield Select(
                    [(label, key) for key, label in MAP_TARGETS.items()],
                    id="import-target",
                    allow_blank=False,
                    value="sga",
                )
                yield Button("決定", id="import-map")
            with Horizontal(id="import-buttons"):
                yield Button("取り込む", id="import-ok", variant="primary", disabled=True)
                yield Button("やめる", id="import-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-unknown").display = False
        self.query_one("#import-path", Input).focus()

    # -- reading ---------------------------------------------------------------------------------
    @on(Input.Submitted, "#import-path")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip().strip("'\"")
        if text:
            self.read(Path(text).expanduser())

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#import-path", Input).value = str(event.path)
        self.read(event.path)

    def read(self, path: Path) -> None:
        """Read (and re-read after each answer); small files take well under a second."""
        self.path = path
        self.result = None
        summary = self.query_one("#import-summary", Static)
        refusal = getattr(self.app, "outside_root", lambda _: None)(path)
        if refusal:  # a browser session (serve DIR) reads no file of the server outside DIR
            summary.set_class(True, "-error")
            summary.update(refusal)
            self._show_unknown()
            return
        try:
            self.result = read_actuals(path, self.plan, month=self.month, mapping=self.mapping)
        except ActualsImportError as exc:
            summary.set_class(True, "-error")
            summary.update(f"読めません: {exc.full_message}\n計画ファイルは変更していません。")
            self._show_unknown()
            return
        summary.set_class(False, "-error")
        summary.update("\n".join(self.result.summary_lines()))
        self._show_unknown()

    def _show_unknown(self) -> None:
        box = self.query_one("#import-unknown")
        ok = self.query_one("#import-ok", Button)
        pending = self.result.unknown_accounts if self.result is not None else []
        if not pending:
            box.display = False
            ok.disabled = self.result is None or not self.result.months
            if not ok.disabled:
                ok.focus()
            return
        ok.disabled = True
        acct = pending[0]
        total = int(acct.amount_yen / 1000)
        self.query_one("#import-unknown-text", Static).update(
            f"「{acct.name}」({acct.row}行目, 合計 {total:,}千円) は計画のどの項目ですか? "
            f"(残り{len(pending)}件。答えは計画に記録し、次回から聞きません)"
        )
        select = self.query_one("#import-target", Select)
        select.value = acct.suggestion
        box.display = True
        select.focus()

    @on(Button.Pressed, "#import-map")
    def _answer_unknown(self) -> None:
        if self.result is None or not self.result.unknown_accounts or self.path is None:
            return
        acct = self.result.unknown_accounts[0]
        self.mapping[acct.key] = str(self.query_one("#import-target", Select).value)
        self.read(self.path)

    # -- leaving ---------------------------------------------------------------------------------
    @on(Button.Pressed, "#import-ok")
    def _ok(self) -> None:
        if self.result is not None and self.result.complete and self.path is not None:
            self.dismiss(ImportOutcome(self.path, self.result, dict(self.mapping)))

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
