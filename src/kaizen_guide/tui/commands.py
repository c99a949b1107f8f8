"""The command palette in Japanese, and its provider: jump to any section or question (ctrl+p)."""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

NO_MATCHES = "見つかりません。別の言葉で探してください (例: 決算、課題、書き出し)"


class JaCommandPalette(CommandPalette):
    """Textual's palette with its one built-in message (「No matches found」) in Japanese."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def _labels(q: Any) -> list[str]:
    """What else a question is called: its plan field's title (「資本金」) and the labels of its
    rows or fields (「棚卸資産」 in the 貸借対照表 grid), so typing a label finds the question."""
    from kaizen_guide.engine.section_form import field_label

    names = [field_label(q)] + [r.prompt.strip() for r in (*q.rows, *q.fields)]
    return [n for n in dict.fromkeys(names) if n and n != q.prompt.strip()]


def _targets(interview: Any) -> list[tuple[str, str, str, list[str]]]:
    """(text shown and matched, target id, help, other labels matched) for every section and
    every visible question."""
    bank = interview.bank
    out: list[tuple[str, str, str, list[str]]] = []
    for section in interview.sections():
        out.append((f"§ {section.title}", section.id, "このセクションの最初の質問へ", []))
    for q in interview.visible_questions():
        title = bank.section_of(q.id).title
        prompt = q.prompt.strip().splitlines()[0]
        labels = _labels(q)
        out.append((f"{title} › {prompt}", q.id, "・".join(labels[:6]) or f"質問 {q.id}", labels))
    return out


class JumpProvider(Provider):
    """Sections and questions of the open interview."""

    async def startup(self) -> None:
        interview = getattr(self.screen, "interview", None)
        self._items = _targets(interview) if interview is not None else []

    async def discover(self) -> Hits:
        for text, target, help_text, _labels in self._items:
            if text.startswith("§"):
                yield DiscoveryHit(text, partial(self._jump, target), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, target, help_text, labels in self._items:
            score = matcher.match(text)
            by_label = max((matcher.match(label) for label in labels), default=0)
            if score > 0:
                yield Hit(max(score, by_label), matcher.highlight(text), partial(self._jump, target), help=help_text)
            elif by_label > 0:  # found by a field or row label: the help line shows which
                hit = next(label for label in labels if matcher.match(label) == by_label)
                yield Hit(by_label, text, partial(self._jump, target), text=text, help=f"項目: {hit}")

    def _jump(self, target: str) -> None:
        jump = getattr(self.screen, "jump", None)
        if jump is not None:
            jump(target)
