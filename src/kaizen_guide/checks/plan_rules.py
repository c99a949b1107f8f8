"""Whole-plan rules: the chain 課題 → 対策 → アクション, completeness, and the numeric standards.

Texts (message, guideline point, follow-up, example) are data in checklist.yaml under
``plan_rules``; this module holds only the tests, registered by rule id. Free-text parts of the
plan (課題, 対策, 金融支援の依頼, monitoring notes) also go through the same text rules the
interviewer uses, so `check` and the interview never disagree about an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kaizen_guide.banks.industries import industry_key

from ..model.plan import MEASURE_CATEGORY_LABELS, ActionItem, Plan
from .findings import Finding, sort_findings
from .registry import _REGISTRY as _REGISTRY
from .registry import Hit, RuleContext, make_finding, rule
from .rules import ChecklistError, default_checklist

if TYPE_CHECKING:  # the finance engine loads when a rule first needs the numbers
    from ..finance.results import Projection

# Owners that mean "the president does it": the 実務指針 lists all-president plans as weak.
_PRESIDENT_WORDS = ("社長", "代表取締役", "代表者", "代表")


# ---------------------------------------------------------------------------------------------
# 財務実績


@rule("plan.actuals_missing")
def _actuals_missing(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    n = len(plan.financials.years)
    if n < 3:
        yield "financials.years", {"count": n}


@rule("plan.actuals_unbalanced")
def _actuals_unbalanced(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    for i, year in enumerate(plan.financials.years):
        if year.bs.imbalance != 0:
            yield f"financials.years[{i}].bs", {"label": year.label, "imbalance": f"{year.bs.imbalance:,}"}


@rule("plan.actuals_retained_earnings")
def _actuals_retained_earnings(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    # 利益剰余金 moves by 当期純利益; anything else (配当, 前期損益修正, 転記ミス) must be explained,
    # not shown silently as 「その他増減」.
    years = plan.financials.years
    for i in range(1, len(years)):
        prev, cur = years[i - 1], years[i]
        change = cur.bs.retained_earnings - prev.bs.retained_earnings
        diff = change - cur.pl.net_income
        if diff:
            yield (
                f"financials.years[{i}].bs.retained_earnings",
                {
                    "label": cur.label,
                    "prev_label": prev.label,
                    "change": f"{change:,}",
                    "net_income": f"{cur.pl.net_income:,}",
                    "diff": f"{diff:,}",
                },
            )


@rule("plan.borrowings_mismatch")
def _borrowings_mismatch(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    latest = plan.financials.latest
    if latest is None or not plan.banks:
        return
    bs = latest.bs.interest_bearing_debt
    banks = plan.total_borrowings
    if banks != bs:
        yield "banks", {"banks": f"{banks:,}", "bs": f"{bs:,}"}


# ---------------------------------------------------------------------------------------------
# 課題 → 対策 → アクション


@rule("plan.no_issues")
def _no_issues(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    if not plan.issues:
        yield "issues", {}


def _mentions(lexicon: str, texts: list[str]) -> bool:
    from .lexicon import to_key

    terms = [to_key(t) for t in default_checklist().lexicons[lexicon].terms]
    keys = [to_key(t) for t in texts if t and t.strip()]
    return any(term in k for k in keys for term in terms)


def _issue_texts(plan: Plan) -> list[str]:
    return [t for i in plan.issues for t in (i.title, i.description)] + [plan.basic_policy]


@rule("plan.no_vision")
def _no_vision(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    # Only once there are issues: an empty plan already gets plan.no_issues.
    if plan.issues and not plan.vision.strip() and not _mentions("future_view_terms", _issue_texts(plan)):
        yield "vision", {}


@rule("plan.no_long_term_themes")
def _no_long_term_themes(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    texts = [*_issue_texts(plan), plan.vision, plan.long_term_issues]
    if plan.issues and not _mentions("long_term_themes", texts):
        # The short (早期) plan does not ask 中長期の課題 on its own: the themes go into its 課題.
        yield ("long_term_issues" if plan.interview.depth == "full" else "issues"), {}


@rule("plan.issue_without_measure")
def _issue_without_measure(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    covered = {iid for m in plan.measures for iid in m.issue_ids}
    for i, issue in enumerate(plan.issues):
        if issue.id not in covered:
            yield f"issues[{i}]", {"title": issue.title}


@rule("plan.measure_without_action")
def _measure_without_action(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    acted = {a.measure_id for a in plan.actions}
    for i, measure in enumerate(plan.measures):
        if measure.id not in acted:
            yield f"measures[{i}]", {"title": measure.title}


@rule("plan.action_unknown_measure")
def _action_unknown_measure(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    known = {m.id for m in plan.measures}
    for i, action in enumerate(plan.actions):
        if action.measure_id not in known:
            yield f"actions[{i}].measure_id", {"title": action.title, "measure_id": action.measure_id}


@rule("plan.action_incomplete")
def _action_incomplete(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    for i, action in enumerate(plan.actions):
        missing = []
        if not action.owner.strip():
            missing.append("責任者")
        if not action.due:
            missing.append("期限")
        if action.kpi is None or not action.kpi.name.strip():
            missing.append("KPI")
        if not any(action.effects):
            missing.append("効果額")
        if missing:
            yield f"actions[{i}]", {"title": action.title, "missing": "・".join(missing)}


@rule("plan.actions_all_president")
def _actions_all_president(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    if len(plan.actions) < 3:
        return
    rep = plan.company.representative.replace(" ", "").replace("\u3000", "")

    def by_president(owner: str) -> bool:
        o = owner.replace(" ", "").replace("\u3000", "")
        return any(w in o for w in _PRESIDENT_WORDS) or (bool(rep) and rep in o)

    if all(by_president(a.owner) for a in plan.actions):
        yield "actions", {"count": len(plan.actions)}


@rule("plan.measure_categories")
def _measure_categories(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    if not plan.measures or plan.targets.category_gap_reason.strip():
        return
    present = {m.category for m in plan.measures}
    missing = [label for key, label in MEASURE_CATEGORY_LABELS.items() if key not in present]
    if missing:
        yield "measures", {"missing": "・".join(missing)}


@rule("plan.effects_unexplained")
def _effects_unexplained(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    if ctx.numbers_ready or not plan.actions:
        return
    proj = ctx.projection()
    latest = plan.financials.latest
    if proj is None or latest is None:
        return
    final = proj.pl[-1]
    total = final.ordinary_income - latest.pl.ordinary_income
    # Improvement the base case (成り行き) already assumes, i.e. not carried by any action.
    unexplained = final.base_ordinary_income - latest.pl.ordinary_income
    explained = final.ordinary_income - final.base_ordinary_income
    threshold = max(latest.pl.sales * 3 // 100, 1)
    if total > 0 and unexplained > threshold and unexplained * 2 > max(explained, 0):
        yield "drivers", {"total": f"{total:,}", "unexplained": f"{unexplained:,}"}


def _cost_ratio_target(action: ActionItem) -> Decimal | None:
    """The 原価率 a KPI aims at, as a fraction (「原価率 36 %」 → 0.36), else None."""
    kpi = action.kpi
    if kpi is None or "原価率" not in kpi.name or "%" not in kpi.unit.replace("％", "%"):
        return None
    target = Decimal(kpi.target)
    return target / 100 if target > 1 else target


@rule("plan.cost_effect_over_target")
def _cost_effect_over_target(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    """A measure's cost-of-sales effects must not push 原価率 past the measure's own target."""
    if ctx.numbers_ready:
        return
    proj = ctx.projection()
    if proj is None:
        return
    priced = {a.id for a in plan.actions if a.pl_line == "sales" and not a.carries_cost_of_sales}
    for i, measure in enumerate(plan.measures):
        own = [a for a in plan.actions if a.measure_id == measure.id and a.pl_line == "cost_of_sales"]
        targets = [
            t for t in (_cost_ratio_target(a) for a in plan.actions if a.measure_id == measure.id) if t is not None
        ]
        if not own or not targets:
            continue
        target = min(targets)
        for pl in proj.pl[1:]:
            reduction = sum(pl.effects_by_action[a.id].amount for a in own if a.id in pl.effects_by_action)
            # The measure's own 原価率: other measures' reductions and price increases (more sales,
            # same goods) are left out, so only this measure's claim is compared with its target.
            volume_sales = pl.sales - sum(e.amount for aid, e in pl.effects_by_action.items() if aid in priced)
            if reduction <= 0 or volume_sales <= 0:
                continue
            ratio = Decimal(pl.base_cost_of_sales + pl.cost_of_sales_on_effects - reduction) / volume_sales
            if ratio.quantize(Decimal("0.001")) < target:
                yield (
                    f"measures[{i}]",
                    {
                        "title": measure.title,
                        "year": pl.year,
                        "ratio": f"{ratio * 100:.1f}",
                        "target": f"{target * 100:.1f}".rstrip("0").rstrip("."),
                        "reduction": f"{reduction:,}",
                    },
                )
                break


# ---------------------------------------------------------------------------------------------
# 金融支援・伴走支援

_DENY_GRACE = re.compile(
    r"据え?置[かき]?[はをも]?(?:お願い|依頼|要請)?(?:し|せ|求め|行わ)?(?:ない|ず|ません)|据え?置き?なし"
)
_GRACE = re.compile(r"据え?置")
_UNTIL = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月末?\s*(?:\([^)]*\))?\s*まで")
_UNTIL_PLAN_YEAR = re.compile(r"計画\s*(\d+)\s*年目末?\s*(?:\([^)]*\))?\s*まで")
_SHARE = re.compile(r"簡易(?:キャッシュ・?フロー|CF)の\s*(\d+(?:\.\d+)?)\s*(割|%)")
_YEAR_AMOUNT = re.compile(r"計画\s*(\d+)\s*年目(?:は|に)?\s*(?:年間)?\s*約?\s*([\d,]+)\s*千円")
_RANGE_AMOUNT = re.compile(r"(\d+)\s*年目以降(?:は)?\s*(?:年間)?\s*約?\s*([\d,]+)\s*[〜~-]\s*([\d,]+)\s*千円")


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@rule("plan.support_text_mismatch")
def _support_text_mismatch(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    """The 金融支援 request text must say what the repayment schedule does: 据置 or not, until
    when, at what share of 簡易CF and roughly how much."""
    from ..finance.labels import fiscal_end
    from ..ja.normalize import normalize

    sup = plan.support
    if not sup.needed or not sup.request.strip() or ctx.numbers_ready:
        return
    proj = ctx.projection()
    if proj is None:
        return
    text = normalize(sup.request).replace("～", "~").replace("〜", "~")
    rp = proj.repayment
    # Years where the support months repay no principal at all (返済原資 0).
    deferred = [y for y, (m, cap) in enumerate(zip(rp.support_months, rp.capacity)) if m > 0 and cap == 0]
    path = "support.request"
    if _DENY_GRACE.search(text):
        if deferred:
            y = deferred[0]
            yield (
                path,
                {
                    "detail": f"依頼文は元金の据置をしないとしていますが、返済計画では計画{y}年目の支援期間"
                    f" {rp.support_months[y]}か月は元金の返済が0です (簡易CFがマイナスのため)"
                },
            )
    elif (_GRACE.search(text) or "principal_grace" in sup.types) and not deferred:
        yield (
            path,
            {
                "detail": "依頼文 (または支援の種類) は元金の据置をお願いしていますが、返済計画では支援期間中も"
                "毎年元金を返済しています"
            },
        )
    ends = [_ym(int(y), int(m)) for y, m in _UNTIL.findall(text) if 1 <= int(m) <= 12]
    for n in _UNTIL_PLAN_YEAR.findall(text):
        end = fiscal_end(plan, int(n))
        if end:
            ends.append(_ym(*end))
    if ends and rp.support_end and max(ends) != rp.support_end:
        yield (
            path,
            {
                "detail": f"依頼文の期間は{max(ends)}までですが、返済計画の支援期間 ({sup.start}から"
                f"{sup.period_months}か月) は{rp.support_end}までです"
            },
        )
    shares = {Decimal(sup.repayment_share_of_cf)}
    if sup.after_period == "cf_share":
        shares.add(Decimal(sup.after_share_of_cf if sup.after_share_of_cf is not None else sup.repayment_share_of_cf))
    for num, unit in _SHARE.findall(text):
        stated = Decimal(num) / (10 if unit == "割" else 100)
        if stated not in shares:
            pct = "・".join(f"{(s * 100).normalize():f}%" for s in sorted(shares))
            yield (
                path,
                {"detail": f"依頼文は簡易CFの{num}{unit}を返済に充てるとしていますが、返済計画は{pct}で計算しています"},
            )
    last = len(rp.total_repayment) - 1
    for n, amount in _YEAR_AMOUNT.findall(text):
        y, stated_amount = int(n), int(amount.replace(",", ""))
        if y <= last and abs(rp.total_repayment[y] - stated_amount) > max(stated_amount, rp.total_repayment[y]) // 10:
            yield (
                path,
                {
                    "detail": f"依頼文は計画{y}年目の返済を約{stated_amount:,}千円としていますが、返済計画では"
                    f"{rp.total_repayment[y]:,}千円です"
                },
            )
    for n, lo, hi in _RANGE_AMOUNT.findall(text):
        low, high = int(lo.replace(",", "")), int(hi.replace(",", ""))
        years = [y for y in range(int(n), last + 1) if rp.support_months[y] > 0] or [y for y in range(int(n), last + 1)]
        off = [y for y in years if not (low * 9 // 10 <= rp.total_repayment[y] <= high * 11 // 10)]
        if off:
            y = off[0]
            yield (
                path,
                {
                    "detail": f"依頼文は{n}年目以降の返済を年間約{low:,}〜{high:,}千円としていますが、返済計画では"
                    f"計画{y}年目が{rp.total_repayment[y]:,}千円です"
                },
            )


@rule("plan.support_request_missing")
def _support_request_missing(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    # An 早期経営改善計画 is for a company that asks no 金融支援 (its interview does not ask one).
    early = plan.meta.plan_style == "early"
    if plan.support.needed and not early and not plan.support.request.strip() and not plan.support.types:
        yield "support.request", {}


@rule("plan.monitoring_plan_missing")
def _monitoring_plan_missing(plan: Plan, ctx: RuleContext) -> Iterator[Hit]:
    mp = plan.monitoring_plan
    missing = []
    if not mp.attendees:
        missing.append("出席者")
    if not mp.report_items.strip():
        missing.append("報告内容")
    if missing:
        yield "monitoring_plan", {"missing": "・".join(missing)}


# ---------------------------------------------------------------------------------------------
# 数値基準: the finance engine evaluates, the checklist words the finding


_NUMERIC_IDS = (
    "numeric.profit_by_year3",
    "numeric.solvency_by_year5",
    "numeric.debt_years_final",
    "numeric.monthly_cash_negative",
    "numeric.sales_jump",
    "numeric.stress_fails",
    "numeric.cash_shortfall",
)


def _numeric_findings(plan: Plan, ctx: RuleContext, make: Callable[..., Finding]) -> list[Finding]:
    reason = ctx.numbers_ready
    proj = ctx.projection() if reason is None else None
    if proj is None:
        detail = reason if reason is not None else f"計算中に矛盾が見つかりました: {ctx.projection_error}"
        return [make("numeric.not_computable", "drivers", {"detail": detail})]
    out = []
    for check in proj.checks:
        if check.rule_id not in _NUMERIC_IDS:
            continue
        # A standard that is met is still worth stating in the report, as a note.
        out.append(make(check.rule_id, "drivers", {"detail": check.message}, severity=None if not check.ok else "info"))
    monthly = proj.monthly
    if monthly.minimum_cash > 0 and monthly.below_minimum_months and not monthly.negative_months:
        out.append(
            make(
                "numeric.monthly_cash_below_minimum",
                "cash",
                {
                    "count": len(monthly.below_minimum_months),
                    "minimum": f"{monthly.minimum_cash:,}",
                    "lowest": f"{monthly.lowest_label} ({monthly.lowest_balance:,}千円)",
                },
            )
        )
    return out


for _rid in (*_NUMERIC_IDS, "numeric.not_computable", "numeric.monthly_cash_below_minimum"):
    _REGISTRY.setdefault(_rid, lambda plan, ctx: iter(()))  # handled by _numeric_findings


# ---------------------------------------------------------------------------------------------
# Text rules on the plan's free text (the same rules the interviewer applies per answer)


def _text_findings(plan: Plan) -> list[Finding]:
    from .text import check_text

    items: list[tuple[str, str, str]] = []
    for i, issue in enumerate(plan.issues):
        items.append(("issue", f"issues[{i}]", "。".join(t for t in (issue.title, issue.description) if t)))
    for i, measure in enumerate(plan.measures):
        items.append(
            ("countermeasure", f"measures[{i}]", "。".join(t for t in (measure.title, measure.description) if t))
        )
    if plan.support.needed and plan.support.request.strip():
        items.append(("financial_support", "support.request", plan.support.request))
    for r, record in enumerate(plan.monitoring):
        for j, check in enumerate(record.action_checks):
            if check.status != "done" and check.reason.strip():
                items.append(("cause", f"monitoring[{r}].action_checks[{j}].reason", check.reason))
        for j, cause in enumerate(record.variance_causes):
            items.append(("cause", f"monitoring[{r}].variance_causes[{j}]", cause.text))
        for j, revised in enumerate(record.revised_measures):
            items.append(("countermeasure", f"monitoring[{r}].revised_measures[{j}]", revised.text))
        for j, action in enumerate(record.next_actions):
            # the action and its target are checked together, as the review does
            items.append(
                (
                    "next_action",
                    f"monitoring[{r}].next_actions[{j}]",
                    "。".join(t for t in (action.text, action.target) if t.strip()),
                )
            )
    out: list[Finding] = []
    for stage, path, text in items:
        if text.strip():
            out.extend(check_text(stage, text, path=path))
    return out


# ---------------------------------------------------------------------------------------------


def _validate_registry() -> None:
    checklist = default_checklist()
    data_ids = {r.id for r in checklist.plan_rules}
    code_ids = set(_REGISTRY)
    if data_ids != code_ids:
        raise ChecklistError(
            "checklist.yaml plan_rules and plan_rules.py disagree: "
            f"without implementation {sorted(data_ids - code_ids)}, without data {sorted(code_ids - data_ids)}"
        )


def check_plan(plan: Plan, projection: Projection | None = None) -> list[Finding]:
    """Every plan-level finding (structure, completeness, numbers, free text), worst first
    (``projection``: the plan's, with the default settings, when already computed)."""
    _validate_registry()
    ctx = RuleContext(plan, projection)
    industry = industry_key(plan.company.industry)  # follow-ups and examples that fit the company

    def make(rule_id: str, path: str | None, values: dict[str, Any], severity: str | None = None) -> Finding:
        return make_finding(rule_id, path, values, severity, industry=industry)

    findings: list[Finding] = []
    for rule_id, fn in _REGISTRY.items():
        for path, values in fn(plan, ctx):
            findings.append(make(rule_id, path, values))
    findings.extend(_numeric_findings(plan, ctx, make))
    findings.extend(_text_findings(plan))
    return sort_findings(findings)


# The monthly-review rules register themselves here (their texts are in checklist.yaml too).
from . import monitoring_rules  # noqa: E402,F401
