"""Export timing: workbook (build + save) and Markdown / HTML reports.

    python benchmarks/bench_export.py [--repeat N]

Plans: the built-in sample (3 segments, 4 banks, 5 years) and a large generated plan
(20 segments, 15 banks, 10 years, 20 actions, 6 properties). Prints the mean in ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from decimal import Decimal as D
from pathlib import Path


def build_large_plan():
    """The sample company grown to 20 売上区分, 15 banks and a 10-year plan (for timing and tests)."""
    from kaizen_guide.model.plan import (
        ActionItem,
        Bank,
        CapexItem,
        Collateral,
        Countermeasure,
        Issue,
        Kpi,
        Lien,
        Loan,
        SalesSegment,
    )
    from kaizen_guide.sample import build_sample_plan

    plan = build_sample_plan()
    plan.targets.plan_years = 10
    plan.drivers.segments = [
        SalesSegment(
            name=f"区分{i + 1:02d}",
            unit="件",
            unit_price_yen=[2000 + 150 * i + 10 * y for y in range(11)],
            quantity=[9000 + 300 * i for _ in range(11)],
            basis=f"区分{i + 1}の実績据置",
        )
        for i in range(20)
    ]
    plan.drivers.personnel = [180000 + 500 * y for y in range(11)]
    plan.drivers.other_sga = [112000 + 300 * y for y in range(11)]
    plan.drivers.existing_depreciation = [12000 - 600 * y for y in range(11)]
    plan.drivers.capex = [
        CapexItem(year=y, description=f"設備更新{y}", amount=3000 + 500 * y, useful_life=5) for y in range(1, 11, 2)
    ]
    kinds = ["proper", "guaranteed", "government", "system"]
    banks = []
    for b in range(15):
        loans = [
            Loan(
                label=f"借入{b + 1}-{k + 1}",
                kind=kinds[(b + k) % 4],
                balance=8000 + 1500 * b + 2000 * k,
                interest_rate=D("0.012") + D("0.001") * (b % 5),
                monthly_repayment=120 + 10 * b + 15 * k,
                final_due="2034-03",
                guarantee_ratio=D("0.8") if kinds[(b + k) % 4] == "guaranteed" else D("0"),
            )
            for k in range(3)
        ]
        banks.append(
            Bank(name=f"第{b + 1}銀行", kind="地方銀行", is_main=b == 0, pledged_deposits=500 * (b % 3), loans=loans)
        )
    plan.banks = banks
    plan.collaterals = [
        Collateral(
            name=f"物件{c + 1}",
            market_value=60000 + 10000 * c,
            haircut=D("0.7"),
            liens=[Lien(bank=f"第{(c * 2 + r) % 15 + 1}銀行", rank=r + 1, max_amount=30000) for r in range(3)],
        )
        for c in range(6)
    ]
    measures = list(plan.measures)
    issues = list(plan.issues)
    actions = []
    lines = ["sales", "cost_of_sales", "personnel", "other_sga", "non_operating_income"]
    for i in range(20):
        m = measures[i % len(measures)]
        actions.append(
            ActionItem(
                id=f"A{i + 1}",
                measure_id=m.id,
                title=f"施策{i + 1}の実施",
                method="手順を決めて毎月確認する",
                owner=f"担当者{i % 6 + 1}",
                start=f"{2027 + i // 12}-{i % 12 + 1:02d}",
                due=f"{2028 + i // 8}-{(i * 5) % 12 + 1:02d}",
                kpi=Kpi(name=f"KPI{i + 1}", target=D(1000 + 50 * i), unit="件", basis="実績から算定"),
                pl_line=lines[i % len(lines)],
                effects=[800 + 100 * i + 50 * y for y in range(10)],
                budget=100,
            )
        )
    plan.actions = actions
    plan.issues = issues + [Issue(id="I9", title="追加の課題", description="検証用", priority=9)]
    plan.measures = measures + [Countermeasure(id="M9", title="追加の対策", category="cost", issue_ids=["I9"])]
    return plan


def _time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.mean(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from kaizen_guide.export.report import render_plan_report
    from kaizen_guide.export.workbook import build_workbook, save_workbook
    from kaizen_guide.finance import compute_projection
    from kaizen_guide.sample import build_sample_plan

    plans = {"sample": build_sample_plan(), "large (20 segments, 15 banks, 10 years)": build_large_plan()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, plan in plans.items():
            proj = compute_projection(plan)
            out = Path(tmp) / "plan.xlsx"
            # warm up (imports, template compilation)
            save_workbook(build_workbook(plan, proj), out)
            render_plan_report(plan, proj, [], fmt="md")
            render_plan_report(plan, proj, [], fmt="html")
            build = _time(lambda: build_workbook(plan, proj), args.repeat)
            both = _time(lambda: save_workbook(build_workbook(plan, proj), out), args.repeat)
            md = _time(lambda: render_plan_report(plan, proj, [], fmt="md"), args.repeat)
            html = _time(lambda: render_plan_report(plan, proj, [], fmt="html"), args.repeat)
            print(f"{name}:")
            print(f"  workbook build        {build:8.1f} ms")
            print(f"  workbook build + save {both:8.1f} ms   ({out.stat().st_size / 1024:.0f} KiB)")
            print(f"  report md             {md:8.1f} ms")
            print(f"  report html           {html:8.1f} ms")


if __name__ == "__main__":
    main()
