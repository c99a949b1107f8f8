"""Garbage collection after an answer's frame, not in the next answer (issue 18, tui/heap.py)."""

from __future__ import annotations

import gc

from kaizen_guide.tui import heap

from .conftest import answer_line, make_app, settle


def test_a_nearly_due_full_collection_runs_at_once():
    heap._frozen = True  # the once-per-process freeze is another test's
    threshold = gc.get_threshold()[2]
    gc.collect()
    for _ in range(threshold):
        gc.collect(1)  # each young collection brings the full one closer
    assert gc.get_count()[2] >= threshold - heap.EARLY
    heap.tidy()
    assert gc.get_count()[2] == 0  # collected now


def test_a_full_collection_not_yet_due_is_left_for_later():
    heap._frozen = True
    gc.collect()
    gc.collect(1)
    heap.tidy()
    assert gc.get_count()[2] > 0  # not collected yet


async def test_the_first_answer_freezes_what_the_app_built(plan_path, monkeypatch):
    monkeypatch.setattr(heap, "_frozen", False)
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not for real: pytest's process
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await answer_line(pilot, "株式会社テスト")
        await settle(pilot)
    assert frozen == [True] and heap._frozen
