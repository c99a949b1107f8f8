"""check DIR / export DIR --out: every plan in the folder, past the bad ones, with a summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kaizen_guide.cli import main
from kaizen_guide.model import save_plan
from kaizen_guide.model.plan import Plan
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample twice (one in a subfolder), an empty plan (要修正), a broken file, a lock file."""
    root = tmp_path / "clients"
    (root / "sub").mkdir(parents=True)
    save_plan(build_sample_plan(), root / "sakura.json", backup=False)
    save_plan(build_sample_plan(), root / "sub" / "sakura2.json", backup=False)
    save_plan(Plan(), root / "empty.json", backup=False)
    (root / "broken.json").write_text("{not json", encoding="utf-8")
    (root / ".sakura.json.lock").write_text("", encoding="utf-8")  # never listed
    return root


def test_check_dir_json_lists_every_plan_with_the_reason_for_the_bad_one(folder: Path, capsys) -> None:
    code = main(["check", str(folder), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    by_file = {p["file"]: p for p in data["plans"]}
    assert sorted(by_file) == ["broken.json", "empty.json", "sakura.json", "sub/sakura2.json"]
    assert by_file["broken.json"]["status"] == "unreadable"
    assert "読めません" in by_file["broken.json"]["error"]
    assert by_file["empty.json"]["status"] == "flagged" and by_file["empty.json"]["counts"]["error"] > 0
    assert by_file["sakura.json"]["status"] == "ok" and by_file["sakura.json"]["company"] == "株式会社さくら亭"
    # Same findings as the single-file command gives.
    capsys.readouterr()
    main(["check", str(folder / "sakura.json"), "--format", "json"])
    single = json.loads(capsys.readouterr().out)
    single_ids = sorted(f["rule_id"] for f in (single["findings"] if isinstance(single, dict) else single))
    assert sorted(f["rule_id"] for f in by_file["sakura.json"]["findings"]) == single_ids
    assert data["summary"] == {"plans": 4, "flagged": 1, "unreadable": 1}
    assert code == 2  # a file could not be read, like `check broken.json`


def test_check_dir_exit_codes_follow_the_single_file_command(folder: Path, capsys) -> None:
    (folder / "broken.json").unlink()
    assert main(["check", str(folder)]) == 1  # empty.json has 要修正
    out = capsys.readouterr().out
    assert "3件の計画をチェックしました" in out and "empty.json" in out
    (folder / "empty.json").unlink()
    assert main(["check", str(folder)]) == 0


def test_check_an_empty_folder_says_so(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "計画ファイル (.json) がありません" in capsys.readouterr().err


@pytest.mark.slow
def test_export_dir_writes_every_plan_and_goes_past_the_bad_one(folder: Path, tmp_path: Path, capsys) -> None:
    (folder / "empty.json").unlink()  # keep the test short: two real exports
    out_dir = tmp_path / "out"
    code = main(["export", str(folder), "--out", str(out_dir)])
    printed = capsys.readouterr().out
    assert code == 2
    assert "broken.json: 読めません" in printed
    assert "3件のうち 2件を書き出しました" in printed
    for stem in ("sakura", "sub/sakura2"):
        for kind in ("xlsx", "md", "html"):
            assert (out_dir / f"{stem}.{kind}").stat().st_size > 0
    wb = load_workbook(out_dir / "sub" / "sakura2.xlsx")
    assert len(wb.sheetnames) >= 13
    assert "株式会社さくら亭" in (out_dir / "sakura.md").read_text(encoding="utf-8")


def test_export_dir_into_itself_skips_its_own_output(folder: Path, capsys) -> None:
    for name in ("broken.json", "empty.json", "sakura.json"):
        (folder / name).unlink()
    out_dir = folder / "out"
    out_dir.mkdir()
    (out_dir / "left-over.json").write_text("{}", encoding="utf-8")  # inside --out: not a source
    assert main(["export", str(folder), "--out", str(out_dir)]) == 0
    assert "1件のうち 1件" in capsys.readouterr().out


def test_export_dir_needs_out(folder: Path, capsys) -> None:
    assert main(["export", str(folder)]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export", str(folder / "sakura.json"), "--out", "x"]) == 2
