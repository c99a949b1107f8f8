"""The sample company's figures: three years of actuals (P/L, B/S) and the 5-year projection drivers.

Kept apart from :mod:`kaizen_guide.sample` (the plan's story) so each stays small; the numbers are
literals on purpose, so a reader can compare them with the workbook cell by cell.
Actual years' B/S: 利益剰余金 moves by each year's 当期純利益 (-10,890 / -35,090 / -41,340).
"""

from __future__ import annotations

from decimal import Decimal as D

from .model.plan import (
    BalanceSheet,
    CapexItem,
    Drivers,
    Financials,
    FiscalYearActual,
    LossCarryforward,
    ProfitAndLoss,
    RealBalanceAdjustment,
    SalesSegment,
    TaxSettings,
)


def financials() -> Financials:
    """2024〜2026年3月期の決算 (P/L, B/S, 実態修正)."""
    return Financials(
        years=[
            FiscalYearActual(
                label="2024年3月期",
                period_end="2024-03",
                employees=42,
                capex=4000,
                pl=ProfitAndLoss(
                    sales=520000,
                    cost_of_sales=202800,
                    sga=324000,
                    personnel=190000,
                    depreciation=14000,
                    non_operating_income=3000,
                    non_operating_expenses=6800,
                    interest_expense=6500,
                    extraordinary_income=0,
                    extraordinary_loss=0,
                    income_taxes=290,
                ),
                bs=BalanceSheet(
                    cash=48000,
                    accounts_receivable=22000,
                    inventory=10000,
                    other_current_assets=7000,
                    tangible_fixed_assets=276000,
                    intangible_fixed_assets=2400,
                    investments_and_other=17000,
                    accounts_payable=16000,
                    short_term_borrowings=30000,
                    long_term_borrowings=270000,
                    officer_borrowings=10000,
                    other_current_liabilities=14970,
                    other_fixed_liabilities=5000,
                    capital_stock=10000,
                    retained_earnings=26430,
                ),
            ),
            FiscalYearActual(
                label="2025年3月期",
                period_end="2025-03",
                employees=40,
                capex=5000,
                pl=ProfitAndLoss(
                    sales=480000,
                    cost_of_sales=192000,
                    sga=313000,
                    personnel=185000,
                    depreciation=13000,
                    non_operating_income=2500,
                    non_operating_expenses=7300,
                    interest_expense=7000,
                    extraordinary_income=0,
                    extraordinary_loss=5000,
                    income_taxes=290,
                ),
                bs=BalanceSheet(
                    cash=40000,
                    accounts_receivable=20000,
                    inventory=9000,
                    other_current_assets=6500,
                    tangible_fixed_assets=268000,
                    intangible_fixed_assets=2200,
                    investments_and_other=16000,
                    accounts_payable=15000,
                    short_term_borrowings=30000,
                    long_term_borrowings=290000,
                    officer_borrowings=15000,
                    other_current_liabilities=5360,
                    other_fixed_liabilities=5000,
                    capital_stock=10000,
                    retained_earnings=-8660,
                ),
            ),
            FiscalYearActual(
                label="2026年3月期",
                period_end="2026-03",
                employees=38,
                capex=3000,
                pl=ProfitAndLoss(
                    sales=455000,
                    cost_of_sales=186550,
                    sga=304000,
                    personnel=180000,
                    depreciation=12000,
                    non_operating_income=2000,
                    non_operating_expenses=7500,
                    interest_expense=7200,
                    extraordinary_income=0,
                    extraordinary_loss=0,
                    income_taxes=290,
                ),
                bs=BalanceSheet(
                    cash=55000,
                    accounts_receivable=18000,
                    inventory=8000,
                    other_current_assets=6000,
                    tangible_fixed_assets=260000,
                    intangible_fixed_assets=2000,
                    investments_and_other=15000,
                    accounts_payable=14000,
                    short_term_borrowings=30000,
                    long_term_borrowings=317000,
                    officer_borrowings=20000,
                    other_current_liabilities=18000,
                    other_fixed_liabilities=5000,
                    capital_stock=10000,
                    retained_earnings=-50000,
                ),
            ),
        ],
        real_bs_adjustments=[
            RealBalanceAdjustment(
                item="滞留在庫 (酒類) の評価減", category="accounting", amount=-2000, note="1年以上出庫のない酒類在庫"
            ),
            RealBalanceAdjustment(
                item="保険積立金を解約返戻金で評価", category="accounting", amount=-3000, note="解約返戻金証明書による"
            ),
            RealBalanceAdjustment(
                item="本店土地の含み損", category="unrealised", amount=-15000, note="路線価ベースの時価と簿価の差"
            ),
            RealBalanceAdjustment(
                item="役員借入金 (代表者) を資本とみなす",
                category="sme_owner",
                amount=20000,
                note="返済期限・利息の定めなし",
            ),
            RealBalanceAdjustment(
                item="代表者個人資産 (自宅) − 個人借入",
                category="owner_assets",
                amount=10000,
                note="自宅土地建物 40,000千円 − 住宅ローン 30,000千円",
            ),
        ],
    )


def drivers() -> Drivers:
    """The projection drivers of the base case (成り行き), 計画0〜5年目."""
    # Drivers describe the base case (成り行き): flat volumes at today's prices. Improvements come
    # only from the action items, so the plan shows where every yen of improvement comes from.
    return Drivers(
        segments=[
            SalesSegment(
                name="店舗飲食",
                unit="人",
                unit_price_yen=[2400],
                quantity=[110000],
                basis="2026年3月期の客単価・客数 (POS実績) を据え置き",
            ),
            SalesSegment(
                name="宴会",
                unit="人",
                unit_price_yen=[5000],
                quantity=[24000],
                basis="2026年3月期の実績人数を据え置き (価格改定はA3の効果として計上)",
            ),
            SalesSegment(
                name="仕出し",
                unit="食",
                unit_price_yen=[3000],
                quantity=[23000],
                basis="2026年3月期の実績食数を据え置き (新規開拓はA4の効果として計上)",
            ),
        ],
        cost_ratio=[D("0.41")],
        # 2026年6月の定時株主総会で役員報酬を年7,000千円減額済み (進行期から反映)。
        personnel=[173000],
        # 計画1年目はアクションプランの予算 (A1・A4・A7: 1,400千円) を含む。
        other_sga=[112000, 113400, 112000],
        existing_depreciation=[12000, 11000, 10000, 9000, 8000, 7500],
        capex=[
            CapexItem(year=1, description="POS・シフト管理システム", amount=3000, useful_life=5),
            CapexItem(year=2, description="本店厨房機器の更新", amount=10000, useful_life=8),
        ],
        new_borrowings=[],
        non_operating_income=[2000],
        other_non_operating_expenses=[300],
        extraordinary=[0],
        tax=TaxSettings(
            effective_rate=D("0.34"),
            per_capita_levy=290,
            sme_full_loss_use=True,
            carryforward_years=10,
            loss_carryforwards=[
                LossCarryforward(arising_label="2024年3月期", arising_year_offset=-3, amount=10600),
                LossCarryforward(arising_label="2025年3月期", arising_year_offset=-2, amount=34800),
                LossCarryforward(arising_label="2026年3月期", arising_year_offset=-1, amount=41050),
            ],
        ),
        minimum_cash=20000,
    )
