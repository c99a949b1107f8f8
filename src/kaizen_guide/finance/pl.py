"""損益計画: base case (成り行き, the drivers) + アクションプラン effects, line by line.

- 売上高 = Σ segments (単価(円) × 数量 ÷ 1000, rounded once per segment) + sales effects.
  (Under a stress case each segment and each sales effect is scaled by 1 + sales_change.)
- 売上原価 = base sales × 原価率 + each sales effect × 原価率 (rounded per item, so the bridge is
  exact per action; none for an effect with ``carries_cost_of_sales`` False, i.e. a price
  increase) − cost_of_sales effects.
- 人件費 / その他販管費 = driver − effects; 減価償却費 = existing (capped at the book value left)
  + straight-line on 設備投資 from the year of acquisition.
- 営業外収益 += effects; 支払利息以外の営業外費用 −= effects; 特別損益 += effects.
- Effects start in plan year 1 (``effects[0]``); 計画0年目 is base only. Past the end of the list
  an effect carries its last value forward (like every per-year list), unless ``one_off``.

支払利息 and 法人税等 are added by the projection loop (they depend on the loan schedule and the
tax state), see :func:`finish_pl`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model.common import per_year
from ..model.plan import CapexItem, Plan
from .rounding import div, mul, to_int

ORDINARY_LINES = {"sales", "cost_of_sales", "personnel", "other_sga", "non_operating_income", "non_operating_expenses"}


@dataclass
class EffectCalc:
    action_id: str
    title: str
    pl_line: str
    amount: int
    cost_of_sales_carried: int
    ordinary_income_impact: int
    pretax_income_impact: int


@dataclass
class OperatingYear:
    """Everything of one year's P/L that does not depend on interest or tax."""

    year: int
    cost_ratio: Decimal
    sales_by_segment: dict[str, int]
    base_sales: int
    sales_effects: int
    sales: int
    base_cost_of_sales: int
    cost_of_sales_on_effects: int
    cost_of_sales_effects: int
    cost_of_sales: int
    base_personnel: int
    personnel_effects: int
    personnel: int
    depreciation: int
    base_other_sga: int
    other_sga_effects: int
    other_sga: int
    base_non_operating_income: int
    non_operating_income: int
    base_other_non_operating_expenses: int
    other_non_operating_expenses: int
    base_extraordinary: int
    extraordinary: int
    effects: list[EffectCalc] = field(default_factory=list)

    @property
    def gross_profit(self) -> int:
        return self.sales - self.cost_of_sales

    @property
    def sga(self) -> int:
        return self.personnel + self.depreciation + self.other_sga

    @property
    def operating_income(self) -> int:
        return self.gross_profit - self.sga

    @property
    def effects_ordinary(self) -> int:
        return sum(e.ordinary_income_impact for e in self.effects)


def capex_depreciation(item: CapexItem, n: int) -> list[int]:
    """One 設備投資's straight-line 減価償却費 for plan years 0..n-1 (full first year; the last year
    of the life takes the rounding remainder so the asset is fully depreciated)."""
    out = [0] * n
    if item.year >= n or item.amount <= 0:
        return out
    annual = div(item.amount, item.useful_life)
    done = 0
    for k in range(item.useful_life):
        part = item.amount - done if k == item.useful_life - 1 else min(annual, item.amount - done)
        done += part
        if item.year + k < n:
            out[item.year + k] = part
    return out


def depreciation_schedule(plan: Plan, plan_years: int, existing_book: int) -> tuple[list[int], list[int]]:
    """(減価償却費 per plan year 0..N, 設備投資 per plan year 0..N).

    Existing assets: the driver, capped so that the existing book value never goes below 0.
    New assets: straight-line from the year of acquisition (full first year), the last year of
    the useful life takes the rounding remainder so the asset is fully depreciated.
    """
    d = plan.drivers
    n = plan_years + 1
    capex = [0] * n
    new_dep = [0] * n
    for item in d.capex:
        if item.year >= n or item.amount <= 0:
            continue
        capex[item.year] += item.amount
        for y, part in enumerate(capex_depreciation(item, n)):
            new_dep[y] += part
    dep = []
    book = max(0, existing_book)
    for y in range(n):
        existing = min(max(0, per_year(d.existing_depreciation, y)), book)
        book -= existing
        dep.append(existing + new_dep[y])
    return dep, capex


def operating_year(
    plan: Plan,
    year: int,
    depreciation: int,
    sales_change: Decimal = Decimal(0),
    cost_ratio_change: Decimal = Decimal(0),
    achievement: Decimal = Decimal(1),
) -> OperatingYear:
    """``achievement``: share of every action effect realised (stress case 「効果が半分」 = 0.5)."""
    d = plan.drivers
    factor = Decimal(1) + sales_change
    ratio = Decimal(per_year(d.cost_ratio, year, Decimal(0))) + cost_ratio_change

    by_segment: dict[str, int] = {}
    for seg in d.segments:
        price = Decimal(per_year(seg.unit_price_yen, year))
        qty = Decimal(per_year(seg.quantity, year))
        amount = to_int(price * qty * factor / 1000)
        by_segment[seg.name] = by_segment.get(seg.name, 0) + amount
    base_sales = sum(by_segment.values())
    base_cos = mul(base_sales, ratio)

    effects: list[EffectCalc] = []
    sales_eff = cos_on_eff = cos_eff = pers_eff = sga_eff = noi_eff = noe_eff = extra_eff = 0
    if year >= 1:
        for a in plan.actions:
            # Effects carry their last value forward like every per-year list, unless one-off.
            amount = per_year(a.effects, year - 1) if (year - 1 < len(a.effects) or not a.one_off) else 0
            amount = to_int(Decimal(amount) * achievement) if achievement != 1 else amount
            if not amount:
                continue
            carried = 0
            line = a.pl_line
            if line == "sales":
                amount = to_int(Decimal(amount) * factor)
                # A price increase sells the same goods dearer: no 売上原価 on it.
                carried = mul(amount, ratio) if a.carries_cost_of_sales else 0
                sales_eff += amount
                cos_on_eff += carried
                ordinary = amount - carried
            elif line == "cost_of_sales":
                cos_eff += amount
                ordinary = amount
            elif line == "personnel":
                pers_eff += amount
                ordinary = amount
            elif line == "other_sga":
                sga_eff += amount
                ordinary = amount
            elif line == "non_operating_income":
                noi_eff += amount
                ordinary = amount
            elif line == "non_operating_expenses":
                noe_eff += amount
                ordinary = amount
            else:  # extraordinary
                extra_eff += amount
                ordinary = 0
            effects.append(
                EffectCalc(
                    a.id, a.title, line, amount, carried, ordinary, amount - carried if line == "sales" else amount
                )
            )

    base_pers = per_year(d.personnel, year)
    base_sga = per_year(d.other_sga, year)
    base_noi = per_year(d.non_operating_income, year)
    base_noe = per_year(d.other_non_operating_expenses, year)
    base_extra = per_year(d.extraordinary, year)
    return OperatingYear(
        year=year,
        cost_ratio=ratio,
        sales_by_segment=by_segment,
        base_sales=base_sales,
        sales_effects=sales_eff,
        sales=base_sales + sales_eff,
        base_cost_of_sales=base_cos,
        cost_of_sales_on_effects=cos_on_eff,
        cost_of_sales_effects=cos_eff,
        cost_of_sales=base_cos + cos_on_eff - cos_eff,
        base_personnel=base_pers,
        personnel_effects=pers_eff,
        personnel=base_pers - pers_eff,
        depreciation=depreciation,
        base_other_sga=base_sga,
        other_sga_effects=sga_eff,
        other_sga=base_sga - sga_eff,
        base_non_operating_income=base_noi,
        non_operating_income=base_noi + noi_eff,
        base_other_non_operating_expenses=base_noe,
        other_non_operating_expenses=base_noe - noe_eff,
        base_extraordinary=base_extra,
        extraordinary=base_extra + extra_eff,
        effects=effects,
    )


def ordinary_income(op: OperatingYear, interest: int) -> int:
    return op.operating_income + op.non_operating_income - op.other_non_operating_expenses - interest


def pretax_income(op: OperatingYear, interest: int) -> int:
    return ordinary_income(op, interest) + op.extraordinary
