"""資産保全表 (coverage by bank) and プロラタ allocation of the 返済原資.

保全 of bank *i* (plan-reference §1.2):
1. 保証協会保証額 = Σ loan balance × 保証割合 (truncated), when
   ``FinanceSettings.guarantee_counts_as_secured``;
2. 担保預金 (pledged deposits), up to what the guarantee leaves uncovered;
3. 不動産等担保: each property's 処分可能見込額 (評価額 × 掛目, truncated) flows down its liens
   by 順位 (ties: the order entered); each lien takes min(value left, 極度額, the bank's claim not
   yet covered); what is left flows to the next rank. Properties are taken in the order entered.
保全合計 ≤ 残高 by construction; 信用残 = 残高 − 保全合計 (≥ 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model.lending import Collateral
from .results import CollateralAllocation, CoverageBank, CoverageTable
from .rounding import Q4, allocate, ratio


@dataclass
class CoverageCalc:
    bank: str
    balance: int
    guarantee: int
    pledged_deposits: int
    # ``_Light`` entries (the amount only) when computed with ``detail=False``: no result models
    # are built for the 信用残 the repayment split needs each year.
    collateral: list[CollateralAllocation | _Light] = field(default_factory=list)

    @property
    def collateral_total(self) -> int:
        return sum(c.allocated for c in self.collateral)

    @property
    def secured_total(self) -> int:
        return self.guarantee + self.pledged_deposits + self.collateral_total

    @property
    def unsecured(self) -> int:
        return max(0, self.balance - self.secured_total)


def compute_coverage(
    bank_names: list[str],
    balances: dict[str, int],
    guarantees: dict[str, int],
    deposits: dict[str, int],
    collaterals: Sequence[Collateral],
    detail: bool = True,
) -> list[CoverageCalc]:
    calcs: dict[str, CoverageCalc] = {}
    for name in bank_names:
        bal = max(0, balances.get(name, 0))
        g = min(bal, max(0, guarantees.get(name, 0)))
        dep = min(bal - g, max(0, deposits.get(name, 0)))
        calcs[name] = CoverageCalc(name, bal, g, dep)
    for col in collaterals:
        available = col.realizable_value
        liens = sorted(enumerate(col.liens), key=lambda t: (t[1].rank, t[0]))
        for _, lien in liens:
            calc = calcs.get(lien.bank)
            if calc is None:
                continue
            claim_left = max(0, calc.balance - calc.secured_total)
            take = max(0, min(available, lien.max_amount, claim_left))
            if detail:
                calc.collateral.append(
                    CollateralAllocation(
                        collateral=col.name,
                        owner=col.owner,
                        rank=lien.rank,
                        market_value=col.market_value,
                        realizable_value=col.realizable_value,
                        max_amount=lien.max_amount,
                        available=available,
                        allocated=take,
                    )
                )
            else:
                calc.collateral.append(_Light(take))
            available -= take
    return [calcs[n] for n in bank_names]


@dataclass
class _Light:
    allocated: int


def coverage_table(as_of: str, calcs: list[CoverageCalc]) -> CoverageTable:
    total_bal = sum(c.balance for c in calcs)
    total_uns = sum(c.unsecured for c in calcs)
    banks = [
        CoverageBank(
            bank=c.bank,
            balance=c.balance,
            collateral=[a for a in c.collateral if isinstance(a, CollateralAllocation)],
            collateral_total=c.collateral_total,
            guarantee=c.guarantee,
            pledged_deposits=c.pledged_deposits,
            secured_total=c.secured_total,
            unsecured=c.unsecured,
            coverage_ratio=ratio(c.secured_total, c.balance, Q4),
            balance_share=ratio(c.balance, total_bal, Q4),
            unsecured_share=ratio(c.unsecured, total_uns, Q4),
        )
        for c in calcs
    ]
    return CoverageTable(
        as_of=as_of,
        banks=banks,
        total_balance=total_bal,
        total_secured=sum(c.secured_total for c in calcs),
        total_unsecured=total_uns,
    )


def prorata(total: int, bases: list[int], caps: list[int]) -> list[int]:
    """プロラタ allocation: largest remainder by ``bases``, never above ``caps`` (the balances);
    the excess over a cap is redistributed to the others. Sums exactly to min(total, Σ caps)."""
    return allocate(total, bases, caps)
