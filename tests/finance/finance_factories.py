"""Small hand-made plans and a hypothesis strategy for random plans (finance tests only)."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import strategies as st

from kaizen_guide.model.plan import (
    ActionItem,
    BalanceSheet,
    Bank,
    CapexItem,
    CashFlowInputs,
    Collateral,
    Drivers,
    Financials,
    FinancialSupport,
    FiscalYearActual,
    Lien,
    Loan,
    LossCarryforward,
    NewBorrowing,
    Plan,
    ProfitAndLoss,
    RealBalanceAdjustment,
    SalesSegment,
    Targets,
    TaxSettings,
)


def three_bank_plan(basis: str = "unsecured") -> Plan:
    """A銀行 50,000 proper (2nd rank on the property), B信金 30,000 保証協会80%, C銀行 20,000 fully
    secured by a 1st-rank lien (処分可能見込額 28,000, 極度額 25,000)."""
    return Plan(
        banks=[
            Bank(name="A銀行", loans=[Loan(balance=50000, monthly_repayment=500, interest_rate=D("0.02"))]),
            Bank(
                name="B信金",
                loans=[
                    Loan(
                        kind="guaranteed",
                        balance=30000,
                        monthly_repayment=300,
                        guarantee_ratio=D("0.8"),
                        interest_rate=D("0.01"),
                    )
                ],
            ),
            Bank(name="C銀行", loans=[Loan(balance=20000, monthly_repayment=200, interest_rate=D("0.02"))]),
        ],
        collaterals=[
            Collateral(
                name="本社",
                market_value=40000,
                haircut=D("0.7"),
                liens=[
                    Lien(bank="C銀行", rank=1, max_amount=25000),
                    Lien(bank="A銀行", rank=2, max_amount=10000),
                ],
            ),
        ],
        support=FinancialSupport(needed=True, allocation_basis=basis),
    )


def small_plan(**kw) -> Plan:
    """One actual year, one segment, one bank: easy to follow by hand."""
    bs = BalanceSheet(
        cash=10000,
        accounts_receivable=5000,
        inventory=2000,
        tangible_fixed_assets=50000,
        accounts_payable=3000,
        long_term_borrowings=40000,
        capital_stock=10000,
        retained_earnings=14000,
    )
    plan = Plan(
        financials=Financials(
            years=[
                FiscalYearActual(
                    label="2026年3月期",
                    period_end="2026-03",
                    pl=ProfitAndLoss(sales=100000, cost_of_sales=60000, sga=38000, personnel=20000, depreciation=3000),
                    bs=bs,
                )
            ]
        ),
        banks=[Bank(name="A銀行", loans=[Loan(balance=40000, monthly_repayment=500, interest_rate=D("0.02"))])],
        targets=Targets(plan_years=3),
        drivers=Drivers(
            segments=[SalesSegment(name="製品", unit_price_yen=[1000], quantity=[100000])],
            cost_ratio=[D("0.6")],
            personnel=[20000],
            other_sga=[15000],
            existing_depreciation=[3000],
            tax=TaxSettings(effective_rate=D("0.3"), per_capita_levy=70),
        ),
        cash=CashFlowInputs(
            cash_sales_ratio=D("0"), collection_months=D("1"), inventory_months=D("0.5"), payment_months=D("1")
        ),
        support=FinancialSupport(needed=False),
    )
    return plan.model_copy(update=kw) if kw else plan


# ---------------------------------------------------------------------------------------------
# hypothesis

BANK_NAMES = ["甲銀行", "乙信金", "丙公庫", "丁銀行", "戊信組", "己銀行"]
months = st.integers(1, 12)


def dec(lo, hi, places=2):
    return st.decimals(min_value=D(lo), max_value=D(hi), places=places, allow_nan=False, allow_infinity=False)


@st.composite
def random_plans(draw) -> Plan:
    n_banks = draw(st.integers(1, 6))
    banks = []
    for b in range(n_banks):
        loans = [
            Loan(
                kind=draw(st.sampled_from(["proper", "guaranteed", "government", "system"])),
                balance=draw(st.integers(0, 200000)),
                monthly_repayment=draw(st.integers(0, 3000)),
                interest_rate=draw(dec("0", "0.05", 3)),
                guarantee_ratio=draw(st.sampled_from([D("0"), D("0.8"), D("1")])),
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        banks.append(Bank(name=BANK_NAMES[b], loans=loans, pledged_deposits=draw(st.integers(0, 10000))))
    names = [b.name for b in banks]
    collaterals = []
    for k in range(draw(st.integers(0, 3))):
        liens = [
            Lien(
                bank=draw(st.sampled_from(names)), rank=draw(st.integers(1, 3)), max_amount=draw(st.integers(0, 150000))
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        collaterals.append(
            Collateral(
                name=f"物件{k}", market_value=draw(st.integers(0, 200000)), haircut=draw(dec("0", "1")), liens=liens
            )
        )
    bank_total = sum(b.balance for b in banks)
    # A balanced latest B/S whose borrowings are the banks' total (± an unassigned part).
    unassigned = draw(st.sampled_from([0, 0, 0, 5000]))
    bs = BalanceSheet(
        cash=draw(st.integers(0, 80000)),
        notes_receivable=draw(st.integers(0, 5000)),
        accounts_receivable=draw(st.integers(0, 40000)),
        inventory=draw(st.integers(0, 30000)),
        other_current_assets=draw(st.integers(0, 10000)),
        tangible_fixed_assets=draw(st.integers(0, 300000)),
        intangible_fixed_assets=draw(st.integers(0, 5000)),
        investments_and_other=draw(st.integers(0, 20000)),
        notes_payable=draw(st.integers(0, 5000)),
        accounts_payable=draw(st.integers(0, 30000)),
        long_term_borrowings=bank_total + unassigned,
        officer_borrowings=draw(st.integers(0, 20000)),
        other_current_liabilities=draw(st.integers(0, 20000)),
        capital_stock=10000,
    )
    bs = bs.model_copy(update={"retained_earnings": bs.total_assets - bs.total_liabilities - 10000})
    actual = FiscalYearActual(
        label="2026年3月期",
        period_end="2026-03",
        pl=ProfitAndLoss(sales=draw(st.integers(1, 800000))),
        bs=bs,
        employees=draw(st.integers(0, 50)),
    )
    plan_years = draw(st.integers(1, 10))
    segs = [
        SalesSegment(
            name=f"区分{k}",
            unit_price_yen=draw(st.lists(st.integers(0, 20000), min_size=1, max_size=3)),
            quantity=draw(st.lists(st.integers(0, 100000), min_size=1, max_size=3)),
        )
        for k in range(draw(st.integers(0, 4)))
    ]
    per_year = lambda lo, hi: st.lists(st.integers(lo, hi), min_size=0, max_size=4)  # noqa: E731
    lines = [
        "sales",
        "cost_of_sales",
        "personnel",
        "other_sga",
        "non_operating_income",
        "non_operating_expenses",
        "extraordinary",
    ]
    actions = [
        ActionItem(
            id=f"A{k}",
            measure_id="M1",
            title=f"施策{k}",
            owner="担当",
            start="2027-04",
            due="2027-09",
            pl_line=draw(st.sampled_from(lines)),
            effects=draw(st.lists(st.integers(-3000, 30000), max_size=10)),
        )
        for k in range(draw(st.integers(0, 5)))
    ]
    drivers = Drivers(
        segments=segs,
        cost_ratio=draw(st.lists(dec("0", "0.9"), max_size=3)),
        personnel=draw(per_year(0, 300000)),
        other_sga=draw(per_year(0, 200000)),
        existing_depreciation=draw(per_year(0, 30000)),
        capex=[
            CapexItem(
                year=draw(st.integers(0, 10)), amount=draw(st.integers(0, 50000)), useful_life=draw(st.integers(1, 15))
            )
            for _ in range(draw(st.integers(0, 3)))
        ],
        new_borrowings=[
            NewBorrowing(
                year=draw(st.integers(0, 10)),
                bank=draw(st.sampled_from(names + ["新銀行"])),
                amount=draw(st.integers(0, 50000)),
                term_years=draw(st.integers(1, 10)),
                interest_rate=draw(dec("0", "0.04", 3)),
            )
            for _ in range(draw(st.integers(0, 2)))
        ],
        non_operating_income=draw(per_year(0, 5000)),
        other_non_operating_expenses=draw(per_year(0, 5000)),
        extraordinary=draw(per_year(-20000, 20000)),
        tax=TaxSettings(
            effective_rate=draw(dec("0", "0.5")),
            per_capita_levy=draw(st.integers(0, 300)),
            sme_full_loss_use=draw(st.booleans()),
            carryforward_years=draw(st.integers(1, 10)),
            loss_carryforwards=[
                LossCarryforward(
                    arising_label="x", arising_year_offset=draw(st.integers(-12, 0)), amount=draw(st.integers(0, 50000))
                )
                for _ in range(draw(st.integers(0, 3)))
            ],
        ),
        minimum_cash=draw(st.integers(0, 20000)),
    )
    seasonality = draw(st.one_of(st.just([]), st.lists(dec("0.5", "1.5"), min_size=12, max_size=12)))
    cash = CashFlowInputs(
        cash_sales_ratio=draw(dec("0", "1")),
        collection_months=draw(dec("0", "3", 1)),
        notes_receivable_months=draw(st.sampled_from([D("0"), D("0"), D("2"), D("3.5")])),
        inventory_months=draw(dec("0", "3", 1)),
        payment_months=draw(dec("0", "3", 1)),
        seasonality=seasonality,
        tax_payment_months=draw(st.lists(months, max_size=2)),
        social_insurance_months=draw(st.lists(months, max_size=1)),
        bonus_months=draw(st.lists(months, max_size=2)),
        bonus_ratio=draw(dec("0", "0.2")),
    )
    support = FinancialSupport(
        needed=draw(st.booleans()),
        allocation_basis=draw(st.sampled_from(["balance", "unsecured"])),
        guaranteed_on_contract=draw(st.booleans()),
        repayment_share_of_cf=draw(dec("0", "1")),
        start=draw(st.sampled_from([None, "2026-10", "2027-04", "2028-01"])),
    )
    return Plan(
        financials=Financials(
            years=[actual],
            real_bs_adjustments=[RealBalanceAdjustment(item="修正", amount=draw(st.integers(-50000, 50000)))],
        ),
        banks=banks,
        collaterals=collaterals,
        actions=actions,
        targets=Targets(plan_years=plan_years),
        drivers=drivers,
        cash=cash,
        support=support,
    )
