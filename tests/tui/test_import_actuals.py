"""The actuals file picker: pick a file, see what was read, answer an unknown account once."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Button, Select, Static

from imports import exports as ex  # tests/imports (pytest puts tests/ on sys.path)
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.screens.import_actuals import ExportTree, ImportActualsScreen

from .conftest import type_text


async def settle(pilot, until=lambda: True) -> None:
    """Idle, and ``until()`` true. (DirectoryTree keeps a loader worker alive for the screen's
    lifetime, so the shared ``settle`` that waits for all workers would never return.)"""
    for _ in range(500):  # bounded
        await pilot.pause()
        if until():
            return
    raise AssertionError("the screen did not reach the expected state")


class Host(App):
    """A bare app that opens the picker and keeps what it returns."""

    def __init__(self, screen: ImportActualsScreen) -> None:
        super().__init__()
        self.picker = screen
        self.outcomes: list = []

    def on_mount(self) -> None:
        self.push_screen(self.picker, self.outcomes.append)


def _summary(app) -> str:
    return str(app.screen.query_one("#import-summary", Static).render())


async def test_pick_from_tree_answer_unknown_account_and_import(tmp_path: Path):
    led = ex.Ledger.build("2027-04")
    ex.generic_csv(tmp_path / "推移表.csv", led, totals=False, extra_rows=[("パート代(厨房)", [250_000] * 12)])
    (tmp_path / "memo.pdf").write_bytes(b"%PDF")  # not offered
    plan = build_sample_plan()
    app = Host(ImportActualsScreen(plan, month="2027-06", start_dir=tmp_path))
    async with app.run_test(size=(110, 40)) as pilot:
        tree = app.screen.query_one(ExportTree)
        await settle(pilot, lambda: bool(tree.root.children))
        names = [n.data.path.name for n in tree.root.children]
        assert names == ["推移表.csv"]
        tree.focus()
        await pilot.press("down", "enter")  # the root's first child
        await settle(pilot, lambda: "形式" in _summary(app))
        text = _summary(app)
        assert "形式: 汎用" in text and "文字コード: UTF-8" in text and "単位: 円" in text
        assert "うち人件費: 役員報酬・給料手当・法定福利費" in text
        ok = app.screen.query_one("#import-ok", Button)
        assert ok.disabled  # an unknown account is still open
        question = str(app.screen.query_one("#import-unknown-text", Static).render())
        assert "パート代(厨房)" in question
        app.screen.query_one("#import-target", Select).value = "personnel"
        await pilot.click("#import-map")
        await settle(pilot, lambda: not ok.disabled)
        await pilot.click("#import-ok")
        await settle(pilot, lambda: bool(app.outcomes))
    [outcome] = app.outcomes
    assert outcome.mapping == {"パート代(厨房)": "personnel"}
    base = led.expected("円", with_totals=False)["2027-06"]
    assert list(outcome.result.months) == ["2027-06"]
    assert outcome.result.months["2027-06"]["personnel"] == base["personnel"] + 250
    assert plan.actuals_import.account_mapping == {}  # the caller records it, not the picker


async def test_typed_path_with_a_refused_file_shows_why_and_returns_nothing(tmp_path: Path):
    led = ex.Ledger.build("2027-04")
    path = ex.generic_csv(tmp_path / "税込.csv", led, tax="税込")
    app = Host(ImportActualsScreen(build_sample_plan(), month="2027-06", start_dir=tmp_path))
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await type_text(pilot, str(path))
        await pilot.press("enter")
        await settle(pilot, lambda: "読めません" in _summary(app))
        assert "税込の金額ですが、計画は税抜" in _summary(app)
        assert app.screen.query_one("#import-ok", Button).disabled
        await pilot.press("escape")
        await settle(pilot, lambda: bool(app.outcomes))
    assert app.outcomes == [None]
