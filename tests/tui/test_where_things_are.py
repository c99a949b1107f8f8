"""Where things are: the plan's file and last save on screen, export asks where before writing,
the recent list names the company and the last edit, the palette speaks Japanese."""

from __future__ import annotations

import os
from datetime import datetime

from textual.widgets import Input, OptionList, Static

from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.tui import recent
from kaizen_guide.tui.commands import NO_MATCHES
from kaizen_guide.tui.screens.export import ExportScreen

from .conftest import interview_screen, make_app, search_palette, settle


def topbar(pilot) -> str:
    return str(interview_screen(pilot).query_one("#topbar", Static).render())


async def test_the_status_line_names_the_plan_file_and_the_last_save(sample_path):
    app = make_app(sample_path, show_save_time=True, show_plan_folder=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = topbar(pilot)
        assert "sakura.json" in line and "保存" in line, line
    app = make_app(sample_path, show_save_time=True, show_plan_folder=True)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        assert str(sample_path.parent.name) in topbar(pilot)  # wide enough: the folder too


async def test_export_is_in_the_footer_and_asks_where_before_writing(sample_path, tmp_path):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {b.binding.key for b in interview_screen(pilot).active_bindings.values() if b.binding.show}
        assert "f4" in shown
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        files = str(app.screen.query_one("#export-files", Static).render())
        assert "sakura.xlsx" in files and "sakura.html" in files
        await pilot.press("escape")  # cancelled: nothing is written
        await settle(pilot)
        assert not sample_path.with_suffix(".xlsx").exists()

        await pilot.press("f4")
        await settle(pilot)
        box = app.screen.query_one("#export-path", Input)
        box.value = str(tmp_path / "out" / "計画書")
        await pilot.press("enter")  # a folder that does not exist: said, not written
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "ありません" in str(app.screen.query_one("#export-error", Static).render())
        (tmp_path / "out").mkdir()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ExportScreen)
    assert (tmp_path / "out" / "計画書.xlsx").is_file() and (tmp_path / "out" / "計画書.md").is_file()
    assert not sample_path.with_suffix(".xlsx").exists()


async def test_export_says_which_files_it_will_replace(sample_path):
    sample_path.with_suffix(".md").write_text("old", encoding="utf-8")
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        lines = str(app.screen.query_one("#export-files", Static).render()).splitlines()
        assert [("上書き" in line) for line in lines] == [False, False, True, False], lines  # folder, xlsx, md, html


async def test_recent_list_shows_the_company_and_the_last_edit(sample_path):
    recent.remember(sample_path, "", now=datetime(2026, 11, 1, 9, 0))  # opened before it had a name
    plan = load_plan(sample_path)
    plan.company.name = "株式会社テスト工務店"
    save_plan(plan, sample_path, backup=False)
    stamp = datetime(2026, 11, 20, 14, 5).timestamp()
    os.utime(sample_path, (stamp, stamp))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        menu = app.screen.query_one(OptionList)
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        entry = next(text for text in labels if "sakura.json" in text)
        assert "株式会社テスト工務店" in entry and "最終更新 11/20 14:05" in entry, entry


async def test_palette_says_no_match_in_japanese(sample_path, monkeypatch):
    from kaizen_guide.tui.commands import JaCommandPalette

    monkeypatch.setattr(JaCommandPalette, "_NO_MATCHES_COUNTDOWN", 0.001)  # no waiting for the countdown
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_palette(pilot, "zzzzqqq")
        for _ in range(20):  # the search runs in a worker, then the timer fires
            await settle(pilot)
            options = app.screen.query("CommandList").first()
            texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
            if texts:
                break
        assert any(NO_MATCHES in t for t in texts), texts
        assert not any("No matches" in t for t in texts)


def test_a_field_in_another_unit_keeps_it_in_its_label():
    """単価 is stored in 円 while every other amount is in 千円: the row form's label says so."""
    from kaizen_guide.banks import load_bank
    from kaizen_guide.tui.widgets.group_editor import _short

    segments = load_bank().question("drivers.segments")
    price = segments.field("unit_price_yen")
    assert price.unit == "円" and _short(price.prompt) == "単価(円)"
    assert _short(segments.field("quantity").prompt) == "数量"
    assert _short("長期借入金 (1年内返済予定を含む)") == "長期借入金"  # explanations still fold away
