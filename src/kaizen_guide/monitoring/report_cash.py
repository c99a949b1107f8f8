"""The report's 資金繰り page (月実績 / 月予定, the coming months, 銀行別残高, 約定返済 vs 実績) and
④ 金融機関への継続支援依頼, from the plan's 金融支援 and repayment plan.

The monthly record holds the month-end 現預金 and 借入金残高 only, so the 月実績 column is read from
those balances (財務収支 = the change of 借入金残高, the rest = the change of 現預金 less that), and
banks' actual balances are known in total, not per bank; the page says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kaizen_guide.finance.rounding import split_even
from kaizen_guide.model.plan import MonitoringRecord

from .compare import PlanSource
from .fiscal import MonitoringError, add_months, month_text, position
from .periods import PeriodComparison


@dataclass
class FlowRow:
    label: str
    actual: int | None
    plan: int | None
    next_plan: int | None
    note: str = ""


@dataclass
class BankLine:
    bank: str
    is_main: bool
    plan_balance: int  # planned balance at the period's end
    contractual: int  # 約定返済 over the period's months
    planned: int  # 計画 (金融支援後) 返済 over the period's months


@dataclass
class CashPage:
    month: str  # the month the flow columns are for
    next_month: str
    flows: list[FlowRow]
    outlook: list[tuple[str, int | None, int]]  # (month, plan month-end, projected from the actual)
    lowest: tuple[str, int] | None
    minimum: int
    short_by: int
    banks: list[BankLine]
    actual_borrowings: int | None
    actual_repaid: int | None  # decrease of 借入金残高 over the period (total)
    repaid_basis: str
    notes: list[str] = field(default_factory=list)

    @property
    def plan_borrowings(self) -> int:
        return sum(b.plan_balance for b in self.banks)

    @property
    def contractual_total(self) -> int:
        return sum(b.contractual for b in self.banks)

    @property
    def planned_total(self) -> int:
        return sum(b.planned for b in self.banks)


@dataclass
class BankRequest:
    bank: str
    is_main: bool
    balance: int  # at the start of the plan year
    contractual: int  # 約定返済 (year)
    planned: int  # 計画返済 (year)
    reduction: int
    text: str


def _planned_monthly(proj: Any, year: int, bank: str, months: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """(約定, 計画) repayments of ``bank`` in each month of plan year ``year``."""
    rp = next(b for b in proj.repayment.banks if b.bank == bank)
    yr = next((y for y in rp.years if y.year == year), None)
    if yr is None:
        return [0] * 12, [0] * 12
    monthly = proj.monthly
    if monthly is not None and monthly.year == year and len(monthly.months) == 12:
        planned = [r.repayment_by_bank.get(bank, 0) for r in monthly.months]
    else:
        planned = split_even(yr.repayment, 12)
    return split_even(yr.contractual, 12), planned


def _main_bank(plan: Any, name: str, flag: bool) -> bool:
    return flag or (bool(plan.meta.main_bank) and plan.meta.main_bank == name)


def cash_page(plan: Any, pc: PeriodComparison, plans: PlanSource, proj: Any) -> CashPage:
    end = pc.end
    month = end.month
    nxt = add_months(month, 1)
    prev = add_months(month, -1)
    actual = {r.month: r.actuals for r in plan.monitoring}
    mp = plans(end.pos.plan_year)
    flows = _flows(plan, proj, plans, month, nxt, prev, actual)

    banks = []
    py = pc.period.plan_year
    idx = [position(plan, m).index - 1 for m in pc.period.months]
    last = position(plan, pc.period.last).index
    for b in proj.repayment.banks:
        contractual, planned = _planned_monthly(proj, py, b.bank, pc.period.months)
        yr = next((y for y in b.years if y.year == py), None)
        opening = yr.opening if yr else b.balance
        new = yr.new_borrowing if yr else 0
        bal = opening - sum(planned[:last]) + (new if last == 12 else 0)
        bank = next((x for x in plan.banks if x.name == b.bank), None)
        banks.append(
            BankLine(
                b.bank,
                _main_bank(plan, b.bank, bool(bank and bank.is_main)),
                bal,
                sum(contractual[i] for i in idx),
                sum(planned[i] for i in idx),
            )
        )

    start_prev = add_months(pc.period.first, -1)
    closing = actual.get(pc.covered[-1], {}).get("borrowings_end")
    opening_actual = actual.get(start_prev, {}).get("borrowings_end")
    basis = "前月末の実績残高から"
    if opening_actual is None:
        try:
            opening_actual = plans(position(plan, start_prev).plan_year).value("borrowings_end", start_prev)
            basis = f"期間の前月 ({month_text(start_prev)}) 末は計画残高から"
        except MonitoringError:
            opening_actual = None
    repaid = None if closing is None or opening_actual is None else opening_actual - closing
    notes = ["金融機関別の実績残高は月次の記録にないため、実績は合計で示します (金融機関別は計画残高)。"]
    if mp.cash_source != "月次資金繰り表":
        notes.append(f"計画{end.pos.plan_year}年目の月予定は、年間計画から月ごとに均等に按分した概算です。")
    outlook = []
    for m, projected in end.cash.projection[:12]:
        try:
            pm = plans(position(plan, m).plan_year).value("cash_end", m)
        except MonitoringError:
            pm = None
        outlook.append((m, pm, projected))
    return CashPage(
        month,
        nxt,
        flows,
        outlook,
        end.cash.lowest,
        end.cash.minimum,
        end.cash.short_by,
        banks,
        closing,
        repaid,
        basis,
        notes,
    )


def _plan_flow(plan: Any, proj: Any, plans: PlanSource, m: str) -> dict[str, int] | None:
    try:
        pos = position(plan, m)
    except MonitoringError:
        return None
    mo = proj.monthly
    if mo is not None and mo.year == pos.plan_year and len(mo.months) == 12:
        r = mo.months[pos.index - 1]
        return {
            "opening": r.opening,
            "operating": r.operating_balance,
            "other": r.non_operating_balance,
            "financial": r.financial_balance,
            "borrowing": r.borrowing,
            "repayment": r.repayment,
            "closing": r.closing,
        }
    mp = plans(pos.plan_year)
    prev = add_months(m, -1)
    try:
        ppos = position(plan, prev)
        pm = plans(ppos.plan_year)
        opening, b0 = pm.value("cash_end", prev), pm.value("borrowings_end", prev)
    except MonitoringError:
        return None
    closing, b1 = mp.value("cash_end", m), mp.value("borrowings_end", m)
    fin = b1 - b0
    return {
        "opening": opening,
        "operating": closing - opening - fin,
        "other": 0,
        "financial": fin,
        "borrowing": max(fin, 0),
        "repayment": max(-fin, 0),
        "closing": closing,
    }


def _flows(
    plan: Any, proj: Any, plans: PlanSource, month: str, nxt: str, prev: str, actual: dict[str, dict[str, int]]
) -> list[FlowRow]:
    p, n = _plan_flow(plan, proj, plans, month) or {}, _plan_flow(plan, proj, plans, nxt) or {}
    a_close = actual.get(month, {}).get("cash_end")
    a_open = actual.get(prev, {}).get("cash_end")
    b1 = actual.get(month, {}).get("borrowings_end")
    b0 = actual.get(prev, {}).get("borrowings_end")
    fin = None if b1 is None or b0 is None else b1 - b0
    rest = None if a_close is None or a_open is None or fin is None else a_close - a_open - fin
    opening_note = "" if a_open is not None else "前月の実績がないため空欄"
    return [
        FlowRow("前月繰越 (月初の現預金)", a_open, p.get("opening"), n.get("opening"), opening_note),
        FlowRow("経常収支", None, p.get("operating"), n.get("operating")),
        FlowRow("設備・決算等の収支", None, p.get("other"), n.get("other")),
        FlowRow(
            "経常収支 + 設備・決算等 (実績は残高から逆算)",
            rest,
            None if not p else p["operating"] + p["other"],
            None if not n else n["operating"] + n["other"],
        ),
        FlowRow(
            "財務収支 (借入 − 返済)",
            fin,
            p.get("financial"),
            n.get("financial"),
            "" if fin is not None else "前月の借入金残高の実績がないため空欄",
        ),
        FlowRow("うち返済", None if fin is None else max(-fin, 0), p.get("repayment"), n.get("repayment")),
        FlowRow("翌月繰越 (月末の現預金)", a_close, p.get("closing"), n.get("closing")),
    ]


def bank_requests(
    plan: Any, pc: PeriodComparison, records: list[MonitoringRecord], proj: Any
) -> tuple[list[BankRequest], str]:
    """④ per bank: the terms asked for this plan year (from the repayment plan), and the request text."""
    from kaizen_guide.model.plan import SUPPORT_TYPE_LABELS

    sup = plan.support
    texts = [r.bank_requests.strip() for r in records if r.bank_requests.strip()]
    text = texts[-1] if texts else (sup.request.strip() if sup.needed else "")
    if not sup.needed:
        return [], text or "金融支援の依頼はありません (約定どおりの返済を続けます)。"
    py = pc.period.plan_year
    kinds = "・".join(SUPPORT_TYPE_LABELS.get(t, t) for t in sup.types) or "返済条件の変更"
    out = []
    for b in proj.repayment.banks:
        yr = next((y for y in b.years if y.year == py), None)
        if yr is None:
            continue
        bank = next((x for x in plan.banks if x.name == b.bank), None)
        main = _main_bank(plan, b.bank, bool(bank and bank.is_main))
        if yr.reduction > 0:
            t = (
                f"計画{py}年目も{kinds}の条件を継続していただきたい: 元金返済 {yr.repayment:,}千円 "
                f"(約定 {yr.contractual:,}千円、軽減 {yr.reduction:,}千円、{proj.repayment.basis_label}で配分)。"
            )
        else:
            t = f"計画{py}年目は約定どおり {yr.contractual:,}千円 を返済します。"
        out.append(BankRequest(b.bank, main, yr.opening, yr.contractual, yr.repayment, yr.reduction, t))
    return out, text
