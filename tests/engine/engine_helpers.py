"""Helpers shared by the engine tests (imported by name; pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kaizen_guide.engine import Interview, dump_answers_yaml


def write_answers(directory: Path, data: dict, bank=None, name: str = "answers.yaml") -> Path:
    path = directory / name
    path.write_text(dump_answers_yaml(data, bank), encoding="utf-8")
    return path


def replay(iv: Interview, answers: dict[str, Any], *, stop_before: str | None = None) -> None:
    """Answer in interview order, keeping weak answers as they are (like the headless runner)."""
    for q in iv.bank.questions:
        if q.id == stop_before:
            return
        if q.id in answers:
            res = iv.answer(q.id, answers[q.id])
            assert res.accepted, res.error
            if res.follow_up:
                assert iv.keep_as_is(q.id).accepted


class Lines(list):
    """Collects what run_headless prints."""

    def __call__(self, line: str) -> None:
        self.append(line)

    @property
    def text(self) -> str:
        return "\n".join(self)
