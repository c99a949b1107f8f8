"""The one place where the finance engine rounds.

Rules (everything else in ``finance`` is exact integer or Decimal arithmetic):

1. **Amounts**: a Decimal amount becomes whole 千円 with ``ROUND_HALF_UP`` (四捨五入), via
   :func:`to_int` / :func:`mul`. Each derived amount is rounded once, from exact inputs;
   totals are sums of rounded parts, never rounded again.
2. **Allocations**: when a whole-千円 total is split into parts (返済額 among banks and loans,
   an annual amount into 12 months, 支払利息 by bank), :func:`allocate` uses the largest-remainder
   method, so the parts always sum **exactly** to the total. Optional caps (a bank's balance)
   are honoured by fixing capped parts and re-allocating the excess among the others.
   Ties go to the larger weight, then to the earlier item.
3. **Ratios** (率, 倍, ヶ月, 年): :func:`ratio` returns a Decimal quantised with ``ROUND_HALF_UP``
   (4 places for fractions such as 営業利益率 0.1234 = 12.34%; 2 places for 倍・ヶ月・年), or
   ``None`` when the denominator is 0 (or ≤ 0 where the caller says so) — 算出不能.
4. **Conservative values from the plan model** (処分可能見込額, 保証協会保証額) are truncated by the
   model itself (``int()``): 保全 is never overstated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE = Decimal(1)
Q4 = Decimal("0.0001")
Q2 = Decimal("0.01")


def to_int(value: Decimal | Fraction | int) -> int:
    """Round to the nearest whole 千円, halves away from zero (四捨五入)."""
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return int(value.quantize(ONE, rounding=ROUND_HALF_UP))


def mul(amount: int, rate: Decimal | int) -> int:
    """``amount × rate`` rounded to whole 千円 (exact Decimal product, one rounding)."""
    return to_int(Decimal(amount) * Decimal(rate))


def div(amount: int | Decimal, divisor: int | Decimal) -> int:
    """``amount ÷ divisor`` rounded to whole 千円 (divisor must be non-zero)."""
    return to_int(Fraction(Decimal(amount)) / Fraction(Decimal(divisor)))


def quantize(value: Decimal, places: Decimal = Q4) -> Decimal:
    return value.quantize(places, rounding=ROUND_HALF_UP)


def ratio(
    numerator: int | Decimal, denominator: int | Decimal, places: Decimal = Q4, positive_denominator: bool = False
) -> Decimal | None:
    """``numerator ÷ denominator`` as a quantised Decimal; None (算出不能) when the denominator is 0,
    or ≤ 0 when ``positive_denominator``."""
    if denominator == 0 or (positive_denominator and denominator < 0):
        return None
    exact = Fraction(Decimal(numerator)) / Fraction(Decimal(denominator))
    return quantize(Decimal(exact.numerator) / Decimal(exact.denominator), places)


def _int_weights(weights: Sequence[int | Decimal | Fraction]) -> list[int]:
    """Scale weights to non-negative integers with the same proportions (exact)."""
    ints = [w for w in weights if type(w) is int]
    if len(ints) == len(weights):
        return [w if w > 0 else 0 for w in ints]
    fr = [Fraction(w) for w in weights]
    lcm = 1
    for f in fr:
        d = f.denominator
        lcm = lcm * d // math.gcd(lcm, d)
    return [max(0, int(f * lcm)) for f in fr]


def _largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` (≥ 0) by integer ``weights`` (≥ 0, Σ > 0); parts sum exactly to total.
    Exact integer arithmetic: share_i = total × w_i ÷ Σw, floor + remainder."""
    wsum = sum(weights)
    parts = []
    rems = []
    for w in weights:
        q, r = divmod(total * w, wsum)
        parts.append(q)
        rems.append(r)
    left = total - sum(parts)
    if left:
        ranked = sorted(range(len(weights)), key=lambda i: (-rems[i], -weights[i], i))
        for i in ranked[:left]:
            parts[i] += 1
    return parts


def allocate(total: int, weights: Sequence[int | Decimal | Fraction], caps: Sequence[int] | None = None) -> list[int]:
    """Split a whole-千円 ``total`` by ``weights`` with largest-remainder rounding.

    - Parts sum exactly to ``total`` (or to Σ caps when the total exceeds it).
    - With ``caps``, no part exceeds its cap: a part that would is fixed at its cap and the excess
      is re-allocated among the others by their weights.
    - If every remaining weight is 0 while something is left to allocate, the remaining caps
      (or equal shares when there are no caps) are used as weights.
    - ``total`` ≤ 0 gives all zeros. Negative weights count as 0.
    """
    n = len(weights)
    parts = [0] * n
    if n == 0 or total <= 0:
        return parts
    w = _int_weights(weights)
    cap = [c if c > 0 else 0 for c in caps] if caps is not None else None
    if cap is not None:
        total = min(total, sum(cap))
    active = [i for i in range(n) if cap is None or cap[i] > 0]
    remaining = total
    while remaining > 0 and active:
        aw = [w[i] for i in active]
        if sum(aw) == 0:
            aw = [cap[i] for i in active] if cap is not None else [1] * len(active)
        local = _largest_remainder(remaining, aw)
        over = [k for k, i in enumerate(active) if cap is not None and local[k] > cap[i]]
        if not over or cap is None:  # (no caps, nothing is ever over)
            for k, i in enumerate(active):
                parts[i] = local[k]
            break
        for k in over:
            i = active[k]
            parts[i] = cap[i]
            remaining -= cap[i]
        over_idx = {active[k] for k in over}
        active = [i for i in active if i not in over_idx]
    return parts


def split_even(total: int, n: int) -> list[int]:
    """Split ``total`` (may be negative) into ``n`` near-equal whole parts summing exactly to it."""
    if n <= 0:
        return []
    sign = -1 if total < 0 else 1
    parts = allocate(abs(total), [1] * n)
    return [sign * p for p in parts]


def split_weighted(total: int, weights: Sequence[int | Decimal]) -> list[int]:
    """Like :func:`allocate` but ``total`` may be negative (sign is kept)."""
    sign = -1 if total < 0 else 1
    return [sign * p for p in allocate(abs(total), weights)]
