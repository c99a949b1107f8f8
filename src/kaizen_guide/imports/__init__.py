"""Readers for accounting-software exports (弥生, マネーフォワード, freee, TKC, generic CSV/XLSX).

``read_actuals(path, plan, month=None)`` → ``ActualsImport`` (千円 per month and plan line, and how
the file was read). Pure Python; openpyxl and charset-normalizer are imported only when a file
needs them.
"""

from .errors import ActualsImportError
from .reader import ActualsImport, UnknownAccount, read_actuals

__all__ = ["ActualsImport", "ActualsImportError", "UnknownAccount", "read_actuals"]
