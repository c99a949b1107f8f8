"""資産保全表 and プロラタ: a worked three-bank case with a fully secured bank."""

from decimal import Decimal as D

from finance_factories import three_bank_plan

from kaizen_guide.finance import FinanceSettings, compute_projection
from kaizen_guide.finance.coverage import compute_coverage
from kaizen_guide.finance.loans import bank_balances_and_guarantees, decide_repayments, initial_loans


def _coverage(plan, settings=FinanceSettings()):
    names, loans = initial_loans(plan)
    bal, gua = bank_balances_and_guarantees(settings, names, loans)
    dep = {b.name: b.pledged_deposits for b in plan.banks}
    return {c.bank: c for c in compute_coverage(names, bal, gua, dep, plan.collaterals)}


def test_collateral_flows_down_the_ranks():
    cov = _coverage(three_bank_plan())
    # 本社: 処分可能見込額 = 40,000 × 0.7 = 28,000.
    # 1st rank C銀行: min(28,000, 極度額 25,000, claim 20,000) = 20,000 → 8,000 left.
    # 2nd rank A銀行: min(8,000, 極度額 10,000, claim 50,000) = 8,000.
    assert cov["C銀行"].collateral_total == 20000 and cov["C銀行"].unsecured == 0
    assert cov["A銀行"].collateral_total == 8000 and cov["A銀行"].unsecured == 42000
    a_lien = cov["A銀行"].collateral[0]
    assert (a_lien.realizable_value, a_lien.available, a_lien.allocated) == (28000, 8000, 8000)
    # B信金: 保証協会 30,000 × 80% = 24,000 → 信用残 6,000.
    assert cov["B信金"].guarantee == 24000 and cov["B信金"].unsecured == 6000


def test_guarantee_can_be_excluded_from_coverage():
    cov = _coverage(three_bank_plan(), FinanceSettings(guarantee_counts_as_secured=False))
    assert cov["B信金"].guarantee == 0 and cov["B信金"].unsecured == 30000


def test_extreme_amount_caps_the_first_rank():
    plan = three_bank_plan()
    plan.banks[2].loans[0].balance = 27000
    cov = _coverage(plan)
    # C: min(28,000, 極度額 25,000, 27,000) = 25,000 → 信用残 2,000; 3,000 flows to A.
    assert cov["C銀行"].unsecured == 2000
    assert cov["A銀行"].collateral_total == 3000


def _allocate(plan, capacity):
    settings = FinanceSettings()
    names, loans = initial_loans(plan)
    dec = decide_repayments(plan, settings, names, loans, 1, 12, capacity)
    by_bank = {n: 0 for n in names}
    for ln, p in zip(loans, dec.per_loan):
        by_bank[ln.bank] += p
    return by_bank, dec


def test_balance_prorata_three_banks():
    # 残高 50,000 : 30,000 : 20,000 → 10,000 splits 5,000 / 3,000 / 2,000.
    by_bank, _ = _allocate(three_bank_plan("balance"), 10000)
    assert by_bank == {"A銀行": 5000, "B信金": 3000, "C銀行": 2000}


def test_unsecured_prorata_gives_nothing_to_the_fully_secured_bank():
    # 信用残 42,000 : 6,000 : 0 → 10,000 × 42/48 = 8,750; × 6/48 = 1,250; C銀行 0.
    by_bank, dec = _allocate(three_bank_plan("unsecured"), 10000)
    assert by_bank == {"A銀行": 8750, "B信金": 1250, "C銀行": 0}
    assert dec.bases == {"A銀行": 42000, "B信金": 6000, "C銀行": 0}
    # 10,001: exact 8,750.875 / 1,250.125 → floors 8,750 + 1,250 = 10,000; the 1 left goes to
    # the larger remainder (.875, A銀行).
    by_bank, _ = _allocate(three_bank_plan("unsecured"), 10001)
    assert by_bank == {"A銀行": 8751, "B信金": 1250, "C銀行": 0}


def test_allocation_never_exceeds_a_balance_and_redistributes():
    # 信用残 basis, capacity 60,000: A would get 60,000 × 42/48 = 52,500 > its 50,000 balance;
    # A is capped at 50,000 and the excess goes to B (the only other bank with a base).
    by_bank, _ = _allocate(three_bank_plan("unsecured"), 60000)
    assert by_bank == {"A銀行": 50000, "B信金": 10000, "C銀行": 0}
    # More than everything owed (100,000): each bank repays its balance exactly.
    by_bank, _ = _allocate(three_bank_plan("balance"), 150000)
    assert by_bank == {"A銀行": 50000, "B信金": 30000, "C銀行": 20000}


def test_guaranteed_loans_on_contract():
    plan = three_bank_plan("balance")
    plan.support.guaranteed_on_contract = True
    by_bank, _ = _allocate(plan, 10000)
    # B信金 (保証協会付) repays its 約定 300 × 12 = 3,600 first; the pool 6,400 is split
    # 50,000 : 20,000 → 4,571.43 / 1,828.57 → 4,571 + 1,828 = 6,399, 1 left to C (.57 > .43).
    assert by_bank == {"A銀行": 4571, "B信金": 3600, "C銀行": 1829}


def test_sample_coverage_table(sample_plan):
    cov = {c.bank: c for c in compute_projection(sample_plan).coverage.banks}
    # ひまわり: 保証 60,000 × 0.8 = 48,000; 預金 5,000; 本店 105,000 (150,000 × 0.7) ≤ 極度 120,000
    # → 保全 158,000, 信用残 42,000. Nothing is left of 本店 for あおば's 2nd rank.
    assert (cov["ひまわり銀行"].secured_total, cov["ひまわり銀行"].unsecured) == (158000, 42000)
    assert cov["あおば信用金庫"].collateral_total == 0
    assert cov["あおば信用金庫"].unsecured == 20000  # 90,000 − 保証 70,000 (100%)
    assert cov["日本政策金融公庫"].unsecured == 40000
    # 北央: 自宅 40,000 × 0.7 = 28,000, 極度 20,000 ≥ claim 17,000 → fully secured.
    assert cov["北央銀行"].unsecured == 0
    assert cov["北央銀行"].unsecured_share == D("0")
    assert cov["ひまわり銀行"].unsecured_share == D("0.4118")  # 42,000 ÷ 102,000


def test_sample_unsecured_basis_gives_hokuo_nothing(sample_plan):
    sample_plan.support.allocation_basis = "unsecured"
    proj = compute_projection(sample_plan)
    hokuo = next(b for b in proj.repayment.banks if b.bank == "北央銀行")
    for y, months in zip(hokuo.years, proj.repayment.support_months):
        if months == 12:
            assert y.repayment == 0 and y.base_amount == 0
    assert proj.repayment.basis_label == "信用残高プロラタ"
