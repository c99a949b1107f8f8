"""The interview engine (no UI imports): Interview, headless runs, answers files.

The answers files and the headless runs are imported on first use (issue 18): they bring PyYAML,
which the interview on screen does not need (its bank comes from the cache).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaizen_guide.lazy import exports

from .interview import MAX_PROBES, AnswerResult, Interview, NavigationError, ReviewItem, SectionProgress

if TYPE_CHECKING:  # pragma: no cover
    from .answers import AnswersFile, AnswersFileError, dump_answers_yaml, load_answers, plan_to_answers
    from .headless import run_headless

__all__ = [
    "MAX_PROBES",
    "AnswerResult",
    "AnswersFile",
    "AnswersFileError",
    "Interview",
    "NavigationError",
    "ReviewItem",
    "SectionProgress",
    "dump_answers_yaml",
    "load_answers",
    "plan_to_answers",
    "run_headless",
]

_LAZY = {
    "AnswersFile": "answers",
    "AnswersFileError": "answers",
    "dump_answers_yaml": "answers",
    "load_answers": "answers",
    "plan_to_answers": "answers",
    "run_headless": "headless",
}


__getattr__, __dir__ = exports(__name__, _LAZY, __all__, globals())
