"""タックスプラン: 繰越欠損金 use (oldest first), 10-year expiry, 中小法人 100% / 50%, 均等割."""

from decimal import Decimal as D

from kaizen_guide.finance.tax import compute_tax
from kaizen_guide.model.plan import TaxSettings

TAX = TaxSettings(effective_rate=D("0.30"), per_capita_levy=70, carryforward_years=10)


def test_use_oldest_first_then_tax_the_rest():
    buckets = {-10: 1000, -3: 5000}
    # Year 0, 税引前 8,000: use −10's 1,000 (its last usable year is −10 + 10 = 0), then −3's
    # 5,000 → used 6,000; 課税所得 2,000 × 30% = 600; + 均等割 70 = 670.
    calc, after = compute_tax(TAX, buckets, 0, 8000)
    assert (calc.used, calc.taxable_income, calc.corporate_tax, calc.total_taxes) == (6000, 2000, 600, 670)
    assert after == {}
    assert calc.carryforward_opening == 6000 and calc.carryforward_closing == 0


def test_unused_loss_expires_after_ten_years():
    # A 5,000 loss from year −10 can be used up to year 0; with only 1,000 of income in year 0,
    # 1,000 is used and the remaining 4,000 expires at the end of year 0.
    calc, after = compute_tax(TAX, {-10: 5000}, 0, 1000)
    assert (calc.used, calc.expired, calc.carryforward_closing) == (1000, 4000, 0)
    assert calc.total_taxes == 70  # 均等割 only
    assert after == {}


def test_loss_arising_in_plan_is_carried_ten_years_then_expires():
    b = {}
    calc, b = compute_tax(TAX, b, 0, -3000)  # 計画0年目 loss 3,000
    assert calc.arising == 3000 and b == {0: 3000}
    assert calc.total_taxes == 70  # 均等割 is paid in a loss year too
    for year in range(1, 10):  # years 1..9 break even: still carried
        calc, b = compute_tax(TAX, b, year, 0)
        assert calc.expired == 0 and b == {0: 3000}
    calc, b = compute_tax(TAX, b, 10, 0)  # year 0 + 10: last year, then it expires
    assert calc.expired == 3000 and b == {}
    # Closing = opening + arising − used − expired
    assert calc.carryforward_closing == calc.carryforward_opening + calc.arising - calc.used - calc.expired


def test_loss_is_usable_in_its_tenth_year():
    calc, _ = compute_tax(TAX, {0: 3000}, 10, 5000)
    assert calc.used == 3000 and calc.taxable_income == 2000 and calc.corporate_tax == 600


def test_large_company_uses_only_half_of_income():
    tax = TAX.model_copy(update={"sme_full_loss_use": False})
    # 所得 10,000: 50% limit → use 5,000 of 8,000; 課税 5,000 × 30% = 1,500; + 70
    calc, after = compute_tax(tax, {-1: 8000}, 0, 10000)
    assert (calc.used, calc.taxable_income, calc.total_taxes) == (5000, 5000, 1570)
    assert after == {-1: 3000}


def test_sample_tax_plan(sample_plan):
    from kaizen_guide.finance import compute_projection

    proj = compute_projection(sample_plan)
    # 期首の繰越欠損金 10,600 + 34,800 + 41,050 = 86,450
    assert proj.tax[0].carryforward_opening == 86450
    for prev, cur in zip(proj.tax, proj.tax[1:]):
        assert cur.carryforward_opening == prev.carryforward_closing
    for t, pl in zip(proj.tax, proj.pl):
        assert t.total_taxes == pl.income_taxes == t.corporate_tax + t.per_capita
        assert t.per_capita == 290
        assert t.carryforward_closing == t.carryforward_opening + t.arising - t.used - t.expired
