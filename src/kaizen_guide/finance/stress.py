"""Stress test: the plan rerun with a sales drop, a cost-ratio rise or the actions only partly
achieved (plan years 1..N), keeping the plan's allocated repayments (and so 支払利息) fixed. Each
scenario answers: is the repayment still covered by 簡易CF every year, and does cash stay ≥ 0
without a stopgap 短期借入金?
"""

from __future__ import annotations

from decimal import Decimal

from ..model.plan import Plan
from .engine import RunResult, run
from .results import StressResult, StressScenario, StressYear
from .settings import FinanceSettings


def _pct(d: Decimal) -> str:
    return f"{(d * 100).normalize():f}"


def run_stress(plan: Plan, settings: FinanceSettings, plan_years: int, base: RunResult) -> StressResult:
    fixed = [y.repay_per_loan for y in base.years]
    scenarios = []
    for case in settings.stress_cases:
        res = run(
            plan,
            settings,
            plan_years,
            Decimal(case.sales_change),
            Decimal(case.cost_ratio_change),
            fixed_repayments=fixed,
            effect_achievement=Decimal(case.effect_achievement),
        )
        years = []
        for yc in res.years[1:]:
            repay = sum(yc.repayment_by_bank.values())
            years.append(
                StressYear(
                    year=yc.year,
                    sales=yc.op.sales,
                    ordinary_income=yc.ordinary_income,
                    net_income=yc.net_income,
                    simple_cf=yc.simple_cf,
                    repayment=repay,
                    covered=yc.simple_cf >= repay,
                    # Net of the stopgap loan: the cash the company would have without it.
                    cash_closing=yc.bs.cash - yc.bs.shortfall_borrowings,
                )
            )
        uncovered = [s.year for s in years if not s.covered]
        negative = [s.year for s in years if s.cash_closing < 0]
        low = min(years, key=lambda s: (s.cash_closing, s.year))
        parts = []
        if uncovered:
            first = next(s for s in years if not s.covered)
            parts.append(
                f"計画{first.year}年目に簡易CF ({first.simple_cf:,}千円) が返済額 "
                f"({first.repayment:,}千円) を下回ります (該当: {'・'.join(map(str, uncovered))}年目)"
            )
        if negative:
            first = next(s for s in years if s.cash_closing < 0)
            parts.append(f"計画{first.year}年目末に資金残高が {first.cash_closing:,}千円 とマイナスになります")
        if parts:
            verdict = f"{case.name}の場合、" + "。また、".join(parts) + "。返済計画か手元資金の見直しが必要です。"
        else:
            verdict = (
                f"{case.name}の場合でも、各年の返済額は簡易CFで賄え、資金残高もマイナスになりません"
                f" (最低 計画{low.year}年目末 {low.cash_closing:,}千円)。"
            )
        scenarios.append(
            StressScenario(
                name=case.name,
                sales_change=Decimal(case.sales_change),
                cost_ratio_change=Decimal(case.cost_ratio_change),
                effect_achievement=Decimal(case.effect_achievement),
                years=years,
                repayment_covered=not uncovered,
                cash_never_negative=not negative,
                min_cash=low.cash_closing,
                min_cash_year=low.year,
                verdict=verdict,
            )
        )
    passed = all(s.repayment_covered and s.cash_never_negative for s in scenarios)
    if not scenarios:
        verdict = "ストレステストの条件が設定されていません。"
    elif passed:
        verdict = "すべてのストレスケースで返済額を簡易CFで賄え、資金残高もマイナスになりません。"
    else:
        failed = [s.name for s in scenarios if not (s.repayment_covered and s.cash_never_negative)]
        verdict = f"{'、'.join(failed)}の場合に返済または資金繰りが成り立ちません。下振れ時の対応策 (経費の追加削減・返済額の見直し) を計画に書いてください。"
    return StressResult(scenarios=scenarios, passed=passed, verdict=verdict)
