"""Benchmark of the finance engine: one full ``compute_projection`` (P/L, tax, CF/B/S, metrics,
monthly table, 資産保全表, 返済計画, 3 stress reruns).

    /work/venv/bin/python benchmarks/bench_finance.py [--runs 50]

Cases: the sample plan extended to 10 years and 5 banks; a large generated plan (20 segments,
15 banks, 10 years, 20 actions, shared collateral, 信用残高プロラタ).
"""

from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal as D

from kaizen_guide.finance import compute_projection
from kaizen_guide.model.plan import (
    ActionItem,
    Bank,
    CapexItem,
    Collateral,
    Lien,
    Loan,
    NewBorrowing,
    SalesSegment,
)
from kaizen_guide.sample import build_sample_plan


def sample_10y_5banks():
    plan = build_sample_plan()
    plan.targets.plan_years = 10
    for a in plan.actions:
        a.effects = a.effects + [a.effects[-1]] * 5
    plan.banks.append(
        Bank(
            name="みどり信用組合",
            loans=[
                Loan(label="運転資金", kind="system", balance=15000, interest_rate=D("0.018"), monthly_repayment=250)
            ],
        )
    )
    return plan


def large_plan():
    plan = build_sample_plan()
    plan.targets.plan_years = 10
    plan.drivers.segments = [
        SalesSegment(
            name=f"区分{k:02d}",
            unit="個",
            unit_price_yen=[1000 + 50 * k, 1020 + 50 * k],
            quantity=[20000 + 500 * k, 20500 + 500 * k, 21000 + 500 * k],
        )
        for k in range(20)
    ]
    banks = []
    for b in range(15):
        banks.append(
            Bank(
                name=f"銀行{b:02d}",
                pledged_deposits=1000 * (b % 3),
                loans=[
                    Loan(
                        label=f"借入{b}-{k}",
                        kind=["proper", "guaranteed", "government"][k % 3],
                        balance=20000 + 3000 * b + 1000 * k,
                        interest_rate=D("0.01") + D(b) / 1000,
                        monthly_repayment=300 + 20 * k,
                        guarantee_ratio=D("0.8") if k % 3 == 1 else D("0"),
                    )
                    for k in range(3)
                ],
            )
        )
    plan.banks = banks
    plan.collaterals = [
        Collateral(
            name=f"物件{c}",
            market_value=120000 + 10000 * c,
            haircut=D("0.7"),
            liens=[Lien(bank=f"銀行{(c * 2 + r) % 15:02d}", rank=r + 1, max_amount=60000) for r in range(3)],
        )
        for c in range(6)
    ]
    plan.drivers.capex = [CapexItem(year=y, amount=5000 + 500 * y, useful_life=8) for y in range(11)]
    plan.drivers.new_borrowings = [
        NewBorrowing(year=2, bank="銀行00", amount=30000, term_years=7),
        NewBorrowing(year=5, bank="新規銀行", amount=20000, term_years=5),
    ]
    plan.actions = [
        ActionItem(
            id=f"A{k}",
            measure_id="M1",
            title=f"施策{k}",
            owner="担当",
            start="2027-04",
            due="2028-03",
            pl_line=["sales", "cost_of_sales", "personnel", "other_sga", "non_operating_income"][k % 5],
            effects=[1000 * (k + 1) + 200 * y for y in range(10)],
        )
        for k in range(20)
    ]
    plan.support.allocation_basis = "unsecured"
    plan.support.guaranteed_on_contract = True
    # Borrowings on the latest B/S no longer match the bank list: the difference is carried as
    # その他借入金 by the engine (which the benchmark also exercises).
    return plan


def bench(name: str, plan, runs: int) -> None:
    compute_projection(plan)  # warm-up (imports, pydantic schemas)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        compute_projection(plan)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(
        f"{name:<44} runs={runs:>3}  mean={statistics.mean(times):7.1f} ms  p95={p95:7.1f} ms  min={times[0]:7.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    bench("sample (5 years, 4 banks)", build_sample_plan(), args.runs)
    bench("sample extended (10 years, 5 banks)", sample_10y_5banks(), args.runs)
    bench("large (20 segments, 15 banks, 10 years)", large_plan(), args.runs)


if __name__ == "__main__":
    main()
