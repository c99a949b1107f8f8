"""Bank metrics and ロカベン 6 indicators, worked by hand."""

from decimal import Decimal as D

from kaizen_guide.finance import FinanceSettings, compute_projection
from kaizen_guide.finance.metrics import MetricInputs, compute_metrics


def _inputs(**kw) -> MetricInputs:
    base = dict(
        offset=1,
        kind="plan",
        label="計画1年目",
        sales=120000,
        prev_sales=100000,
        operating_income=6000,
        ordinary_income=5000,
        net_income=3000,
        depreciation=4000,
        income_taxes=1500,
        employees=10,
        cash=10000,
        receivables=15000,
        inventory=5000,
        payables=8000,
        borrowings=100000,
        officer_borrowings=20000,
        net_assets=20000,
        total_assets=80000,
        real_adjustment=-5000,
    )
    base.update(kw)
    return MetricInputs(**base)


def test_each_metric_worked_by_hand():
    m = compute_metrics(_inputs(), FinanceSettings())
    # 簡易CF = 当期純利益 3,000 + 減価償却費 4,000 = 7,000
    assert m.simple_cf == 7000
    # 正常運転資金 = 売上債権 15,000 + 棚卸資産 5,000 − 仕入債務 8,000 = 12,000
    assert m.normal_working_capital == 12000
    # 有利子負債 = 100,000 (役員借入金 20,000 is excluded by default)
    assert m.interest_bearing_debt == 100000
    # 要償還債務 = 100,000 − 現預金 10,000 − 正常運転資金 12,000 = 78,000
    assert m.debt_to_repay == 78000
    # 分母 = 経常利益 5,000 + 減価償却費 4,000 − 法人税等 1,500 = 7,500
    assert m.debt_service_cf == 7500
    # 債務償還年数 = 78,000 ÷ 7,500 = 10.40年
    assert m.debt_repayment_years == D("10.40")
    # 実質純資産 = 20,000 + 実態修正 (−5,000) = 15,000
    assert m.real_net_assets == 15000
    # EBITDA = 6,000 + 4,000 = 10,000; 倍率 = (100,000 − 10,000) ÷ 10,000 = 9.00倍
    assert m.ebitda == 10000
    assert m.ebitda_debt_ratio == D("9.00")
    lb = m.local_benchmark
    assert lb.sales_growth == D("0.2000")  # 120,000 ÷ 100,000 − 1
    assert lb.operating_margin == D("0.0500")  # 6,000 ÷ 120,000
    assert lb.labour_productivity == 600  # 6,000 ÷ 10人
    assert lb.ebitda_debt_ratio == D("9.00")
    assert lb.working_capital_months == D("1.20")  # 12,000 ÷ (120,000 ÷ 12)
    assert lb.equity_ratio == D("0.2500")  # 20,000 ÷ 80,000


def test_debt_years_variants():
    x = _inputs()
    years = lambda v: compute_metrics(x, FinanceSettings(debt_years_variant=v)).debt_repayment_years  # noqa: E731
    assert years("net_of_wc") == D("11.73")  # (100,000 − 12,000) ÷ 7,500 = 11.733…
    assert years("gross") == D("13.33")  # 100,000 ÷ 7,500
    assert years("gross_simple_cf") == D("14.29")  # 100,000 ÷ (3,000 + 4,000) = 14.285…
    with_officer = compute_metrics(x, FinanceSettings(include_officer_borrowings_in_debt=True))
    assert with_officer.interest_bearing_debt == 120000
    assert with_officer.debt_repayment_years == D("13.07")  # (120,000 − 22,000) ÷ 7,500 = 13.066…


def test_simple_cf_variants():
    x = _inputs()
    assert compute_metrics(x, FinanceSettings(simple_cf_variant="ordinary_after_tax")).simple_cf == 7500
    assert compute_metrics(x, FinanceSettings(simple_cf_variant="operating")).simple_cf == 10000


def test_debt_years_not_computable_and_never_negative():
    # 経常利益 −5,000: 分母 = −5,000 + 4,000 − 1,500 = −2,500 ≤ 0 → 算出不能 (None)
    m = compute_metrics(_inputs(ordinary_income=-5000), FinanceSettings())
    assert m.debt_repayment_years is None
    # Denominator exactly 0 is also 算出不能: 0 = −2,500 + 4,000 − 1,500
    assert compute_metrics(_inputs(ordinary_income=-2500), FinanceSettings()).debt_repayment_years is None
    # Cash above debt: 要償還債務 = max(0, 100,000 − 200,000 − 12,000) = 0 → 0年, not negative.
    m = compute_metrics(_inputs(cash=200000), FinanceSettings())
    assert m.debt_to_repay == 0
    assert m.debt_repayment_years == D("0.00")
    # EBITDA ≤ 0 → 倍率 算出不能; net cash gives a negative multiple (ロカベン shows it).
    assert compute_metrics(_inputs(operating_income=-4000), FinanceSettings()).ebitda_debt_ratio is None
    assert compute_metrics(_inputs(cash=110000), FinanceSettings()).ebitda_debt_ratio == D("-1.00")


def test_local_benchmark_edge_cases():
    m = compute_metrics(_inputs(prev_sales=None, employees=0, sales=0), FinanceSettings())
    lb = m.local_benchmark
    assert lb.sales_growth is None
    assert lb.labour_productivity is None
    assert lb.operating_margin is None
    assert lb.working_capital_months is None


def test_sample_latest_actual_metrics(sample_plan):
    proj = compute_projection(sample_plan)
    latest = proj.actual_metrics[-1]
    assert latest.label == "2026年3月期"
    # 簡易CF = 当期純利益 −41,340 + 減価償却費 12,000 = −29,340
    assert latest.simple_cf == -29340
    # 正常運転資金 = 売掛金 18,000 + 在庫 8,000 − 買掛金 14,000 = 12,000
    assert latest.normal_working_capital == 12000
    # 要償還債務 = 347,000 − 55,000 − 12,000 = 280,000; 分母 = −41,050 + 12,000 − 290 < 0
    assert latest.debt_to_repay == 280000
    assert latest.debt_repayment_years is None
    # 実質純資産 = 簿価 −40,000 + (−2,000 −3,000 −15,000 +20,000 +10,000) = −30,000
    assert latest.real_net_assets == -30000
    assert proj.actual_metrics[0].real_net_assets is None  # older years: adjustments unknown
    # ロカベン ① 455,000 ÷ 480,000 − 1 = −0.05208… ② −35,550 ÷ 455,000 = −0.07813…
    assert latest.local_benchmark.sales_growth == D("-0.0521")
    assert latest.local_benchmark.operating_margin == D("-0.0781")
    # ③ −35,550 ÷ 38人 = −935.5… → −936; ⑥ −40,000 ÷ 364,000 = −0.10989…
    assert latest.local_benchmark.labour_productivity == -936
    assert latest.local_benchmark.equity_ratio == D("-0.1099")


def test_plan_year_metrics_follow_the_statements(sample_plan):
    proj = compute_projection(sample_plan)
    for m, pl, bs in zip(proj.plan_metrics, proj.pl, proj.bs):
        assert m.simple_cf == pl.net_income + pl.depreciation
        assert m.normal_working_capital == bs.receivables + bs.inventory - bs.payables
        assert m.debt_to_repay == max(0, bs.borrowings - bs.cash - m.normal_working_capital)
        assert m.real_net_assets == bs.net_assets + 10000
        denom = pl.ordinary_income + pl.depreciation - pl.income_taxes
        if denom > 0:
            assert abs(m.debt_repayment_years - D(m.debt_to_repay) / D(denom)) <= D("0.005")
        else:
            assert m.debt_repayment_years is None
