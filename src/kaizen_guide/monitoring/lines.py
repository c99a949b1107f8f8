"""The lines of a monthly review: :mod:`kaizen_guide.finance.month_lines`, under the name the
monitoring modules import them by (the table lives in finance, shared with the importers).
"""

from __future__ import annotations

from kaizen_guide.finance.month_lines import (
    CAUSE_KEYS,
    INPUT_KEYS,
    LINE_BY_KEY,
    LINE_KEYS,
    LINES,
    PROFIT_KEYS,
    Line,
    derive,
    label,
    line,
)

__all__ = [
    "CAUSE_KEYS",
    "INPUT_KEYS",
    "LINES",
    "LINE_BY_KEY",
    "LINE_KEYS",
    "PROFIT_KEYS",
    "Line",
    "derive",
    "label",
    "line",
]
