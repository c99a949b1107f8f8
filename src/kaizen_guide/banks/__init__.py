"""Question banks: loading and validating ``question_banks/``, the ``when`` language, targets."""

from .conditions import Condition, ConditionError, parse_condition
from .loader import BankError, BankProblem, load_bank
from .models import TYPE_LABELS, Bank, Choice, Question, Section, SubField
from .targets import ENGINE_FILLED, TargetError

__all__ = [
    "ENGINE_FILLED",
    "TYPE_LABELS",
    "Bank",
    "BankError",
    "BankProblem",
    "Choice",
    "Condition",
    "ConditionError",
    "Question",
    "Section",
    "SubField",
    "TargetError",
    "load_bank",
    "parse_condition",
]
