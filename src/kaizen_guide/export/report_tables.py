"""The plan report's number tables as plain data for the templates: a numeric sheet's rows by year,
the bank's extra metrics, the pro-rata allocation basis and the stress-test scenarios.

Split out of ``report.py`` (which builds the whole report context from these).
"""

from __future__ import annotations

from typing import Any

from . import layout, styles
from .sources import Sources
from .templating import kyen, pct, years


def format_cell(value: Any, fmt: str) -> str:
    if fmt == styles.PCT:
        return pct(value)
    if fmt == styles.YEARS:
        return years(value)
    return kyen(value)


def number_table(
    title: str,
    specs,
    sources: Sources,
    proj,
    *,
    actual: bool = True,
    keys: tuple[str, ...] | None = None,
    extra_rows: list[dict] | None = None,
    expand: dict | None = None,
) -> dict:
    labels = ([lab for lab in proj.labels.actual[-layout.ACTUAL_YEARS_SHOWN :]] if actual else []) + list(
        proj.labels.plan
    )
    headers = [("実績 " if lab.kind == "actual" else lab.label + " ") + (lab.fiscal_label or "") for lab in labels]
    rows: list[dict] = []
    for spec in specs:
        if spec.section:
            if keys is None:
                rows.append({"label": spec.label, "section": True, "total": False, "values": []})
            continue
        if expand and spec.key in expand:
            rows.extend(expand[spec.key])
            continue
        if keys is not None and spec.key not in keys:
            continue
        if not spec.src:
            continue
        values = []
        for lab in labels:
            v = sources.get(spec.src, lab.offset)
            if v is None and spec.none_expected and sources.get("metrics.sales", lab.offset) is not None:
                v = spec.none_expected  # e.g. 債務償還年数 算出不能
            values.append(format_cell(v, spec.fmt))
        rows.append({"label": spec.label, "section": False, "total": spec.total, "values": values})
    rows.extend(extra_rows or [])
    return {"title": title, "unit": "単位:千円", "headers": headers, "rows": rows}


def year_headers(labels) -> list[str]:
    return [("実績 " if lab.kind == "actual" else lab.label + " ") + (lab.fiscal_label or "") for lab in labels]


def metric_rows(proj) -> list[dict]:
    """Rows the bank reads beside the form's: the gross 債務償還年数 and 実質純資産 before 代表者資産."""
    labels = list(proj.labels.actual[-layout.ACTUAL_YEARS_SHOWN :]) + list(proj.labels.plan)
    by_offset = {m.offset: m for m in proj.metrics}

    def row(label, get, fmt):
        values = []
        for lab in labels:
            m = by_offset.get(lab.offset)
            values.append(format_cell(get(m), fmt) if m is not None else "—")
        return {"label": label, "section": False, "total": False, "values": values}

    return [
        row("債務償還年数 (簡易: 有利子負債 ÷ 簡易CF)", lambda m: m.gross_debt_repayment_years, styles.YEARS),
        row("実質純資産 (代表者資産加味前)", lambda m: m.real_net_assets_before_owner, styles.NUM),
    ]


def allocation_table(proj) -> dict:
    """プロラタの基準額 by bank and year, and where 信用残高プロラタ fell back to 残高プロラタ."""
    rp = proj.repayment
    rows = [
        {
            "label": "配分基準",
            "section": False,
            "total": False,
            "values": [
                layout.BASIS_NAMES[b] + (" (代替)" if y in rp.fallback_years else "")
                for y, b in enumerate(rp.basis_by_year)
            ],
        }
    ]
    for b in rp.banks:
        rows.append(
            {
                "label": f"{b.bank} 基準額",
                "section": False,
                "total": False,
                "values": [kyen(y.base_amount) for y in b.years],
            }
        )
    if rp.allocation_basis == "unsecured":
        for b in rp.banks:
            rows.append(
                {
                    "label": f"{b.bank} 信用残 (期首)",
                    "section": False,
                    "total": False,
                    "values": [kyen(y.unsecured) for y in b.years],
                }
            )
    return {
        "title": "返済額の配分基準 (プロラタの基準額)",
        "unit": "単位:千円",
        "headers": year_headers(proj.labels.plan),
        "rows": rows,
    }


def stress_tables(proj) -> list[dict]:
    labels = [lab for lab in proj.labels.plan if lab.offset >= 1]
    out = []
    for sc in proj.stress.scenarios:

        def row(label, get, sc=sc):
            return {"label": label, "section": False, "total": False, "values": [get(y) for y in sc.years]}

        ok = sc.repayment_covered and sc.cash_never_negative
        out.append(
            {
                "title": f"ストレステスト: {sc.name} ({'返済・資金繰りとも可' if ok else '成り立たない'})",
                "unit": "単位:千円",
                "headers": year_headers(labels),
                "rows": [
                    row("売上高", lambda y: kyen(y.sales)),
                    row("経常利益", lambda y: kyen(y.ordinary_income)),
                    row("簡易CF", lambda y: kyen(y.simple_cf)),
                    row("返済額 (計画のまま)", lambda y: kyen(y.repayment)),
                    row("返済を簡易CFで賄えるか", lambda y: "可" if y.covered else "不可"),
                    row("期末現預金 (資金不足の補填前)", lambda y: kyen(y.cash_closing)),
                ],
                "verdict": sc.verdict,
            }
        )
    return out
