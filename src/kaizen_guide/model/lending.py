"""借入 of the plan (金融機関別返済計画, 資産保全表): loans, banks, liens and collateral."""

from decimal import Decimal
from typing import Literal

from .common import Amount, F, KGModel, Rate, Ratio, YearMonth

# ---------------------------------------------------------------------------------------------
# 借入 (金融機関別返済計画, 資産保全表)


LoanKind = Literal["proper", "guaranteed", "government", "system"]
"""プロパー / 保証協会付 / 政府系 (日本公庫等) / 制度融資."""


class Loan(KGModel):
    """One loan (借入) from one bank."""

    label: str = F("借入の名称 (例: 運転資金 2023年実行)", "")
    kind: LoanKind = F("種類 (proper=プロパー / guaranteed=保証協会付 / government=政府系 / system=制度融資)", "proper")
    balance: Amount = F("借入残高", ge=0)
    interest_rate: Rate = F("金利", Decimal("0"))
    monthly_repayment: Amount = F("約定返済額 (月額)", 0, ge=0)
    final_due: YearMonth | None = F("最終期限", None)
    guarantee_ratio: Ratio = F("保証協会の保証割合", Decimal("0"))
    purpose: str = F("資金使途", "")

    @property
    def guaranteed_amount(self) -> int:
        """保証協会保証額, rounded down (conservative: 保全 is never overstated)."""
        return int(self.balance * self.guarantee_ratio)


class Bank(KGModel):
    """A lender and its loans."""

    name: str = F("金融機関名")
    kind: str = F("業態 (地方銀行・信用金庫・政府系など)", "")
    is_main: bool = F("メインバンク (meta.main_bank から決まる)", False)
    pledged_deposits: Amount = F("担保預金 (拘束性預金)", 0, ge=0)
    loans: list[Loan] = F("借入", default_factory=list)

    @property
    def balance(self) -> int:
        return sum(loan.balance for loan in self.loans)


class Lien(KGModel):
    """担保権: a bank's (根)抵当権 on a property, by rank, up to its 極度額/設定額."""

    bank: str = F("金融機関名")
    rank: int = F("順位", ge=1)
    max_amount: Amount = F("極度額・設定額", ge=0)


class Collateral(KGModel):
    """担保物件 and the liens on it (資産保全表)."""

    name: str = F("物件名 (例: 本社土地建物)")
    kind: Literal["real_estate", "deposit", "securities", "other"] = F("種類", "real_estate")
    owner: str = F("所有者 (会社・代表者個人など)", "会社")
    market_value: Amount = F("評価額 (時価)", ge=0)
    haircut: Ratio = F("掛目 (処分可能見込額の割合)", Decimal("0.7"))
    liens: list[Lien] = F("担保権", default_factory=list)

    @property
    def realizable_value(self) -> int:
        """処分可能見込額 = 評価額 × 掛目 (rounded down: 保全 is never overstated)."""
        return int(self.market_value * self.haircut)
