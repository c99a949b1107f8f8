"""The plan as the SME Agency sample form: an Excel workbook an advisor can keep editing.

    from kaizen_guide.export.workbook import build_workbook, export_xlsx
    wb = build_workbook(plan, projection)          # openpyxl.Workbook
    export_xlsx(plan, "plan.xlsx")                 # computes the projection when not given

Totals and derived lines are formulas over the input cells (also across sheets: 損益計画 →
タックスプラン → 損益計画, 資金計画 → 貸借対照表計画 …). Every formula is recorded with the finance
engine's number for it (``expectations``), so the tests can recalculate in LibreOffice and compare.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from . import layout, styles
from .cells import Expectations
from .context import BuildContext
from .sources import Sources


def _settings(settings):
    if settings is not None:
        return settings
    from ..finance import FinanceSettings

    return FinanceSettings()


def build_workbook(
    plan,
    projection=None,
    *,
    settings=None,
    font: str = styles.DEFAULT_FONT,
    expectations: Expectations | dict | None = None,
) -> Workbook:
    """Build the workbook for ``plan`` (projection computed with ``settings`` when not given).

    Pass a dict as ``expectations`` to receive {(sheet name, cell): Expected(value, tol)} for
    every formula cell.
    """
    settings = _settings(settings)
    if projection is None:
        from ..finance import compute_projection

        projection = compute_projection(plan, settings)
    exp = Expectations()
    wb = Workbook()
    fonts = styles.Fonts(font)
    _set_default_font(wb, font)
    styles.remember_style_indices(wb)
    ctx = BuildContext(plan=plan, proj=projection, wb=wb, fonts=fonts, expectations=exp, settings=settings)
    ctx.sources = Sources(plan, projection, settings)

    first = wb.active
    for i, spec in enumerate(layout.SHEETS):
        ws = first if i == 0 else wb.create_sheet()
        ws.title = spec.name
        ctx.sheets[spec.key] = ws
    ctx.sheets["cover"].sheet_view.showGridLines = False

    # Pass 1: where every numeric row goes (formulas may point at any sheet).
    from . import sheets_actions, sheets_banks, sheets_numbers, sheets_overview, sheets_profile

    grids = {
        "pl": sheets_numbers.prepare_pl(ctx),
        "cf": sheets_numbers.prepare_cf(ctx),
        "bs": sheets_numbers.prepare_bs(ctx),
        "tax": sheets_numbers.prepare_tax(ctx),
        "cash_actual": sheets_numbers.prepare_cash_actual(ctx),
        "measures": sheets_actions.prepare_measures(ctx),
        "monthly": sheets_banks.prepare_monthly(ctx),
    }
    coverage = sheets_banks.prepare_coverage(ctx)
    banks = sheets_banks.prepare_banks(ctx)
    debtor = sheets_profile.prepare_debtor(ctx)

    # Pass 2: write (numeric sheets first, so text sheets can link to their values).
    sheets_numbers.write_pl(ctx, grids["pl"])
    sheets_numbers.write_cf(ctx, grids["cf"])
    sheets_numbers.write_bs(ctx, grids["bs"])
    sheets_numbers.write_tax(ctx, grids["tax"])
    sheets_numbers.write_cash_actual(ctx, grids["cash_actual"])
    sheets_actions.write_measures(ctx, grids["measures"])
    sheets_banks.write_monthly(ctx, grids["monthly"])
    sheets_banks.write_coverage(ctx, coverage)
    sheets_banks.write_banks(ctx, banks)
    sheets_overview.write_cover(ctx)
    sheets_profile.write_debtor(ctx, debtor)
    sheets_profile.write_summary(ctx)
    sheets_overview.write_group(ctx)
    sheets_overview.write_bizmodel(ctx)
    sheets_actions.write_actions(ctx)
    sheets_actions.write_monitoring(ctx)

    from .paging import paginate

    for ws in wb.worksheets:
        paginate(ws)

    wb.properties.title = f"{plan.meta.title} {ctx.company}"
    wb.properties.creator = "kaizen-guide"
    wb.active = 0
    from .xml_safe import scrub_workbook

    scrub_workbook(wb)
    if expectations is not None:
        expectations.update(exp)
    wb._kaizen_expectations = exp  # noqa: SLF001 (kept for callers that only hold the workbook)
    return wb


def _set_default_font(wb: Workbook, name: str) -> None:
    """Make the workbook's Normal style use the Japanese font (empty cells, new rows)."""
    try:
        normal = wb._named_styles["Normal"]  # noqa: SLF001
        normal.font = Font(name=name, size=styles.FONT_SIZE)
        wb._fonts[0] = Font(name=name, size=styles.FONT_SIZE)  # noqa: SLF001
    except (KeyError, IndexError, AttributeError):  # pragma: no cover - openpyxl internals moved
        pass


def workbook_bytes(wb: Workbook) -> bytes:
    """The saved package, with the engine's value cached in every formula cell and the workbook
    set to recalculate fully when Excel or LibreOffice opens it."""
    from .package import package_bytes

    wb.calculation.fullCalcOnLoad = True
    return package_bytes(wb, expectations_of(wb))


def save_workbook(wb: Workbook, path: str | os.PathLike) -> Path:
    """Save atomically with owner-only permissions (the workbook holds the company's finances)."""
    from ..model.store import atomic_write_bytes

    return atomic_write_bytes(path, workbook_bytes(wb))


def export_xlsx(
    plan, path: str | os.PathLike, projection=None, *, settings=None, font: str = styles.DEFAULT_FONT
) -> Path:
    """Build and save the workbook; returns the path written."""
    wb = build_workbook(plan, projection, settings=settings, font=font)
    return save_workbook(wb, path)


def expectations_of(wb: Workbook) -> dict[tuple[str, str], Any]:
    return getattr(wb, "_kaizen_expectations", {})
