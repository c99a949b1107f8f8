"""The lines of a monthly review (plan and actual), defined once.

Keys are part of the contract with ``imports/`` (its ``read_actuals`` returns
``{"YYYY-MM": {line_key: 千円}}``), with the plan file (``MonitoringRecord.actuals``) and with the
bank report. All amounts are whole 千円. The table sits in finance, below both the importers and
the review (``monitoring.lines`` re-exports it).

``lower_is_better``: a cost line is good when below plan (差異 < 0 is 有利).
``balance``: a month-end balance (現預金, 借入金); never summed into a 累計.
``derived``: computed from other lines when not given (売上総利益 = 売上高 − 売上原価 …).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    lower_is_better: bool = False
    balance: bool = False
    derived: bool = False
    short: str = ""

    @property
    def short_label(self) -> str:
        return self.short or self.label


LINES: tuple[Line, ...] = (
    Line("sales", "売上高"),
    Line("cost_of_sales", "売上原価", lower_is_better=True),
    Line("gross_profit", "売上総利益", derived=True, short="粗利"),
    Line("sga", "販売費及び一般管理費", lower_is_better=True, short="販管費"),
    Line("personnel", "うち人件費", lower_is_better=True, short="人件費"),
    Line("operating_profit", "営業利益", derived=True),
    Line("non_operating_income", "営業外収益"),
    Line("non_operating_expenses", "営業外費用", lower_is_better=True),
    Line("ordinary_profit", "経常利益", derived=True),
    Line("cash_end", "月末現預金", balance=True, short="現預金"),
    Line("borrowings_end", "月末借入金残高", lower_is_better=True, balance=True, short="借入金"),
)

LINE_BY_KEY: dict[str, Line] = {ln.key: ln for ln in LINES}
LINE_KEYS: tuple[str, ...] = tuple(ln.key for ln in LINES)

INPUT_KEYS: tuple[str, ...] = (
    "sales",
    "cost_of_sales",
    "sga",
    "personnel",
    "non_operating_income",
    "non_operating_expenses",
    "cash_end",
    "borrowings_end",
)
"""What a person types for a month (the profit lines follow from these)."""

CAUSE_KEYS: tuple[str, ...] = ("sales", "gross_profit", "sga", "cash_end")
"""Lines whose miss is explained on its own (a profit miss follows from these); see ``material_misses``."""

PROFIT_KEYS: tuple[str, ...] = ("operating_profit", "ordinary_profit")


def line(key: str) -> Line:
    return LINE_BY_KEY[key]


def label(key: str) -> str:
    ln = LINE_BY_KEY.get(key)
    return ln.label if ln else key


def derive(values: dict[str, int]) -> tuple[dict[str, int], list[str]]:
    """Fill the derived lines from their parts; returns (values, Japanese notes on mismatches).

    Given 売上総利益 without 売上原価, 売上原価 = 売上高 − 売上総利益. A derived line that was given
    and disagrees with its parts keeps the parts' figure, and the note says so.
    """
    v = dict(values)
    notes: list[str] = []
    if "sales" in v and "gross_profit" in v and "cost_of_sales" not in v:
        v["cost_of_sales"] = v["sales"] - v["gross_profit"]

    def put(key: str, computed: int) -> None:
        given = v.get(key)
        if given is not None and given != computed:
            notes.append(
                f"{label(key)}は入力値 {given:,}千円 ではなく、内訳から計算した {computed:,}千円 を使います"
                f" (差 {given - computed:+,}千円)。"
            )
        v[key] = computed

    if "sales" in v and "cost_of_sales" in v:
        put("gross_profit", v["sales"] - v["cost_of_sales"])
    if "gross_profit" in v and "sga" in v:
        put("operating_profit", v["gross_profit"] - v["sga"])
    if "operating_profit" in v and ("non_operating_income" in v or "non_operating_expenses" in v):
        put(
            "ordinary_profit",
            v["operating_profit"] + v.get("non_operating_income", 0) - v.get("non_operating_expenses", 0),
        )
    return v, notes
