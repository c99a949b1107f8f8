"""Advisor intake on the interview screen: the section form, and who gave each answer.

In advisor mode a single-value question whose section has others opens the section's form
(:class:`~kaizen_guide.tui.widgets.section_form.SectionForm`) instead of its own editor; the
section's questions come from the bank (``Interview.form_questions``). Sending the form goes
through the engine (``Interview.answer_form``); this module only renders what comes back.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from kaizen_guide.engine.records import giver_mark

__all__ = ["answer_mark", "field_label", "form_for", "form_intro", "giver_mark", "take_form"]
from kaizen_guide.engine.section_form import field_label, has_form

from ..texts import finding_line

if TYPE_CHECKING:  # the form (and its inputs: text areas, selects) loads when advisor mode shows one
    from ..widgets.section_form import SectionForm

_FORM_MODULE = __name__.rsplit(".", 2)[0] + ".widgets.section_form"


def _is_form(editor: Any) -> bool:
    """Whether ``editor`` is a section form, without importing it (not loaded: no form shown yet)."""
    module = sys.modules.get(_FORM_MODULE)
    return module is not None and isinstance(editor, module.SectionForm)


def answer_mark(interview: Any, qid: str) -> str:
    """「経営者の回答」 / 「支援者の入力」 for a stored answer ("" when there is none)."""
    rec = interview.record(qid)
    if rec is None or rec.value is None or rec.status == "hidden":
        return ""
    return giver_mark(rec.given_by)


def form_for(screen: Any, question: Any) -> SectionForm | None:
    """The section form for ``question`` in advisor mode (None: ask it on its own)."""
    interview = screen.interview
    if not screen.advisor or not screen._safe(lambda: has_form(interview, question), False):
        return None
    section = interview.bank.section_of(question.id)
    industry = screen._industry()
    fields = [
        q.for_industry(industry).for_depth(interview.depth) if hasattr(q, "for_industry") else q
        for q in interview.form_questions(section.id)
    ]
    values: dict[str, Any] = {}
    drafts = 0
    for q in fields:
        draft = screen._safe(lambda q=q: interview.draft(q.id), None)
        drafts += draft is not None
        values[q.id] = draft if draft is not None else screen._safe(lambda q=q: interview.edit_value(q.id), None)
    if drafts:
        screen.chat.say(
            f"前回、送信せずに終了した入力 ({drafts}項目) を下書きから戻しました。確かめて送信してください。", "note"
        )
    marks = {q.id: answer_mark(interview, q.id) for q in fields}
    labels = {q.id: field_label(q) for q in fields}
    from ..widgets.section_form import SectionForm

    return SectionForm(question, fields=fields, values=values, marks=marks, labels=labels, **screen._helpers())


def form_intro(section: Any, n: int) -> str:
    return f"**{section.title}** ({n}項目) をまとめて入力します。Tab で移動、ctrl+s でまとめて送信。F1で説明と記入例"


def focused_question(screen: Any) -> Any:
    """The question of the form field with the focus (else the question asked)."""
    editor = screen.composer.editor
    if _is_form(editor):
        qid = editor._qid_of(screen.app.focused)
        for q in editor.fields:
            if q.id == qid:
                return q
    return screen.question


async def take_form(screen: Any, values: dict[str, Any]) -> None:
    """Send the form's values through the engine; refused or weak fields stay in the form with
    their message, everything else is saved (by the engine, in one atomic write)."""
    interview = screen.interview
    editor = screen.composer.editor
    result = screen._call(lambda: interview.answer_form(values))
    if result is None:
        return
    if result.save_error:
        screen.chat.say(result.save_error, "finding-error")
        screen.composer.focus_input()
        return
    labels = {q.id: field_label(q) for q in interview.bank.questions if q.id in values}
    errors = result.errors
    follow_ups = result.follow_ups
    saved = [qid for qid in result.saved if qid not in follow_ups]
    parts = [f"✓ {len(saved)}項目を保存"] if saved else []
    if result.unchanged:
        parts.append(f"変更なし {len(result.unchanged)}")
    if result.skipped:
        parts.append(f"空欄 (任意) {len(result.skipped)}")
    if result.missing:
        parts.append(f"未入力 {len(result.missing)}")
    if errors:
        parts.append("要修正: " + "、".join(labels.get(q, q) for q in errors))
    if follow_ups:
        parts.append("要確認: " + "、".join(labels.get(q, q) for q in follow_ups))
    screen.chat.say(" ・ ".join(parts) or "変更はありません", "note", "status")
    if (errors or follow_ups) and _is_form(editor) and editor.is_attached:
        notes = {
            qid: " ".join(finding_line(f) for f in r.findings if f.severity in ("error", "warning"))
            + f" {r.follow_up} (直すか、そのまま ctrl+s で記録)"
            for qid, r in follow_ups.items()
        }
        marks = {qid: answer_mark(interview, qid) for qid in values}
        editor.show_outcome({qid: _plain(e) for qid, e in errors.items()}, notes, marks)
        screen._refresh_status()
        return
    await screen.ask(result.next)
    screen.after_answers()


def _plain(markdown: str) -> str:
    return markdown.replace("**", "")
