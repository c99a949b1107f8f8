"""The interview screen: outline | chat log + composer | plan summary.

Everything the person types goes to :class:`kaizen_guide.engine.Interview`; this screen renders
what comes back (the next question, an error, findings and a follow-up) and never decides
anything itself. The engine saves each accepted answer before returning the next question.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from kaizen_guide.engine.notes import NoteDesk

from .. import heap
from ..commands import JumpProvider
from ..draft_keeper import DraftKeeper
from ..messages import AnswerSubmitted, JumpTo
from ..notes_view import say_notes_waiting, say_open_notes
from ..stored_checks import StoredChecks
from ..texts import (
    column_headings,
    explain_markdown,
    preview_text,
    question_markdown,
    user_text,
)
from ..widgets.chat_log import ChatLog
from ..widgets.composer import PREVIEW_TYPES, Composer
from ..widgets.footer import SteadyFooter
from ..widgets.outline import Outline
from ..widgets.summary import Summary
from . import intake
from .chat_base import ChatScreen
from .status_line import status_line

WIDE = 110
"""At this width and above the summary panel shows beside the chat."""

OUTLINE_MIN = 100
"""Below this width the outline is hidden (ctrl+t shows it): Japanese text needs the columns."""


class InterviewScreen(ChatScreen):
    """One question at a time, with the outline and the plan summary beside it."""

    CSS_PATH = "interview.tcss"
    COMMANDS = {JumpProvider}
    AUTO_FOCUS = None  # the composer takes focus when a question is asked
    BINDINGS = [
        Binding("ctrl+o", "keep", "そのまま進む", priority=True, tooltip="指摘された回答をこのまま記録して次へ"),
        Binding("ctrl+b", "back", "前へ", priority=True),
        Binding("ctrl+n", "skip", "とばす", priority=True),
        Binding("ctrl+r", "review", "見直し", priority=True),
        Binding("f1", "explain", "説明", priority=True),
        Binding("f2", "toggle_summary", "要約", show=False, priority=True),
        Binding(
            "f4", "export", "書き出し", priority=True, tooltip="書き出し先を確かめてから Excel とレポートを書き出す"
        ),
        Binding("ctrl+t", "toggle_outline", "目次", show=False, priority=True),
        Binding("f7", "note", "メモ", priority=True, tooltip="この質問への支援者と経営者のメモ (付ける・返信・解決)"),
    ]

    def __init__(self, interview: Any, *, demo: bool = False) -> None:
        super().__init__()
        self.interview = interview
        self.demo = demo
        self.question: Any = None
        self.pending: str | None = None
        """Question id whose weak answer awaits a revision or ctrl+o."""
        self._section_id: str | None = None
        self._summary_forced: bool | None = None
        self._outline_open = False
        """The outline was opened with ctrl+t on a narrow terminal."""
        self._export_base: Any = None
        """Where the last export went (the dialog offers it again)."""
        self._stored_checks = StoredChecks(self)
        self._status_width = 0

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="topbar")
        with Horizontal(id="body"):
            yield Outline(id="outline")
            with Vertical(id="main"):
                yield ChatLog(id="chat")
                yield Composer(id="composer")
            yield Summary(id="summary")
        # (the footer is mounted in on_mount, once the first question is asked)

    async def on_mount(self) -> None:
        self._apply_width(self.app.size.width)
        self._greet()
        await self.ask(self.interview.current())
        if self.demo and self.question is not None and self.question.type == "group":
            self.chat.say(
                "**試してみましょう**：**a**で課題を1件追加し、課題に「コロナで売上が減った」と書いて"
                "ctrl+sで保存、もう一度ctrl+sで送ってください。銀行がどう読むかと、その根拠を返します。"
                "  \nctrl+rで全回答の見直し、ctrl+pで好きな質問へ移動できます。",
                "note",
            )
        # The footer is composed with the keys of the question asked (composed before it, it added
        # 「説明」 after the first frame: a key mounted and the screen laid out again while the
        # first answer was typed, issue 18).
        await self.mount(SteadyFooter(compact=True))
        # The figures and the background work wait for the first frame (issue 18).
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self._stored_checks.start()  # the outline's 要確認 marks of the answers already given
        self.query_one(Summary).refresh_from(self.interview.plan)
        DraftKeeper(self).start()  # unsent input kept once the typing pauses (survives kill -9)
        shown = getattr(self.app, "first_screen_shown", None)
        if shown is not None:
            shown()

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)
        if self.is_mounted and event.size.width != self._status_width:
            self._refresh_status()  # the plan's path is fitted to the width (not again at mount)

    def _apply_width(self, width: int) -> None:
        summary = self.query_one(Summary)
        wide = width >= WIDE
        summary.display = wide if self._summary_forced is None else self._summary_forced
        self.query_one(Outline).display = width >= OUTLINE_MIN or self._outline_open

    # -- conversation -------------------------------------------------------------------------
    def _greet(self) -> None:
        plan = self.interview.plan
        name = plan.company.name
        if self.demo:
            self.chat.say(
                f"サンプル会社 **{name}** (飲食業) の計画を開きました。練習用のコピーなので、自由に書き換えて大丈夫です。",
                "note",
            )
        elif plan.interview.history:
            self.chat.say(
                f"{name or 'この計画'}の計画を開きました。これまでの回答は保存されています。続きから伺います。",
                "note",
            )
        else:
            self.chat.say(
                "はじめまして。金融機関に出せる経営改善計画を、一緒に1問ずつ作っていきます。\n\n"
                "答えるたびに自動で保存されます。わからない質問は F1 で説明と記入例を、"
                "任意の質問は ctrl+n でとばせます。",
                "note",
            )
        self._safe(lambda: say_notes_waiting(self.chat, NoteDesk(self.interview)), None)

    async def ask(self, question: Any) -> None:
        """Show ``question`` (or the end of the interview when it is None), with the example and
        help written for the company's industry."""
        if question is not None and hasattr(question, "for_industry"):
            question = question.for_industry(self._industry()).for_depth(self.interview.depth)
        self.question = question
        self.pending = None
        if question is None:
            await self._finished()
            self._show_status()
            return
        section = self._section_of(question)
        if section is not None and section.id != self._section_id:
            self._section_id = section.id
            self.say_section(section.title, (getattr(section, "intro", "") or "").strip())
        form = intake.form_for(self, question)
        if form is not None:  # advisor mode: the section's single-value questions as one form
            self.chat.say(intake.form_intro(section, len(form.fields)))
            ids = [q.id for q in form.fields]  # open notes on any field of the form, each named
            self._safe(lambda: say_open_notes(self.chat, NoteDesk(self.interview), *ids, named=True), 0)
            await self.composer.show(question, editor=form)
            self._show_status()
            return
        if self.advisor and question.type == "year_grid":
            # A grid is one screen already: no chat step for it (its question is above the grid).
            mark = self._current_answer_by(question).strip()
            if mark:
                self.chat.say(mark, "note", "status")
        else:
            self.chat.say(question_markdown(question, advisor=self.advisor) + self._current_answer_by(question))
        self._safe(lambda: say_open_notes(self.chat, NoteDesk(self.interview), question.id), 0)
        record = self._safe(lambda: self.interview.record(question.id), None)
        if record is not None and record.status == "needs_review":
            # An earlier answer it depends on changed: confirm it (ctrl+o) or edit it.
            self.pending = question.id
            self.chat.say(
                "前の回答が変わったため、この回答を確かめてください。"
                "このままでよければ**ctrl+o**で確定、直すときは書き換えて送ってください。",
                "note",
            )
        await self.composer.show(question, prefill=self._prefill(question), **self._helpers())
        self._show_status()

    async def _finished(self) -> None:
        await self.composer.clear()
        complete = self._safe(lambda: self.interview.is_complete(), False)
        if complete:
            self.chat.say(
                "すべての質問に答えました。お疲れさまでした。\n\n"
                "ctrl+r で回答と指摘を見直し、F4 で Excel の計画書とレポートを書き出せます。",
                "note",
            )
        else:
            self.chat.say(
                "ここまでの質問は終わりです。まだ答えていない必須の質問があります。"
                "左の目次 (ctrl+t) か ctrl+r の見直し画面から選んでください。",
                "note",
            )

    def _current_answer_by(self, question: Any) -> str:
        """「今の回答は経営者の回答です」 under a question the other side (owner / advisor) answered."""
        mark = self._safe(lambda: intake.answer_mark(self.interview, question.id), "")
        mine = intake.giver_mark(self.interview.given_by)
        return f"  \n*今の回答は{mark}です*" if mark and mark != mine else ""

    async def take_form(self, values: dict[str, Any]) -> None:
        """The section form was sent (ctrl+s): the engine answers each field (see intake.py)."""
        await intake.take_form(self, values)

    def after_answers(self) -> None:
        self.query_one(Summary).refresh_from(self.interview.plan)

    def mode_changed(self) -> None:
        """Owner ↔ advisor (app.action_toggle_mode): who gives the next answers, and the editor
        for the current question (a form, or one question); unsent input is kept as a draft."""
        self.interview.given_by = "advisor" if self.advisor else "owner"

        async def again() -> None:
            await self.keep_unsent()
            await self.ask(
                self._safe(lambda: self.interview.current(), None) if self.question is None else self.question
            )

        self.run_worker(again(), exclusive=True, group="mode")

    def _industry(self) -> str:
        from kaizen_guide.banks.industries import industry_key

        return self._safe(lambda: industry_key(self.interview.plan.company.industry), "generic")

    def _section_of(self, question: Any) -> Any:
        bank = getattr(self.interview, "bank", None)
        try:
            return bank.section_of(question.id)
        except Exception:  # noqa: BLE001
            return None

    def _prefill(self, question: Any) -> Any:
        """The stored answer in the shape the editor takes (text, rows or grid); input left unsent
        when the app was last closed comes back instead, and the chat says so."""
        draft = self._safe(lambda: self.interview.draft(question.id), None)
        if draft is not None:
            self.chat.say("前回、送信せずに終了した入力を下書きから戻しました。確かめて送信してください。", "note")
            return draft
        return self._safe(lambda: self.interview.edit_value(question.id), None)

    async def keep_unsent(self) -> None:
        """Before quitting: keep what is typed but not sent as a draft saved with the plan."""
        from ..widgets.composer import keys_applied

        await keys_applied(self.app.focused)  # keys typed just before ctrl+q are part of it
        editor = self.composer.editor
        if editor is None or self.question is None:
            return
        fields = getattr(editor, "unsent_fields", None)  # a section form: a draft per field
        if fields is not None:
            unsent = self._safe(fields, {})
            error = (
                self._safe(lambda: self.interview.save_drafts(unsent), "下書きを保存できませんでした。")
                if unsent
                else None
            )
            if error:
                self.notify(error, severity="error")
            return
        raw = self._safe(editor.unsent, None)
        if raw is None:
            return
        error = self._safe(lambda: self.interview.save_draft(self.question.id, raw), "下書きを保存できませんでした。")
        if error:
            self.notify(error, severity="error")

    def _helpers(self) -> dict[str, Any]:
        return {"preview": self._preview, "options": self._options, "columns": self._columns}

    def _preview(self, qid: str, raw: str) -> str:
        return self._safe(lambda: preview_text(self.interview, qid, raw), "")

    def _options(self, qid: str, field_id: str) -> list[tuple[Any, str]]:
        return self._safe(lambda: list(self.interview.choices(qid, field_id or None)), [])

    def _columns(self, qid: str, n: int | None) -> list[str]:
        """Column headings of a year grid; ``n=None`` asks for the natural number of columns."""
        return self._safe(lambda: column_headings(self.interview, qid, n), [])

    # -- answers ------------------------------------------------------------------------------
    @on(AnswerSubmitted)
    async def _answer(self, event: AnswerSubmitted) -> None:
        event.stop()
        await self.take_answer(event.qid, event.raw)

    async def take_answer(self, qid: str, raw: Any) -> None:
        """Record ``raw`` for ``qid`` and show what comes next. Editors await this from a priority
        binding, so no key is read until the next editor has the focus (see composer.py)."""
        question = self.question
        if question is None or qid != question.id:
            return
        shown = user_text(question, raw)
        if isinstance(raw, dict) and question.type == "year_grid":
            shown = self._safe(lambda: self._grid_account(question, raw), shown)
        if isinstance(raw, str) and question.type in PREVIEW_TYPES and raw.strip():
            read_as = self._preview(question.id, raw)
            if "→" in read_as:
                shown = read_as  # 「350万 → 3,500千円」: what was typed and how it was read
        # One layout and one frame for the whole reply (the answer, findings, the next question and
        # its editor): laid out piece by piece, each mount re-laid the whole screen (issue 18).
        heap.hold()  # no garbage collection until the reply is drawn
        try:
            with self.app.batch_update():
                self.chat.said_by_user(shown)
                result = self._call(lambda: self.interview.answer(question.id, raw))
                if result is not None:
                    await self._handle(question, result)
                await self.chat.settled()
        finally:
            self.call_after_refresh(heap.tidy)  # collections after the frame, not in the next answer
            self.call_after_refresh(self._premount_editor)

    def _premount_editor(self) -> None:
        """While the person reads the reply: one more editor kind the bank asks with, mounted hidden."""
        bank = getattr(self.interview, "bank", None)
        questions = [q for section in getattr(bank, "sections", ()) for q in section.questions]
        self._safe(lambda: self.composer.premount(questions, **self._helpers()), False)

    def _grid_account(self, question: Any, raw: dict) -> str:
        """「2024年3月期〜2026年3月期 (3列)・33/33マスを入力。2026年3月期: 経常利益 …」"""
        from kaizen_guide.engine.grid import grid_account

        n = max((len(v) for v in raw.values()), default=0)
        return grid_account(question, raw, self._columns(question.id, n) or [str(i + 1) for i in range(n)])

    def _expected_errors(self) -> tuple[type[BaseException], ...]:
        from kaizen_guide.engine import NavigationError

        return (NavigationError,)  # e.g. a question this depth does not ask: say why

    async def _handle(self, question: Any, result: Any) -> None:
        if self.show_error(result) or self.show_follow_up(question, result):
            return
        self.show_accepted(
            result,
            "指摘の点は「要確認」として記録して先へ進みます。見直し画面 (ctrl+r) でいつでも直せます。",
            label=intake.field_label(question),
        )
        await self.ask(result.next)
        self.after_answers()

    # -- actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return self.pending is not None
        if action == "skip":
            return self.question is not None and not self.question.required
        if action == "explain":
            return self.question is not None
        if action == "note":  # the owner replies to notes; only the advisor attaches new ones
            return self.question is not None and (self.advisor or self._safe(self._has_notes, False))
        return True

    def _has_notes(self) -> bool:
        return bool(NoteDesk(self.interview).all_for(self.question.id))

    async def action_keep(self) -> None:
        if self.pending is None or self.question is None:
            return
        question = self.question
        result = self._call(lambda: self.interview.keep_as_is(question.id))
        if result is None:
            return
        self.chat.said_by_user("(このまま進む)")
        if result.accepted:
            if result.status == "kept_weak":
                self.chat.say("この回答のまま記録しました。見直し画面(ctrl+r)でいつでも直せます。", "note")
            await self.ask(result.next)
            self.query_one(Summary).refresh_from(self.interview.plan)
        else:
            await self._handle(question, result)

    async def action_skip(self) -> None:
        if self.question is None or self.question.required:
            return
        question = self.question
        self.chat.said_by_user("(とばす)")
        result = self._call(lambda: self.interview.skip(question.id))
        if result is not None:
            await self._handle(question, result)

    async def action_back(self) -> None:
        here = self.question
        previous = self._call(lambda: self.interview.back())
        if previous is None or (here is not None and previous.id == here.id):
            self.notify("これより前の質問はありません。")
            return
        self.chat.say("ひとつ前の質問に戻ります。今の回答はそのまま残っています。", "note")
        await self.ask(previous)

    def jump(self, target: str) -> None:
        self.post_message(JumpTo(target))

    @on(JumpTo)
    async def _jump(self, event: JumpTo) -> None:
        event.stop()
        question = self._call(lambda: self.interview.goto(event.target))
        if question is not None:
            await self.ask(question)

    def action_note(self) -> None:
        from .note import open_note_dialog

        open_note_dialog(self)

    def action_explain(self) -> None:
        question = intake.focused_question(self)  # in the section form: the field being filled
        if question is not None:
            self.chat.say(explain_markdown(question), "explain")

    def action_toggle_summary(self) -> None:
        summary = self.query_one(Summary)
        self._summary_forced = not summary.display
        summary.display = self._summary_forced
        if summary.display:
            summary.refresh_from(self.interview.plan)

    def action_toggle_outline(self) -> None:
        outline = self.query_one(Outline)
        if outline.has_focus:
            self._outline_open = False
            self._apply_width(self.size.width)
            self.composer.focus_input()
        else:
            self._outline_open = True
            self._apply_width(self.size.width)
            outline.focus()

    @on(JumpTo)
    def _close_outline(self, event: JumpTo) -> None:
        self._outline_open = False
        self._apply_width(self.size.width)

    def action_review(self) -> None:
        from .review import ReviewScreen

        review = ReviewScreen(self.interview)

        def back_from_review(changed: bool | None) -> None:
            if review.jump_to is not None:  # Enter on an open note: to its question
                self.jump(review.jump_to)
                return
            self.run_worker(self._after_review(bool(changed)), exclusive=True, group="after-review")

        self.app.push_screen(review, back_from_review)

    async def _after_review(self, changed: bool) -> None:
        if not changed:
            self.composer.focus_input()
            return
        self.chat.say("見直しで回答を更新しました。続きの質問です。", "note")
        await self.ask(self._safe(lambda: self.interview.current(), None))
        self.query_one(Summary).refresh_from(self.interview.plan)

    def action_export(self) -> None:
        """Ask where to write the workbook and the reports (next to the plan file unless changed),
        then write them in a worker."""
        from pathlib import Path

        from .export import ExportScreen, export_targets

        if self.interview.path is None:
            self.notify("計画ファイルが未保存のため書き出せません。", severity="error")
            return
        base = self._export_base or Path(self.interview.path).with_suffix("")

        def chosen(where: Any) -> None:
            if where is None:
                self.composer.focus_input()
                return
            refusal = self.app.outside_root(where)
            if refusal:
                self.notify(refusal, severity="error", timeout=10)
                self.composer.focus_input()
                return
            self._export_base = where
            self.notify("書き出しています…", timeout=2)
            self._export(self.interview.plan.model_copy(deep=True), export_targets(where))

        self.app.push_screen(ExportScreen(base), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, plan: Any, targets: dict[str, Any]) -> None:
        notify = self.app.call_from_thread
        try:
            from kaizen_guide.export import export_all
        except ImportError:
            notify(
                self.notify,
                "書き出し機能がまだ使えません (このバージョンには含まれていません)。回答は保存済みです。",
                severity="warning",
            )
            return
        try:
            written = export_all(plan, **targets)
        except Exception as exc:  # noqa: BLE001 - tell the person; the plan itself is untouched
            from ..crash import write_crash_log

            log = write_crash_log(exc)
            notify(
                self.notify,
                f"書き出しに失敗しました ({type(exc).__name__})。計画ファイルは変更していません。"
                + (f"\n詳細: {log}" if log else ""),
                severity="error",
                timeout=10,
            )
            return
        names = "\n".join(str(p) for p in (written or targets.values()))
        notify(self.notify, f"書き出しました:\n{names}", title="書き出し", timeout=10)
        notify(self.app.deliver_exports, written)

    # -- status -------------------------------------------------------------------------------
    def _show_status(self) -> None:
        """The status line, the outline and the keys for the question just asked: at once, or,
        inside an answer's batch, once the reply's frame is drawn (tui/after_frame.py). They are
        read after the question (the counts, 保存済み) and took 3-5 ms of each answer's frame: the
        progress count, the outline's rows and the bindings, and then painting them (issue 18)."""
        if getattr(self.app, "batching", False):
            self.app.call_after_frame(self, self._refresh_status)
        else:
            self._refresh_status()

    def _refresh_status(self) -> None:
        self._status_width = self.app.size.width
        checked = self._stored_checks.done  # until then the stored answers' checks run in a worker
        progress = self._safe(lambda: list(self.interview.progress(checked=checked)), [])
        section = self._section_of(self.question) if self.question is not None else None
        self.query_one(Outline).update_progress(progress, section.id if section else None)
        topbar = self.query_one("#topbar", Static)
        topbar.update(status_line(self, progress))
        topbar.tooltip = f"計画ファイル: {self.interview.path}" if self.interview.path else None
        self.refresh_bindings()
