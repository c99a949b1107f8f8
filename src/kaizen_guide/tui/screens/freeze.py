"""「計画を版として確定」 (palette): ask for the note, say which version it becomes, freeze on Enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


def freeze_summary(number: int, effective: str | None) -> str:
    from kaizen_guide.model.versions import version_label

    if effective is None:
        when = "月次モニタリングでは、計画の最初の月からこの版と比べます。"
    else:
        when = f"月次モニタリングでは、{int(effective[:4])}年{int(effective[5:])}月からこの版と比べます (それより前の月は前の版のまま)。"
    return (
        f"今の計画を第{number}版 ({version_label(number)}) として確定します。{when}\n"
        "確定した版は変わりません。このあとの修正は作業中の計画に入り、次に確定すると修正計画になります。"
    )


class FreezeScreen(ModalScreen["str | None"]):
    """The note for the version (提出先・理由); Enter freezes, Esc cancels."""

    CSS_PATH = "freeze.tcss"
    BINDINGS = [Binding("escape", "cancel", "やめる")]

    def __init__(self, number: int, effective: str | None) -> None:
        super().__init__()
        self.number = number
        self.effective = effective

    def compose(self) -> ComposeResult:
        with Vertical(id="freeze-dialog"):
            yield Static("[b]計画を版として確定[/b]  金融機関に提出した計画を残します", id="freeze-title")
            yield Static(freeze_summary(self.number, self.effective), id="freeze-summary", markup=False)
            yield Static("メモ (提出先・確定の理由)", id="freeze-label")
            yield Input(placeholder="例: ひまわり銀行・あおば信用金庫に提出", id="freeze-note", compact=True)
            yield Static("", id="freeze-error", markup=False)
            yield Static("Enter 確定する ・ Esc やめる", id="freeze-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        note = event.value.strip()
        if not note:
            self.query_one("#freeze-error", Static).update("メモを入力してください (例: ひまわり銀行に提出)。")
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
