"""月次資金繰り表 for 計画1年目 (12 months from the month after 決算月).

Built from plan year 1's annual figures so that the twelve months add up to the annual CF
exactly (翌月繰越 of month 12 == cf[1].cash_closing):
- 売上高 and 売上原価 by month: the annual amounts split by ``plan.cash.seasonality``
  (largest remainder; equal months when no seasonality is given).
- 現金売上 = monthly sales × 現金売上の割合; the rest is 掛売上.
- 売掛金回収 / 手形期日入金 / 仕入支払: each balance is settled with a lag of its サイト
  (fractional サイト split between the two neighbouring months). The opening balance (計画0年目末)
  is treated as the last months' flows. Month 12 carries the residual so the year-end balance
  equals the annual B/S (the seasonal/rounding difference between the monthly lag and the annual
  turnover formula is settled there, visibly).
  When 受取手形サイト > 0, 掛売上 are collected by note (売掛金 → 受取手形 → 手形期日入金).
- 棚卸資産 moves linearly from the opening to the closing balance; 仕入 = 売上原価 + Δ在庫;
  ``credit_purchase_ratio`` of it goes through 買掛金, the rest (外注・その他原価) is paid in the month.
- 人件費: 年払い社保 (``labour_insurance_ratio`` × 人件費) in the social-insurance months;
  賞与 (``bonus_ratio`` of the rest) split over the bonus months; salaries evenly.
- 諸経費 (その他販管費 + その他営業外費用), 営業外収益, 支払利息: evenly.
- 納税 (the year's 法人税等) split over the tax months (the last month if none); 設備投資 in
  ``capex_month``; 特別損益 in the last month; 新規借入 in ``borrowing_month``; 返済 evenly by bank;
  the stopgap 短期借入金 (資金不足の補填) change in the last month.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..model.plan import Plan
from .engine import YearCalc
from .labels import first_month_number, fiscal_months
from .results import MonthlyRow, MonthlyTable
from .rounding import mul, split_even, split_weighted, to_int
from .settings import FinanceSettings


def _lagged(opening: int, flows: list[int], lag: Decimal, target: int) -> list[int]:
    """Settlements of a balance with a lag of ``lag`` months; month 12 absorbs the residual so the
    closing balance equals ``target``."""
    lag_f = Fraction(Decimal(lag))
    n = int(lag_f)
    f = lag_f - n
    pay = [Fraction(0)] * 12
    if lag_f == 0:
        pay[0] += opening
        for j in range(12):
            pay[j] += flows[j]
    else:
        q = Fraction(opening) / lag_f
        for k in range(1, 13):
            if k <= n:
                pay[k - 1] += (1 - f) * q
            if k <= n + 1 and f:
                pay[k - 1] += f * q
        for j in range(1, 13):
            if j + n <= 12:
                pay[j + n - 1] += (1 - f) * flows[j - 1]
            if f and j + n + 1 <= 12:
                pay[j + n] += f * flows[j - 1]
    out = [to_int(p) for p in pay]
    natural_closing = opening + sum(flows) - sum(out)
    out[11] += natural_closing - target
    return out


def _month_index(calendar_month: int, first_month: int) -> int:
    return (calendar_month - first_month) % 12


def _spread(total: int, calendar_months: list[int], first_month: int, fallback_index: int) -> list[int]:
    out = [0] * 12
    idx = sorted({_month_index(m, first_month) for m in calendar_months}) or [fallback_index]
    for i, part in zip(idx, split_even(total, len(idx))):
        out[i] += part
    return out


def build_monthly(
    plan: Plan, settings: FinanceSettings, bank_names: list[str], y0: YearCalc, y1: YearCalc
) -> MonthlyTable:
    """``y0``/``y1``: the engine's YearCalc for plan years 0 and 1."""
    c = plan.cash
    op = y1.op
    first = first_month_number(plan)
    weights = (
        [Decimal(w) for w in c.seasonality]
        if len(c.seasonality) == 12 and sum(c.seasonality) > 0
        else [Decimal(1)] * 12
    )
    sales = split_weighted(op.sales, weights)
    cos = split_weighted(op.cost_of_sales, weights)
    cash_ratio = Decimal(c.cash_sales_ratio)
    credit = [s - mul(s, cash_ratio) for s in sales]
    cash_sales = [s - cr for s, cr in zip(sales, credit)]

    prev_bs, bs = y0.bs, y1.bs
    notes_mode = Decimal(c.notes_receivable_months) > 0
    ar_target = bs.accounts_receivable
    ar_settle = _lagged(prev_bs.accounts_receivable, credit, Decimal(c.collection_months), ar_target)
    if notes_mode:
        ar_cash = [0] * 12
        nr_flows = ar_settle
    else:
        ar_cash = ar_settle
        nr_flows = [0] * 12
    nr_settle = _lagged(prev_bs.notes_receivable, nr_flows, Decimal(c.notes_receivable_months), bs.notes_receivable)

    inv = [prev_bs.inventory + to_int(Fraction(bs.inventory - prev_bs.inventory) * m / 12) for m in range(0, 13)]
    purchases = [cos[m] + inv[m + 1] - inv[m] for m in range(12)]
    credit_purchases = [mul(p, Decimal(settings.credit_purchase_ratio)) for p in purchases]
    other_cost = [p - cp for p, cp in zip(purchases, credit_purchases)]
    purchase_pay = _lagged(prev_bs.payables, credit_purchases, Decimal(c.payment_months), bs.payables)

    si_total = mul(op.personnel, Decimal(settings.labour_insurance_ratio)) if c.social_insurance_months else 0
    bonus_total = mul(op.personnel - si_total, Decimal(c.bonus_ratio)) if c.bonus_months else 0
    salaries = split_even(op.personnel - si_total - bonus_total, 12)
    bonus = _spread(bonus_total, c.bonus_months, first, 11)
    social = _spread(si_total, c.social_insurance_months, first, 11)
    personnel = [s + b for s, b in zip(salaries, bonus)]
    expenses = split_even(op.other_sga + op.other_non_operating_expenses, 12)
    other_receipts = split_even(op.non_operating_income, 12)
    interest = split_even(y1.interest, 12)
    taxes = _spread(y1.tax.total_taxes, c.tax_payment_months, first, 11)
    capex = [0] * 12
    capex[settings.capex_month - 1] = y1.capex
    extraordinary = [0] * 12
    extraordinary[11] = op.extraordinary
    borrow_by_bank = {n: [0] * 12 for n in bank_names}
    for n, amount in y1.borrowing_by_bank.items():
        borrow_by_bank[n][settings.borrowing_month - 1] += amount
    repay_by_bank = {n: split_even(y1.repayment_by_bank.get(n, 0), 12) for n in bank_names}
    # The stopgap 短期借入金 (資金不足の補填) moves at the year end, as in the annual B/S.
    shortfall = [0] * 12
    shortfall[11] = y1.cf.shortfall_change

    months = fiscal_months(plan, 1)
    rows: list[MonthlyRow] = []
    balance = prev_bs.cash
    ar_bal, nr_bal, pay_bal = prev_bs.accounts_receivable, prev_bs.notes_receivable, prev_bs.payables
    for m in range(12):
        receipts = cash_sales[m] + ar_cash[m] + nr_settle[m] + other_receipts[m]
        payments = purchase_pay[m] + other_cost[m] + personnel[m] + expenses[m] + interest[m]
        op_bal = receipts - payments
        non_op = -capex[m] - taxes[m] - social[m] + extraordinary[m]
        borrow = sum(v[m] for v in borrow_by_bank.values())
        repay = sum(v[m] for v in repay_by_bank.values())
        fin = borrow - repay + shortfall[m]
        closing = balance + op_bal + non_op + fin
        ar_bal += credit[m] - ar_settle[m]
        nr_bal += nr_flows[m] - nr_settle[m]
        pay_bal += credit_purchases[m] - purchase_pay[m]
        cal_month = (first + m - 1) % 12 + 1
        rows.append(
            MonthlyRow(
                index=m + 1,
                year_month=f"{months[m][0]:04d}-{months[m][1]:02d}" if months else "",
                label=f"{cal_month}月",
                sales=sales[m],
                opening=balance,
                cash_sales=cash_sales[m],
                receivable_collections=ar_cash[m],
                notes_collections=nr_settle[m],
                other_receipts=other_receipts[m],
                operating_receipts=receipts,
                purchase_payments=purchase_pay[m],
                other_cost_payments=other_cost[m],
                personnel_payments=personnel[m],
                expense_payments=expenses[m],
                interest_payments=interest[m],
                operating_payments=payments,
                operating_balance=op_bal,
                capex=capex[m],
                tax_payments=taxes[m],
                social_insurance=social[m],
                extraordinary=extraordinary[m],
                non_operating_balance=non_op,
                borrowing=borrow,
                borrowing_by_bank={n: v[m] for n, v in borrow_by_bank.items()},
                repayment=repay,
                repayment_by_bank={n: v[m] for n, v in repay_by_bank.items()},
                shortfall_borrowing=shortfall[m],
                financial_balance=fin,
                closing=closing,
                accounts_receivable=ar_bal,
                notes_receivable=nr_bal,
                inventory=inv[m + 1],
                payables=pay_bal,
            )
        )
        balance = closing
    lowest = min(rows, key=lambda r: (r.closing, r.index))
    minimum = plan.drivers.minimum_cash
    return MonthlyTable(
        year=1,
        label="計画1年目",
        months=rows,
        opening=prev_bs.cash,
        closing=balance,
        lowest_index=lowest.index,
        lowest_year_month=lowest.year_month,
        lowest_label=lowest.label,
        lowest_balance=lowest.closing,
        minimum_cash=minimum,
        negative_months=[r.index for r in rows if r.closing < 0],
        below_minimum_months=[r.index for r in rows if r.closing < minimum],
    )
