"""Plans with missing optional parts still export (workbook, Markdown, HTML)."""

from __future__ import annotations

import openpyxl

from kaizen_guide.export import export_all
from kaizen_guide.model.plan import Plan

from .conftest import minimal_plan
from .helpers import cells_with


def test_plan_without_group_collateral_banks_or_actions_exports(tmp_path):
    written = export_all(
        minimal_plan(), xlsx=tmp_path / "p.xlsx", md=tmp_path / "p.md", html=tmp_path / "p.html", findings=[]
    )
    assert [p.name for p in written] == ["p.xlsx", "p.md", "p.html"]
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert cells_with(wb["企業集団の状況"], "該当なし")
    assert cells_with(wb["資産保全表"], "借入はありません")
    assert cells_with(wb["実施計画"], "アクションプランが未入力です")
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "借入はありません" in md
    assert "金融支援は依頼しません" in md
    assert "<!DOCTYPE html>" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_an_empty_plan_exports(tmp_path):
    written = export_all(Plan(), xlsx=tmp_path / "e.xlsx", md=tmp_path / "e.md", html=tmp_path / "e.html", findings=[])
    assert len(written) == 3
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert cells_with(wb["資金実績表"], "2期以上の決算実績が必要")
    assert "(会社名未入力)" in (tmp_path / "e.md").read_text(encoding="utf-8")


def test_export_all_writes_only_what_was_asked(tmp_path):
    written = export_all(minimal_plan(), md=tmp_path / "only.md", findings=[])
    assert written == [tmp_path / "only.md"]
    assert not (tmp_path / "only.xlsx").exists()
