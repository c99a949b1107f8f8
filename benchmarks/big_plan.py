"""A plan about 10× the sample's size, for the scaling benchmarks (issue 18).

20 sales segments, 15 banks, 10 plan years, 60 actions and 36 months of monitoring, built from the
sample company by splitting its figures (so the totals and the story stay those of the sample).

    python benchmarks/big_plan.py OUT.json      # write it (0600, like every plan file)
"""

from __future__ import annotations

import sys
from decimal import Decimal as D
from pathlib import Path

from kaizen_guide.model import Plan
from kaizen_guide.sample import build_sample_plan

N_SEGMENTS, N_BANKS, YEARS, N_ACTIONS, N_MONTHS = 20, 15, 10, 60, 36


def _months(start: str, n: int) -> list[str]:
    y, m = (int(x) for x in start.split("-"))
    out = []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build_big_plan() -> Plan:
    plan = build_sample_plan(monitoring=True)
    plan.targets.plan_years = YEARS

    # Segments: each sample segment split into parts with the same unit price.
    base = plan.drivers.segments
    segs = []
    for i in range(N_SEGMENTS):
        src = base[i % len(base)]
        parts = sum(1 for j in range(N_SEGMENTS) if j % len(base) == i % len(base))
        seg = src.model_copy(deep=True)
        seg.name = f"{src.name}{i // len(base) + 1:02d}"
        seg.quantity = [max(1, q // parts) for q in src.quantity]
        segs.append(seg)
    plan.drivers.segments = segs

    # Banks: the sample's four, then more small ones split off the main bank's working loan.
    banks = plan.banks
    extra = N_BANKS - len(banks)
    donor = banks[0].loans[0]
    share = donor.balance // (extra + 1)
    for k in range(extra):
        b = banks[1].model_copy(deep=True)
        b.name = f"第{k + 1}地域信用組合"
        b.is_main = False
        b.pledged_deposits = 0
        loan = donor.model_copy(deep=True)
        loan.label = f"運転資金 {k + 1}"
        loan.balance = share
        loan.monthly_repayment = max(1, donor.monthly_repayment // (extra + 1))
        b.loans = [loan]
        banks.append(b)
    donor.balance -= share * extra
    donor.monthly_repayment = max(1, donor.monthly_repayment - (donor.monthly_repayment // (extra + 1)) * extra)

    # Actions: the sample's seven, each split into parts (effects divided, so the plan is the same).
    src_actions = plan.actions
    per = N_ACTIONS // len(src_actions) + 1
    actions = []
    for a in src_actions:
        for j in range(per):
            if len(actions) == N_ACTIONS:
                break
            b = a.model_copy(deep=True)
            b.id = f"{a.id}-{j + 1}" if j else a.id
            b.title = f"{a.title} ({j + 1})"
            effects = [e // per for e in a.effects]
            b.effects = effects + [effects[-1]] * (YEARS - len(effects)) if effects else []
            actions.append(b)
    plan.actions = actions

    # Monitoring: the sample's three months repeated over three plan years.
    recs = plan.monitoring
    months = _months(recs[0].month, N_MONTHS)
    out = []
    for i, month in enumerate(months):
        r = recs[i % len(recs)].model_copy(deep=True)
        r.month = month
        prev = months[i - 1] if i else None
        r.action_checks = [c.model_copy(update={"month": prev}) for c in r.action_checks] if prev else []
        out.append(r)
    plan.monitoring = out
    plan.monitoring_plan.period_years = 3
    plan.drivers.minimum_cash = plan.drivers.minimum_cash or 0
    plan.cash.bonus_ratio = plan.cash.bonus_ratio or D("0")
    return plan


def main(argv: list[str] | None = None) -> int:
    from kaizen_guide.model import save_plan

    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    save_plan(build_big_plan(), Path(args[0]), backup=False)
    print(args[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
