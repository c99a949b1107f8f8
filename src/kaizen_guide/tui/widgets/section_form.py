"""Advisor intake: a section's single-value questions on one screen, as a form.

Label, current value and who gave it (「経営者の回答」/「支援者の入力」) per line; Tab / shift+Tab
(or Enter on a one-line field) move between fields, ctrl+s sends the whole section. The form
holds text being typed, never answers: the screen hands :meth:`value` to the engine
(``Interview.answer_form``), which parses and checks each field as a single answer and saves the
good ones at once; what it refuses comes back here (:meth:`show_outcome`), per field.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from ..texts import short_label
from .editor import PREVIEW_TYPES, SUBMIT_KEY, Editor, keys_applied
from .field_input import FieldMoves, field_input, input_value, set_input_text
from .paste import paste_notice

LABEL_WIDTH = 18
MARK_WIDTH = 13


FORM_HINT = "Tab・Enter 次の項目・⇧Tab 前へ・ctrl+s まとめて送信 (*必須)"


def _wid(qid: str) -> str:
    return "q-" + qid.replace(".", "__")


class SectionForm(FieldMoves, Editor):
    """Every single-value question of a section; ctrl+s sends them all (see the module docstring)."""

    FIELD_CLASS = "form-input"

    DEFAULT_CSS = f"""
    SectionForm {{ height: auto; }}
    SectionForm #form-fields {{ height: auto; max-height: 16; scrollbar-size-vertical: 1; }}
    SectionForm .form-field {{ height: auto; }}
    SectionForm .form-label {{ width: {LABEL_WIDTH}; height: 1; color: $text-muted; }}
    SectionForm .form-label.-required {{ color: $text; }}
    SectionForm .form-label.-focused {{ color: $text-accent; text-style: bold; }}
    SectionForm .form-label.-error {{ color: $text-error; text-style: bold; }}
    SectionForm .form-input {{ width: 1fr; background: $boost; }}
    SectionForm .form-input:focus {{ background: $primary 20%; }}
    SectionForm TextArea.form-input {{ height: 3; }}
    SectionForm SelectionList.form-input {{ height: auto; max-height: 5; }}
    SectionForm .form-mark {{ width: {MARK_WIDTH}; height: 1; padding-left: 1; color: $text-muted; }}
    SectionForm .form-mark.-owner {{ color: $text-success; }}
    SectionForm .form-msg {{ height: auto; padding-left: {LABEL_WIDTH}; display: none; }}
    SectionForm .form-msg.-error {{ color: $text-error; display: block; }}
    SectionForm .form-msg.-warning {{ color: $text-warning; display: block; }}
    SectionForm #form-preview {{ height: 1; color: $text-muted; padding: 0 1; }}
    SectionForm #form-preview.-error {{ color: $text-error; }}
    SectionForm #form-hint {{ height: 1; color: $text-muted; padding: 0 1; }}
    SectionForm #form-hint.-notice {{ color: $text-warning; }}
    """

    BINDINGS = [
        Binding(SUBMIT_KEY, "send", "まとめて送信", priority=True),
        # Moves are priority bindings, run before the next key is read (type-ahead, composer.py).
        Binding("tab", "next_field(1)", "次の項目", show=False, priority=True),
        Binding("shift+tab", "next_field(-1)", "前の項目", show=False, priority=True),
        Binding("enter", "enter", "次の項目", show=False, priority=True),
    ]

    def __init__(
        self,
        question: Any,
        *,
        fields: list[Any],
        values: dict[str, Any],
        marks: dict[str, str],
        labels: dict[str, str],
        **helpers: Any,
    ) -> None:
        super().__init__(question, **helpers)
        self.fields = list(fields)
        self.values_in = dict(values)
        self.marks = dict(marks)
        self.labels = dict(labels)

    # -- layout -------------------------------------------------------------------------------
    def _options(self, q: Any) -> list[tuple[Any, str]]:
        if self.options_fn is not None:
            try:
                options = list(self.options_fn(q.id, ""))
                if options:
                    return options
            except Exception:  # noqa: BLE001
                pass
        return [(c.value, c.label) for c in q.choices]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form-fields"):
            for q in self.fields:
                wid = _wid(q.id)
                with Horizontal(classes="form-field", id=f"row-{wid}"):
                    unit = q.unit if q.type == "amount" else None
                    label = short_label(self.labels.get(q.id, q.prompt), LABEL_WIDTH - 3, unit) + (
                        " *" if q.required else ""
                    )
                    yield Label(label, classes="form-label" + (" -required" if q.required else ""), id=f"l-{wid}")
                    yield field_input(q, self.values_in.get(q.id), self._options(q), wid=wid, classes="form-input")
                    mark = self.marks.get(q.id, "")
                    yield Label(
                        mark, classes="form-mark" + (" -owner" if mark == "経営者の回答" else ""), id=f"m-{wid}"
                    )
                yield Static("", classes="form-msg", id=f"e-{wid}", markup=False)
        yield Static("", id="form-preview", markup=False)
        yield Static(FORM_HINT, id="form-hint")

    def on_mount(self) -> None:
        height = self.screen.size.height if self.is_attached else 24
        self.query_one("#form-fields").styles.max_height = max(4, int((height - 2) * 0.85) - 6)

    # -- focus --------------------------------------------------------------------------------
    def field_widget(self, qid: str) -> Any:
        return self.query_one(f"#{_wid(qid)}")

    def focus_input(self) -> None:
        wanted = self.question.id if any(q.id == self.question.id for q in self.fields) else self.fields[0].id
        self.focus_field(wanted)

    def focus_field(self, qid: str) -> None:
        widget = self.field_widget(qid)
        if isinstance(widget, Input):
            widget.cursor_position = len(widget.value)
        self._set_focus(widget)

    def _qid_of(self, widget: Any) -> str | None:
        field = self._field_widget(widget)
        wid = getattr(field, "id", "") or ""
        for q in self.fields:
            if _wid(q.id) == wid:
                return q.id
        return None

    def on_descendant_focus(self, event: Any) -> None:
        qid = self._qid_of(event.widget)
        if qid is None:
            return
        hint = self.query_one("#form-hint", Static)
        if hint.has_class("-notice"):  # a paste's notice stays until the focus moves
            hint.remove_class("-notice")
            hint.update(FORM_HINT)
        for label in self.query(".form-label.-focused"):
            label.remove_class("-focused")
        self.query_one(f"#l-{_wid(qid)}").add_class("-focused")
        self._show_prompt(qid)
        self._preview(qid)

    def _show_prompt(self, qid: str) -> None:
        """The focused field's question in full, on the composer's prompt line."""
        q = next(q for q in self.fields if q.id == qid)
        try:
            prompt = self.parent.query_one("#composer-prompt", Static)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - not in a composer (a test mounts the form alone)
            return
        prompt.update(q.prompt.strip() + ("" if q.required else " (任意)"))

    def on_input_changed(self, event: Input.Changed) -> None:
        qid = self._qid_of(event.input)
        if qid is not None and event.input.has_focus:
            self._preview(qid)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the priority binding above

    def _preview(self, qid: str) -> None:
        """How the focused field's text will be read (「1,000万円 → 10,000千円」)."""
        q = next(q for q in self.fields if q.id == qid)
        preview = self.query_one("#form-preview", Static)
        widget = self.field_widget(qid)
        text = widget.value if isinstance(widget, Input) else ""
        if q.type not in PREVIEW_TYPES or not text.strip() or self.preview_fn is None:
            preview.set_class(False, "-error")
            preview.update("")  # the question itself is on the composer's prompt line
            return
        shown = self.preview_fn(qid, text)
        preview.set_class("→" not in shown, "-error")
        preview.update(f"{self.labels.get(qid, '')}: {shown}")

    def take_block(self, origin: Any, rows: list[list[str]]) -> None:
        """A pasted column fills the focused field and the ones below it, one line each (an empty
        line leaves its field; the cells of a line with tabs are joined by a space). The text
        is checked on sending, as typed text is; a choice the list lacks is shown at its field."""
        inputs = self._inputs()
        current = self._field_widget(origin)
        if current not in inputs:
            return
        start = inputs.index(current)
        filled = 0
        for offset, cells in enumerate(rows[: len(inputs) - start]):
            text = " ".join(c.strip() for c in cells if c.strip())
            if not text:
                continue
            widget = inputs[start + offset]
            error = set_input_text(widget, text)
            qid = self._qid_of(widget)
            if qid is not None:
                message = self.query_one(f"#e-{_wid(qid)}", Static)
                message.set_class(bool(error), "-error")
                message.update(error or "")
            filled += 0 if error else 1
        cut = sum(1 for cells in rows[len(inputs) - start :] if any(c.strip() for c in cells))
        hint = self.query_one("#form-hint", Static)
        hint.add_class("-notice")
        hint.update(paste_notice(filled, "項目", cut, "最後の項目より後"))
        if qid_now := self._qid_of(current):
            self._preview(qid_now)

    # -- values and sending -------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """Every field's text (or chosen values), by question id, in the form's order."""
        return {q.id: input_value(self.field_widget(q.id)) for q in self.fields}

    def unsent(self) -> Any:
        return None  # the form's fields are kept one by one (unsent_fields)

    def unsent_fields(self) -> dict[str, Any]:
        """Fields whose text differs from what the form opened with."""

        def shown(v: Any) -> Any:
            return v if isinstance(v, list) else ("" if v is None else str(v))

        return {qid: v for qid, v in self.value().items() if shown(v) != shown(self.values_in.get(qid))}

    async def send(self) -> None:
        await keys_applied(self.app.focused)
        take = getattr(self.screen, "take_form", None)
        if take is not None and self.is_attached:
            await take(self.value())

    async def enter_on_last(self) -> None:
        await self.send()

    def show_outcome(self, errors: dict[str, str], notes: dict[str, str], marks: dict[str, str]) -> None:
        """After a send: each refused field's message (red), each weak answer's follow-up, the marks
        of what was saved; the focus goes to the first field that needs a look."""
        self.marks.update(marks)
        for q in self.fields:
            wid = _wid(q.id)
            message = self.query_one(f"#e-{wid}", Static)
            error, note = errors.get(q.id), notes.get(q.id)
            message.set_class(bool(error), "-error")
            message.set_class(bool(note) and not error, "-warning")
            message.update(error or note or "")
            self.query_one(f"#l-{wid}").set_class(bool(error), "-error")
            mark = self.marks.get(q.id, "")
            mark_label = self.query_one(f"#m-{wid}", Label)
            mark_label.update(mark)
            mark_label.set_class(mark == "経営者の回答", "-owner")
        first = next((q.id for q in self.fields if q.id in errors or q.id in notes), None)
        if first is not None:
            self.values_in.update({qid: v for qid, v in self.value().items() if qid not in errors})
            self.focus_field(first)
