"""Command palette provider: jump to any section or question of the interview (ctrl+p)."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


def _targets(interview: Any) -> list[tuple[str, str, str]]:
    """(text to match, target id, help) for every section and every visible question."""
    bank = interview.bank
    out: list[tuple[str, str, str]] = []
    for section in interview.sections():
        out.append((f"§ {section.title}", section.id, "このセクションの最初の質問へ"))
    for q in interview.visible_questions():
        title = bank.section_of(q.id).title
        prompt = q.prompt.strip().splitlines()[0]
        out.append((f"{title} › {prompt}", q.id, f"質問 {q.id}"))
    return out


class JumpProvider(Provider):
    """Sections and questions of the open interview."""

    async def startup(self) -> None:
        interview = getattr(self.screen, "interview", None)
        self._items = _targets(interview) if interview is not None else []

    async def discover(self) -> Hits:
        for text, target, help_text in self._items:
            if text.startswith("§"):
                yield DiscoveryHit(text, partial(self._jump, target), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, target, help_text in self._items:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._jump, target), help=help_text)

    def _jump(self, target: str) -> None:
        jump = getattr(self.screen, "jump", None)
        if jump is not None:
            jump(target)
