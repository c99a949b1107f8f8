"""Export: the plan as the SME Agency sample-form workbook (openpyxl) and as reports (jinja2).

    from kaizen_guide.export import export_all, build_workbook, export_xlsx
    export_all(plan, xlsx="計画書.xlsx", md="計画書.md", html="計画書.html")

Importing this package is cheap: openpyxl and jinja2 load only when a function is called.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .report import render_check_report, render_plan_report
    from .workbook import build_workbook, export_xlsx

__all__ = ["build_workbook", "export_all", "export_xlsx", "render_check_report", "render_plan_report"]

_LAZY = {
    "build_workbook": ("workbook", "build_workbook"),
    "export_xlsx": ("workbook", "export_xlsx"),
    "render_plan_report": ("report", "render_plan_report"),
    "render_check_report": ("report", "render_check_report"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        module, attr = _LAZY[name]
        return getattr(import_module(f"{__name__}.{module}"), attr)
    raise AttributeError(name)


def plan_findings(plan, projection=None) -> list:
    """The plan-level check findings for the report (none when the checks are not available);
    ``projection``: the plan's, computed with the default settings, when the caller has it."""
    try:
        from ..checks import check_plan

        return list(check_plan(plan, projection))
    except (ImportError, NotImplementedError):
        return []


def export_all(
    plan,
    *,
    xlsx: str | os.PathLike | None = None,
    md: str | os.PathLike | None = None,
    html: str | os.PathLike | None = None,
    projection=None,
    findings: list | None = None,
    settings=None,
) -> list[Path]:
    """Write the requested outputs (computing the projection once); returns the paths written."""
    if projection is None:
        from ..finance import compute_projection

        projection = compute_projection(plan, settings)
    written: list[Path] = []
    if xlsx:
        from .workbook import export_xlsx

        written.append(export_xlsx(plan, xlsx, projection, settings=settings))
    if md or html:
        from .report import render_plan_report, write_report

        if findings is None:
            # The checks judge the plan with the default settings: their projection is ours then.
            findings = plan_findings(plan, projection if settings is None else None)
        for path, fmt in ((md, "md"), (html, "html")):
            if path:
                write_report(render_plan_report(plan, projection, findings, fmt=fmt), path)
                written.append(Path(path))
    return written
