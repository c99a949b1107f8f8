"""タックスプラン: 繰越欠損金 (use, arising, 10-year expiry) and 法人税等.

Rules (no 申告調整: 課税所得の基礎 = 税引前当期純利益):
- A loss arising in plan year ``o`` (``LossCarryforward.arising_year_offset`` for losses before
  the plan; negative pre-tax income inside the plan) may be deducted in years ``o+1 … o+K``
  (K = ``carryforward_years``, 10). What is left after year ``o+K``'s deduction expires then.
- Oldest losses are used first. 中小法人 deduct up to 100% of income; otherwise 50%
  (rounded down).
- 法人税等 = 課税所得 × 実効税率 (四捨五入) + 均等割; 均等割 is paid every year, even in a loss.
"""

from __future__ import annotations

from ..model.plan import Plan, TaxSettings
from .results import TaxYear
from .rounding import mul


def opening_carryforwards(plan: Plan) -> dict[int, int]:
    buckets: dict[int, int] = {}
    for lc in plan.drivers.tax.loss_carryforwards:
        if lc.amount > 0:
            buckets[lc.arising_year_offset] = buckets.get(lc.arising_year_offset, 0) + lc.amount
    return buckets


def compute_tax(
    settings_tax: TaxSettings, buckets: dict[int, int], year: int, pretax: int
) -> tuple[TaxYear, dict[int, int]]:
    """One year's tax; returns the result and the closing 繰越欠損金 buckets (input not mutated)."""
    k = settings_tax.carryforward_years
    b = {o: a for o, a in buckets.items() if a > 0}
    opening = sum(b.values())
    used = 0
    if pretax > 0:
        limit = pretax if settings_tax.sme_full_loss_use else pretax // 2
        for origin in sorted(b):
            if limit <= 0:
                break
            if origin >= year or year > origin + k:
                continue
            take = min(b[origin], limit)
            b[origin] -= take
            used += take
            limit -= take
    expired = 0
    for origin in sorted(b):
        if origin + k <= year and b[origin] > 0:
            expired += b[origin]
            b[origin] = 0
    arising = -pretax if pretax < 0 else 0
    if arising:
        b[year] = b.get(year, 0) + arising
    b = {o: a for o, a in b.items() if a > 0}
    taxable = max(0, pretax - used)
    corporate = mul(taxable, settings_tax.effective_rate) if taxable > 0 else 0
    per_capita = settings_tax.per_capita_levy
    # The label is the caller's to set (it knows the fiscal year); the figures are all here.
    calc = TaxYear(
        year=year,
        label="",
        pretax_income=pretax,
        carryforward_opening=opening,
        arising=arising,
        used=used,
        expired=expired,
        carryforward_closing=sum(b.values()),
        taxable_income=taxable,
        corporate_tax=corporate,
        per_capita=per_capita,
        total_taxes=corporate + per_capita,
        carryforward_by_origin=dict(sorted(b.items())),
    )
    return calc, b
