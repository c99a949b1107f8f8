"""SVG snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Deterministic by construction: fixed plan file names in tmp, no clock and no folder in the status
line (``show_save_time=False``, ``show_plan_folder=False``), a fixed last edit in the recent list, the summary computed before
the picture, cursors not blinking. Update with ``pytest tests/tui --snapshot-update`` and look at
the SVGs in ``__snapshots__/`` before committing them.
"""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from textual.widgets import Input, TextArea

from kaizen_guide.tui import recent
from kaizen_guide.tui.widgets.summary import Summary

from .conftest import goto, make_app, make_quarterly, settle, type_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(autouse=True)
def _summary_now(monkeypatch):
    monkeypatch.setattr(Summary, "DELAY", 0)


async def still(pilot) -> None:
    """Let workers finish and stop cursors blinking, so the picture is the same every run."""
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, sample_path, size, monkeypatch):
    from kaizen_guide.tui.screens import start

    monkeypatch.setattr(start, "today", lambda: date(2027, 7, 25))  # the due block: Q1 report overdue
    make_quarterly(sample_path)  # a quarterly plan's due block (the sample is reviewed monthly, issue 14)
    recent.remember(sample_path, "株式会社さくら亭", now=datetime(2026, 11, 20, 9, 30))
    edited = datetime(2026, 11, 20, 9, 30).timestamp()  # the list shows the file's last edit
    os.utime(sample_path, (edited, edited))
    assert snap_compare(make_app(), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES)
def test_start_screen_with_a_corrupt_plan(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # a relative name, so the message is the same on every run
    bad = "壊れた計画.json"
    (tmp_path / bad).write_text("{not json", encoding="utf-8")

    async def open_it(pilot):
        await settle(pilot)
        pilot.app.open_plan(bad)
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=open_it)


@pytest.mark.parametrize("size", SIZES)
def test_interview_demo_first_screen(snap_compare, monkeypatch, size):
    """What `kaizen-guide demo` shows first: the 課題 table of the sample company."""
    from kaizen_guide.tui import app as app_module

    real = app_module.demo_plan_path
    # The copy's name carries the time it was made; the status line shows it.
    monkeypatch.setattr(app_module, "demo_plan_path", lambda: real(now=datetime(2026, 11, 20, 9, 30)))
    assert snap_compare(make_app(demo=True), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES)
def test_interview_new_plan_with_amount_preview(snap_compare, plan_path, size):
    async def type_capital(pilot):
        await settle(pilot)
        screen = pilot.app.screen
        await screen.ask(pilot.app.interview.bank.question("company.capital"))
        await type_text(pilot, "350万円")
        await still(pilot)

    assert snap_compare(make_app(plan_path), terminal_size=size, run_before=type_capital)


@pytest.mark.parametrize("size", SIZES)
def test_interview_weak_answer_follow_up(snap_compare, sample_path, size):
    async def weak_issue(pilot):
        await settle(pilot)
        await goto(pilot, "issues")
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "コロナで売上が減った")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await still(pilot)

    assert snap_compare(make_app(sample_path), terminal_size=size, run_before=weak_issue)


@pytest.mark.parametrize("size", SIZES)
def test_interview_year_grid(snap_compare, sample_path, size):
    async def grid(pilot):
        await settle(pilot)
        await goto(pilot, "financials.pl")
        await still(pilot)

    assert snap_compare(make_app(sample_path), terminal_size=size, run_before=grid)


@pytest.mark.parametrize("size", SIZES)
def test_group_row_form(snap_compare, sample_path, size):
    async def row_form(pilot):
        await settle(pilot)
        await goto(pilot, "actions")
        await pilot.press("enter")
        await still(pilot)

    assert snap_compare(make_app(sample_path), terminal_size=size, run_before=row_form)


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(snap_compare, sample_path, size):
    async def review(pilot):
        await settle(pilot)
        await pilot.press("ctrl+r")
        await still(pilot)

    assert snap_compare(make_app(sample_path), terminal_size=size, run_before=review)


def test_advisor_mode_is_compact(snap_compare, sample_path):
    async def capital(pilot):
        await settle(pilot)
        await goto(pilot, "company.capital")
        await still(pilot)

    assert snap_compare(make_app(sample_path, advisor=True), terminal_size=(80, 24), run_before=capital)


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, sample_path, monkeypatch, size):
    monkeypatch.chdir(sample_path.parent)  # paths are shown relative to where the app started

    async def export(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await still(pilot)

    assert snap_compare(make_app(sample_path), terminal_size=size, run_before=export)


def test_section_form_with_the_owners_answers(snap_compare, sample_path):
    """Advisor intake: 会社概要 as one form, the owner's answers marked, one field typed over."""
    from kaizen_guide.engine import Interview

    Interview.open(sample_path, given_by="owner").close()

    async def form(pilot):
        await settle(pilot)
        await goto(pilot, "company.capital")
        await pilot.press("ctrl+u")
        await type_text(pilot, "1,200万円")
        await still(pilot)

    assert snap_compare(make_app(sample_path, advisor=True), terminal_size=(80, 24), run_before=form)
