"""決算 of the plan: P/L and B/S of actual years, 実態修正 (real balance adjustments)."""

from typing import Literal

from .common import Amount, F, KGModel, YearMonth

# ---------------------------------------------------------------------------------------------
# 財務実績 (債務者概況表 ⑥⑦, 資金実績表)


class ProfitAndLoss(KGModel):
    """損益計算書 lines as entered from the 決算書; totals are derived, never typed twice."""

    sales: Amount = F("売上高", 0, ge=0)
    cost_of_sales: Amount = F("売上原価", 0)
    sga: Amount = F("販売費及び一般管理費", 0)
    personnel: Amount = F("うち人件費", 0)
    depreciation: Amount = F("うち減価償却費 (販管費)", 0)
    non_operating_income: Amount = F("営業外収益", 0)
    non_operating_expenses: Amount = F("営業外費用", 0)
    interest_expense: Amount = F("うち支払利息", 0)
    extraordinary_income: Amount = F("特別利益", 0)
    extraordinary_loss: Amount = F("特別損失", 0)
    income_taxes: Amount = F("法人税等", 0)

    @property
    def gross_profit(self) -> int:
        return self.sales - self.cost_of_sales

    @property
    def operating_income(self) -> int:
        return self.gross_profit - self.sga

    @property
    def ordinary_income(self) -> int:
        return self.operating_income + self.non_operating_income - self.non_operating_expenses

    @property
    def pretax_income(self) -> int:
        return self.ordinary_income + self.extraordinary_income - self.extraordinary_loss

    @property
    def net_income(self) -> int:
        return self.pretax_income - self.income_taxes


class BalanceSheet(KGModel):
    """貸借対照表 (一部科目集約), the form's 貸借対照表計画 rows."""

    cash: Amount = F("現金預金", 0)
    notes_receivable: Amount = F("受取手形", 0)
    accounts_receivable: Amount = F("売掛金", 0)
    inventory: Amount = F("棚卸資産", 0)
    other_current_assets: Amount = F("その他流動資産", 0)
    tangible_fixed_assets: Amount = F("有形固定資産", 0)
    intangible_fixed_assets: Amount = F("無形固定資産", 0)
    investments_and_other: Amount = F("投資その他の資産", 0)
    notes_payable: Amount = F("支払手形", 0)
    accounts_payable: Amount = F("買掛金", 0)
    short_term_borrowings: Amount = F("短期借入金", 0)
    long_term_borrowings: Amount = F("長期借入金 (1年内返済予定を含む)", 0)
    officer_borrowings: Amount = F("役員借入金", 0)
    other_current_liabilities: Amount = F("その他流動負債", 0)
    other_fixed_liabilities: Amount = F("その他固定負債", 0)
    capital_stock: Amount = F("資本金", 0)
    capital_surplus: Amount = F("資本剰余金", 0)
    retained_earnings: Amount = F("利益剰余金", 0)

    @property
    def total_assets(self) -> int:
        return (
            self.cash
            + self.notes_receivable
            + self.accounts_receivable
            + self.inventory
            + self.other_current_assets
            + self.tangible_fixed_assets
            + self.intangible_fixed_assets
            + self.investments_and_other
        )

    @property
    def interest_bearing_debt(self) -> int:
        """有利子負債 (短期 + 長期借入金; 役員借入金 is excluded as quasi-equity)."""
        return self.short_term_borrowings + self.long_term_borrowings

    @property
    def total_liabilities(self) -> int:
        return (
            self.notes_payable
            + self.accounts_payable
            + self.short_term_borrowings
            + self.long_term_borrowings
            + self.officer_borrowings
            + self.other_current_liabilities
            + self.other_fixed_liabilities
        )

    @property
    def net_assets(self) -> int:
        return self.capital_stock + self.capital_surplus + self.retained_earnings

    @property
    def imbalance(self) -> int:
        """資産 − (負債 + 純資産); 0 when the sheet balances."""
        return self.total_assets - self.total_liabilities - self.net_assets


class FiscalYearActual(KGModel):
    """One past fiscal year (実績)."""

    label: str = F("決算期 (例: 2026年3月期)")
    period_end: YearMonth = F("決算年月")
    pl: ProfitAndLoss = F("損益計算書", default_factory=ProfitAndLoss)
    bs: BalanceSheet = F("貸借対照表", default_factory=BalanceSheet)
    cost_of_sales_depreciation: Amount = F("製造原価の減価償却費", 0)
    capex: Amount = F("設備投資額", 0, ge=0)
    employees: int | None = F("従業員数", None, ge=0)

    @property
    def depreciation_total(self) -> int:
        return self.pl.depreciation + self.cost_of_sales_depreciation


class RealBalanceAdjustment(KGModel):
    """実態BS修正: one adjustment from 簿価 to 実態 (positive raises net assets)."""

    item: str = F("修正項目 (例: 滞留在庫の評価減)")
    category: Literal["accounting", "unrealised", "sme_owner", "owner_assets"] = F(
        "区分 (accounting=財務会計上の修正 / unrealised=含み損益 / sme_owner=中小企業特性 (役員借入金など)"
        " / owner_assets=代表者個人の資産 − 個人負債)",
        "accounting",
    )
    amount: Amount = F("修正額 (純資産の増減)")
    note: str = F("根拠", "")


class Financials(KGModel):
    """財務実績: at least 3 fiscal years, oldest first, and the 実態BS adjustments on the latest."""

    years: list[FiscalYearActual] = F("決算実績 (古い順)", default_factory=list)
    real_bs_adjustments: list[RealBalanceAdjustment] = F("実態BS修正", default_factory=list)

    @property
    def latest(self) -> FiscalYearActual | None:
        return self.years[-1] if self.years else None
