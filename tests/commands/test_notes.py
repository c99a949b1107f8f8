"""`note PLAN add|list|reply|resolve|reopen`, `diff` with notes, and no note text in any bank output."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kaizen_guide.cli import main
from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.sample import build_sample_plan

NOTE = "KPIの根拠を決算書の数字でお願いします"


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return save_plan(build_sample_plan(monitoring=True), tmp_path / "sakura.json")


def _note(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["note", *args])
    got = capsys.readouterr()
    return code, got.out, got.err


def test_add_list_reply_resolve_reopen(plan_path: Path, capsys) -> None:
    p = str(plan_path)
    code, out, _ = _note(capsys, p, "add", "--question", "issues", "--row", "2", "--text", NOTE)
    assert code == 0 and "メモ N1 を追加しました" in out and "課題 I2" in out
    code, out, _ = _note(capsys, p, "add", "--question", "company.name", "--text", "登記どおりに", "--owner")
    assert code == 0 and "N2" in out
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o600
    assert _note(capsys, p, "reply", "N1", "--owner", "--text", "直しました")[0] == 0
    assert _note(capsys, p, "resolve", "N2")[0] == 0

    code, out, _ = _note(capsys, p, "list")
    assert code == 0
    assert out.splitlines()[0] == "株式会社さくら亭: 未解決のメモ 1件 (解決済み 1件)"
    assert "みなと経営サポート税理士法人 (認定経営革新等支援機関)より (" in out and NOTE in out
    assert "↳ 代表取締役 桜井 健一 (" in out and "直しました" in out
    assert "N2" not in out  # resolved ones only with --all

    code, out, _ = _note(capsys, p, "list", "--all", "--format", "json")
    data = json.loads(out)
    assert (data["open"], data["resolved"]) == (1, 1)
    assert [(n["id"], n["open"], n["by"], n["row"]) for n in data["notes"]] == [
        ("N1", True, "advisor", "I2"),
        ("N2", False, "owner", None),
    ]
    assert data["notes"][1]["resolved_by"] == "advisor"

    assert _note(capsys, p, "reopen", "2")[0] == 0
    assert [n.is_open for n in load_plan(plan_path).notes] == [True, True]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "--question", "nope", "--text", "x"], "質問「nope」はありません"),
        (["add", "--question", "issues", "--row", "9", "--text", "x"], "課題「9」はありません"),
        (["add", "--question", "issues", "--finding", "no.rule", "--text", "x"], "指摘「no.rule」はありません"),
        (["resolve", "N7"], "メモ「N7」はこの計画にありません"),
        (["reopen", "N1"], "未解決のままです"),
    ],
)
def test_bad_input_is_a_japanese_error_and_the_file_is_unchanged(plan_path: Path, capsys, args, message) -> None:
    assert main(["note", str(plan_path), "add", "--question", "company.name", "--text", "正式名称で"]) == 0
    before = plan_path.read_bytes()
    code, out, err = _note(capsys, str(plan_path), *args)
    assert code == 2 and message in err and "計画ファイルは変更していません" in err
    assert "Traceback" not in err and out == ""
    assert plan_path.read_bytes() == before


def test_an_unreadable_plan_is_a_japanese_error(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    for args in (["list"], ["add", "--question", "company.name", "--text", "x"]):
        code, _, err = _note(capsys, str(broken), *args)
        assert code == 2 and "読めません" in err
    assert broken.read_text(encoding="utf-8") == "{not json"


def test_diff_shows_notes_added_and_resolved_since_the_version(plan_path: Path, capsys) -> None:
    p = str(plan_path)
    assert main(["note", p, "add", "--question", "company.name", "--text", "版の前のメモ"]) == 0
    assert main(["freeze", p, "--note", "当初計画として提出"]) == 0
    assert main(["note", p, "add", "--question", "issues", "--row", "1", "--text", NOTE]) == 0
    assert main(["note", p, "reply", "N2", "--owner", "--text", "直しました"]) == 0
    assert main(["note", p, "resolve", "N1", "--owner"]) == 0
    capsys.readouterr()

    assert main(["diff", p, "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    notes = {s["id"]: s for s in d["sections"]}["notes"]
    assert [(c["kind"], c["id"], c["given_by"]) for c in notes["changes"]] == [
        ("resolved", "N1", "owner"),
        ("added", "N2", "advisor"),
        ("replied", "N2", "owner"),
    ]
    assert notes["changes"][1]["after"] == NOTE and "課題 I1" in notes["changes"][1]["label"]

    assert main(["diff", p]) == 0
    text = capsys.readouterr().out
    assert "■ 支援者と経営者のメモ (3件)" in text
    assert f"- 追加 N2 窮境要因・経営課題 › 経営課題 › 課題 I1: {NOTE}  [支援者・" in text
    assert "- 解決 N1 会社概要 › 商号: 版の前のメモ  [経営者・" in text
    # Adding a note does not change the plan: the version's digest is the same, so freeze refuses.
    assert main(["freeze", p, "--note", "メモだけ"]) == 2


def test_diff_between_two_versions_shows_only_what_happened_between_them(plan_path: Path, capsys) -> None:
    p = str(plan_path)
    assert main(["freeze", p, "--note", "第1版"]) == 0
    assert main(["note", p, "add", "--question", "company.name", "--text", "第1版と第2版の間"]) == 0
    assert main(["interview", p, "--answers", str(_answers(plan_path.parent, {"company.employees": 41}))]) in (0, 1)
    assert main(["freeze", p, "--note", "第2版"]) == 0
    assert main(["note", p, "resolve", "N1"]) == 0  # after 第2版: not between 1 and 2
    capsys.readouterr()
    assert main(["diff", p, "--from", "1", "--to", "2", "--format", "json"]) == 0
    notes = {s["id"]: s for s in json.loads(capsys.readouterr().out)["sections"]}["notes"]
    assert [(c["kind"], c["id"]) for c in notes["changes"]] == [("added", "N1")]


def test_diff_against_another_file_shows_its_notes_and_answers(plan_path: Path, tmp_path: Path, capsys) -> None:
    # The advisor sent a copy with a note; the owner answered and resolved it at home.
    p = str(plan_path)
    assert main(["note", p, "add", "--question", "company.employees", "--text", "パートを含めた人数で"]) == 0
    sent = tmp_path / "sent.json"
    sent.write_bytes(plan_path.read_bytes())
    assert main(["interview", p, "--answers", str(_answers(tmp_path, {"company.employees": 45}))]) in (0, 1)
    assert main(["note", p, "reply", "N1", "--owner", "--text", "パート7人を含めて45人です"]) == 0
    assert main(["note", p, "resolve", "N1", "--owner"]) == 0
    capsys.readouterr()
    assert main(["diff", p, "--against", str(sent), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["from"]["file"] == "sent.json" and d["to"]["file"] == "sakura.json"
    sections = {s["id"]: s for s in d["sections"]}
    assert [c["id"] for c in sections["answers"]["changes"]] == ["company.employees"]
    assert [(c["kind"], c["given_by"]) for c in sections["notes"]["changes"]] == [
        ("replied", "owner"),
        ("resolved", "owner"),
    ]
    assert main(["diff", p, "--against", str(sent)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("株式会社さくら亭: 計画ファイル sent.json → 計画ファイル sakura.json の変更点")
    assert "- 返信 N1 会社概要 › 従業員数: パート7人を含めて45人です  [経営者・" in text
    assert main(["diff", p, "--against", str(tmp_path / "missing.json")]) == 2
    assert "見つかりません" in capsys.readouterr().err


def _answers(folder: Path, data: dict) -> Path:
    import yaml

    path = folder / "edit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _xlsx_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    parts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    parts.append(str(cell.value))
                if cell.comment is not None:
                    parts.append(cell.comment.text)
    with zipfile.ZipFile(path) as zf:  # charts, shared strings, anything openpyxl does not show
        parts.extend(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())
    return "\n".join(parts)


def test_no_note_text_reaches_the_workbook_or_any_report(plan_path: Path, tmp_path: Path, capsys) -> None:
    p = str(plan_path)
    marks = {
        "question": "メモ甲・質問へのメモ",
        "row": "メモ乙・課題の行へのメモ",
        "finding": "メモ丙・指摘へのメモ",
        "reply": "メモ丁・経営者の返信",
    }
    assert main(["note", p, "add", "--question", "company.business", "--text", marks["question"]]) == 0
    assert main(["note", p, "add", "--question", "issues", "--row", "1", "--text", marks["row"]]) == 0
    finding = ["--finding", "numeric.sales_jump"]
    assert main(["note", p, "add", "--question", "drivers.costs", *finding, "--text", marks["finding"]]) == 0
    assert main(["note", p, "reply", "N1", "--owner", "--text", marks["reply"]]) == 0
    assert len(load_plan(plan_path).notes) == 3

    out = tmp_path / "out"
    out.mkdir()
    plan_files = [out / "plan.xlsx", out / "plan.md", out / "plan.html"]
    assert main(
        ["export", p, "--xlsx", str(plan_files[0]), "--md", str(plan_files[1]), "--html", str(plan_files[2])]
    ) in (0, 1)
    report = [out / "q1.xlsx", out / "q1.md", out / "q1.html"]
    args = [
        "--monitoring",
        "2027Q1",
        "--draft",
        "--xlsx",
        str(report[0]),
        "--md",
        str(report[1]),
        "--html",
        str(report[2]),
    ]
    assert main(["export", p, *args]) == 0
    assert main(["export", str(plan_path.parent), "--out", str(tmp_path / "batch")]) in (0, 1)
    batch = sorted((tmp_path / "batch").rglob("*.*"))
    files = plan_files + report + batch
    assert len(batch) == 3 and all(f.exists() for f in files)
    for f in files:
        text = _xlsx_text(f) if f.suffix == ".xlsx" else f.read_text(encoding="utf-8")
        for mark in marks.values():
            assert mark not in text, (f.name, mark)
    # The plan's own answers are in them (the grep would find text that is there).
    assert load_plan(plan_path).company.business.split("。")[0] in plan_files[1].read_text(encoding="utf-8")
