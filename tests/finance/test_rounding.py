"""rounding: the one place Decimal becomes whole 千円, and largest-remainder allocation."""

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from kaizen_guide.finance.rounding import allocate, mul, ratio, split_even, to_int


def test_round_half_up_is_shishagonyu():
    assert to_int(D("2.5")) == 3
    assert to_int(D("2.4999")) == 2
    assert to_int(D("-2.5")) == -3  # halves away from zero
    assert mul(471000, D("0.41")) == 193110
    assert mul(8000, D("0.41")) == 3280
    assert mul(1, D("0.5")) == 1


def test_largest_remainder_worked_example():
    # 100 split 1:1:1 → exact 33.33… each; floors 33+33+33 = 99; 1 left goes to the
    # largest remainder; all tie (.333…) and weights tie, so the earliest item gets it.
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    # 10 by 5:3:2 (残高 50,000/30,000/20,000) → 5 / 3 / 2 exactly.
    assert allocate(10, [50000, 30000, 20000]) == [5, 3, 2]
    # 7 by 50:30:20 → exact 3.5 / 2.1 / 1.4; floors 3+2+1 = 6; 1 left → largest remainder
    # is .5 (first) → 4 / 2 / 1.
    assert allocate(7, [50, 30, 20]) == [4, 2, 1]


def test_allocation_respects_caps_and_redistributes():
    # 100 by 50:30:20 would give 50/30/20, but the first is capped at 40: the excess 10 is
    # re-split 30:20 among the others → 6 / 4 → 40 / 36 / 24.
    assert allocate(100, [50, 30, 20], [40, 100, 100]) == [40, 36, 24]
    # More than Σ caps: everyone gets the cap.
    assert allocate(500, [1, 1], [100, 50]) == [100, 50]
    # Zero weight gets nothing.
    assert allocate(10, [0, 5, 5]) == [0, 5, 5]


def test_split_even_keeps_the_sign():
    assert split_even(-7, 3) == [-3, -2, -2]
    assert sum(split_even(12345, 12)) == 12345


def test_ratio_is_none_when_not_computable():
    assert ratio(1, 0) is None
    assert ratio(1, -5, positive_denominator=True) is None
    assert ratio(1, 3) == D("0.3333")
    assert ratio(2, 3, D("0.01")) == D("0.67")


@given(
    total=st.integers(0, 10**7),
    rows=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=15),
)
def test_allocation_sums_exactly_and_never_exceeds_caps(total, rows):
    weights = [w for w, _ in rows]
    caps = [c for _, c in rows]
    parts = allocate(total, weights, caps)
    assert sum(parts) == min(total, sum(caps))
    assert all(0 <= p <= c for p, c in zip(parts, caps))
    if any(w > 0 and c > 0 for w, c in rows):
        # Nothing goes to a zero-weight item while a weighted item still has room.
        room = any(p < c for p, c, w in zip(parts, caps, weights) if w > 0)
        if room:
            assert all(p == 0 for p, w in zip(parts, weights) if w == 0)


@given(total=st.integers(0, 10**7), weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_uncapped_allocation_is_within_one_of_exact_share(total, weights):
    parts = allocate(total, weights)
    assert sum(parts) == total
    if sum(weights):
        for p, w in zip(parts, weights):
            exact = total * w / sum(weights)
            assert abs(p - exact) < 1
