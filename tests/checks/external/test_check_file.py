"""`kaizen-guide check FILE` on plans written elsewhere: our export, an edited copy, Word and Markdown."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from kaizen_guide.checks.external import ReadError, check_file
from kaizen_guide.cli import main
from kaizen_guide.export import export_all
from kaizen_guide.sample import build_sample_plan as sample_plan


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("x") / "plan.xlsx"
    export_all(sample_plan(), xlsx=str(out))
    return out


def test_own_export_reads_every_text_part(exported):
    findings, found, missing = check_file(exported)
    assert len(found.parts["issue"]) == 4 and len(found.parts["countermeasure"]) == 5
    assert len(found.parts["action"]) == 7 and found.parts["financial_support"]
    assert found.parts["issue"][0].where == "シート「概要」B21"
    assert "ありたい姿・将来像" in missing
    assert not [f for f in findings if f.rule_id.startswith(("action.", "issue.", "countermeasure."))], findings


def test_edited_copy_moved_rows_and_weak_answers_are_cited_by_cell(exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    ws = wb["概要"]
    ws.insert_rows(3, amount=4)  # everything moves down 4 rows
    ws["B25"] = "コロナ禍で売上が減少した。"  # was B21: the first issue, now external only
    ws["D25"] = None
    ws["D33"] = None
    ws["B33"] = "経費削減に努める。"  # was B29: the first countermeasure, now generic
    wb["実施計画"]["C6"] = None  # the first action loses its owner
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    findings, found, _ = check_file(edited)
    cited = {(f.rule_id, f.path) for f in findings}
    assert ("issue.external_only", "シート「概要」B25") in cited
    assert ("countermeasure.generic", "シート「概要」B33") in cited
    assert ("action.no_owner", "シート「実施計画」B6") in cited
    assert len(found.parts["issue"]) == 4


def _docx(path: Path, blocks: list[tuple[str, str]]) -> None:
    body = []
    for style, text in blocks:
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        body.append(f"<w:p>{ppr}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>")
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{"".join(body)}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", doc)


WORD_PLAN = [
    ("Heading1", "経営改善計画書 株式会社みどり工務店"),
    ("Heading2", "経営課題"),
    ("", "資材価格の高騰により利益が圧迫されている。"),
    ("", "見積の単価表を3年間改めず、工事ごとの原価管理も行っていない。"),
    ("Heading2", "改善策"),
    ("", "経費削減に努める。"),
    ("", "工事ごとに実行予算書を作成し、粗利率15%未満の案件は社長決裁とする。"),
    ("Heading2", "アクションプラン"),
    ("", "工事部長の田中が2027年4月までに全現場の実行予算を作成し、毎月の差異を報告する。"),
    ("", "できるだけ早く価格改定を行う。"),
    ("Heading2", "金融支援"),
    ("", "各金融機関様には、元金の返済を当面お待ちいただきたく存じます。"),
]


def test_word_plan_items_by_heading(tmp_path):
    path = tmp_path / "plan.docx"
    _docx(path, WORD_PLAN)
    findings, found, missing = check_file(path)
    by_rule = {f.rule_id: f.path for f in findings}
    assert by_rule["issue.external_only"] == "見出し「経営課題」の1段落目"
    assert by_rule["countermeasure.generic"] == "見出し「改善策」の1段落目"
    assert by_rule["financial_support.blanket_moratorium"] == "見出し「金融支援」の1段落目"
    assert "action.no_owner" in by_rule and by_rule["action.no_owner"] == "見出し「アクションプラン」の2段落目"
    assert len(found.parts["issue"]) == 2 and "ありたい姿・将来像" in missing


def test_markdown_plan_and_cli(tmp_path, capsys):
    md = tmp_path / "plan.md"
    md.write_text(
        "# 計画\n## 経営課題\n- 燃料費の高騰。\n- 配車が属人的で空車回送が多い。\n## ありたい姿\n5年後に地域の物流を担う会社として、息子に引き継ぐ。\n",
        encoding="utf-8",
    )
    rc = main(["check", str(md)])
    out = capsys.readouterr().out
    assert rc == 1  # an error finding (external-only issue)
    assert (
        "見出し「経営課題」の1項目 (3行目)" in out
        and "ありたい姿・将来像" not in out.split("見つからなかった部分:")[1].split("\n")[0]
    )


def test_unreadable_files_give_a_japanese_message(tmp_path, capsys):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ReadError, match="Excel ファイルとして読めませんでした"):
        check_file(bad)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["check", str(tmp_path / "old.xls")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def _sme_form(path: Path, *, ordinary=(-8000, -3000, -1000, 1500, 3000, 4000), debt_years_final=8.5) -> None:
    """A workbook laid out like the SME Agency's sample form (【別紙2-1】; cell layout reconstructed, [U] in
    the domain reference): 概要 with ②課題・問題点 as one text block, 実施計画 with 課題 | 具体的施策 | 実施時期 |
    責任者 | 数値目標 columns, 損益計画 with 計画N年目 columns, the request under 金融支援の内容."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "計画概要"
    ws["A1"] = "経営改善計画 概要"
    ws["A3"] = "① 企業の概況"
    ws["B3"] = "県内で建築板金業を営む。従業員12名。"
    ws["A6"] = "② 課題・問題点"
    ws["B6"] = (
        "・資材価格の高騰により利益が圧迫されている。\n・見積の単価表を3年間見直しておらず、赤字工事を受注している。"
    )
    ws["A9"] = "③ 基本方針"
    ws["B9"] = "見積単価の改定と工事別原価管理で粗利率を22%に戻す。"
    ap = wb.create_sheet("実施計画")
    ap.append(["実施計画 (アクションプラン)"])
    ap.append([])
    ap.append(["課題", "具体的施策", "実施時期", "責任者", "数値目標"])
    ap.append(
        [
            "見積単価が古い",
            "全工種の見積単価表を改定し、主要元請5社に提示する",
            "2027年4月〜6月",
            "工事部長 佐藤",
            "平均単価+6%",
        ]
    )
    ap.append(["原価管理がない", "工事ごとの実行予算を作る", "2027年5月〜", "", "全現場"])
    ap.append(["", "営業を強化する", "", "", ""])
    pl = wb.create_sheet("損益計画")
    pl.append(["損益計画", None, None, None, None, None, None, None])
    pl.append(["項目", "実績", "計画0年目", "計画1年目", "計画2年目", "計画3年目", "計画4年目", "計画5年目"])
    pl.append(["売上高", 300000, 280000, 290000, 300000, 305000, 310000, 315000])
    pl.append(["経常利益", -12000, *ordinary])
    pl.append(["債務償還年数", None, None, None, None, None, None, debt_years_final])
    fs = wb.create_sheet("金融機関別返済計画")
    fs["A3"] = "金融支援の内容"
    fs["B3"] = "全金融機関に対し、元金返済の据置を1年間お願いしたい。"
    wb.save(path)


def test_sme_agency_form_layout(tmp_path):
    path = tmp_path / "sme.xlsx"
    _sme_form(path)
    findings, found, missing = check_file(path)
    cited = {(f.rule_id, f.path) for f in findings}
    assert len(found.parts["issue"]) >= 2
    assert ("issue.external_only", "シート「計画概要」B6") in cited
    assert ("action.no_owner", "シート「実施計画」B5") in cited  # 工事ごとの実行予算を作る: no 責任者
    assert ("financial_support.blanket_moratorium", "シート「金融機関別返済計画」B3") in cited
    assert not [f for f in findings if f.rule_id.startswith("numeric.")]  # 黒字化 in 計画3年目, 8.5 years
    assert not any("数値計画" in m for m in missing)


def test_sme_form_numeric_standards_cite_the_row(tmp_path):
    path = tmp_path / "late.xlsx"
    _sme_form(path, ordinary=(-8000, -6000, -4000, -2000, 500, 1000), debt_years_final=14.2)
    findings, _, _ = check_file(path)
    by_rule = {f.rule_id: f for f in findings}
    assert by_rule["numeric.profit_by_year3"].path == "シート「損益計画」A4"
    assert "計画4年目" in by_rule["numeric.profit_by_year3"].message
    assert by_rule["numeric.debt_years_final"].path == "シート「損益計画」H5"


@pytest.mark.slow
def test_recalculated_export_numbers_are_read(exported, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "export"))
    from lo_recalc import convert, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    recalc = convert(exported, tmp_path / "recalc")
    findings, _, missing = check_file(recalc)
    assert not any("数値計画" in m for m in missing)
    assert not [f for f in findings if f.rule_id.startswith("numeric.")]  # the sample meets the standards


def test_time_cells_are_read_as_text_not_a_crash(tmp_path):
    # A 会議 time (9:30) in an edited plan: openpyxl reads it as datetime.time, which has strftime but
    # no year; it was read as a date and the check stopped with an AttributeError.
    import datetime

    path = tmp_path / "times.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "概要"
    ws["A1"] = "経営課題"
    ws["B2"] = datetime.time(9, 30)
    ws["B3"] = datetime.datetime(2027, 4, 1)
    wb.save(path)
    from kaizen_guide.checks.external.readers import read_xlsx

    texts = [p.text for grid in read_xlsx(path).grids for row in grid.rows for p in row if p is not None]
    assert "09:30:00" in texts and "2027年4月" in texts
