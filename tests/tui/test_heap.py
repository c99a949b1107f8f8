"""Garbage collection after an answer's frame, not in the next answer (issue 18, tui/heap.py)."""

from __future__ import annotations

import gc
import sys

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


async def test_no_collection_from_the_answer_until_its_frame(plan_path, monkeypatch):
    from kaizen_guide.engine import Interview

    monkeypatch.setattr(heap, "_frozen", True)  # the once-per-process freeze is another test's
    during: list[bool] = []
    answer = Interview.answer
    monkeypatch.setattr(
        Interview, "answer", lambda self, *a, **k: (during.append(gc.isenabled()), answer(self, *a, **k))[1]
    )
    app = make_app(plan_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.isenabled()
        await answer_line(pilot, "株式会社テスト")
        await settle(pilot)
        assert during == [False], "the collector waits while the answer is handled"
        assert gc.isenabled(), "and runs again once the reply is drawn"


def test_a_background_thread_steps_aside_while_an_answer_is_handled(monkeypatch):
    import threading

    monkeypatch.setattr(heap, "_frozen", True)
    done = threading.Event()

    def work() -> None:
        with heap.background():
            sorted(range(3))  # any call waits while an answer is handled
            done.set()

    heap.hold()
    try:
        thread = threading.Thread(target=work)
        thread.start()
        assert not done.wait(0.2), "the thread ran in the middle of the answer"
    finally:
        heap.tidy()
    assert done.wait(5), "the thread goes on once the reply is drawn"
    thread.join(5)
    assert gc.isenabled()


def test_an_import_in_a_background_thread_is_not_held(tmp_path, monkeypatch):
    """Inside an import the thread holds the module's lock, which the answer may be waiting for."""
    import threading
    import types

    monkeypatch.setattr(heap, "_frozen", True)
    probe = types.ModuleType("kg_heap_event")
    probe.done = threading.Event()
    monkeypatch.setitem(sys.modules, "kg_heap_event", probe)
    (tmp_path / "kg_heap_probe.py").write_text("import kg_heap_event\nkg_heap_event.done.set()\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def work() -> None:
        with heap.background():
            __import__("kg_heap_probe")  # its body's calls run inside the import

    heap.hold()
    try:
        thread = threading.Thread(target=work)
        thread.start()
        assert probe.done.wait(5), "the import waited for the answer"
    finally:
        heap.tidy()
    thread.join(5)
    monkeypatch.delitem(sys.modules, "kg_heap_probe", raising=False)


async def test_start_up_runs_no_collection_until_the_first_frame(plan_path, monkeypatch):
    """The TUI's entry turns the collector off (heap.hold_start); the first frame freezes what
    start-up built and turns it on again. Without the entry's call (a second app in one process) the
    first frame freezes nothing."""
    monkeypatch.setattr(heap, "_frozen", True)  # the first answer's freeze is another test's
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not for real: pytest's process
    during: list[bool] = []
    from kaizen_guide.tui.app import KaizenApp

    mount = KaizenApp.on_mount

    def on_mount(self) -> None:
        during.append(gc.isenabled())
        mount(self)

    monkeypatch.setattr(KaizenApp, "on_mount", on_mount)
    monkeypatch.setattr(heap, "START_HOLD_MAX", 60.0)
    try:
        heap.hold_start()
        assert not gc.isenabled()
        app = make_app(plan_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert during == [False], "no collection while the app starts"
            assert frozen == [True] and gc.isenabled(), "the first frame froze start-up and turned it on"
            heap.first_frame()  # a second screen's first frame
            assert frozen == [True]
    finally:
        heap._start_held = False
        gc.enable()
    app = make_app(plan_path)  # no hold_start: nothing frozen at the first frame
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert frozen == [True]


def test_an_answer_sent_while_start_up_holds_the_collector_turns_it_on_after_its_frame(monkeypatch):
    monkeypatch.setattr(heap, "_frozen", True)
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(heap, "START_HOLD_MAX", 60.0)
    try:
        heap.hold_start()
        heap.hold()  # (the first frame's call comes during the answer: tidy turns it on)
        heap.first_frame()
        assert not gc.isenabled()
        heap.tidy()
        assert gc.isenabled()
    finally:
        heap._start_held = False
        gc.enable()


def test_background_work_hands_the_interpreter_lock_over_quickly():
    """While a worker computes, a thread waiting for the lock (the UI, woken by a key) gets it
    within a millisecond, not Python's 5 ms; the interval comes back when no worker runs."""
    import threading

    before = sys.getswitchinterval()
    seen: list[float] = []
    entered, inner_done = threading.Event(), threading.Event()

    def worker() -> None:
        with heap.background():
            seen.append(sys.getswitchinterval())
            entered.set()
            inner_done.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert entered.wait(5)
        with heap.background():  # two at once: the interval stays short until both end
            seen.append(sys.getswitchinterval())
        seen.append(sys.getswitchinterval())
    finally:
        inner_done.set()
        thread.join(5)
    assert seen and max(seen) <= heap.SWITCH_INTERVAL, seen
    assert sys.getswitchinterval() == before
