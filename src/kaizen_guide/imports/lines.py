"""The plan lines an import fills (keys shared with the monthly review).

Until ``kaizen_guide.monitoring.lines`` exists these are the agreed strings; flow lines are
summed over months, balance lines (month-end 残高) never are.
"""

from __future__ import annotations

try:  # the monthly review owns the keys once it lands
    from kaizen_guide.monitoring.lines import LINE_KEYS as _KEYS  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - exercised until monitoring/ is on main
    _KEYS = None

LINE_KEYS: tuple[str, ...] = (
    tuple(_KEYS)
    if _KEYS
    else (
        "sales",
        "cost_of_sales",
        "gross_profit",
        "sga",
        "personnel",
        "operating_profit",
        "non_operating_income",
        "non_operating_expenses",
        "ordinary_profit",
        "cash_end",
        "borrowings_end",
    )
)
BALANCE_LINES = frozenset({"cash_end", "borrowings_end"})
LINE_LABELS: dict[str, str] = {
    "sales": "売上高",
    "cost_of_sales": "売上原価",
    "gross_profit": "売上総利益",
    "sga": "販売費及び一般管理費",
    "personnel": "うち人件費",
    "operating_profit": "営業利益",
    "non_operating_income": "営業外収益",
    "non_operating_expenses": "営業外費用",
    "ordinary_profit": "経常利益",
    "cash_end": "月末現預金",
    "borrowings_end": "月末借入金残高",
}
# What a user may map an unknown account to (a detail target); personnel also counts in sga.
MAP_TARGETS: dict[str, str] = {
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
