"""compute_projection: run the engine and assemble the result models."""

from __future__ import annotations

from decimal import Decimal

from ..model.plan import Plan
from .coverage import CoverageCalc, compute_coverage, coverage_table
from .engine import RunResult, run
from .labels import build_labels
from .loans import bank_balances_and_guarantees
from .metrics import MetricInputs, actual_inputs, compute_metrics, plan_employees, real_adjustments
from .monthly import build_monthly
from .results import (
    ActionEffect,
    BankRepayment,
    BankRepaymentYear,
    CashFlowYear,
    InterestYear,
    PlYear,
    Projection,
    RepaymentPlan,
)
from .settings import FinanceSettings
from .stress import run_stress
from .targets import definitions, evaluate, numeric_checks

BASIS_LABELS = {"balance": "残高プロラタ", "unsecured": "信用残高プロラタ"}


def compute_projection(plan: Plan, settings: FinanceSettings | None = None) -> Projection:
    settings = settings or FinanceSettings()
    n = plan.targets.plan_years
    labels = build_labels(plan, n)
    res = run(plan, settings, n)
    notes = list(res.notes)
    names = res.bank_names
    lab = [lb.label for lb in labels.plan]

    pl, tax, cf, bs, interest = [], [], [], [], []
    for yc in res.years:
        op, y = yc.op, yc.year
        effects = {
            e.action_id: ActionEffect(
                action_id=e.action_id,
                title=e.title,
                pl_line=e.pl_line,
                amount=e.amount,
                cost_of_sales_carried=e.cost_of_sales_carried,
                ordinary_income_impact=e.ordinary_income_impact,
                pretax_income_impact=e.pretax_income_impact,
            )
            for e in op.effects
        }
        pl.append(
            PlYear(
                year=y,
                label=lab[y],
                cost_ratio=op.cost_ratio,
                sales_by_segment=op.sales_by_segment,
                base_sales=op.base_sales,
                sales_effects=op.sales_effects,
                sales=op.sales,
                base_cost_of_sales=op.base_cost_of_sales,
                cost_of_sales_on_effects=op.cost_of_sales_on_effects,
                cost_of_sales_effects=op.cost_of_sales_effects,
                cost_of_sales=op.cost_of_sales,
                gross_profit=op.gross_profit,
                base_personnel=op.base_personnel,
                personnel_effects=op.personnel_effects,
                personnel=op.personnel,
                depreciation=op.depreciation,
                base_other_sga=op.base_other_sga,
                other_sga_effects=op.other_sga_effects,
                other_sga=op.other_sga,
                sga=op.sga,
                operating_income=op.operating_income,
                non_operating_income=op.non_operating_income,
                interest_expense=yc.interest,
                other_non_operating_expenses=op.other_non_operating_expenses,
                non_operating_expenses=yc.interest + op.other_non_operating_expenses,
                ordinary_income=yc.ordinary_income,
                extraordinary=op.extraordinary,
                pretax_income=yc.pretax_income,
                income_taxes=yc.tax.total_taxes,
                net_income=yc.net_income,
                effects_by_action=effects,
                base_ordinary_income=yc.ordinary_income - op.effects_ordinary,
            )
        )
        tax.append(yc.tax.model_copy(update={"label": lab[y]}))
        c = yc.cf
        cf.append(
            CashFlowYear(
                year=y,
                label=lab[y],
                net_income=c.net_income,
                depreciation=c.depreciation,
                receivables_increase=c.receivables_increase,
                inventory_increase=c.inventory_increase,
                payables_increase=c.payables_increase,
                working_capital_cf=c.working_capital_cf,
                operating_cf=c.operating_cf,
                capex=c.capex,
                investing_cf=c.investing_cf,
                free_cf=c.operating_cf + c.investing_cf,
                borrowing=c.borrowing,
                borrowing_by_bank=c.borrowing_by_bank,
                repayment=c.repayment,
                repayment_by_bank=c.repayment_by_bank,
                shortfall_borrowing=c.shortfall_change,
                financing_cf=c.financing_cf,
                cash_change=c.cash_change,
                cash_opening=c.cash_opening,
                cash_closing=c.cash_closing,
            )
        )
        bs.append(yc.bs.to_result(y, lab[y]))
        interest.append(InterestYear(year=y, total=yc.interest, by_bank=yc.interest_by_bank))
    bs_opening = res.opening.to_result(-1, labels.actual[-1].label if labels.actual else "期首")

    # Metrics: actual years then plan years.
    metrics = [compute_metrics(x, settings) for x in actual_inputs(plan)]
    adj, owner = real_adjustments(plan)
    prev_sales = plan.financials.latest.pl.sales if plan.financials.latest else None
    employees = plan_employees(plan)
    for yc, b in zip(res.years, bs):
        op = yc.op
        metrics.append(
            compute_metrics(
                MetricInputs(
                    offset=yc.year,
                    kind="plan",
                    label=lab[yc.year],
                    sales=op.sales,
                    prev_sales=prev_sales,
                    operating_income=op.operating_income,
                    ordinary_income=yc.ordinary_income,
                    net_income=yc.net_income,
                    depreciation=op.depreciation,
                    income_taxes=yc.tax.total_taxes,
                    employees=employees,
                    cash=b.cash,
                    receivables=b.receivables,
                    inventory=b.inventory,
                    payables=b.payables,
                    borrowings=b.borrowings,
                    officer_borrowings=b.officer_borrowings,
                    net_assets=b.net_assets,
                    total_assets=b.total_assets,
                    real_adjustment=adj,
                    owner_assets=owner,
                ),
                settings,
            )
        )
        prev_sales = op.sales
    plan_metrics = [m for m in metrics if m.kind == "plan"]

    # 資産保全表 at the start (current balances).
    balances, guarantees = bank_balances_and_guarantees(settings, names, res.loans_initial)
    plan_bank_names = [b.name for b in plan.banks]
    deposits = {b.name: b.pledged_deposits for b in plan.banks}
    cov_calcs = compute_coverage(plan_bank_names, balances, guarantees, deposits, plan.collaterals)
    as_of = f"{labels.actual[-1].label}末" if labels.actual else "計画0年目期首"
    coverage = coverage_table(as_of, cov_calcs)

    repayment = _repayment_plan(plan, settings, res, cov_calcs, notes)
    monthly = build_monthly(plan, settings, names, res.years[0], res.years[1])
    stress = run_stress(plan, settings, n, res)
    targets = evaluate(plan, pl, plan_metrics, stress)
    checks = numeric_checks(plan, settings, targets, pl, plan_metrics, prev_sales_actual(plan), monthly, stress, bs)
    notes.extend(_standard_notes(plan, settings))
    return Projection(
        labels=labels,
        plan_years=n,
        pl=pl,
        tax=tax,
        cf=cf,
        bs_opening=bs_opening,
        bs=bs,
        metrics=metrics,
        targets=targets,
        checks=checks,
        stress=stress,
        monthly=monthly,
        coverage=coverage,
        repayment=repayment,
        interest=interest,
        definitions=definitions(settings),
        notes=notes,
    )


def prev_sales_actual(plan: Plan) -> int | None:
    return plan.financials.latest.pl.sales if plan.financials.latest else None


def _repayment_plan(
    plan: Plan, settings: FinanceSettings, res: RunResult, cov_calcs: list[CoverageCalc], notes: list[str]
) -> RepaymentPlan:
    sup = plan.support
    names = res.bank_names
    unsecured0 = {c.bank: c.unsecured for c in cov_calcs}
    banks = []
    for name in names:
        years = []
        for yc in res.years:
            opening = yc.opening_by_bank[name]
            years.append(
                BankRepaymentYear(
                    year=yc.year,
                    opening=opening,
                    contractual=yc.contractual_by_bank[name],
                    repayment=yc.repayment_by_bank[name],
                    reduction=yc.contractual_by_bank[name] - yc.repayment_by_bank[name],
                    new_borrowing=yc.borrowing_by_bank.get(name, 0),
                    closing=yc.closing_by_bank[name],
                    interest=yc.interest_by_bank.get(name, 0),
                    base_amount=yc.bases.get(name, 0),
                    unsecured=yc.unsecured.get(name, 0) if yc.unsecured is not None else None,
                )
            )
        first_loans = [ln for ln in res.loans_initial if ln.bank == name]
        banks.append(
            BankRepayment(
                bank=name,
                balance=sum(ln.balance for ln in first_loans),
                unsecured=unsecured0.get(name, 0),
                contractual_annual=sum(min(ln.monthly * 12, ln.balance) for ln in first_loans),
                years=years,
                total_repayment=sum(y.repayment for y in years),
                total_reduction=sum(y.reduction for y in years),
            )
        )
    total_rep = [sum(yc.repayment_by_bank.values()) for yc in res.years]
    total_con = [sum(yc.contractual_by_bank.values()) for yc in res.years]
    red = [c - r for c, r in zip(total_con, total_rep)]
    plan_notes = []
    if sup.needed:
        plan_notes.append(
            f"返済原資 = 簡易CF × {(Decimal(sup.repayment_share_of_cf) * 100).normalize():f}% "
            f"(マイナスの年は0)。{BASIS_LABELS[sup.allocation_basis]}で各金融機関に配分 (千円未満は最大剰余法)。"
        )
        end = support_end_month(plan)
        period = f"{sup.period_months}か月" + (f" ({end}まで)" if end else "")
        if sup.after_period == "cf_share":
            share2 = sup.after_share_of_cf if sup.after_share_of_cf is not None else sup.repayment_share_of_cf
            after = f"期間後も返済原資 = 簡易CF × {(Decimal(share2) * 100).normalize():f}% で返済します"
        else:
            after = "期間後は約定返済に戻します"
        plan_notes.append(f"金融支援の期間は{period}、{after}。")
        if sup.guaranteed_on_contract:
            plan_notes.append("保証協会付の借入は約定どおり返済し、残りを配分しています。")
        if plan.drivers.new_borrowings:
            plan_notes.append("新規借入は約定どおり返済し (返済原資から優先)、配分の対象外としています。")
    else:
        plan_notes.append("金融支援を依頼しないため、約定どおりの返済としています。")
    return RepaymentPlan(
        needed=sup.needed,
        allocation_basis=sup.allocation_basis,
        basis_label=BASIS_LABELS[sup.allocation_basis],
        repayment_share_of_cf=Decimal(sup.repayment_share_of_cf),
        guaranteed_on_contract=sup.guaranteed_on_contract,
        capacity=[yc.capacity for yc in res.years],
        total_repayment=total_rep,
        total_contractual=total_con,
        total_reduction=red,
        support_months=[yc.support_months for yc in res.years],
        after_support_months=[yc.after_support_months for yc in res.years],
        after_period=sup.after_period,
        after_share_of_cf=Decimal(sup.after_share_of_cf) if sup.after_share_of_cf is not None else None,
        support_end=support_end_month(plan),
        basis_by_year=[
            ("contract" if yc.cf_months == 0 else "balance" if yc.used_fallback else sup.allocation_basis)
            for yc in res.years
        ],
        fallback_years=[yc.year for yc in res.years if yc.used_fallback],
        banks=banks,
        request_total=sum(red),
        notes=plan_notes,
    )


def support_end_month(plan: Plan) -> str:
    """Last month of the support period ("YYYY-MM"), "" without a start or a period."""
    sup = plan.support
    if not sup.needed or not sup.start or sup.period_months <= 0:
        return ""
    y, m = (int(x) for x in sup.start.split("-"))
    last = y * 12 + (m - 1) + sup.period_months - 1
    return f"{last // 12:04d}-{last % 12 + 1:02d}"


def _standard_notes(plan: Plan, settings: FinanceSettings) -> list[str]:
    out = [
        "計画0年目 (進行期) は成り行きの前提のみで、アクションプランの効果は計画1年目から織り込んでいます。",
        "法人税等は発生した年度に納付するものとし、繰越欠損金は古い年度から控除しています。",
        "その他流動資産・投資その他の資産・役員借入金・その他負債は据え置いています。",
    ]
    if plan.support.needed and plan.support.start:
        end = support_end_month(plan)
        out.append(f"金融支援の返済条件は{plan.support.start}から" + (f"{end}まで" if end else "") + "適用しています。")
    return out
