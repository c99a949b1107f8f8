"""Issue 11, points 3-9: each test failed before its fix."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
import zipfile
from xml.etree import ElementTree

import pytest
from reliability_helpers import cli

from kaizen_guide.engine import Interview
from kaizen_guide.model import PlanFileError, load_plan, save_plan
from kaizen_guide.sample import build_sample_plan


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- 3. a symlinked plan stays a link; the target is the plan ------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_saving_through_a_symlink_writes_the_target(tmp_path):
    real = tmp_path / "elsewhere" / "real.json"
    real.parent.mkdir()
    save_plan(build_sample_plan(), real)
    link = tmp_path / "plan.json"
    link.symlink_to(real)
    iv = Interview.open(link)
    assert iv.answer("company.name", "リンク先の会社").accepted
    iv.close()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_plan(real).company.name == "リンク先の会社"
    assert (real.parent / "real.json.bak").exists()  # the backup sits beside the target
    assert not list(tmp_path.glob(".plan.json*.tmp")) and not list(real.parent.glob("*.tmp"))


# -- 4. no XML-illegal character reaches any part of the workbook ----------------------------------
def test_nul_and_control_characters_never_make_a_broken_workbook(tmp_path):
    plan = build_sample_plan()
    nasty = "株式会社\x00さくら\x01亭\x0b\x1f\ufffe" + "&" * 3 + "長" * 300
    plan.company.name = nasty
    plan.meta.title = "計画\x00書"
    plan.banks[0].name = "銀\x00行"
    plan.issues[0].title = "課\x02題"
    path = tmp_path / "out.xlsx"
    r = cli("export", _save(plan, tmp_path), "--xlsx", str(path))
    assert r.returncode == 0, r.stderr
    _assert_workbook_sound(path)


def _save(plan, folder) -> str:
    p = folder / "plan.json"
    save_plan(plan, p)
    return str(p)


def _assert_workbook_sound(path) -> None:
    """Every XML part parses, openpyxl reopens it, and headers/footers fit Excel's 255 characters."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(name))  # raises on an illegal character
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for hf in (ws.oddHeader, ws.oddFooter):
            total = sum(len(p.text or "") for p in (hf.left, hf.center, hf.right))
            assert total <= 255, (ws.title, total)


# -- 5. a full disk or a read-only folder: a Japanese reason, exit 2, the old export intact -------
@pytest.mark.parametrize("code, word", [(errno.ENOSPC, "容量"), (errno.EACCES, "権限"), (errno.ENOENT, "パス")])
def test_export_write_errors_are_explained_and_keep_the_earlier_file(tmp_path, monkeypatch, capsys, code, word):
    from kaizen_guide import cli as cli_module
    from kaizen_guide.model import store

    plan = _save(build_sample_plan(), tmp_path)
    out = tmp_path / "report.md"
    assert cli_module.main(["export", plan, "--md", str(out)]) == 0
    earlier = out.read_bytes()
    real_fdopen = os.fdopen

    def failing_fdopen(fd, *a, **kw):
        fh = real_fdopen(fd, *a, **kw)
        if "w" not in (a[0] if a else kw.get("mode", "r")):
            return fh  # reading the plan is fine; writing the export fails
        fh.close()
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store.os, "fdopen", failing_fdopen)
    capsys.readouterr()
    assert cli_module.main(["export", plan, "--md", str(out)]) == 2
    err = capsys.readouterr().err
    assert word in err and "report.md" in err and "Traceback" not in err and ".tmp" not in err
    assert out.read_bytes() == earlier
    assert not list(tmp_path.glob(".report.md.*.tmp"))


# -- 6. temp files left by a killed save are cleaned on the next open -----------------------------
def test_leftover_temp_files_are_removed_on_open(tmp_path):
    path = tmp_path / "plan.json"
    save_plan(build_sample_plan(), path)
    left = tmp_path / ".plan.json.k1ll3d.tmp"
    left.write_bytes(b"{" * 1000)
    other = tmp_path / ".other.json.abc.tmp"  # not ours: another plan's
    other.write_bytes(b"x")
    iv = Interview.open(path)
    iv.close()
    assert not left.exists() and other.exists()


# -- 7. answers cannot inject markup into the report or escapes into the terminal -----------------
def test_markdown_report_neutralises_html_links_and_headings(tmp_path):
    from kaizen_guide.export.report import render_plan_report

    plan = build_sample_plan()
    plan.basic_policy = (
        "方針\n# 偽の見出し\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n[ここ](javascript:alert(1))"
    )
    plan.issues[0].title = "[x](javascript:alert(1))"
    md = render_plan_report(plan, None, [], fmt="md")
    assert "<script>" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md) and "\\[x\\]" in md
    assert "\n# 偽の見出し" not in md and "\\# 偽の見出し" in md


def test_check_output_strips_terminal_control_sequences(tmp_path):
    plan = build_sample_plan()
    plan.company.name = "\x1b]0;乗っ取り\x07\x1b[31m赤\x1b[0m\x9b2J会社"
    plan.issues[0].title = "\x1b[2J消去"
    r = cli("check", _save(plan, tmp_path))
    out = r.stdout + r.stderr
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "乗っ取り" in out  # the text itself is kept, only the controls go


# -- 8. files that would crash or hang the app are refused like other bad files -------------------
def _refused(path) -> str:
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    return info.value.full_message


def test_deep_json_and_huge_numbers_are_refused(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"schema_version": 1, "x": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    assert "入れ子が深すぎ" in _refused(deep)
    moderately = tmp_path / "deep2.json"
    moderately.write_text('{"schema_version": 1, "meta": ' + '{"a":' * 500 + "1" + "}" * 500 + "}", encoding="utf-8")
    assert "入れ子が深すぎ" in _refused(moderately)
    big = tmp_path / "big.json"
    big.write_text('{"schema_version": 1, "company": {"employees": ' + "9" * 5000 + "}}", encoding="utf-8")
    assert "5000桁" in _refused(big)
    r = cli("interview", str(big), "--answers", str(tmp_path / "none.yaml"))
    assert r.returncode == 2 and "Traceback" not in r.stderr + r.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    # in a child with a timeout: before the fix, opening the FIFO blocked forever
    r = cli("check", str(fifo), timeout=60)
    assert r.returncode == 2 and "通常のファイル" in r.stderr


# -- 9. owner-only side files; strict schema_version; Japanese details -----------------------------
def test_recent_list_and_crash_logs_are_owner_only(tmp_path, monkeypatch):
    from kaizen_guide.tui import recent
    from kaizen_guide.tui.app import crash_log_path, write_crash_log

    recent.remember(tmp_path / "plan.json", "株式会社さくら亭")
    assert _mode(recent._list_path()) == 0o600  # noqa: SLF001
    log = write_crash_log(RuntimeError("boom"))
    assert log == crash_log_path() and _mode(log) == 0o600
    from kaizen_guide import cli as cli_module

    cli_log = cli_module._write_crash_log(RuntimeError("boom"))  # noqa: SLF001
    assert cli_log is not None and _mode(cli_log) == 0o600


@pytest.mark.parametrize("version", [True, -5, 0, 1.5, "1", None])
def test_schema_version_is_validated_strictly(tmp_path, version):
    path = tmp_path / "plan.json"
    save_plan(build_sample_plan(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"] = version
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    msg = _refused(path)
    assert "schema_version" in msg and "正しくありません" in msg and "がありません" not in msg  # not "missing"


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf"])
def test_non_finite_numbers_get_a_japanese_detail(tmp_path, value):
    path = tmp_path / "plan.json"
    save_plan(build_sample_plan(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["banks"][0]["loans"][0]["interest_rate"] = value
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    msg = _refused(path)
    detail = msg.split("\n", 1)[1]
    assert "NaN" in detail or "数値" in detail
    assert "Input should" not in detail and "finite" not in detail
    raw_nan = path.read_text(encoding="utf-8").replace(f'"{value}"', "NaN")
    path.write_text(raw_nan, encoding="utf-8")
    assert "Input should" not in _refused(path)
