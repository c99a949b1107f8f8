"""Target paths into the plan model and the coverage walk."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaizen_guide.banks.targets import (
    ENGINE_FILLED,
    TargetError,
    check_scalar_fit,
    leaf_paths,
    resolve,
    uncovered_fields,
)
from kaizen_guide.model.plan import Bank, Loan, Plan


def test_resolve_scalars_lists_and_rows():
    assert resolve(Plan, "company.name").base is str
    spec = resolve(Plan, "company.capital")
    assert spec.base is int and spec.ge == 0 and spec.title == "資本金"
    assert resolve(Plan, "banks").is_list and resolve(Plan, "banks").base is Bank
    assert resolve(Plan, "banks[].loans").base is Loan
    assert resolve(Plan, "banks[].loans[].interest_rate").base is Decimal
    assert resolve(Plan, "actions[].kpi.target").base is Decimal  # into an optional model
    assert resolve(Plan, "support.types").literals[0] == "principal_grace"


@pytest.mark.parametrize("path", ["company.nickname", "banks.loans", "company[].name", "company.name.first", ""])
def test_bad_paths(path):
    with pytest.raises(TargetError):
        resolve(Plan, path)


def test_type_fit():
    check_scalar_fit("amount", False, resolve(Plan, "company.capital"))
    check_scalar_fit("percent", True, resolve(Plan, "drivers.cost_ratio"))
    check_scalar_fit("choice", False, resolve(Plan, "support.allocation_basis"), ["balance", "unsecured"])
    with pytest.raises(TargetError):
        check_scalar_fit("amount", False, resolve(Plan, "company.name"))
    with pytest.raises(TargetError):
        check_scalar_fit("percent", False, resolve(Plan, "drivers.cost_ratio"))  # a list needs list: true
    with pytest.raises(TargetError):
        check_scalar_fit("choice", False, resolve(Plan, "support.allocation_basis"), ["balance", "equal"])


def test_coverage_walk_lists_leaves_and_honours_the_ignore_list():
    leaves = leaf_paths(Plan)
    assert "company.officers[].name" in leaves
    assert "financials.years[].pl.sales" in leaves
    assert "drivers.cost_ratio" in leaves
    left = uncovered_fields(Plan, set())
    assert "company.name" in left
    assert not any(p.split(".")[0].removesuffix("[]") in ("interview", "monitoring", "schema_version") for p in left)
    assert "monitoring_plan.frequency" in left
    assert "meta.plan_style" not in left
    assert set(ENGINE_FILLED) <= {
        "schema_version",
        "interview",
        "meta.plan_style",
        "monitoring",
        "actuals_import",
        "banks.is_main",
        "monitoring_plan.band_ok",
        "monitoring_plan.band_watch",
        "versions",
        "notes",
    }
