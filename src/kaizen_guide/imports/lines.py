"""The plan lines an import fills (keys shared with the monthly review).

The keys are the one table in :mod:`kaizen_guide.finance.month_lines`; flow lines are summed over
months, balance lines (month-end 残高) never are.
"""

from __future__ import annotations

from kaizen_guide.finance.month_lines import LINE_KEYS as LINE_KEYS
from kaizen_guide.finance.month_lines import LINES
from kaizen_guide.model.plan import ActualsTarget

BALANCE_LINES = frozenset(ln.key for ln in LINES if ln.balance)
LINE_LABELS: dict[str, str] = {ln.key: ln.label for ln in LINES}
# What a user may map an unknown account to (a detail target); personnel also counts in sga.
MAP_TARGETS: dict[ActualsTarget, str] = {
    "sales": "売上高",
    "cost_of_sales": "売上原価",
    "sga": "販管費 (人件費以外)",
    "personnel": "販管費のうち人件費",
    "non_operating_income": "営業外収益",
    "non_operating_expenses": "営業外費用",
    "cash_end": "現金及び預金",
    "borrowings_end": "借入金",
    "ignore": "取り込まない (比較しない科目)",
}
PARENTS: dict[str, tuple[str, ...]] = {"personnel": ("personnel", "sga")}


def detail_lines(target: str) -> tuple[str, ...]:
    """Lines a detail account mapped to ``target`` adds to."""
    if target == "ignore":
        return ()
    return PARENTS.get(target, (target,))
