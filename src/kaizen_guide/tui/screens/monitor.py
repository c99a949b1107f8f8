"""The monthly review screen (伴走支援): chat and composer, with plan vs actual beside them.

Everything typed goes to :class:`kaizen_guide.monitoring.review.Review`; this screen renders what
comes back (the next question, an error, a replacement to confirm, findings and a follow-up), the
plain-Japanese reading of the month before it asks why, and the table and trend in the panel.
The review saves each accepted answer before the next question is shown.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ..messages import AnswerSubmitted
from ..texts import finding_markdown, question_markdown
from ..widgets.chat_log import ChatLog
from ..widgets.composer import PREVIEW_TYPES, Composer
from ..widgets.footer import SteadyFooter
from ..widgets.monitor_panel import MonitorPanel
from .chat_base import ChatScreen

if TYPE_CHECKING:
    from kaizen_guide.checks.findings import Finding
    from kaizen_guide.monitoring.progress import BoardRow

WIDE = 110
"""At this width and above the table sits beside the chat; below it, above the chat."""

DEEP_STEPS = ("segment", "miss", "next_action")


def _is_interview(screen: object) -> bool:
    """Whether ``screen`` is a plan's interview, without importing that screen's module (a review
    opened on its own never loads it): if the module is not loaded, no such screen exists."""
    module = sys.modules.get(f"{__package__}.interview")
    return module is not None and isinstance(screen, module.InterviewScreen)


class _Choice:
    def __init__(self, value: Any, label: str) -> None:
        self.value, self.label = value, label


class ConfirmQuestion:
    """A yes/no the screen asks itself (replace recorded actuals?)."""

    type = "yes_no"
    required = True
    is_list = False
    help = ""
    example = ""
    choices = [_Choice(True, "はい"), _Choice(False, "いいえ")]

    def __init__(self, prompt: str, qid: str, raw: Any) -> None:
        self.id = "confirm"
        self.prompt = prompt
        self.target_qid = qid
        self.raw = raw


class MonitorScreen(ChatScreen):
    """One month's review, one question at a time."""

    CSS_PATH = "monitor.tcss"
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("ctrl+o", "keep", "そのまま進む", priority=True, tooltip="指摘された回答をこのまま記録して次へ"),
        Binding("f1", "explain", "説明", priority=True),
        Binding("f2", "toggle_panel", "表", priority=True),
        Binding("f3", "board", "進捗表", priority=True),
        Binding(
            "f4",
            "report",
            "報告書",
            priority=True,
            tooltip="この月のモニタリング報告 (Excel・HTML) を金融機関向けに書き出す",
        ),
        Binding("ctrl+g", "back_to_plan", "計画へ", priority=True, tooltip="この計画のインタビューに戻る"),
        Binding(
            "ctrl+l",
            "import_actuals",
            "実績取込",
            priority=True,
            tooltip="試算表・推移表のファイル (CSV・Excel、会計ソフトの書き出し) から今月の実績を取り込む",
        ),
    ]

    def __init__(self, review: Any) -> None:
        super().__init__()
        self.review = review
        self.question: Any = None
        self.pending: str | None = None
        self._step: str | None = None
        self._explained = False
        self._panel_forced: bool | None = None

    # -- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="topbar", markup=False)
        with Horizontal(id="body"):
            yield MonitorPanel(id="panel")
            with Vertical(id="main"):
                yield ChatLog(id="chat")
                yield Composer(id="composer")
        yield SteadyFooter(compact=True)

    def on_unmount(self) -> None:
        self.review.close()  # answers are saved as they are accepted; give up the plan's lock

    async def on_mount(self) -> None:
        self._apply_width(self.app.size.width)
        self._greet()
        self._refresh_panel()
        await self.ask(self._safe(self.review.current, None))
        shown = getattr(self.app, "first_screen_shown", None)
        if shown is not None:
            self.call_after_refresh(shown)  # background work after the first frame (issue 18)

    def on_resize(self, event) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < WIDE
        self.set_class(narrow, "-narrow")
        panel = self.query_one(MonitorPanel)
        if self._panel_forced is not None:
            panel.display = self._panel_forced
        if panel.wide == narrow and self._cmp() is not None:
            self._refresh_panel()

    # -- conversation -------------------------------------------------------------------------
    def _greet(self) -> None:
        rv = self.review
        name = rv.plan.company.name or "この会社"
        text = f"**{name}** の月次モニタリング (伴走支援) を始めます。対象は **{rv.label}** です。"
        if rv.period is not None:
            text += (
                f"  \n伴走支援計画の頻度に合わせて、期間 ({rv.period.span_text}) の合計で振り返ります。"
                "累計と着地見込は期首からの数字です。"
            )
        prev = rv.previous_record()
        if prev is not None and prev.next_actions:
            text += (
                f"  \nはじめに、前回 ({prev.month}) 決めた次月アクション{len(prev.next_actions)}件の結果を伺います。"
            )
        if rv.not_closed:
            text += "  \nこの月はまだ締まっていません。試算・デモ・見込みの振り返りとして記録します。"
        text += "  \n答えるたびに自動で保存されます。F2 で表の表示切替、F3 でアクションプランの進捗表を表示します。"
        self.chat.say(text, "note")

    async def ask(self, question: Any) -> None:
        self.question = question
        self.pending = None
        if question is None:
            await self._finished()
            self._refresh_status()
            return
        step = getattr(question, "step", None)
        if step is not None and step.id != self._step:
            self._step = step.id
            if step.each in DEEP_STEPS and not self._explained:
                self._explain_month()
            if step.each == "plan_action":
                self.action_board()  # the board first, then one action at a time
            self.say_section(
                step.title, " ".join(step.intro.format_map(question.context).split()) if step.intro else ""
            )
        self.chat.say(question_markdown(question, advisor=self.advisor))
        await self.composer.show(
            question, prefill=self._prefill(question), preview=self._preview, options=self._options
        )
        self._refresh_status()

    def _explain_month(self) -> None:
        """Facts first: the month in plain Japanese before any question asks why."""
        self._explained = True
        lines: list[str] = self._safe(self.review.explanation, [])
        if lines:
            self.chat.say("**今月の数字**  \n" + "  \n".join(lines), "note", top=True)

    async def _finished(self) -> None:
        await self.composer.clear()
        rv = self.review
        if not self._safe(rv.is_complete, False):
            self.chat.say("ここまでの質問は終わりです。", "note")
            return
        if not self._explained:
            self._explain_month()
        findings: list[Finding] = self._safe(rv.findings, [])
        text = f"{rv.short_label}の振り返りを記録しました。お疲れさまでした。"
        rec = rv.find_record(rv.month)
        if rec is not None and rec.next_actions:
            text += "  \n**次月アクション** (来月の振り返りで最初に確認します)"
            for n in rec.next_actions:
                text += f"  \n- {n.text} (担当: {n.owner}、期限: {n.due}、目標: {n.target})"
        self.chat.say(text, "note")
        for f in findings:
            self.chat.say(finding_markdown(f), f"finding-{f.severity}")

    def _prefill(self, question: Any) -> Any:
        if isinstance(question, ConfirmQuestion):
            return None
        v = self._safe(lambda: self.review.display_value(question), "")
        return v or None

    def _preview(self, qid: str, raw: str) -> str:
        if qid == "confirm":
            return ""
        return self._safe(lambda: self.review.preview(qid, raw), "")

    def _options(self, qid: str, field_id: str) -> list[tuple[Any, str]]:
        if qid == "confirm":
            return [(True, "はい"), (False, "いいえ")]
        q = self.question
        if q is None or q.id != qid:
            return []
        return list(q.choices)

    # -- answers ------------------------------------------------------------------------------
    @on(AnswerSubmitted)
    async def _answer(self, event: AnswerSubmitted) -> None:
        event.stop()
        question = self.question
        if question is None or event.qid != question.id:
            return
        raw = event.raw
        if isinstance(question, ConfirmQuestion):
            yes = str(raw).strip() in ("はい", "True", "true", "y", "yes")
            self.chat.said_by_user("はい" if yes else "いいえ")
            if question.target_qid == "import":
                values, source = getattr(self, "_pending_import", ({}, ""))
                if yes:
                    result = self._call(lambda: self.review.set_actuals(values, source=source, confirm=True))
                    if result is not None:
                        await self._handle(None, result)
                        return
                else:
                    self.chat.say("置き換えずに、記録済みの値のままにしました。", "note")
                await self.ask(self._safe(self.review.current, None))
                return
            target = self.review.question(question.target_qid)
            if not yes:
                self.chat.say("置き換えずに、記録済みの値のままにしました。", "note")
                await self.ask(self._safe(self.review.current, None))
                return
            result = self._call(lambda: self.review.answer(question.target_qid, question.raw, confirm=True))
            if result is not None:
                await self._handle(target, result)
            return
        shown = str(raw) if raw is not None else ""
        if isinstance(raw, str) and question.type in PREVIEW_TYPES and raw.strip():
            read_as = self._preview(question.id, raw)
            if read_as and read_as != raw.strip():
                shown = f"{raw.strip()} → {read_as}"
        self.chat.said_by_user(shown or "(空欄)")
        result = self._call(lambda: self.review.answer(question.id, raw))
        if result is not None:
            await self._handle(question, result)

    async def _handle(self, question: Any, result: Any) -> None:
        if result.confirm:
            q = ConfirmQuestion(result.confirm, question.id, self._last_raw(question))
            self.chat.say(f"**{result.confirm}**", "finding-warning")
            self.question = q
            await self.composer.show(q, options=self._options)
            return
        if self.show_error(result):
            return
        if question is None or getattr(getattr(question, "step", None), "each", "") in ("actual_line", "segment"):
            self._refresh_panel()  # only figures move the table
        if self.show_follow_up(question, result):
            return
        self.show_accepted(result)
        await self.ask(result.next)

    def _last_raw(self, question: Any) -> Any:
        editor = self.composer.editor
        return editor.value() if editor is not None else None

    # -- actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return self.pending is not None
        if action == "back_to_plan":
            return self._plan_below() or self.review.path is not None
        return True

    def _plan_below(self) -> bool:
        """Whether this review was opened from its plan's interview (F6), which is right below it.
        Counting screens was wrong: the start screen and the list of plans sit below a review too."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        return _is_interview(below) and getattr(getattr(below, "interview", None), "path", None) == self.review.path

    def action_back_to_plan(self) -> None:
        """Back to the plan's interview: the one below if F6 opened this review, else the plan opens
        in place of the review (from the start screen, the list of plans or `kaizen-guide monitor`)."""
        if self._plan_below():
            self.app.pop_screen()
            return
        path = self.review.path
        if path is None:
            return
        self.review.close()  # the plan's lock, before the interview takes it (else it opens read-only)
        app: Any = self.app  # (KaizenApp, not imported here)
        app.open_plan(path, replace=self)

    async def action_keep(self) -> None:
        if self.pending is None:
            return
        qid = self.pending
        self.chat.said_by_user("(このまま進む)")
        result = self._call(lambda: self.review.keep_as_is(qid))
        if result is not None:
            await self._handle(self.question, result)

    def action_explain(self) -> None:
        q = self.question
        if q is not None and not isinstance(q, ConfirmQuestion):
            text = f"**{q.prompt}**"
            if q.help:
                text += "  \nなぜ聞くのか：" + q.help
            if q.example:
                text += f"\n\n> 例：{q.example}"
            self.chat.say(text, "note")

    def action_import_actuals(self) -> None:
        """Read this month's actuals from a file (the imports picker); a recorded month asks first."""
        from .import_actuals import ImportActualsScreen

        rv = self.review

        def done(outcome) -> None:
            if outcome is not None:
                self.run_worker(self._record_import(outcome), exclusive=True, group="import")

        start = rv.path.parent if rv.path is not None else None
        self.app.push_screen(ImportActualsScreen(rv.plan, rv.month, start_dir=start), done)

    async def _record_import(self, outcome) -> None:
        rv = self.review
        values = outcome.result.months.get(rv.month)
        if not values:
            self.chat.say(f"{outcome.path.name} に{rv.pos.short_label}の数字がありません。", "finding-error")
            return
        for m in rv.months[:-1]:  # a period: its earlier months too (replacing still asks, per month)
            earlier = outcome.result.months.get(m)
            if earlier:
                done = self._call(partial(rv.set_actuals, earlier, source=outcome.path.name, month=m))
                if done is not None and done.confirm:
                    self.chat.say(
                        f"{done.confirm}\n(この月は置き換えずに進みます。置き換えるときは画面なしの --replace を使ってください)",
                        "finding-warning",
                    )
        if outcome.mapping:  # the accounts answered in the picker are remembered with the next save
            rv.plan.actuals_import.account_mapping.update(outcome.mapping)
        self.chat.said_by_user(f"(ファイルから取り込み: {outcome.path.name})")
        result = self._call(lambda: rv.set_actuals(values, source=outcome.path.name))
        if result is None:
            return
        if result.confirm:
            self._pending_import = (values, outcome.path.name)
            q = ConfirmQuestion(result.confirm, "import", None)
            self.chat.say(f"**{result.confirm}**", "finding-warning")
            self.question = q
            await self.composer.show(q, options=self._options)
            return
        await self._handle(None, result)

    def action_report(self) -> None:
        from .monitor_report import open_report_dialog

        open_report_dialog(self)

    def action_toggle_panel(self) -> None:
        panel = self.query_one(MonitorPanel)
        self._panel_forced = not panel.display
        panel.display = self._panel_forced

    def action_board(self) -> None:
        rows: list[BoardRow] = self._safe(self.review.board, [])
        if not rows:
            self.chat.say("アクションプランがありません。", "note")
            return
        # a list, not a table: the chat column is narrow and Japanese titles need the width
        lines = ["**アクションプランの進捗** (今月の確認・期限・記録から。効果額は期首からの累計、千円)", ""]
        for b in rows:
            parts = [f"- **{b.action_id} {b.status_label}** {b.title} ({b.owner}、{b.start}〜{b.due})"]
            if b.kpi:
                parts.append(
                    f"KPI {b.kpi}: 目標 {b.kpi_target} / 実績 {b.kpi_actual if b.kpi_actual is not None else '—'}"
                )
            if b.effect_plan is not None:
                actual = f"{b.effect_actual:,}" if b.effect_actual is not None else "—"
                parts.append(f"効果額: 計画 {b.effect_plan:,} / 実績 {actual}")
            lines.append("  \n  ".join(parts))
        lines.append("")
        lines.append(
            "効果額の実績: その損益項目の実績が「施策なしの水準」(計画 − 施策の効果) をどれだけ上回ったか"
            " (売上原価は原価率で比べます)。0 から計画効果額までを、同じ項目の施策で按分します。"
        )
        self.chat.say("\n".join(lines), "note", top=True)

    # -- panel and status -----------------------------------------------------------------------
    def _cmp(self):
        return self._safe(self.review.comparison, None)

    def _refresh_panel(self) -> None:
        cmp = self._cmp()
        if cmp is None:
            return
        rv = self.review
        series: dict[str, list[int]] = {}
        by_month = {r.month: r.actuals for r in rv.plan.monitoring}
        for row in cmp.rows:
            series[row.key] = [by_month[m][row.key] for m in rv.pos.to_date if row.key in by_month.get(m, {})]
        self.query_one(MonitorPanel).show(cmp, series, wide=self.app.size.width >= WIDE)

    def _refresh_status(self) -> None:
        rv = self.review
        done, total = self._safe(rv.progress, (0, 0))
        step = self.question.step.title if getattr(self.question, "step", None) is not None else "完了"
        saved = ""
        err = rv.saver.save_error
        if err:
            saved = f" | {err}"
        elif getattr(self.app, "show_save_time", True) and rv.saver.last_saved_at is not None:
            saved = f" | 保存済み {rv.saver.last_saved_at:%H:%M:%S}"
        elif not getattr(self.app, "show_save_time", True):
            saved = " | 自動保存"
        self.query_one("#topbar", Static).update(
            f"月次モニタリング {rv.short_label} | {step} | {done}/{total}問{saved}"
        )
