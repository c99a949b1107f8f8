"""The interview engine (no UI imports): Interview, headless runs, answers files."""

from .answers import AnswersFile, AnswersFileError, dump_answers_yaml, load_answers, plan_to_answers
from .headless import run_headless
from .interview import MAX_PROBES, AnswerResult, Interview, NavigationError, ReviewItem, SectionProgress

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
