"""The composer: the input area under the chat, shaped by the question type.

Each editor sends the raw input (``str`` for scalars, ``list[dict]`` for groups, ``dict`` for year
grids) up as :class:`AnswerSubmitted`; the interview engine parses and checks it. Editors hold
text being typed, never answers: what they show when a question opens comes from the engine.

Keys are chosen to leave an IME alone: Enter commits IME text, so multi-line editors submit
with ctrl+s and single-line ones with Enter (a committed IME Enter never reaches the app).

Type-ahead: Textual hands each key to the widget focused *when the app reads it*, and the app reads
keys in order. So every key that sends an answer or moves the focus is a priority binding, whose
action the app awaits before it reads the next key: the action first waits until the focused input
has applied the keys already given to it (:func:`keys_applied`, so a paste just before ctrl+s is
part of the answer), then hands the answer to the screen and waits until the next editor has the
focus. Keys typed meanwhile wait in the app's queue and reach the next editor, in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # imported where used: a first question asked on one line loads neither (issue 18)
    from textual.widgets import SelectionList, TextArea

# Editor, PREVIEW_TYPES, PreviewFn and keys_applied are re-exported: screens import them from here.
from .editor import PREVIEW_TYPES, SUBMIT_KEY, Editor, PreviewFn, focus_now, keys_applied

LINE_TYPES = frozenset({"text", "amount", "integer", "percent", "decimal", "date", "month", "fiscal_month"})


def _placeholder(question: Any) -> str:
    example = (getattr(question, "example", "") or "").strip().splitlines()
    first = example[0] if example else ""
    if len(first) > 40:
        first = first[:39] + "…"
    return f"例：{first}" if first else ""


# ---------------------------------------------------------------------------------------------
# single line (text and the parsed types) with a live preview


class LineEditor(Editor):
    """One-line input; Enter submits. Numbers, dates and months show what they will be read as."""

    DEFAULT_CSS = """
    LineEditor { height: auto; }
    LineEditor Input { width: 1fr; margin: 0; background: $boost; }
    LineEditor Input:focus { background: $primary 15%; }
    LineEditor #preview { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    LineEditor #preview.-error { color: $text-error; }
    """

    BINDINGS = [Binding("enter", "send", "送信", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        q = self.question
        yield Input(
            value="" if self.prefill is None else str(self.prefill),
            placeholder=_placeholder(q),
            id="line",
            compact=True,
        )
        # Always there (hidden while empty), so the next question can reuse this editor.
        yield Static("", id="preview", markup=False)

    def on_mount(self) -> None:
        self._update_preview(self.query_one(Input).value)

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Ask ``question`` in this editor: the one-line input stays mounted and focused (a new
        editor per question cost a mount, its styling and a second layout, issue 18). Keys typed
        ahead wait in the app's queue and reach this same input, as they would the new one."""
        self.adopt(question, prefill, helpers)
        line = self.query_one(Input)
        with line.prevent(Input.Changed):
            line.value = "" if prefill is None else str(prefill)
        line.placeholder = _placeholder(question)
        line.cursor_position = len(line.value)
        self._update_preview(line.value)
        return True

    def focus_input(self) -> None:
        focus_now(self.query_one(Input))

    def value(self) -> str:
        return self.query_one(Input).value

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is taken by the priority binding; this is a fallback
        self.submit()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._update_preview(event.value)

    def _update_preview(self, text: str) -> None:
        preview = self.query_one("#preview", Static)
        if self.question.type not in PREVIEW_TYPES or self.preview_fn is None:
            preview.display = False
            return
        shown = self.preview_fn(self.question.id, text) if text.strip() else ""
        preview.set_class("→" not in shown, "-error")
        preview.update(shown)
        preview.display = bool(shown)


# ---------------------------------------------------------------------------------------------
# multi-line text


class LongTextEditor(Editor):
    """Multi-line text; Enter is a new line (and the IME's commit key), ctrl+s sends."""

    DEFAULT_CSS = """
    LongTextEditor { height: auto; }
    LongTextEditor TextArea { height: 5; }
    LongTextEditor #hint { height: 1; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [Binding(SUBMIT_KEY, "send", "送信", priority=True)]

    def compose(self) -> ComposeResult:
        from textual.widgets import TextArea

        area = TextArea(
            "" if self.prefill is None else str(self.prefill),
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=_placeholder(self.question),
            id="long",
            compact=True,
        )
        yield area
        yield Static("Enter で改行、ctrl+s で送信", id="hint")

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Ask ``question`` in this text area (no mount and styling of a new one, issue 18)."""
        self.adopt(question, prefill, helpers)
        area = self._area()
        area.load_text("" if prefill is None else str(prefill))  # also forgets the last answer's undo
        area.placeholder = _placeholder(question)
        return True

    def _area(self) -> TextArea:
        from textual.widgets import TextArea

        return self.query_one(TextArea)

    def focus_input(self) -> None:
        area = self._area()
        area.move_cursor(area.document.end)
        focus_now(area)

    def value(self) -> str:
        return self._area().text


# ---------------------------------------------------------------------------------------------
# choices


class ChoiceEditor(Editor):
    """Pick one option (↑↓ and Enter, or the option's number)."""

    DEFAULT_CSS = """
    ChoiceEditor { height: auto; }
    ChoiceEditor OptionList { height: auto; max-height: 10; }
    """

    BINDINGS = [
        Binding("enter", "send", "選ぶ", show=False, priority=True),
        *[Binding(str(n), f"pick({n - 1})", show=False, priority=True) for n in range(1, 10)],
    ]

    def _choices(self) -> list[tuple[str, str]]:
        """(label shown, raw sent) per option."""
        if not hasattr(self, "_choice_cache"):
            options: list[tuple[Any, str]] = []
            if self.options_fn is not None:
                try:
                    options = list(self.options_fn(self.question.id, ""))
                except Exception:  # noqa: BLE001
                    options = []
            if not options:
                options = [(c.value, c.label) for c in self.question.choices]
            self._choice_cache = [(str(label), str(label)) for _value, label in options]
        return self._choice_cache

    def _options(self) -> list[Option]:
        return [
            Option(f"{n}. {label}" if n < 10 else label, id=str(i))
            for i, (n, (label, _raw)) in enumerate(enumerate(self._choices(), start=1))
        ]

    def compose(self) -> ComposeResult:
        yield OptionList(*self._options(), id="choices")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = self._initial_index()

    def reuse(self, question: Any, prefill: Any, **helpers: Any) -> bool:
        """Ask ``question`` in this option list (no mount and styling of a new one, issue 18)."""
        self.adopt(question, prefill, helpers)
        self.__dict__.pop("_choice_cache", None)  # the options are the new question's
        self.query_one(OptionList).set_options(self._options())
        self.on_mount()
        return True

    def _initial_index(self) -> int:
        if self.prefill is not None:
            for i, (label, raw) in enumerate(self._choices()):
                if str(self.prefill) in (label, raw):
                    return i
        return 0

    def focus_input(self) -> None:
        focus_now(self.query_one(OptionList))

    def value(self) -> str:
        ol = self.query_one(OptionList)
        index = ol.highlighted or 0
        return self._choices()[index][1]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()

    async def action_pick(self, index: int) -> None:
        """The option's number picks it and sends (a priority binding, like Enter)."""
        if index >= len(self._choices()):
            return
        ol = self.query_one(OptionList)
        await keys_applied(ol)
        ol.highlighted = index
        await self.send()


class YesNoEditor(ChoiceEditor):
    """はい / いいえ (also the y and n keys)."""

    BINDINGS = [
        Binding("y", "pick(0)", show=False, priority=True),
        Binding("n", "pick(1)", show=False, priority=True),
    ]

    def _choices(self) -> list[tuple[str, str]]:
        return [("はい", "はい"), ("いいえ", "いいえ")]


class MultiChoiceEditor(Editor):
    """Pick any number of options (space toggles, ctrl+s sends)."""

    DEFAULT_CSS = """
    MultiChoiceEditor { height: auto; }
    MultiChoiceEditor SelectionList { height: auto; max-height: 10; }
    MultiChoiceEditor #hint { height: 1; padding: 0 2; color: $text-muted; }
    """

    BINDINGS = [Binding(SUBMIT_KEY, "send", "送信", priority=True)]

    def _is_chosen(self, value: Any, label: str) -> bool:
        """Whether the stored answer (「、」-joined labels, or a list) includes this option."""
        pre = self.prefill
        if not pre:
            return False
        if isinstance(pre, (list, tuple)):
            return str(value) in map(str, pre) or label in map(str, pre)
        parts = {p.strip() for p in str(pre).split("、")}
        return str(value) in parts or label in parts or label in str(pre)

    def compose(self) -> ComposeResult:
        options: list[tuple[Any, str]] = []
        if self.options_fn is not None:
            try:
                options = list(self.options_fn(self.question.id, ""))
            except Exception:  # noqa: BLE001
                options = []
        if not options:
            options = [(c.value, c.label) for c in self.question.choices]
        from textual.widgets import SelectionList

        yield SelectionList[str](
            *[(str(label), str(value), self._is_chosen(value, str(label))) for value, label in options],
            id="multi",
        )
        yield Static("スペースで選ぶ・外す、ctrl+s で送信", id="hint")

    def _list(self) -> SelectionList[str]:
        from textual.widgets import SelectionList

        return self.query_one(SelectionList)

    def focus_input(self) -> None:
        focus_now(self._list())

    def value(self) -> list[str]:
        """The chosen options' values (a list, so labels containing 「、」 stay whole)."""
        return list(self._list().selected)


# ---------------------------------------------------------------------------------------------
# the container


def editor_for(question: Any, *, prefill: Any = None, **helpers: Any) -> Editor:
    """The editor that fits ``question.type``."""
    return editor_class(question)(question, prefill=prefill, **helpers)


def warm_up_editors() -> None:
    """Import the table and grid editors (and the table's row form) and build the full Markdown parser (in the app's background
    warm-up): the first table or grid question otherwise waited 10-20 ms for the import, and the
    first message beyond the plain subset ~40 ms for markdown-it (issue 18)."""
    from . import grid_editor, group_editor, message_view, row_form  # noqa: F401

    message_view.warm_up()


def editor_class(question: Any) -> type[Editor]:
    """The editor class that fits ``question.type``."""
    kind = question.type
    cls: type[Editor]
    if kind == "group":
        from .group_editor import GroupEditor

        cls = GroupEditor
    elif kind == "year_grid":
        from .grid_editor import GridEditor

        cls = GridEditor
    elif getattr(question, "is_list", False) and kind not in ("multi_choice", "long_text"):
        cls = LineEditor
    elif kind == "long_text":
        cls = LongTextEditor
    elif kind == "choice":
        cls = ChoiceEditor
    elif kind == "multi_choice":
        cls = MultiChoiceEditor
    elif kind == "yes_no":
        cls = YesNoEditor
    else:
        cls = LineEditor
    return cls


class Composer(Vertical):
    """Holds the editor of the question being asked."""

    DEFAULT_CSS = """
    Composer {
        height: auto;
        max-height: 65%;
        padding: 0 1 0 1;
        background: $surface;
        border-top: hkey $primary 60%;
    }
    Composer #composer-prompt {
        height: auto;
        max-height: 3;
        color: $text-primary;
        text-style: bold;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.editor: Editor | None = None
        self._parked: dict[type[Editor], Editor] = {}
        """Hidden editors, one per kind, kept to ask the next question of their kind."""

    def compose(self):
        yield Static("", id="composer-prompt", markup=False)

    async def show(self, question: Any, *, prefill: Any = None, editor: Editor | None = None, **helpers: Any) -> Editor:
        """Replace the editor with one for ``question`` (or with ``editor``, e.g. a section form) and
        focus it (helpers: preview, options, columns)."""
        tall = question.type == "year_grid" or editor is not None  # a grid or a form needs the rows more
        prompt = question.prompt.strip() + ("" if question.required else " (任意)")
        self.query_one("#composer-prompt", Static).update(prompt)
        old = self.editor
        if editor is None:
            kind = editor_class(question)
            if old is not None and type(old) is kind and old.is_mounted and old.reuse(question, prefill, **helpers):
                self._set_tall(tall)
                old.focus_input()
                return old
            parked = self._parked.pop(kind, None)
            if parked is not None and parked.is_mounted and parked.reuse(question, prefill, **helpers):
                await self._put_away(old)
                self._set_tall(tall)
                parked.display = True
                self.editor = parked
                parked.focus_input()
                return parked
            if parked is not None:
                await parked.remove()
        editor = editor or editor_for(question, prefill=prefill, **helpers)
        await self._put_away(old)
        self._set_tall(tall)
        await self.mount(editor)
        self.editor = editor
        editor.focus_input()
        return editor

    def premount(self, questions: Any, **helpers: Any) -> bool:
        """Mount, hidden, an editor for the first of ``questions`` whose kind is not here yet (kept
        for :meth:`show`); False when there is none. Called after a reply's frame, while the person
        reads: the first editor of a kind took 30-50 ms of the answer that brought it (issue 18)."""
        here = {type(e) for e in (self.editor, *self._parked.values()) if e is not None}
        for question in questions:
            kind = editor_class(question)
            if kind in here or kind.reuse is Editor.reuse:
                continue
            editor = kind(question, **helpers)
            editor.display = False
            self._parked[kind] = editor
            self.mount(editor)
            return True
        return False

    TALL = "85%"
    """The composer's height limit for a grid or a form (they need the rows more than the chat)."""

    _tall = False

    def _set_tall(self, tall: bool) -> None:
        from textual.css.scalar import Scalar

        # An inline limit, not a CSS class: a class change restyled the composer with every editor
        # parked in it (3-30 ms of the answer that brings a grid or leaves one, issue 18).
        if tall != self._tall:
            self._tall = tall
            self.styles.max_height = Scalar.parse(self.TALL) if tall else None

    async def _put_away(self, editor: Editor | None) -> None:
        """Hide an editor that can ask another question (:meth:`Editor.reuse`) for the next
        question of its kind; remove any other. Mounting and styling a new group table or grid
        for every question cost 30–90 ms of each answer (issue 18); showing a hidden one costs
        only its new content."""
        if editor is None or not editor.is_mounted:
            return
        kind = type(editor)
        if kind.reuse is not Editor.reuse and kind not in self._parked:
            editor.display = False
            self._parked[kind] = editor
            return
        await editor.remove()

    async def clear(self) -> None:
        if self.editor is not None:
            await self.editor.remove()
        self.editor = None
        self.query_one("#composer-prompt", Static).update("")

    def focus_input(self) -> None:
        if self.editor is not None:
            self.editor.focus_input()


__all__ = [
    "ChoiceEditor",
    "Composer",
    "Editor",
    "LineEditor",
    "LongTextEditor",
    "MultiChoiceEditor",
    "PreviewFn",
    "YesNoEditor",
    "editor_class",
    "editor_for",
    "keys_applied",
    "warm_up_editors",
]
