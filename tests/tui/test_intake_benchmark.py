"""The intake benchmark's two paths store the same plan (benchmarks/bench_intake.py, issue 19).

Owner mode (one question at a time, the grids cell by cell) and advisor mode (会社概要 as one
form filled by one pasted column, each year grid by one pasted block) enter the sample's values
into two new plans; the plans must agree field by field, and the advisor must need fewer than half
the owner's keystrokes (issue 19).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kaizen_guide.model import load_plan

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_intake


def _fields(value, prefix=""):
    """Every leaf of a model dump, as (path, value)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _fields(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _fields(v, f"{prefix}[{i}]")
    else:
        yield prefix, value


@pytest.mark.slow
async def test_owner_and_advisor_paths_store_the_same_plan(tmp_path):
    grids = bench_intake.GRIDS
    owner = await bench_intake.run_path("owner", tmp_path / "owner.json", grids_entered=grids)
    advisor = await bench_intake.run_path("advisor", tmp_path / "advisor.json", grids_entered=grids)
    a, b = load_plan(tmp_path / "owner.json"), load_plan(tmp_path / "advisor.json")
    company_a, company_b = (
        dict(_fields(a.company.model_dump(mode="json"))),
        dict(_fields(b.company.model_dump(mode="json"))),
    )
    assert company_a == company_b
    assert company_a["name"] == "株式会社さくら亭" and company_a["capital"] == 10000
    years_a = dict(_fields([y.model_dump(mode="json") for y in a.financials.years]))
    years_b = dict(_fields([y.model_dump(mode="json") for y in b.financials.years]))
    assert years_a == years_b and years_a["[2].pl.sales"] == 455000
    assert years_a["[0].bs.cash"] == 48000 and years_a["[2].employees"] == 38
    assert a.financials.model_dump(mode="json") == b.financials.model_dump(mode="json")
    assert dict(_fields(a.meta.model_dump(mode="json"))) == dict(_fields(b.meta.model_dump(mode="json")))
    entered = [q for q in a.interview.answers if q.startswith(("company.", "meta.", "financials."))]
    assert {q: a.interview.answers[q].value for q in entered} == {
        q: b.interview.answers[q].value for q in entered if q in b.interview.answers
    }
    assert {r.given_by for r in b.interview.answers.values()} == {"advisor"}
    assert owner.pastes == 0 and advisor.pastes == 1 + len(grids)  # the owner types every value
    company, cells = bench_intake.sample_values()
    values = [t for _q, t in company if t] + [t for g in grids for texts in cells[g].values() for t in texts if t]
    assert advisor.pasted == len(values) and owner.texts >= len(values)  # the same values entered
    assert advisor.keystrokes * 2 < owner.keystrokes
