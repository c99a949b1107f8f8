"""The review screen: every answer with its status and findings; Enter edits one in place.

Rows come from ``Interview.review()`` (generated from the banks); an edit goes through
``Interview.answer`` like any answer, so the engine saves it and marks dependants for review.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from ..messages import AnswerSubmitted
from ..texts import column_headings, finding_markdown, fit, follow_up_markdown, preview_text
from ..widgets.chat_log import AssistantMessage, ja_wrap
from ..widgets.composer import Composer
from ..widgets.footer import SteadyFooter
from ..widgets.open_notes import OpenNotesTable

STATUS_TEXT: dict[str, tuple[str, str]] = {
    # status: (label, style)
    "ok": ("✓ 済", "green"),
    "pending": ("! 指摘あり", "yellow"),
    "kept_weak": ("! 要確認", "yellow"),
    "needs_review": ("? 再確認", "magenta"),
    "unanswered": ("· 未回答", "dim"),
    "skipped": ("- 省略", "dim"),
    "hidden": ("- 対象外", "dim"),
}


class EditAnswerScreen(ModalScreen[bool]):
    """Edit one answer over the review table; the engine checks it like any answer."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "close", "戻る"),
        Binding("ctrl+o", "keep", "そのまま記録", priority=True),
    ]

    def __init__(self, interview: Any, question: Any, findings: list[Any]) -> None:
        super().__init__()
        self.interview = interview
        self.question = question.for_depth(interview.depth)  # the fields this depth asks, as in the interview
        self.findings = findings
        self.pending = False
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-dialog"):
            with VerticalScroll(id="edit-messages"):
                for f in self.findings:
                    yield AssistantMessage(ja_wrap(finding_markdown(f)), classes=f"edit-finding -{f.severity}")
            yield Composer(id="edit-composer")
            yield Static("送信 (1行はEnter、それ以外はctrl+s) で保存・Esc で戻る (変更しない)", id="edit-hint")

    async def on_mount(self) -> None:
        iv = self.interview
        qid = self.question.id
        helpers: dict[str, Any] = {
            "preview": lambda target, raw: preview_text(iv, target, raw),
            "options": lambda q, f: list(iv.choices(q, f or None)),
            "columns": lambda q, n: column_headings(iv, q, n),
        }
        await self.query_one(Composer).show(self.question, prefill=iv.edit_value(qid), **helpers)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return self.pending
        return True

    @on(AnswerSubmitted)
    async def _submitted(self, event: AnswerSubmitted) -> None:
        event.stop()
        await self.take_answer(event.qid, event.raw)

    async def take_answer(self, qid: str, raw: Any) -> None:
        """Editors await this from a priority binding (see composer.py)."""
        result = self.interview.answer(self.question.id, raw)
        await self._show_result(result)

    async def _show_result(self, result: Any) -> None:
        box = self.query_one("#edit-messages", VerticalScroll)
        await box.remove_children()
        if result.error:
            await box.mount(AssistantMessage(ja_wrap(result.error), classes="edit-finding -error"))
            return
        if result.accepted and not result.follow_up:
            self.changed = True
            self.dismiss(True)
            return
        self.changed = True
        self.pending = True
        findings = list(result.findings or [])
        await box.mount(
            AssistantMessage(ja_wrap(follow_up_markdown(findings, result.follow_up)), classes="edit-finding -warning")
        )
        self.refresh_bindings()

    async def action_keep(self) -> None:
        if self.pending:
            self.interview.keep_as_is(self.question.id)
            self.pending = False
            self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(self.changed)


class ReviewScreen(Screen):
    """All answers, their status and findings."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "close", "インタビューへ戻る"),
        Binding("enter", "edit", "修正", show=True),
        Binding("f", "toggle_flagged", "要確認だけ"),
    ]

    def __init__(self, interview: Any) -> None:
        super().__init__()
        self.interview = interview
        self.only_flagged = False
        self.changed = False
        """An answer was edited here (the interview screen re-asks its current question)."""
        self._qids: list[str] = []
        self._items: dict[str, Any] = {}
        self.jump_to: str | None = None
        """The question of an open note chosen with Enter (the interview goes there)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="review-title")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        # Below the answers (and after them in the DOM, so the answers stay the screen's first table).
        yield OpenNotesTable(id="review-notes")
        yield Static("", id="review-detail", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.reload()
        notes = self.query_one(OpenNotesTable)
        # Open notes first: what the other side asked is what to look at.
        (notes if notes.display else self.query_one("#review-table", DataTable)).focus()

    def on_resize(self) -> None:
        self.reload(keep_cursor=True)

    def reload(self, *, keep_cursor: bool = False) -> None:
        from kaizen_guide.engine.notes import NoteDesk

        table = self.query_one("#review-table", DataTable)
        cursor = table.cursor_row if keep_cursor else 0
        items = list(self.interview.review())
        width = max(60, self.size.width or self.app.size.width)
        open_notes = self.query_one(OpenNotesTable).load(NoteDesk(self.interview), width)
        with_section = width >= 110
        # 状態 | (セクション) | 質問 | 回答 | 指摘; each column has a cell of padding on both sides,
        # and the vertical scrollbar takes two more.
        status_w, count_w, section_w = 8, 4, 16 if with_section else 0
        columns = 5 if with_section else 4
        rest = width - status_w - count_w - section_w - 2 * columns - 2
        q_width = max(16, rest * 45 // 100)
        v_width = max(14, rest - q_width)
        table.clear(columns=True)
        table.add_column("状態", width=status_w, key="status")
        if with_section:
            table.add_column("セクション", width=section_w, key="section")
        table.add_column("質問", width=q_width, key="question")
        table.add_column("回答", width=v_width, key="value")
        table.add_column("指摘", width=count_w, key="findings")
        self._qids = []
        self._items = {}
        flagged = 0
        for item in items:
            question, value, status, findings = item.question, item.value or "", item.status, list(item.findings)
            is_flagged = item.flagged or status in ("kept_weak", "needs_review")
            flagged += is_flagged
            if self.only_flagged and not is_flagged:
                continue
            if status == "ok" and item.flagged:
                status = "pending"
            elif status == "ok" and not item.value:
                status = "skipped"
            label, style = STATUS_TEXT.get(status, (status, ""))
            cells = [f"[{style}]{label}[/]" if style else label]
            if with_section:
                cells.append(fit(item.section_title, section_w))
            table.add_row(
                *cells,
                fit(question.prompt, q_width),
                fit(value, v_width) if value else "[dim]—[/]",
                str(len(findings)) if findings else "",
                key=question.id,
            )
            self._qids.append(question.id)
            self._items[question.id] = item
        mode = "要確認のみ " if self.only_flagged else ""
        notes = f" [b]未解決のメモ {open_notes}件[/b] (Enter でその質問へ・Tab で表へ)" if open_notes else ""
        self.query_one("#review-title", Static).update(
            f"[b]見直し[/b] {mode}{len(self._qids)}問 (要確認 {flagged}){notes}"
            "  [dim]Enter 修正・f 要確認のみ・Esc 戻る[/]"
        )
        if self._qids:
            table.move_cursor(row=min(cursor, len(self._qids) - 1))
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _current_qid(self) -> str | None:
        table = self.query_one("#review-table", DataTable)
        if not self._qids or table.cursor_row is None:
            return None
        row = table.cursor_row
        return self._qids[row] if 0 <= row < len(self._qids) else None

    def _show_detail(self) -> None:
        detail = self.query_one("#review-detail", Static)
        qid = self._current_qid()
        if qid is None:
            detail.update("")
            return
        item = self._items[qid]
        value = " ".join((item.value or "(未回答)").split())
        from kaizen_guide.engine.records import giver_mark

        mark = giver_mark(item.given_by) if item.value else ""
        lines = [f"{item.section_title} › {item.question.prompt}", f"回答: {value}" + (f"  [{mark}]" if mark else "")]
        for f in list(item.findings)[:2]:
            lines.append(f"! {f.message}")
        detail.update("\n".join(lines))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if isinstance(event.data_table, OpenNotesTable):
            self.jump_to = event.data_table.question_at_cursor()
            if self.jump_to is not None:
                self.dismiss(self.changed)
            return
        self.action_edit()

    def action_edit(self) -> None:
        qid = self._current_qid()
        if qid is None:
            return
        item = self._items[qid]
        question, findings = item.question, list(item.findings)

        def edited(changed: bool | None) -> None:
            if changed:
                self.changed = True
                self.notify("保存しました。関連する回答には「再確認」の印が付きます。", timeout=3)
            self.reload(keep_cursor=True)

        self.app.push_screen(EditAnswerScreen(self.interview, question, findings), edited)

    def action_toggle_flagged(self) -> None:
        self.only_flagged = not self.only_flagged
        self.reload()

    def action_close(self) -> None:
        self.dismiss(self.changed)
