"""Readable reports (Markdown and printable HTML) from templates/ (jinja2).

Answers are data: they are passed to the templates as values, never concatenated into template
source, so an answer such as ``{{ 7*7 }}`` prints as typed. HTML templates are autoescaped
(``.html.j2``); the shared macros in ``_macros.j2`` switch autoescaping on for their HTML parts.

    render_plan_report(plan, projection, findings, fmt="md" | "html") -> str
    render_check_report(plan_name, findings, fmt="md" | "html") -> str
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from types import SimpleNamespace

from ..model.plan import MEASURE_CATEGORY_LABELS, PL_LINE_LABELS, SUPPORT_TYPE_LABELS
from . import layout
from .report_tables import allocation_table, metric_rows, number_table, stress_tables
from .sources import Sources
from .templating import FORMATS, css, environment, kyen, md_cell, md_text, pct, template, years
from .templating import _environment as _environment  # its lru_cache is cleared by the cache tests

# The templates' filters and environment (templating.py) are re-exported with the report's own names.
__all__ = [
    "FINDING_FIELDS",
    "FORMATS",
    "SEVERITY_LABEL",
    "SEVERITY_RANK",
    "environment",
    "group_findings",
    "kyen",
    "md_cell",
    "md_text",
    "normalize_findings",
    "pct",
    "plan_context",
    "render_check_report",
    "render_plan_report",
    "write_report",
    "years",
]

SEVERITY_LABEL = {"error": "要修正", "warning": "要確認", "info": "参考"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FINDING_FIELDS = (
    "rule_id",
    "severity",
    "message",
    "guideline_ref",
    "follow_up",
    "example",
    "section",
    "question_id",
    "path",
)


# ---------------------------------------------------------------------------------------------
# Environment and filters


# ---------------------------------------------------------------------------------------------
# Findings (kaizen_guide.checks.Finding, or any object / dict with the same fields)


def normalize_findings(findings: Iterable | None) -> list[SimpleNamespace]:
    out = []
    for f in findings or ():
        get = (lambda k, f=f: f.get(k)) if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, None))
        item = SimpleNamespace(**{k: get(k) for k in FINDING_FIELDS})
        item.severity = item.severity if item.severity in SEVERITY_RANK else "info"
        item.severity_label = SEVERITY_LABEL[item.severity]
        item.where = item.question_id or item.path or ""
        out.append(item)
    return out


def group_findings(findings: list[SimpleNamespace]) -> list[dict]:
    """Sections ordered by their worst finding; findings worst first (same order as `check`)."""
    groups: dict[str, list] = {}
    for f in findings:
        groups.setdefault(f.section or "全体", []).append(f)
    for items in groups.values():
        items.sort(key=lambda f: SEVERITY_RANK[f.severity])
    ordered = sorted(groups.items(), key=lambda kv: min(SEVERITY_RANK[f.severity] for f in kv[1]))
    return [{"section": k, "findings": v} for k, v in ordered]


def _counts(findings: list[SimpleNamespace]) -> dict[str, int]:
    return {k: sum(1 for f in findings if f.severity == k) for k in SEVERITY_RANK}


def _findings_context(findings) -> dict:
    items = normalize_findings(findings)
    counts = _counts(items)
    return {
        "findings": items,
        "finding_groups": group_findings(items),
        "counts": counts,
        "severity_label": SEVERITY_LABEL,
        "summary": f"要修正 {counts['error']}件 / 要確認 {counts['warning']}件 / 参考 {counts['info']}件",
    }


# ---------------------------------------------------------------------------------------------
# Plan report context: plain data built from the plan and the projection


def _chain(plan) -> list[dict]:
    """課題 → 対策 → アクション, with the 窮境要因 each 課題 answers (a traceable chain)."""
    causes = {c.id: c for c in plan.distress_causes}
    chain = []
    used_measures: set[str] = set()
    for issue in sorted(plan.issues, key=lambda i: i.priority):
        measures = []
        for m in plan.measures:
            if issue.id not in m.issue_ids:
                continue
            used_measures.add(m.id)
            measures.append(_measure(plan, m))
        chain.append(
            {
                "id": issue.id,
                "title": issue.title,
                "description": issue.description,
                "priority": issue.priority,
                "causes": [
                    {"id": cid, "description": causes[cid].description if cid in causes else "(未登録)"}
                    for cid in issue.cause_ids
                ],
                "measures": measures,
            }
        )
    orphans = [_measure(plan, m) for m in plan.measures if m.id not in used_measures]
    if orphans:
        chain.append(
            {
                "id": "—",
                "title": "(課題に結びついていない対策)",
                "description": "",
                "priority": 99,
                "causes": [],
                "measures": orphans,
            }
        )
    return chain


def _measure(plan, m) -> dict:
    from .blocks import fmt_decimal

    actions = []
    for a in plan.actions:
        if a.measure_id != m.id:
            continue
        kpi = f"{a.kpi.name} {fmt_decimal(a.kpi.target)}{a.kpi.unit}" if a.kpi else ""
        actions.append(
            {
                "id": a.id,
                "title": a.title,
                "method": a.method,
                "owner": a.owner,
                "start": a.start,
                "due": a.due,
                "kpi": kpi,
                "kpi_basis": a.kpi.basis if a.kpi else "",
                "line": PL_LINE_LABELS.get(a.pl_line, a.pl_line),
                "effects": [kyen(x) for x in a.effects],
                "effect": kyen(max(a.effects) if a.effects else 0),
            }
        )
    return {
        "id": m.id,
        "title": m.title,
        "description": m.description,
        "category": MEASURE_CATEGORY_LABELS.get(m.category, m.category),
        "actions": actions,
    }


def plan_context(plan, projection, findings=None) -> dict:
    proj = projection
    src = Sources(plan, proj)
    c = plan.company
    created = plan.meta.created_on or date.today()
    pl_keys = (
        "sales",
        "cost_of_sales",
        "gross_profit",
        "sga",
        "operating_income",
        "non_operating_income",
        "non_operating_expenses",
        "ordinary_income",
        "extraordinary",
        "pretax_income",
        "income_taxes",
        "net_income",
        "depreciation_total",
        "simple_cf",
    )
    tables = [
        number_table("損益計画", layout.PL_ROWS, src, proj, keys=pl_keys),
        number_table(
            "貸借対照表計画 (要約)",
            layout.BS_ROWS,
            src,
            proj,
            keys=(
                "cash",
                "current_assets",
                "fixed_assets",
                "total_assets",
                "payables",
                "borrowings",
                "officer_borrowings",
                "total_liabilities",
                "net_assets",
                "real_net_assets",
            ),
        ),
        number_table(
            "資金計画",
            layout.CF_ROWS,
            src,
            proj,
            actual=False,
            keys=(
                "operating_cf",
                "investing_cf",
                "free_cf",
                "financing_cf",
                "cash_change",
                "cash_opening",
                "cash_closing",
            ),
        ),
    ]
    metrics = number_table(
        "返済能力の指標",
        layout.PL_ROWS,
        src,
        proj,
        keys=("simple_cf", "interest_bearing_debt", "debt_to_repay", "debt_years", "net_assets", "real_net_assets"),
        extra_rows=metric_rows(proj),
    )
    t, tr = plan.targets, proj.targets
    from .blocks import fmt_decimal

    def when(y):
        return f"計画{y}年目" if y is not None else "計画期間内に達成せず"

    before_met = tr.solvency_year_before_owner is not None and tr.solvency_year_before_owner <= t.solvency_target_year
    targets = [
        {
            "item": "経常利益の黒字化",
            "target": f"計画{t.profit_target_year}年目まで",
            "result": when(tr.profit_year),
            "met": tr.profit_met,
            "verdict": tr.verdict(tr.profit_met),
        },
        {
            "item": "実質債務超過の解消 (代表者資産加味後)",
            "target": f"計画{t.solvency_target_year}年目まで",
            "result": when(tr.solvency_year),
            "met": tr.solvency_met,
            "verdict": tr.verdict(tr.solvency_met),
        },
        {
            "item": "実質債務超過の解消 (代表者資産加味前・参考)",
            "target": f"計画{t.solvency_target_year}年目まで",
            "result": when(tr.solvency_year_before_owner),
            "met": before_met,
            "verdict": tr.verdict(before_met),
        },
        {
            "item": "債務償還年数 (計画最終年度)",
            "target": f"{fmt_decimal(t.debt_years_target)}年以内",
            "result": years(tr.final_debt_years),
            "met": tr.debt_years_met,
            "verdict": tr.verdict(tr.debt_years_met),
        },
    ]
    rp = proj.repayment
    cov = {b.bank: b for b in proj.coverage.banks}
    banks = [
        {
            "name": b.bank,
            "balance": kyen(b.balance),
            "share": pct(cov[b.bank].balance_share) if b.bank in cov else "—",
            "secured": kyen(cov[b.bank].secured_total) if b.bank in cov else "—",
            "unsecured": kyen(b.unsecured),
            "contractual": kyen(b.contractual_annual),
            "repayment": kyen(b.total_repayment),
            "reduction": kyen(b.total_reduction),
        }
        for b in rp.banks
    ]
    s = plan.support
    mp = plan.monitoring_plan
    return {
        "title": plan.meta.title or "経営改善計画書",
        "company": c.name or "(会社名未入力)",
        "created": f"{created.year}年{created.month}月{created.day}日",
        "meta": plan.meta,
        "overview": [
            ("商号", c.name),
            ("代表者", c.representative),
            ("所在地", c.address),
            ("業種", c.industry),
            ("事業内容", c.business),
            ("資本金", f"{c.capital:,}千円"),
            ("従業員数", f"{c.employees}名"),
            ("決算期", f"{c.fiscal_month}月"),
            ("経営理念", c.philosophy),
            ("後継者", c.successor),
            ("認定支援機関", plan.meta.support_agency),
            ("メインバンク", plan.meta.main_bank),
        ],
        "causes": [
            {
                "id": d.id,
                "kind": "内部要因" if d.kind == "internal" else "外部要因",
                "description": d.description,
                "impact": kyen(d.impact),
            }
            for d in plan.distress_causes
        ],
        "basic_policy": plan.basic_policy,
        "chain": _chain(plan),
        "unlinked_actions": [a for a in plan.actions if a.measure_id not in {m.id for m in plan.measures}],
        "plan_years": t.plan_years,
        "first_plan_year_label": t.first_plan_year_label,
        "goals": t.goals,
        "tables": tables,
        "metrics": metrics,
        "targets": targets,
        "targets_all_met": tr.all_met,
        "targets_summary": tr.summary,
        "definitions": proj.definitions,
        "stress": {"passed": proj.stress.passed, "verdict": proj.stress.verdict, "tables": stress_tables(proj)},
        "allocation": allocation_table(proj) if rp.needed else None,
        "support": {
            "needed": s.needed,
            "types": "、".join(SUPPORT_TYPE_LABELS.get(x, x) for x in s.types),
            "start": s.start or "",
            "period_months": s.period_months,
            "end": rp.support_end,
            "after": (
                "約定返済に戻す"
                if rp.after_period == "contract"
                else f"簡易CFの{pct(rp.after_share_of_cf if rp.after_share_of_cf is not None else s.repayment_share_of_cf, 0)}"
                "による返済を続ける"
            ),
            "basis": rp.basis_label,
            "share": pct(s.repayment_share_of_cf, 0),
            "guaranteed_on_contract": s.guaranteed_on_contract,
            "request": s.request,
            "reasons": s.reasons,
            "request_total": kyen(rp.request_total),
            "banks": banks,
            "total_balance": kyen(sum(b.balance for b in rp.banks)),
        },
        "monthly": {
            "lowest": proj.monthly.lowest_label,
            "lowest_balance": kyen(proj.monthly.lowest_balance),
            "negative": bool(proj.monthly.negative_months),
            "minimum": kyen(proj.monthly.minimum_cash),
        },
        "monitoring": {
            "frequency": layout.MONITORING_FREQUENCY_LABELS.get(mp.frequency, mp.frequency),
            "period_years": mp.period_years,
            "start": mp.start or "",
            "attendees": list(mp.attendees),
            "report_items": mp.report_items,
        },
        "notes": list(proj.notes),
        **_findings_context(findings),
    }


# ---------------------------------------------------------------------------------------------
# Public API


def render_plan_report(plan, projection=None, findings=None, fmt: str = "md", *, settings=None) -> str:
    """The plan as a report: overview, 窮境要因, 課題 → 対策 → アクション, numbers, bank metrics
    against the targets, the 金融支援 request and the monitoring plan (and check findings)."""
    if projection is None:
        from ..finance import compute_projection

        projection = compute_projection(plan, settings)
    tpl = template("plan_report", fmt)
    return tpl.render(**plan_context(plan, projection, findings), css=css(), fmt=fmt)


def render_check_report(plan_name: str, findings, fmt: str = "md", *, title: str | None = None) -> str:
    """The checklist findings as a report (same macros as the plan report)."""
    name = plan_name or ""
    heading = title or (name if "チェック" in name else (f"チェック結果: {name}" if name else "チェック結果"))
    tpl = template("check_report", fmt)
    return tpl.render(title=heading, plan_name=name, css=css(), fmt=fmt, **_findings_context(findings))


def write_report(text: str, path) -> None:
    """Atomic, owner-only (the report holds the company's finances)."""
    from ..model.store import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8"))
