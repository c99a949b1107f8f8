"""The sample company's banks: four lenders, their loans, and the collateral they share.

Kept apart from :mod:`kaizen_guide.sample` (the plan's story) so each stays small.
"""

from __future__ import annotations

from decimal import Decimal as D

from .model.plan import Bank, Collateral, Lien, Loan


def banks() -> list[Bank]:
    """The four lenders and their loans; ひまわり銀行 is the メインバンク."""
    return [
        Bank(
            name="ひまわり銀行",
            kind="地方銀行",
            is_main=True,
            pledged_deposits=5000,
            loans=[
                Loan(
                    label="運転資金 (保証協会付)",
                    kind="guaranteed",
                    balance=60000,
                    interest_rate=D("0.016"),
                    monthly_repayment=1000,
                    final_due="2031-03",
                    guarantee_ratio=D("0.8"),
                    purpose="運転資金",
                ),
                Loan(
                    label="本店改装資金",
                    kind="proper",
                    balance=110000,
                    interest_rate=D("0.019"),
                    monthly_repayment=1200,
                    final_due="2033-09",
                    purpose="設備資金",
                ),
                Loan(
                    label="当座貸越",
                    kind="proper",
                    balance=30000,
                    interest_rate=D("0.022"),
                    monthly_repayment=0,
                    final_due="2027-03",
                    purpose="運転資金 (短期)",
                ),
            ],
        ),
        Bank(
            name="あおば信用金庫",
            kind="信用金庫",
            loans=[
                Loan(
                    label="新型コロナ対応資金 (保証協会付)",
                    kind="guaranteed",
                    balance=70000,
                    interest_rate=D("0.009"),
                    monthly_repayment=700,
                    final_due="2032-06",
                    guarantee_ratio=D("1"),
                    purpose="運転資金",
                ),
                Loan(
                    label="駅西店改装資金",
                    kind="proper",
                    balance=20000,
                    interest_rate=D("0.024"),
                    monthly_repayment=300,
                    final_due="2030-12",
                    purpose="設備資金",
                ),
            ],
        ),
        Bank(
            name="日本政策金融公庫",
            kind="政府系金融機関",
            loans=[
                Loan(
                    label="新型コロナ特別貸付",
                    kind="government",
                    balance=40000,
                    interest_rate=D("0.012"),
                    monthly_repayment=600,
                    final_due="2032-03",
                    purpose="運転資金",
                ),
            ],
        ),
        Bank(
            name="北央銀行",
            kind="地方銀行",
            loans=[
                Loan(
                    label="仕出し厨房設備資金",
                    kind="proper",
                    balance=17000,
                    interest_rate=D("0.025"),
                    monthly_repayment=350,
                    final_due="2030-03",
                    purpose="設備資金",
                ),
            ],
        ),
    ]


def collaterals() -> list[Collateral]:
    """The collateral, with each lender's lien and its rank."""
    return [
        Collateral(
            name="本店 土地・建物",
            kind="real_estate",
            owner="会社",
            market_value=150000,
            haircut=D("0.7"),
            liens=[
                Lien(bank="ひまわり銀行", rank=1, max_amount=120000),
                Lien(bank="あおば信用金庫", rank=2, max_amount=30000),
            ],
        ),
        Collateral(
            name="代表者自宅 土地",
            kind="real_estate",
            owner="代表者個人",
            market_value=40000,
            haircut=D("0.7"),
            liens=[Lien(bank="北央銀行", rank=1, max_amount=20000)],
        ),
    ]
