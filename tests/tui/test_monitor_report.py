"""F4 on the review screen writes the month's monitoring report and says where the files are."""

from __future__ import annotations

import stat
from datetime import date

from textual.widgets import Input

from kaizen_guide.model import save_plan
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.widgets.chat_log import AssistantMessage

from .conftest import make_app, settle

TODAY = date(2027, 7, 8)


async def test_f4_writes_the_report_through_the_export_dialog(tmp_path):
    path = tmp_path / "sakura.json"
    save_plan(build_sample_plan(monitoring=True), path, backup=False)
    app = make_app(path, monitor=True, month="2027-06", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        from kaizen_guide.tui.screens.export import ExportScreen

        dialog = pilot.app.screen
        assert isinstance(dialog, ExportScreen)
        files = str(dialog.query_one("#export-files").render())
        assert "モニタリング報告 (Excel): sakura_モニタリング報告_2027-06.xlsx" in files
        target = tmp_path / "銀行向け"
        dialog.query_one(Input).value = str(target)
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        said = "\n".join(m._markdown for m in pilot.app.screen.query(AssistantMessage))
        assert "モニタリング報告を書き出しました" in said
        for kind in ("xlsx", "md", "html"):
            out = tmp_path / f"銀行向け.{kind}"
            assert out.exists() and out.name in said
            assert stat.S_IMODE(out.stat().st_mode) == 0o600
        assert "報告済みとして記録しました" in said
        from kaizen_guide.model import load_plan

        june = next(r for r in load_plan(path).monitoring if r.month == "2027-06")
        assert june.reported_at is not None
        md = (tmp_path / "銀行向け.md").read_text(encoding="utf-8")
        assert "6月度 (計画1年目 6月)" in md and "## ③ 乖離の要因分析と今後の対策" in md
