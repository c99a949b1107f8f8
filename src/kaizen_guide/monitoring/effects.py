"""効果額 of the アクションプラン, plan vs actual, for the fiscal year to date (期首から).

計画 (planned effect to date): the plan year's effect (the same per-year rule as the finance
engine: carried forward unless one-off) times the share of the year elapsed — the plan's 売上
seasonality for effects on 売上高 and 売上原価 (they move with the sales), months ÷ 12 for the
fixed-cost lines.

実績 (actual effect to date), from the month's actuals and never more than the line shows:

1. The line's level without the actions: 計画 − planned effects (for 売上原価, the plan's cost
   ratio without the cost actions: (計画原価 + 原価の効果) ÷ 計画売上).
2. The line's improvement over that level: 売上・営業外収益 実績 − 基準; cost lines 基準 − 実績;
   売上原価 基準原価率 × 実績売上 − 実績原価 (so a volume shortfall is not counted as a cost
   saving: the cost follows the sales).
3. The improvement is credited to the line's actions that have started, between 0 (no evidence
   of an effect) and their planned effect (the rest of a favourable variance has other causes),
   split in proportion to their planned effects.

This is deliberately conservative, the way a 診断士 reads a line's variance: an action cannot be
credited with more than it planned, nor with a variance the line does not show. Actions on the
same line share one achievement rate; a recorded ``effect_actual`` (typed by the person) takes
precedence over the derived one. No figure (None) when a month to date lacks the line's actuals,
or for 特別損益 (not a monitored line).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kaizen_guide.finance.rounding import split_weighted, to_int
from kaizen_guide.model.common import per_year

from ..model.plan import ActionItem, Plan
from .fiscal import MonthPos
from .plan_months import MonthlyPlan

REVENUE_LINES = ("sales", "non_operating_income")
SEASONAL_LINES = ("sales", "cost_of_sales")


@dataclass(frozen=True)
class Effect:
    """One action's 効果額 to date: planned, actual (None when the actuals do not allow it)."""

    plan: int
    actual: int | None
    basis: str = ""  # how the actual was found (Japanese, for the board)


def annual_effect(action: ActionItem, plan_year: int) -> int:
    """The plan year's planned effect of ``action`` (the finance engine's per-year rule)."""
    if plan_year < 1 or not action.effects:
        return 0
    if plan_year - 1 >= len(action.effects) and action.one_off:
        return 0
    return int(per_year(action.effects, plan_year - 1))


def line_value(values: dict[str, int], pl_line: str) -> int | None:
    """An action's 損益 line in a month's (derived) actuals or plan; その他販管費 = 販管費 − 人件費."""
    if pl_line == "other_sga":
        if "sga" in values and "personnel" in values:
            return values["sga"] - values["personnel"]
        return None
    return values.get(pl_line)


def _share(mp: MonthlyPlan, pl_line: str, months: tuple[str, ...]) -> Fraction:
    if pl_line in SEASONAL_LINES:
        total = sum(mp.lines["sales"])
        if total > 0:
            return Fraction(sum(mp.value("sales", m) for m in months), total)
    return Fraction(len(months), 12)


def _plan_values(mp: MonthlyPlan, month: str) -> dict[str, int]:
    return {k: mp.value(k, month) for k in mp.lines}


def effects_to_date(
    plan: Plan, pos: MonthPos, mp: MonthlyPlan, actuals: dict[str, dict[str, int]]
) -> dict[str, Effect]:
    """効果額 plan vs actual of every action, to date (see the module docstring).

    ``actuals`` are the derived actuals by month (``lines.derive``) of this fiscal year."""
    months = pos.to_date
    out: dict[str, Effect] = {}
    by_line: dict[str, list[ActionItem]] = {}
    for a in plan.actions:
        planned = to_int(Fraction(annual_effect(a, pos.plan_year)) * _share(mp, a.pl_line, months))
        out[a.id] = Effect(planned, None)
        by_line.setdefault(a.pl_line, []).append(a)
    for pl_line, actions in by_line.items():
        improvement = _improvement(pl_line, mp, months, actuals, {a.id: out[a.id].plan for a in actions})
        if improvement is None:
            continue
        started = [a for a in actions if a.start <= pos.month and out[a.id].plan > 0]
        cap = sum(out[a.id].plan for a in started)
        credited = max(0, min(improvement, cap))
        basis = _basis(pl_line, improvement, cap)
        parts = _split(credited, [out[a.id].plan for a in started])
        for a in actions:
            part = parts.pop(0) if a in started else 0
            out[a.id] = Effect(out[a.id].plan, part, basis if a in started else "未着手のため 0")
    return out


def _improvement(
    pl_line: str, mp: MonthlyPlan, months: tuple[str, ...], actuals: dict[str, dict[str, int]], planned: dict[str, int]
) -> int | None:
    """The line's improvement to date over its level without the actions (None: no actuals)."""
    if pl_line == "extraordinary":
        return None
    effect = sum(planned.values())
    if pl_line == "cost_of_sales":
        if not all("sales" in actuals.get(m, {}) and "cost_of_sales" in actuals.get(m, {}) for m in months):
            return None
        plan_sales = sum(mp.value("sales", m) for m in months)
        plan_cos = sum(mp.value("cost_of_sales", m) for m in months)
        if plan_sales <= 0:
            return None
        base_rate = Fraction(plan_cos + effect, plan_sales)
        act_sales = sum(actuals[m]["sales"] for m in months)
        act_cos = sum(actuals[m]["cost_of_sales"] for m in months)
        return to_int(base_rate * act_sales) - act_cos
    acts = [line_value(actuals.get(m, {}), pl_line) for m in months]
    if any(v is None for v in acts):
        return None
    plan_v = sum(line_value(_plan_values(mp, m), pl_line) or 0 for m in months)
    actual = sum(v for v in acts if v is not None)
    if pl_line in REVENUE_LINES:
        return actual - (plan_v - effect)
    return (plan_v + effect) - actual


def _basis(pl_line: str, improvement: int, cap: int) -> str:
    what = "原価率" if pl_line == "cost_of_sales" else "損益"
    if improvement <= 0:
        return f"{what}の実績に効果が見えない (施策なしの水準を {-improvement:,}千円 下回る) ため 0"
    if improvement > cap:
        return f"{what}の改善 {improvement:,}千円 のうち計画効果額まで"
    return f"{what}の実績から (施策なしの水準との差)"


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` in proportion to ``weights``, summing exactly (largest remainder)."""
    if not weights:
        return []
    if sum(weights) <= 0:
        return [0] * len(weights)
    return list(split_weighted(total, weights))
