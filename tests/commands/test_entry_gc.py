"""The program's entry point (issue 18): main's exit code unchanged, the leftovers frozen out of the
collector's last passes; one-shot commands collect less often (one plan: not at all)."""

from __future__ import annotations

import gc
import subprocess
import sys

from kaizen_guide import cli


def test_entry_returns_mains_code_and_freezes_what_is_left(monkeypatch):
    monkeypatch.setattr(cli, "main", lambda argv=None: 7)
    monkeypatch.setattr(cli, "_AS_PROGRAM", False)  # (entry sets it; restored after the test)
    gc.unfreeze()
    try:
        assert cli.entry() == 7
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_check_as_a_program_prints_and_exits_as_before(tmp_path, sample_plan):
    """Output is flushed and the exit code kept when the process ends with frozen objects."""
    from kaizen_guide.model import save_plan

    path = tmp_path / "plan.json"
    save_plan(sample_plan, path, backup=False)
    res = subprocess.run([sys.executable, "-m", "kaizen_guide", "check", str(path)], capture_output=True, text=True)
    inline = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; from kaizen_guide.cli import main; sys.exit(main(['check', {str(path)!r}]))",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == inline.returncode in (0, 1)
    assert res.stdout == inline.stdout and "計画のチェック" in res.stdout


def test_one_shot_commands_raise_the_young_generation_threshold(monkeypatch):
    before = gc.get_threshold()
    try:
        cli._one_shot_gc(batch=True)  # noqa: SLF001
        assert gc.get_threshold()[0] >= 50_000
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_the_program_checks_or_exports_one_plan_without_the_collector(monkeypatch):
    """As the program, one plan's check or export turns the collector off (its collections found
    almost nothing, issue 18); a folder keeps it (each plan's workbook is garbage once written), and
    main() called from another program (as here) leaves it alone."""
    off: list[bool] = []
    monkeypatch.setattr(gc, "disable", lambda: off.append(True))  # not for real: pytest's process
    before = gc.get_threshold()
    try:
        cli._one_shot_gc(batch=False)  # noqa: SLF001
        assert off == []
        monkeypatch.setattr(cli, "_AS_PROGRAM", True)
        cli._one_shot_gc(batch=True)  # noqa: SLF001
        assert off == []
        cli._one_shot_gc(batch=False)  # noqa: SLF001
        assert off == [True]
    finally:
        gc.set_threshold(*before)


def test_the_tui_holds_the_collector_only_as_the_program(monkeypatch):
    from kaizen_guide.tui import heap

    held: list[bool] = []
    monkeypatch.setattr(heap, "hold_start", lambda: held.append(True))
    cli._tui_start()  # noqa: SLF001
    assert held == []
    monkeypatch.setattr(cli, "_AS_PROGRAM", True)
    cli._tui_start()  # noqa: SLF001
    assert held == [True]
