"""Deep-dive splits of a variance into parts that add up exactly to it (千円 ints).

Textbook convention (monitoring-reference §3.6): quantity changes valued at the plan price,
price changes weighted by the actual quantity. The one rounded part is the first; the last part
is the remainder, so the parts always sum to the variance with no residual.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kaizen_guide.finance.rounding import to_int


@dataclass(frozen=True)
class SalesSplit:
    """売上差異 = 数量差異 + 単価差異."""

    quantity: int
    price: int

    @property
    def total(self) -> int:
        return self.quantity + self.price


@dataclass(frozen=True)
class GrossSplit:
    """粗利差異 = 売上要因 + 粗利率要因."""

    sales: int
    margin: int

    @property
    def total(self) -> int:
        return self.sales + self.margin


@dataclass(frozen=True)
class GrossSplit3:
    """粗利差異 = 数量要因 + 単価要因 + 原価要因 (when unit data exist)."""

    quantity: int
    price: int
    cost: int

    @property
    def total(self) -> int:
        return self.quantity + self.price + self.cost


def split_sales(plan_qty: int, plan_sales: int, actual_qty: int, actual_sales: int) -> SalesSplit:
    """数量差異 = (A数量 − P数量) × P単価; 単価差異 = (A単価 − P単価) × A数量 = the rest."""
    diff = actual_sales - plan_sales
    if plan_qty <= 0:
        return SalesSplit(0, diff)  # no plan price: the whole gap is unexplained by volume
    qty = to_int((actual_qty - plan_qty) * Fraction(plan_sales, plan_qty))
    return SalesSplit(qty, diff - qty)


def split_gross(plan_sales: int, plan_gp: int, actual_sales: int, actual_gp: int) -> GrossSplit:
    """売上要因 = (A売上 − P売上) × P粗利率; 粗利率要因 = (A粗利率 − P粗利率) × A売上 = the rest."""
    diff = actual_gp - plan_gp
    if plan_sales == 0:
        return GrossSplit(0, diff)
    s = to_int((actual_sales - plan_sales) * Fraction(plan_gp, plan_sales))
    return GrossSplit(s, diff - s)


def split_gross3(
    plan_qty: int, plan_sales: int, plan_cost: int, actual_qty: int, actual_sales: int, actual_cost: int
) -> GrossSplit3:
    """数量要因 = ΔQ × (P単価 − P単位原価); 単価要因 = ΔP × A数量; 原価要因 = −Δ単位原価 × A数量."""
    diff = (actual_sales - actual_cost) - (plan_sales - plan_cost)
    if plan_qty <= 0 or actual_qty <= 0:
        return GrossSplit3(0, 0, diff)
    qty = to_int((actual_qty - plan_qty) * Fraction(plan_sales - plan_cost, plan_qty))
    price = to_int((Fraction(actual_sales, actual_qty) - Fraction(plan_sales, plan_qty)) * actual_qty)
    return GrossSplit3(qty, price, diff - qty - price)


@dataclass(frozen=True)
class SegmentSplit:
    name: str
    unit: str
    plan_qty: int
    actual_qty: int
    plan_sales: int
    actual_sales: int
    split: SalesSplit

    @property
    def plan_price_yen(self) -> int | None:
        return round(self.plan_sales * 1000 / self.plan_qty) if self.plan_qty else None

    @property
    def actual_price_yen(self) -> int | None:
        return round(self.actual_sales * 1000 / self.actual_qty) if self.actual_qty else None
