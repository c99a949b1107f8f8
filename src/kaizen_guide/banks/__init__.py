"""Question banks: loading and validating ``question_banks/``, the ``when`` language, targets.

Importing the package is cheap (issue 18): ``check`` reads only ``banks.industries`` (which
industry a company is in) and must not pay for the bank models and the loader; the names below are
imported from their modules on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaizen_guide.lazy import exports

if TYPE_CHECKING:  # pragma: no cover
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

_LAZY = {
    "Condition": "conditions",
    "ConditionError": "conditions",
    "parse_condition": "conditions",
    "BankError": "loader",
    "BankProblem": "loader",
    "load_bank": "loader",
    "TYPE_LABELS": "models",
    "Bank": "models",
    "Choice": "models",
    "Question": "models",
    "Section": "models",
    "SubField": "models",
    "ENGINE_FILLED": "targets",
    "TargetError": "targets",
}


__getattr__, __dir__ = exports(__name__, _LAZY, __all__, globals())
