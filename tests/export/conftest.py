"""Fixtures for the export tests: the sample workbook (built once) and its LibreOffice recalculation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from kaizen_guide.export.workbook import build_workbook, save_workbook
from kaizen_guide.finance import compute_projection
from kaizen_guide.sample import build_sample_plan

from .lo_recalc import convert, soffice

REPO = Path(__file__).resolve().parents[2]


def load_bench():
    """benchmarks/bench_export.py (it generates the large plan)."""
    spec = importlib.util.spec_from_file_location("bench_export", REPO / "benchmarks" / "bench_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_soffice():
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot recalculate the workbook")


class Built:
    """A workbook built from a plan, saved, with the engine's value for every formula cell."""

    def __init__(self, plan, folder: Path, name: str):
        self.plan = plan
        self.projection = compute_projection(plan)
        self.expectations: dict = {}
        self.wb = build_workbook(plan, self.projection, expectations=self.expectations)
        self.path = save_workbook(self.wb, folder / f"{name}.xlsx")
        self.folder = folder
        self._recalc = None

    def recalculated(self):
        """The workbook after LibreOffice opened, recalculated and saved it (values only)."""
        if self._recalc is None:
            needs_soffice()
            out = convert(self.path, self.folder / "recalc")
            self._recalc = openpyxl.load_workbook(out, data_only=True)
        return self._recalc


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory) -> Built:
    return Built(build_sample_plan(), tmp_path_factory.mktemp("sample_xlsx"), "sample")


@pytest.fixture(scope="session")
def large_built(tmp_path_factory) -> Built:
    return Built(load_bench().build_large_plan(), tmp_path_factory.mktemp("large_xlsx"), "large")


def minimal_plan():
    """The sample without its optional parts: no group companies, collateral, banks or actions."""
    plan = build_sample_plan()
    plan.company.group_companies = []
    plan.collaterals = []
    plan.banks = []
    plan.actions = []
    plan.support.needed = False
    return plan


@pytest.fixture(scope="session")
def minimal_built(tmp_path_factory) -> Built:
    return Built(minimal_plan(), tmp_path_factory.mktemp("minimal_xlsx"), "minimal")
