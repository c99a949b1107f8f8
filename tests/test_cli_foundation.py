"""The foundation commands work from any directory, with Japanese errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kaizen_guide.model import load_plan


def run_cli(*args, cwd):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "kaizen_guide", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_help_lists_commands(tmp_path):
    res = run_cli("--help", cwd=tmp_path)
    assert res.returncode == 0
    for cmd in ("demo", "interview", "check", "export", "sample", "schema"):
        assert cmd in res.stdout


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("command", [[], ["monitor"], ["check"], ["note", "add"]])
def test_help_fits_the_terminal_and_is_japanese(columns, command, capsys, monkeypatch):
    """argparse counted characters, so Japanese help (two cells each) ran past an 80-column
    terminal, which folded it at column 0; lines now fit in cells and break between phrases."""
    from rich.cells import cell_len

    from kaizen_guide.cli import build_parser

    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args([*command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("使い方: kaizen-guide")
    assert "この説明を表示して終了する" in out and "show this help" not in out
    too_wide = [line for line in lines if cell_len(line) > columns]
    assert not too_wide, too_wide
    # A wrapped help line starts under the help column, never at column 0 in the middle of a word.
    helps = [line for line in lines if line and not line.startswith(" ") and not line.endswith(":")]
    assert all(
        line.startswith(("使い方", "経営改善", "支援します", "モニタリング", "スタート")) or ":" in line[:12]
        for line in helps
    ), helps


def test_sample_writes_plan_from_another_directory(tmp_path):
    res = run_cli("sample", "--out", "out", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    plan = load_plan(tmp_path / "out" / "sample_plan.json")
    assert plan.company.name == "株式会社さくら亭"
    assert len(plan.financials.years) >= 3


def test_schema_prints_json_schema(tmp_path):
    res = run_cli("schema", cwd=tmp_path)
    assert res.returncode == 0
    schema = json.loads(res.stdout)
    assert schema["title"] == "Plan"
    assert "借入残高" in res.stdout


def test_bad_usage_is_japanese_exit_2(tmp_path):
    res = run_cli("export", cwd=tmp_path)
    assert res.returncode == 2
    assert "エラー" in res.stderr
    assert "Traceback" not in res.stderr


def test_corrupt_plan_is_reported_not_traced(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    res = run_cli("check", str(bad), cwd=tmp_path)
    assert res.returncode == 2
    assert "壊れている" in res.stderr
    assert "Traceback" not in res.stderr
    assert bad.read_text(encoding="utf-8") == "{not json"


def test_no_arguments_open_the_start_screen_without_building_the_parser(monkeypatch):
    # Issue 18: the start screen is what parsing no arguments gives; the parser is not built for it.
    from kaizen_guide import cli

    seen: list[dict] = []
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("the parser was built"))
    monkeypatch.setattr("kaizen_guide.tui.app.run", lambda plan=None, **kw: seen.append({"plan": plan, **kw}) or 0)
    assert cli.main([]) == 0
    monkeypatch.undo()
    monkeypatch.setattr("kaizen_guide.tui.app.run", lambda plan=None, **kw: seen.append({"plan": plan, **kw}) or 0)
    assert cli.build_parser().parse_args([]).func is cli.cmd_tui
    assert cli.main([]) == 0 and cli.cmd_tui(cli.build_parser().parse_args([])) == 0
    assert seen[0] == seen[1] == seen[2] == {"plan": None, "advisor": False, "demo": False, "depth": None}
