"""A problem found in the question banks (file, line, question id, message) and the error that
lists them all, so a bank author fixes every one in one pass.

Shared by the loader (YAML and shape) and the validation (cross-checks); ``loader`` re-exports both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BankProblem:
    file: str
    line: int
    question_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" 質問「{self.question_id}」:" if self.question_id else ""
        return f"{where}:{who} {self.message}"


class BankError(Exception):
    """The question banks are invalid. ``problems`` lists each with file, line and question id."""

    def __init__(self, problems: list[BankProblem]):
        self.problems = problems
        head = f"質問バンクに{len(problems)}件の問題があります (question banks are invalid):"
        self.message = head + "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(self.message)
