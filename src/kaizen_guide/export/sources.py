"""Where each number on the numeric sheets comes from.

``source(ctx, src, offset)`` returns the number for a layout ``src`` name in one year:

* plan years (offset ≥ 0) read the finance engine's ``Projection``;
* actual years (offset < 0, -1 = latest 決算) read the plan's 決算実績 as entered
  (``plan.financials.years``) and the engine's actual-year ``metrics``;
* a few lines are arithmetic on other sources (a sign flip, a subtotal the engine does not
  store, a year-on-year difference of actual balance sheets); they live in ``DERIVED`` and are
  only ever used as the *expected* value of a formula or as a sign-adjusted input.

No projection logic lives here: every plan-year number is the engine's.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

# ---------------------------------------------------------------------------------------------
# Actual years: entered P/L and B/S mapped onto the engine's line names.

_ACTUAL_PL: dict[str, Callable[[Any], Any]] = {
    "sales": lambda fy: fy.pl.sales,
    "cost_of_sales": lambda fy: fy.pl.cost_of_sales,
    "gross_profit": lambda fy: fy.pl.gross_profit,
    "personnel": lambda fy: fy.pl.personnel,
    "depreciation": lambda fy: fy.pl.depreciation,
    "other_sga": lambda fy: fy.pl.sga - fy.pl.personnel - fy.pl.depreciation,
    "sga": lambda fy: fy.pl.sga,
    "operating_income": lambda fy: fy.pl.operating_income,
    "non_operating_income": lambda fy: fy.pl.non_operating_income,
    "interest_expense": lambda fy: fy.pl.interest_expense,
    "other_non_operating_expenses": lambda fy: fy.pl.non_operating_expenses - fy.pl.interest_expense,
    "non_operating_expenses": lambda fy: fy.pl.non_operating_expenses,
    "ordinary_income": lambda fy: fy.pl.ordinary_income,
    "extraordinary": lambda fy: fy.pl.extraordinary_income - fy.pl.extraordinary_loss,
    "pretax_income": lambda fy: fy.pl.pretax_income,
    "income_taxes": lambda fy: fy.pl.income_taxes,
    "net_income": lambda fy: fy.pl.net_income,
    "depreciation_total": lambda fy: fy.depreciation_total,
    "cost_of_sales_depreciation": lambda fy: fy.cost_of_sales_depreciation,
}

_ACTUAL_BS: dict[str, Callable[[Any], Any]] = {
    "cash": lambda b: b.cash,
    "notes_receivable": lambda b: b.notes_receivable,
    "accounts_receivable": lambda b: b.accounts_receivable,
    "receivables": lambda b: b.notes_receivable + b.accounts_receivable,
    "inventory": lambda b: b.inventory,
    "other_current_assets": lambda b: b.other_current_assets,
    "tangible_fixed_assets": lambda b: b.tangible_fixed_assets,
    "intangible_fixed_assets": lambda b: b.intangible_fixed_assets,
    "investments_and_other": lambda b: b.investments_and_other,
    "fixed_assets": lambda b: b.tangible_fixed_assets + b.intangible_fixed_assets + b.investments_and_other,
    "total_assets": lambda b: b.total_assets,
    "payables": lambda b: b.notes_payable + b.accounts_payable,
    "borrowings": lambda b: b.short_term_borrowings + b.long_term_borrowings,
    "officer_borrowings": lambda b: b.officer_borrowings,
    "other_liabilities": lambda b: b.other_current_liabilities + b.other_fixed_liabilities,
    "total_liabilities": lambda b: b.total_liabilities,
    "capital": lambda b: b.capital_stock + b.capital_surplus,
    "retained_earnings": lambda b: b.retained_earnings,
    "net_assets": lambda b: b.net_assets,
    "total_liabilities_and_net_assets": lambda b: b.total_liabilities + b.net_assets,
    "imbalance": lambda b: b.imbalance,
}


def _neg(v):
    return None if v is None else -v


def _sum(*vals):
    return None if any(v is None for v in vals) else sum(vals)


def _ratio(num, den):
    if num is None or den in (None, 0):
        return 0 if den == 0 else None
    return float(Decimal(num) / Decimal(den))


# Derived lines: name → f(get) where get(src, rel=0) reads another source in the same year
# (rel=-1: the year before).
DERIVED: dict[str, Callable[[Callable[..., Any]], Any]] = {
    # P/L
    "pl.gross_margin": lambda g: _ratio(g("pl.gross_profit"), g("pl.sales")),
    # B/S subtotals the engine does not store
    "bs.current_assets": lambda g: _sum(
        g("bs.cash"),
        g("bs.notes_receivable"),
        g("bs.accounts_receivable"),
        g("bs.inventory"),
        g("bs.other_current_assets"),
    ),
    "bs.equity_ratio": lambda g: _ratio(g("bs.net_assets"), g("bs.total_assets")),
    "bs.real_adjustments": lambda g: (
        None if g("metrics.real_net_assets") is None else g("metrics.real_net_assets") - g("bs.net_assets")
    ),
    "bs.imbalance_plan": lambda g: g("bs.imbalance"),
    # 資金計画 (plan years): the engine's increases as cash effects (増加は▲)
    "cf.receivables_change": lambda g: _neg(g("cf.receivables_increase")),
    "cf.inventory_change": lambda g: _neg(g("cf.inventory_increase")),
    "cf.payables_change": lambda g: g("cf.payables_increase"),
    "cf.capex_out": lambda g: _neg(g("cf.capex")),
    "cf.repayment_out": lambda g: _neg(g("cf.repayment")),
    # 資金実績表 (actual years): differences of the entered balance sheets
    "cfa.cash_begin": lambda g: g("bs.cash", -1),
    "cfa.receivables_change": lambda g: _sum(g("bs.receivables", -1), _neg(g("bs.receivables"))),
    "cfa.inventory_change": lambda g: _sum(g("bs.inventory", -1), _neg(g("bs.inventory"))),
    "cfa.payables_change": lambda g: _sum(g("bs.payables"), _neg(g("bs.payables", -1))),
    "cfa.other_wc_change": lambda g: _sum(
        g("bs.other_current_assets", -1),
        _neg(g("bs.other_current_assets")),
        g("bs.other_liabilities"),
        _neg(g("bs.other_liabilities", -1)),
    ),
    "cfa.simple_cf": lambda g: _sum(g("pl.net_income"), g("pl.depreciation_total")),
    "cfa.operating_cf": lambda g: _sum(
        g("cfa.simple_cf"),
        g("cfa.receivables_change"),
        g("cfa.inventory_change"),
        g("cfa.payables_change"),
        g("cfa.other_wc_change"),
    ),
    "cfa.capex_net": lambda g: _neg(
        _sum(
            g("bs.tangible_fixed_assets"),
            g("bs.intangible_fixed_assets"),
            _neg(g("bs.tangible_fixed_assets", -1)),
            _neg(g("bs.intangible_fixed_assets", -1)),
            g("pl.depreciation_total"),
        )
    ),
    "cfa.investments_change": lambda g: _sum(g("bs.investments_and_other", -1), _neg(g("bs.investments_and_other"))),
    "cfa.investing_cf": lambda g: _sum(g("cfa.capex_net"), g("cfa.investments_change")),
    "cfa.borrowing_change": lambda g: _sum(g("bs.borrowings"), _neg(g("bs.borrowings", -1))),
    "cfa.officer_change": lambda g: _sum(g("bs.officer_borrowings"), _neg(g("bs.officer_borrowings", -1))),
    "cfa.capital_change": lambda g: _sum(g("bs.capital"), _neg(g("bs.capital", -1))),
    "cfa.other_equity_change": lambda g: _sum(
        g("bs.retained_earnings"), _neg(g("bs.retained_earnings", -1)), _neg(g("pl.net_income"))
    ),
    "cfa.financing_cf": lambda g: _sum(
        g("cfa.borrowing_change"), g("cfa.officer_change"), g("cfa.capital_change"), g("cfa.other_equity_change")
    ),
    "cfa.cash_change": lambda g: _sum(g("cfa.operating_cf"), g("cfa.investing_cf"), g("cfa.financing_cf")),
    "cfa.cash_end": lambda g: _sum(g("cfa.cash_begin"), g("cfa.cash_change")),
    "cfa.check": lambda g: _sum(g("cfa.cash_end"), _neg(g("bs.cash"))),
}


class Sources:
    """Reads layout ``src`` names for a plan and its projection."""

    def __init__(self, plan, proj, settings=None):
        self.plan = plan
        self.proj = proj
        self.settings_credit_purchase = getattr(settings, "credit_purchase_ratio", Decimal(1))
        self.actuals = list(plan.financials.years)
        self._metrics = {m.offset: m for m in proj.metrics}

    def fiscal_year(self, offset: int):
        idx = len(self.actuals) + offset
        if 0 <= idx < len(self.actuals):
            return self.actuals[idx]
        return None

    def get(self, src: str, offset: int, rel: int = 0) -> Any:
        offset = offset + rel
        if src in DERIVED:
            return DERIVED[src](lambda s, r=0: self.get(s, offset, r))
        group, _, name = src.partition(".")
        if group in ("wc", "tax_in") or src.startswith(("seg_price:", "seg_qty:")):
            return self._input(src, offset)
        if src.startswith("seg:"):
            if offset < 0 or offset >= len(self.proj.pl):
                return None
            return self.proj.pl[offset].sales_by_segment.get(src[4:], 0)
        if group == "metrics":
            m = self._metrics.get(offset)
            if m is None:
                return None
            if name == "depreciation_total":
                name = "depreciation"
            return getattr(m, name)
        if offset < 0:
            fy = self.fiscal_year(offset)
            if fy is None:
                return None
            if group == "pl":
                fn = _ACTUAL_PL.get(name)
                return fn(fy) if fn else None
            if group == "bs":
                fn = _ACTUAL_BS.get(name)
                return fn(fy.bs) if fn else None
            return None
        table = {"pl": self.proj.pl, "tax": self.proj.tax, "cf": self.proj.cf, "bs": self.proj.bs}.get(group)
        if table is None or offset >= len(table):
            return None
        row = table[offset]
        if group == "pl" and name == "depreciation_total":
            m = self._metrics.get(offset)
            return m.depreciation if m is not None else row.depreciation
        if group == "pl" and name == "cost_of_sales_depreciation":
            return 0
        return getattr(row, name)

    def _input(self, src: str, offset: int) -> Any:
        """A plan-year driver as entered (単価, 数量, 運転資金の前提, 税率): the workbook's input cells."""
        if offset < 0 or offset >= len(self.proj.pl):
            return None
        from ..model.common import per_year

        if src.startswith(("seg_price:", "seg_qty:")):
            kind, _, index = src.partition(":")
            seg = self.plan.drivers.segments[int(index)]
            return per_year(seg.unit_price_yen if kind == "seg_price" else seg.quantity, offset)
        group, _, name = src.partition(".")
        if group == "tax_in":
            return getattr(self.plan.drivers.tax, name)
        if name == "credit_purchase_ratio":
            return self.settings_credit_purchase
        return getattr(self.plan.cash, name)
