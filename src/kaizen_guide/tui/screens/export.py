"""The export dialog (F4): where the workbook and the reports will be written, changeable, and
nothing written until the person confirms.

The destination is a base path without an extension; the three files are ``<base>.xlsx``,
``<base>.md`` and ``<base>.html``. Files that exist already are named as ones to be replaced.
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

KINDS = ("xlsx", "md", "html")
LABELS = {"xlsx": "計画書 (Excel)", "md": "レポート (Markdown)", "html": "レポート (HTML)"}


def export_targets(base: Path) -> dict[str, Path]:
    """{kind: file} for a destination base path (「~/計画/さくら亭」 → さくら亭.xlsx …)."""
    base = Path(base).expanduser()
    if base.suffix.lower() in {f".{k}" for k in KINDS} | {".json"}:
        base = base.with_suffix("")
    return {kind: base.with_name(f"{base.name}.{kind}") for kind in KINDS}


def display_path(path: Path | str) -> str:
    """A path as a person reads it: relative to the folder they started in, else with the home
    folder as 「~」, else in full."""
    path = Path(path).expanduser()
    try:
        full = path.resolve()
    except (OSError, RuntimeError):
        return str(path)
    for root, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(full.relative_to(root.resolve()))
        except (ValueError, OSError, RuntimeError):
            continue
    return str(full)


class ExportScreen(ModalScreen["Path | None"]):
    """Ask where to write, show what will be written (and replaced), write only on Enter."""

    CSS_PATH = "export.tcss"
    BINDINGS = [Binding("escape", "cancel", "やめる")]

    def __init__(
        self,
        base: Path,
        *,
        title: str = "計画書 (Excel) とレポートを書き出します",
        labels: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.base = Path(base)
        self.title_text = title
        self.labels = labels or LABELS

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(f"[b]書き出し[/b]  {escape(self.title_text)}", id="export-title")
            yield Static("書き出し先 (拡張子なし。変えるときは書き換えてください)", id="export-label")
            yield Input(display_path(self.base), id="export-path", compact=True)
            yield Static("", id="export-files", markup=False)
            yield Static("", id="export-error", markup=False)
            yield Static("Enter 書き出す ・ Esc やめる", id="export-hint")

    def on_mount(self) -> None:
        self._show(self.base)
        self.query_one(Input).focus()

    def _show(self, base: Path) -> None:
        targets = export_targets(base)
        folder = display_path(targets["xlsx"].parent)
        lines = [f"フォルダ: {'kaizen-guide を起動したフォルダ' if folder == '.' else folder}"]
        for kind, path in targets.items():
            mark = "  (同じ名前のファイルを上書きします)" if path.exists() else ""
            lines.append(f"・{self.labels[kind]}: {path.name}{mark}")
        self.query_one("#export-files", Static).update("\n".join(lines))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value.strip():
            self._show(Path(event.value.strip()))
        self.query_one("#export-error", Static).update("")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip().strip("'\"")
        error = self.query_one("#export-error", Static)
        if not text:
            error.update("書き出し先を入力してください。例: ~/計画/さくら亭")
            return
        base = Path(text).expanduser()
        folder = export_targets(base)["xlsx"].parent
        if not folder.is_dir():
            error.update(
                f"フォルダ {display_path(folder)} がありません。先にフォルダを作るか、別の場所を指定してください。"
            )
            return
        self.dismiss(base)

    def action_cancel(self) -> None:
        self.dismiss(None)
