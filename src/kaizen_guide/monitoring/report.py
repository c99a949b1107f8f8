"""The monitoring report for the banks (モニタリング報告 / 伴走支援レポート), as data.

Sections in the order banks read them (monitoring-reference §2): a one-page summary (highlights,
risks, 来月の打ち手); ① 概況 (the period and year to date); ② アクションプラン取組状況; ③ 乖離の要因
分析と今後の対策 (each miss: decomposition, cause, revised measure, next actions); ④ 金融機関への継続
支援依頼 (per bank); then the 計画実績対比表 and the 資金繰り page (``report_cash``).

Pure: ``build_report(plan, "2027Q1")`` returns a :class:`BankReport`; the renderers in
``export/monitoring_*`` only lay it out. All amounts are 千円 ints; text from answers is carried as
it was typed (the renderers escape it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from kaizen_guide.model.plan import MonitoringRecord

from .compare import BAND_LABELS, Comparison, compare_month, plan_source
from .explain import cash_sentence, explain_line, landing_sentence, ordinary_sentence
from .fiscal import MonitoringError, month_text, position
from .lines import LINE_BY_KEY
from .periods import Period, PeriodComparison, PeriodLine, compare_period, parse_period, recorded_actuals
from .progress import BoardRow, progress_board
from .report_cash import BankRequest, CashPage, bank_requests, cash_page

REPORT_TITLE = "モニタリング報告 (伴走支援レポート)"
OVERVIEW_KEYS = ("sales", "gross_profit", "sga", "operating_profit", "ordinary_profit", "cash_end", "borrowings_end")
TAG_LABELS = {"internal": "内部要因", "external": "外部要因", "mixed": "内部・外部の混合"}
CHECK_LABELS = {"done": "済", "partial": "一部", "not_done": "未実施"}


def pct_text(r: Fraction | float | None) -> str:
    return "—" if r is None or r < 0 else f"{float(r) * 100:.1f}%"


def amount_text(v: int | None) -> str:
    return "—" if v is None else f"{v:,}".replace("-", "▲")


def signed_text(v: int | None) -> str:
    return "—" if v is None else ("±0" if v == 0 else f"{v:+,}".replace("-", "▲"))


@dataclass
class Cause:
    month: str
    text: str
    tag: str
    amount: int | None


@dataclass
class Step:
    """A revised measure or a 次月アクション, with the month it was decided in."""

    month: str
    text: str
    owner: str = ""
    due: str = ""
    target: str = ""
    link: str = ""


@dataclass
class Miss:
    """③: one line that missed the plan, with what explains it and what the company does now."""

    key: str
    label: str
    line: PeriodLine
    months: list[str]  # the months in which it missed (or a cause was recorded)
    readings: list[str]  # the decomposition in plain Japanese, month by month
    causes: list[Cause] = field(default_factory=list)
    measures: list[Step] = field(default_factory=list)
    actions: list[Step] = field(default_factory=list)

    @property
    def unexplained(self) -> bool:
        return not self.causes


@dataclass
class Amendment:
    """A correction of a month after it was reported (``monitoring.amendments``), as the report shows it."""

    month: str
    what: str
    before: str
    after: str
    when: str = ""
    by: str = ""
    reason: str = ""


@dataclass
class BankReport:
    company: str
    period: Period
    pc: PeriodComparison
    made_on: date
    summary_highlights: list[str]
    summary_risks: list[str]
    summary_moves: list[Step]
    overview: list[str]
    board: list[BoardRow]
    checks: list[tuple[str, str, str, str]]  # (month, action, 済/一部/未実施, result / reason)
    misses: list[Miss]
    requests: list[BankRequest]
    request_text: str
    cash: CashPage
    amendments: list[Amendment] = field(default_factory=list)
    versions: tuple[str, str] | None = None  # (当初計画, 修正計画) labels when the plan has versions
    original: PeriodComparison | None = None  # the same period against the 当初計画
    notes: list[str] = field(default_factory=list)
    agency: str = ""
    recipients: list[str] = field(default_factory=list)
    chart: list[Comparison] = field(default_factory=list)  # 期首 … the period's end (the charts' x axis)

    @property
    def title(self) -> str:
        return f"{REPORT_TITLE} {self.period.short_title}"

    @property
    def lines(self) -> list[PeriodLine]:
        return self.pc.lines

    @property
    def overview_lines(self) -> list[PeriodLine]:
        return [self.pc.line(k) for k in OVERVIEW_KEYS]

    def band_label(self, band: str | None) -> str:
        return BAND_LABELS.get(band or "", "")


def build_report(
    plan: Any, period: str | Period, *, today: date | None = None, amendments: list[Amendment] | None = None
) -> BankReport:
    """The report of ``period`` (「2027-06」「2027Q1」「2027H1」「FY2027」). MonitoringError (Japanese)
    for a period that cannot be read or has no records."""
    per = parse_period(plan, period) if isinstance(period, str) else period
    made_on = today or date.today()
    from kaizen_guide.finance import compute_projection

    in_force = _in_force(plan, per)
    agreed = plan if in_force is None else in_force.plan.model_copy(update={"monitoring": plan.monitoring})
    try:
        proj = compute_projection(agreed)
    except (ValueError, ArithmeticError) as exc:
        raise MonitoringError(f"数値計画を計算できないため、報告を作れません ({exc})。") from None
    plans = plan_source(plan, proj if in_force is None else None)
    if in_force is not None and in_force.number is not None:
        plans.remember(in_force.number, in_force.plan, proj)  # its months reuse this projection
    pc = compare_period(plan, per, plans=plans, today=made_on.isoformat())
    ytd = position(plan, pc.end.month)
    at_end = position(plan, per.last)
    have = {c.month: c for c in pc.months}
    actuals = recorded_actuals(plan)
    chart = [have.get(m) or compare_month(plan, m, actuals, plans=plans) for m in at_end.months[: at_end.index]]
    records = [r for r in sorted(plan.monitoring, key=lambda r: r.month) if r.month in per.months]
    misses = _misses(pc, records)
    board = progress_board(agreed, ytd)
    checks = [
        (c.month, c.text, CHECK_LABELS[c.status], "／".join(x for x in (c.result, c.reason) if x))
        for r in records
        for c in r.action_checks
    ]
    moves = _moves(records)
    reqs, req_text = bank_requests(agreed, pc, records, proj)
    rep = BankReport(
        company=plan.company.name or "(会社名未入力)",
        period=per,
        pc=pc,
        made_on=made_on,
        summary_highlights=_highlights(pc, board, checks),
        summary_risks=_risks(pc, misses, board),
        summary_moves=moves,
        overview=_overview(pc),
        board=board,
        checks=checks,
        misses=misses,
        requests=reqs,
        request_text=req_text,
        cash=cash_page(agreed, pc, plans, proj),
        amendments=list(amendments if amendments is not None else _amendments(plan, per)),
        notes=_notes(pc),
        agency=plan.meta.support_agency,
        recipients=_recipients(plan, records),
        chart=chart,
    )
    rep.versions, rep.original = _versions(plan, per, made_on)
    return rep


def _in_force(plan: Any, per: Period) -> Any:
    """The version the banks agreed to for the period's last month (当初計画 / 修正計画), or None
    when the plan was never frozen. Edits not yet frozen are a draft: the report's ② 取組状況, ④ and
    資金繰り read the version (with this plan's monitoring records), never the draft."""
    if not getattr(plan, "versions", None):
        return None
    from kaizen_guide.model.versions import VersionError, plan_in_force

    try:
        in_force = plan_in_force(plan, per.last)
    except VersionError as exc:
        raise MonitoringError(exc.message) from None
    return None if in_force.number is None else in_force


def _notes(pc: PeriodComparison) -> list[str]:
    out: list[str] = []
    if not pc.complete:
        missing = [month_text(m) for m in pc.period.months if m not in pc.covered]
        out.append(
            f"実績が記録されている月は {len(pc.covered)}/{len(pc.period.months)} か月です "
            f"(未記録: {'・'.join(missing[:3])}{' ほか' if len(missing) > 3 else ''})。"
            "期間の計画・実績は、実績のある月だけで比べています。"
        )
    seen: set[str] = set()
    for c in pc.months:
        for n in c.notes:
            if n not in seen and "締まっていない" not in n:
                seen.add(n)
                out.append(n)
    out.append(pc.bands.note)
    return out


def _recipients(plan: Any, records: list[MonitoringRecord]) -> list[str]:
    named = [n for r in records for n in r.reported_to]
    return list(dict.fromkeys(named or [b.name for b in plan.banks]))


def _overview(pc: PeriodComparison) -> list[str]:
    p = pc.period
    s, o = pc.line("sales"), pc.line("ordinary_profit")
    out = []
    if s.actual is not None:
        where = f"{p.short_title} ({p.span_text})"
        if not pc.complete:
            first, last = month_text(pc.covered[0]), month_text(pc.covered[-1])
            where += (
                f" のうち実績のある{len(pc.covered)}か月 ({first}〜{last})"
                if len(pc.covered) > 1
                else f" のうち実績のある{first}"
            )
        out.append(
            f"{where}の売上高は計画 {amount_text(s.plan)}千円 に対し実績 "
            f"{amount_text(s.actual)}千円 (計画比 {pct_text(s.rate)}、{signed_text(s.diff)}千円) で「{BAND_LABELS.get(s.band or '', '')}」です。"
        )
        if p.kind != "year" and s.cum_actual is not None:
            out.append(f"期首からの累計は計画比 {pct_text(s.cum_rate)} ({signed_text(s.cum_diff)}千円) です。")
    g = pc.line("gross_profit")
    if g.actual is not None and s.actual:
        pm = Fraction(g.plan, s.plan) if s.plan else None
        am = Fraction(g.actual, s.actual)
        gap = "" if pm is None else f" (計画 {pct_text(pm)}、{(float(am) - float(pm)) * 100:+.1f}pt)".replace("-", "▲")
        out.append(
            f"売上総利益は {amount_text(g.actual)}千円 (計画比 {pct_text(g.rate)})、粗利率は {pct_text(am)}{gap}。"
        )
    if o.actual is not None:
        out.append(ordinary_sentence(o))
    f = pc.forecast.get("sales")
    if f is not None:
        out.append(landing_sentence(f))
    cs = cash_sentence(pc.end)
    if cs:
        out.append(cs)
    return out


def _misses(pc: PeriodComparison, records: list[MonitoringRecord]) -> list[Miss]:
    keys = list(pc.material_misses())
    for c in pc.months:
        if c.has_actuals:
            keys.extend(k for k in c.material_misses() if k not in keys)
    for r in records:
        keys.extend(vc.line for vc in r.variance_causes if vc.line in LINE_BY_KEY and vc.line not in keys)
    order = list(LINE_BY_KEY)
    out = []
    for key in sorted(dict.fromkeys(keys), key=order.index):
        months = [c.month for c in pc.months if c.has_actuals and key in c.material_misses()]
        months += [
            r.month for r in records if any(vc.line == key for vc in r.variance_causes) and r.month not in months
        ]
        months.sort()
        by_month = {c.month: c for c in pc.months}
        readings = [f"{month_text(m)}: {t}" for m in months if (t := explain_line(by_month[m], key))]
        miss = Miss(key, LINE_BY_KEY[key].label, pc.line(key), months, readings)
        for r in records:
            miss.causes += [
                Cause(r.month, vc.text, TAG_LABELS.get(vc.tag or "", ""), vc.amount)
                for vc in r.variance_causes
                if vc.line == key
            ]
            miss.measures += [Step(r.month, m.text, link=m.link) for m in r.revised_measures if m.line == key]
            miss.actions += [_step(r.month, n) for n in r.next_actions if n.line == key]
        out.append(miss)
    return out


def _step(month: str, n: Any) -> Step:
    due = f"{n.due.year}年{n.due.month}月{n.due.day}日" if n.due else ""
    return Step(month, n.text, n.owner, due, n.target, n.action_id)


def _moves(records: list[MonitoringRecord]) -> list[Step]:
    """来月の打ち手: the 次月アクション set by the period's last review that set any."""
    for r in reversed(records):
        if r.next_actions:
            return [_step(r.month, n) for n in r.next_actions]
    return []


def _highlights(pc: PeriodComparison, board: list[BoardRow], checks: list[tuple[str, str, str, str]]) -> list[str]:
    out = []
    good = [
        ln
        for ln in pc.lines
        if ln.band == "ok" and ln.actual is not None and ln.key in OVERVIEW_KEYS and ln.key not in ("borrowings_end",)
    ]
    if good:
        out.append(
            "計画どおり: "
            + "、".join(
                f"{ln.label} (計画比 {pct_text(ln.rate)})" if ln.rate is not None and not ln.balance else ln.label
                for ln in good
            )
            + "。"
        )
    s = pc.line("sales")
    if s.band in ("ok", "watch") and s.actual is not None:
        out.append(f"売上高は計画比 {pct_text(s.rate)} で、8割の目安を上回っています。")
    done = [b for b in board if b.status == "done"]
    if done:
        out.append(
            f"アクションプラン {len(board)} 項目のうち {len(done)} 項目が実施済み ("
            + "、".join(f"{b.action_id} {b.title}" for b in done[:3])
            + ("ほか" if len(done) > 3 else "")
            + ")。"
        )
    done_checks = [c for c in checks if c[2] == "済"]
    if done_checks:
        out.append(f"前回決めた次月アクション {len(checks)} 件のうち {len(done_checks)} 件を実施しました。")
    return out or ["計画を上回った項目はありません。"]


def _risks(pc: PeriodComparison, misses: list[Miss], board: list[BoardRow]) -> list[str]:
    out = []
    for m in misses:
        ln = m.line
        rate = f"計画比 {pct_text(ln.rate)}、" if ln.rate is not None and ln.rate >= 0 and not ln.balance else ""
        when = f" ({'・'.join(month_text(x) for x in m.months)})" if m.months and pc.period.kind != "month" else ""
        out.append(
            f"{m.label}: {rate}{signed_text(ln.diff)}千円{when}"
            + ("。原因が未記入です" if m.unexplained else "")
            + "。"
        )
    c = pc.cash
    low = c.lowest
    if low and c.short_by:
        out.append(
            f"資金: 今後の最低残高は {month_text(low[0])}の {amount_text(low[1])}千円 で、最低限必要な手元資金 "
            f"{amount_text(c.minimum)}千円 を {amount_text(c.short_by)}千円 下回る見込みです。"
        )
    for key in ("sales", "ordinary_profit"):
        f = pc.forecast.get(key)
        if f is not None and f.band == "miss":
            out.append(
                f"{f.label}の年間着地見込 {amount_text(f.landing)}千円 が、年間計画 {amount_text(f.annual_plan)}千円 の"
                "8割を下回っています。"
            )
    late = [b for b in board if b.status == "delayed"]
    if late:
        out.append("期限を過ぎたアクションプラン: " + "、".join(f"{b.action_id} {b.title}" for b in late) + "。")
    return out or ["大きな未達や資金の不足は見込まれていません。"]


def _amendments(plan: Any, per: Period) -> list[Amendment]:
    """Corrections of already reported months not reported yet (up to the period's end)."""
    from kaizen_guide.engine.records import GIVER_LABELS

    from .amendments import _show, amendments_since_last_report

    out = []
    for ma in amendments_since_last_report(plan):
        a = ma.amendment
        if ma.month <= per.last:
            out.append(
                Amendment(
                    ma.month,
                    a.label or a.item,
                    _show(a.before),
                    _show(a.after),
                    f"{a.given_at.astimezone():%Y-%m-%d %H:%M}",
                    GIVER_LABELS.get(a.given_by, a.given_by),
                    a.reason,
                )
            )
    return out


def _versions(plan: Any, per: Period, made_on: date) -> tuple[tuple[str, str] | None, PeriodComparison | None]:
    """(当初計画, the version in force) labels and the period against the 当初計画, when a 修正計画
    is in force; (labels, None) when only the 当初計画 exists; (None, None) for a plan never frozen."""
    if not getattr(plan, "versions", None):
        return None, None
    from kaizen_guide.model.versions import VersionError, in_force_number, original_plan, version_label

    first = min(v.number for v in plan.versions)
    number = in_force_number(plan, per.last)
    labels = (version_label(first), version_label(number))
    if number == first:
        return labels, None
    try:
        orig = original_plan(plan)
        return labels, compare_period(orig, per, recorded_actuals(plan), today=made_on.isoformat())
    except (VersionError, MonitoringError):
        return labels, None
