"""資金計画 (CF) and 貸借対照表計画 (B/S), which are built together so the B/S balances exactly.

Working capital from ``plan.cash`` terms on the year's P/L (each rounded once):
- 売掛金 = 売上高 × (1 − 現金売上の割合) × 回収サイト ÷ 12
- 受取手形 = 売上高 × (1 − 現金売上の割合) × 手形サイト ÷ 12 (credit sales are settled by note
  when 手形サイト > 0)
- 棚卸資産 = 売上原価 × 在庫回転期間 ÷ 12
- 仕入債務 (支払手形 + 買掛金) = 売上原価 × credit_purchase_ratio × 支払サイト ÷ 12
The plan's 期首 (計画0年目の期首) is the latest actual B/S. その他流動資産, 無形固定資産,
投資その他, 役員借入金 and その他負債 are held constant; 有形固定資産 moves by 設備投資 − 減価償却費;
借入金 by 新規借入 − 返済; 利益剰余金 by 当期純利益; 現預金 by the CF. 法人税等 are paid in the
year they are charged (no 未払法人税等 movement).

現預金 is never negative: a year-end shortfall is funded by an explicit 短期借入金 (資金不足の補填)
(``shortfall_borrowings``), repaid first from the next years' cash. It is part of 有利子負債;
its interest is not projected (the plan has no lender for it: the checks report it as an error).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from ..model.plan import Plan
from .results import BalanceSheetYear
from .rounding import mul
from .settings import FinanceSettings


@dataclass
class WorkingCapital:
    notes_receivable: int
    accounts_receivable: int
    inventory: int
    payables: int

    @property
    def receivables(self) -> int:
        return self.notes_receivable + self.accounts_receivable


def working_capital(plan: Plan, settings: FinanceSettings, sales: int, cost_of_sales: int) -> WorkingCapital:
    c = plan.cash
    credit_sales = Decimal(sales) * (1 - Decimal(c.cash_sales_ratio))
    ar = mul(1, credit_sales * Decimal(c.collection_months) / 12)
    nr = mul(1, credit_sales * Decimal(c.notes_receivable_months) / 12)
    inv = mul(cost_of_sales, Decimal(c.inventory_months) / 12)
    pay = mul(cost_of_sales, Decimal(settings.credit_purchase_ratio) * Decimal(c.payment_months) / 12)
    return WorkingCapital(nr, ar, inv, pay)


@dataclass
class BsState:
    cash: int
    notes_receivable: int
    accounts_receivable: int
    inventory: int
    other_current_assets: int
    tangible_fixed_assets: int
    intangible_fixed_assets: int
    investments_and_other: int
    payables: int
    borrowings_by_bank: dict[str, int]
    borrowings_unassigned: int
    officer_borrowings: int
    other_liabilities: int
    capital: int
    retained_earnings: int
    shortfall_borrowings: int = 0
    """短期借入金 (資金不足の補填): funds a year-end cash shortfall so 現預金 never goes negative."""

    def copy(self) -> BsState:
        return replace(self, borrowings_by_bank=dict(self.borrowings_by_bank))

    @property
    def borrowings(self) -> int:
        return sum(self.borrowings_by_bank.values()) + self.borrowings_unassigned + self.shortfall_borrowings

    @property
    def receivables(self) -> int:
        return self.notes_receivable + self.accounts_receivable

    @property
    def fixed_assets(self) -> int:
        return self.tangible_fixed_assets + self.intangible_fixed_assets + self.investments_and_other

    @property
    def total_assets(self) -> int:
        return self.cash + self.receivables + self.inventory + self.other_current_assets + self.fixed_assets

    @property
    def total_liabilities(self) -> int:
        return self.payables + self.borrowings + self.officer_borrowings + self.other_liabilities

    @property
    def net_assets(self) -> int:
        return self.capital + self.retained_earnings

    @property
    def normal_working_capital(self) -> int:
        return self.receivables + self.inventory - self.payables

    def to_result(self, year: int, label: str) -> BalanceSheetYear:
        total_le = self.total_liabilities + self.net_assets
        return BalanceSheetYear(
            year=year,
            label=label,
            cash=self.cash,
            notes_receivable=self.notes_receivable,
            accounts_receivable=self.accounts_receivable,
            receivables=self.receivables,
            inventory=self.inventory,
            other_current_assets=self.other_current_assets,
            tangible_fixed_assets=self.tangible_fixed_assets,
            intangible_fixed_assets=self.intangible_fixed_assets,
            investments_and_other=self.investments_and_other,
            fixed_assets=self.fixed_assets,
            total_assets=self.total_assets,
            payables=self.payables,
            borrowings=self.borrowings,
            borrowings_by_bank=dict(self.borrowings_by_bank),
            borrowings_unassigned=self.borrowings_unassigned,
            shortfall_borrowings=self.shortfall_borrowings,
            officer_borrowings=self.officer_borrowings,
            other_liabilities=self.other_liabilities,
            total_liabilities=self.total_liabilities,
            capital=self.capital,
            retained_earnings=self.retained_earnings,
            net_assets=self.net_assets,
            total_liabilities_and_net_assets=total_le,
            imbalance=self.total_assets - total_le,
        )


def opening_state(plan: Plan, bank_names: list[str], bank_balances: dict[str, int], notes: list[str]) -> BsState:
    """The latest actual B/S restated (期首 of 計画0年目)."""
    latest = plan.financials.latest
    if latest is None:
        from ..model.plan import BalanceSheet

        bs = BalanceSheet()
        notes.append("決算実績がないため、期首の貸借対照表を0として計算しています。")
    else:
        bs = latest.bs
    other_liab = bs.other_current_liabilities + bs.other_fixed_liabilities
    if bs.imbalance:
        other_liab += bs.imbalance
        notes.append(f"直近期の貸借対照表の差額 {bs.imbalance:,}千円 をその他負債で調整しています。")
    by_bank = {n: bank_balances.get(n, 0) for n in bank_names}
    unassigned = bs.interest_bearing_debt - sum(by_bank.values())
    if unassigned:
        notes.append(
            f"決算書の借入金と金融機関別の借入残高の差 {unassigned:,}千円 は「その他借入金」として"
            "計画期間中そのまま据え置いています。"
        )
    return BsState(
        cash=bs.cash,
        notes_receivable=bs.notes_receivable,
        accounts_receivable=bs.accounts_receivable,
        inventory=bs.inventory,
        other_current_assets=bs.other_current_assets,
        tangible_fixed_assets=bs.tangible_fixed_assets,
        intangible_fixed_assets=bs.intangible_fixed_assets,
        investments_and_other=bs.investments_and_other,
        payables=bs.notes_payable + bs.accounts_payable,
        borrowings_by_bank=by_bank,
        borrowings_unassigned=unassigned,
        officer_borrowings=bs.officer_borrowings,
        other_liabilities=other_liab,
        capital=bs.capital_stock + bs.capital_surplus,
        retained_earnings=bs.retained_earnings,
    )


@dataclass
class CfCalc:
    net_income: int
    depreciation: int
    receivables_increase: int
    inventory_increase: int
    payables_increase: int
    capex: int
    borrowing: int
    borrowing_by_bank: dict[str, int]
    repayment: int
    repayment_by_bank: dict[str, int]
    cash_opening: int
    shortfall_change: int = 0
    """Δ 短期借入金 (資金不足の補填): drawn to keep 現預金 ≥ 0, repaid when cash allows."""

    @property
    def working_capital_cf(self) -> int:
        return -self.receivables_increase - self.inventory_increase + self.payables_increase

    @property
    def operating_cf(self) -> int:
        return self.net_income + self.depreciation + self.working_capital_cf

    @property
    def investing_cf(self) -> int:
        return -self.capex

    @property
    def financing_cf(self) -> int:
        return self.borrowing - self.repayment + self.shortfall_change

    @property
    def cash_change(self) -> int:
        return self.operating_cf + self.investing_cf + self.financing_cf

    @property
    def cash_closing(self) -> int:
        return self.cash_opening + self.cash_change


def roll_forward(
    prev: BsState,
    wc: WorkingCapital,
    net_income: int,
    depreciation: int,
    capex: int,
    borrowing_by_bank: dict[str, int],
    repayment_by_bank: dict[str, int],
) -> tuple[BsState, CfCalc]:
    cf = CfCalc(
        net_income=net_income,
        depreciation=depreciation,
        receivables_increase=wc.receivables - prev.receivables,
        inventory_increase=wc.inventory - prev.inventory,
        payables_increase=wc.payables - prev.payables,
        capex=capex,
        borrowing=sum(borrowing_by_bank.values()),
        borrowing_by_bank=borrowing_by_bank,
        repayment=sum(repayment_by_bank.values()),
        repayment_by_bank=repayment_by_bank,
        cash_opening=prev.cash,
    )
    # Cash if last year's stopgap loan were repaid now; a shortfall is borrowed short-term.
    unfunded = cf.cash_closing - prev.shortfall_borrowings
    need = max(0, -unfunded)
    cf.shortfall_change = need - prev.shortfall_borrowings
    nxt = prev.copy()
    nxt.shortfall_borrowings = need
    nxt.cash = cf.cash_closing
    nxt.notes_receivable = wc.notes_receivable
    nxt.accounts_receivable = wc.accounts_receivable
    nxt.inventory = wc.inventory
    nxt.payables = wc.payables
    nxt.tangible_fixed_assets = prev.tangible_fixed_assets + capex - depreciation
    for bank in set(borrowing_by_bank) | set(repayment_by_bank):
        nxt.borrowings_by_bank[bank] = (
            nxt.borrowings_by_bank.get(bank, 0) + borrowing_by_bank.get(bank, 0) - repayment_by_bank.get(bank, 0)
        )
    nxt.retained_earnings = prev.retained_earnings + net_income
    return nxt, cf
