"""改善目標 vs the projection, and the structured ``numeric.*`` results for the checks module.

黒字化年度 / 債務超過解消年度 are the first plan year from which the condition holds through
the end of the plan (a single good year followed by a relapse does not count).
"""

from __future__ import annotations

from decimal import Decimal

from ..model.plan import Plan
from .results import (
    BalanceSheetYear,
    MetricDefinitions,
    MetricsYear,
    MonthlyTable,
    NumericCheck,
    PlYear,
    StressResult,
    TargetsResult,
)
from .settings import FinanceSettings


def _first_sustained(values: list[bool], start: int = 0) -> int | None:
    first = None
    for y, ok in enumerate(values):
        if y < start:
            continue
        if ok and first is None:
            first = y
        elif not ok:
            first = None
    return first


def evaluate(
    plan: Plan, pl: list[PlYear], plan_metrics: list[MetricsYear], stress: StressResult | None = None
) -> TargetsResult:
    t = plan.targets
    n = len(pl) - 1
    profit_year = _first_sustained([p.ordinary_income > 0 for p in pl])
    solvency_year = _first_sustained([m.real_net_assets is not None and m.real_net_assets >= 0 for m in plan_metrics])
    solvency_before = _first_sustained(
        [m.real_net_assets_before_owner is not None and m.real_net_assets_before_owner >= 0 for m in plan_metrics]
    )
    final_years = plan_metrics[-1].debt_repayment_years
    target_years = Decimal(t.debt_years_target)
    profit_met = profit_year is not None and profit_year <= t.profit_target_year
    solvency_met = solvency_year is not None and solvency_year <= min(t.solvency_target_year, n)
    debt_met = final_years is not None and final_years <= target_years
    return TargetsResult(
        profit_year=profit_year,
        profit_target_year=t.profit_target_year,
        profit_met=profit_met,
        solvency_year=solvency_year,
        solvency_target_year=t.solvency_target_year,
        solvency_met=solvency_met,
        solvency_year_before_owner=solvency_before,
        final_debt_years=final_years,
        debt_years_target=target_years,
        debt_years_met=debt_met,
        all_met=profit_met and solvency_met and debt_met,
        stress_passed=stress.passed if stress is not None else True,
    )


def numeric_checks(
    plan: Plan,
    settings: FinanceSettings,
    targets: TargetsResult,
    pl: list[PlYear],
    plan_metrics: list[MetricsYear],
    actual_sales: int | None,
    monthly: MonthlyTable,
    stress: StressResult,
    bs: list[BalanceSheetYear] | None = None,
) -> list[NumericCheck]:
    out: list[NumericCheck] = []
    short = [(b.year, b.shortfall_borrowings) for b in (bs or []) if b.shortfall_borrowings > 0]
    worst = max(short, key=lambda t: (t[1], -t[0])) if short else None
    out.append(
        NumericCheck(
            rule_id="numeric.cash_shortfall",
            ok=not short,
            severity="error",
            message=(
                "各年度末の現金預金はマイナスになりません。"
                if worst is None
                else f"計画{short[0][0]}年目末に資金が不足し、貸借対照表では不足額を短期借入金 (資金不足の補填) として"
                f"計上しています (最大 計画{worst[0]}年目末 {worst[1]:,}千円、該当: "
                f"{'・'.join(str(y) for y, _ in short)}年目)。借入先の決まっていない資金です。"
                "返済額・設備投資・経費の前提を見直すか、資金調達の手当てを計画に書いてください。"
            ),
            years=[y for y, _ in short],
            data={"first_year": short[0][0] if short else None, "max_amount": worst[1] if worst else 0},
        )
    )
    t = targets
    py = f"計画{t.profit_year}年目" if t.profit_year is not None else "計画期間内に黒字化せず"
    out.append(
        NumericCheck(
            rule_id="numeric.profit_by_year3",
            ok=t.profit_met,
            severity="warning",
            message=(
                f"経常利益は{py}に黒字化し、目標 (計画{t.profit_target_year}年目) を満たしています。"
                if t.profit_met
                else f"経常利益の黒字化が目標の計画{t.profit_target_year}年目までに達成されません ({py})。"
                "協議会の目安は概ね3年以内です。施策の効果額か費用の前提を見直してください。"
            ),
            years=[t.profit_year] if t.profit_year is not None else [],
            data={"profit_year": t.profit_year, "target_year": t.profit_target_year},
        )
    )
    sy = f"計画{t.solvency_year}年目" if t.solvency_year is not None else "計画期間内に解消せず"
    out.append(
        NumericCheck(
            rule_id="numeric.solvency_by_year5",
            ok=t.solvency_met,
            severity="warning",
            message=(
                f"実質債務超過は{sy}に解消し、目標 (計画{t.solvency_target_year}年目) を満たしています。"
                if t.solvency_met
                else f"実質債務超過が目標の計画{t.solvency_target_year}年目までに解消しません ({sy})。"
                "協議会の目安は概ね5年以内です。利益計画・実態BSの修正項目を見直してください。"
            ),
            years=[t.solvency_year] if t.solvency_year is not None else [],
            data={"solvency_year": t.solvency_year, "target_year": t.solvency_target_year},
        )
    )
    fy = "算出不能" if t.final_debt_years is None else f"{t.final_debt_years}年"
    out.append(
        NumericCheck(
            rule_id="numeric.debt_years_final",
            ok=t.debt_years_met,
            severity="warning",
            message=(
                f"計画最終年度の債務償還年数は{fy}で、目標 ({t.debt_years_target}年以内) を満たしています。"
                if t.debt_years_met
                else f"計画最終年度の債務償還年数が{fy}で、目標の{t.debt_years_target}年以内を満たしません。"
                "キャッシュフローの改善か計画期間の延長を検討してください。"
            ),
            years=[len(pl) - 1],
            data={
                "final_debt_years": str(t.final_debt_years) if t.final_debt_years is not None else None,
                "target": str(t.debt_years_target),
            },
        )
    )
    neg = monthly.negative_months
    low = f"{monthly.lowest_label} ({monthly.lowest_balance:,}千円)"
    out.append(
        NumericCheck(
            rule_id="numeric.monthly_cash_negative",
            ok=not neg,
            severity="error",
            message=(
                f"計画1年目の月次資金繰りで資金残高がマイナスになる月はありません。最も少ないのは{low}です。"
                if not neg
                else f"計画1年目の月次資金繰りで資金残高がマイナスになる月があります (最も少ないのは{low})。"
                "返済額・設備投資の時期・資金調達を見直してください。"
            ),
            years=[1],
            data={
                "lowest_month": monthly.lowest_year_month or monthly.lowest_label,
                "lowest_balance": monthly.lowest_balance,
                "minimum_cash": monthly.minimum_cash,
                "below_minimum_months": len(monthly.below_minimum_months),
            },
        )
    )
    jumps = []
    prev = actual_sales
    for p in pl:
        if prev is not None and prev > 0:
            growth = Decimal(p.base_sales - prev) / Decimal(prev)
            if growth > settings.sales_jump_threshold:
                jumps.append(p.year)
        prev = p.base_sales
    th = f"{(settings.sales_jump_threshold * 100).normalize():f}%"
    out.append(
        NumericCheck(
            rule_id="numeric.sales_jump",
            ok=not jumps,
            severity="warning",
            message=(
                "成り行きの売上高に、施策の裏付けのない急な伸びはありません。"
                if not jumps
                else f"成り行き (施策を除く) の売上高が前年から{th}を超えて伸びている年があります "
                f"({'・'.join(f'計画{y}年目' for y in jumps)})。伸びの根拠となる施策をアクションプランに書くか、"
                "売上の前提を見直してください。"
            ),
            years=jumps,
            data={"threshold": str(settings.sales_jump_threshold)},
        )
    )
    out.append(
        NumericCheck(
            rule_id="numeric.stress_fails",
            ok=stress.passed,
            severity="warning",
            message=stress.verdict,
            years=sorted({y.year for s in stress.scenarios for y in s.years if not y.covered or y.cash_closing < 0}),
            data={s.name: ("ok" if s.repayment_covered and s.cash_never_negative else "ng") for s in stress.scenarios},
        )
    )
    return out


def definitions(settings: FinanceSettings) -> MetricDefinitions:
    """What the headline numbers mean (printed on the sheets and in the reports)."""
    from .settings import DEBT_YEARS_DEFINITIONS, DEBT_YEARS_NOTE, SIMPLE_CF_DEFINITIONS

    scf = SIMPLE_CF_DEFINITIONS[settings.simple_cf_variant]
    cases = "・".join(c.name for c in settings.stress_cases) or "なし"
    return MetricDefinitions(
        debt_years=f"{DEBT_YEARS_DEFINITIONS[settings.debt_years_variant]}。{DEBT_YEARS_NOTE}",
        gross_debt_years=f"債務償還年数 (簡易) = 有利子負債 ÷ 簡易CF ({scf})。簡易CFが0以下なら算出不能。",
        simple_cf=scf,
        real_net_assets=(
            "実質純資産 = 簿価純資産 + 実態BS修正。「代表者資産加味前」は代表者個人の資産・負債を除き、"
            "「加味後」は含めた金額 (実質債務超過の判定は加味後)。"
        ),
        profit_year="経常黒字化年度 = その年度から計画最終年度まで、毎年度の経常利益が黒字となる最初の年度。",
        solvency_year="実質債務超過解消年度 = その年度から計画最終年度まで、実質純資産が0以上となる最初の年度。",
        stress=(
            f"ストレステスト: {cases}の場合に、計画の返済額を簡易CFで賄えるか、資金残高がマイナスに"
            "ならないかを計画1年目から確かめます (返済額は計画のまま)。"
        ),
    )
