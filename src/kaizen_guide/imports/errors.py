"""The one exception the readers raise: a Japanese message that names the row/column."""

from __future__ import annotations

from kaizen_guide.model.errors import DetailedError


def column_name(index: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 26 → AA), what a user sees in Excel."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


class ActualsImportError(DetailedError):
    """The file cannot be imported. ``message`` is Japanese and says what to do next.

    ``row`` / ``column`` are 1-based / 0-based positions in the file (None when the problem is
    not in one cell); they are already part of ``message``.
    """

    def __init__(
        self, message: str, *, row: int | None = None, column: int | None = None, details: list[str] | None = None
    ) -> None:
        where = []
        if row is not None:
            where.append(f"{row}行目")
        if column is not None:
            where.append(f"{column_name(column)}列")
        self.row = row
        self.column = column
        super().__init__((" ".join(where) + ": " if where else "") + message, details)
