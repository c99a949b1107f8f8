"""The monitoring report written out: the workbook (reopened, recalculated in LibreOffice, charts read
from their XML), Markdown and HTML (escaped, SVG charts, no script), files 0600, and the CLI."""

from __future__ import annotations

import re
import stat
import zipfile
from datetime import UTC, date
from xml.etree import ElementTree as ET

import openpyxl
import pytest

from kaizen_guide.cli import main
from kaizen_guide.export.monitoring_report import export_monitoring, render_monitoring_report
from kaizen_guide.export.monitoring_xlsx import SHEETS, build_monitoring_workbook
from kaizen_guide.model.store import save_plan
from kaizen_guide.monitoring.report import build_report
from kaizen_guide.sample import build_sample_plan

from .helpers import cells_with, compare, error_cells
from .lo_recalc import convert

TODAY = date(2027, 7, 8)
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> {{ 7*7 }} =SUM(A1)"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("monitoring_report")
    rep = build_report(build_sample_plan(monitoring=True), "2027Q1", today=TODAY)
    paths = export_monitoring(rep, xlsx=folder / "q1.xlsx", md=folder / "q1.md", html=folder / "q1.html")
    return rep, folder, paths


def _charts(path):
    with zipfile.ZipFile(path) as zf:
        names = sorted(n for n in zf.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
        return [ET.fromstring(zf.read(n)) for n in names]


def _refs(chart, kind):
    """Each series of the ``kind`` chart (barChart/lineChart): (name ref, values ref, categories ref)."""
    out = []
    for group in chart.iter(f"{C}{kind}"):
        for ser in group.iter(f"{C}ser"):
            name = ser.find(f"{C}tx/{C}strRef/{C}f").text
            val = ser.find(f"{C}val/{C}numRef/{C}f").text
            cat = ser.find(f"{C}cat/{C}strRef/{C}f")
            out.append((name, val, cat.text if cat is not None else None))
    return out


def test_files_are_owner_only(written):
    _, _, paths = written
    assert len(paths) == 3
    for p in paths:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_workbook_sheets_and_house_style(written):
    rep, folder, _ = written
    wb = openpyxl.load_workbook(folder / "q1.xlsx")
    assert wb.sheetnames == list(SHEETS)
    for ws in wb:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows
        assert "単位:千円" in str(ws["A2"].value) + "".join(str(c.value) for c in ws[2] if c.value)
    table = wb["計画実績対比表"]
    sales_row = next(c.row for c in table["A"] if c.value == "売上高")
    assert table.cell(sales_row, 2).value == rep.pc.line("sales").plan
    assert table.cell(sales_row, 3).value == 102750
    assert table.cell(sales_row, 4).value == f"=C{sales_row}-B{sales_row}"
    assert table.cell(sales_row, 2).number_format == '#,##0;"▲"#,##0;"-"'
    summary = wb["サマリー"]
    assert cells_with(summary, "来月の打ち手")
    assert cells_with(summary, "過去3年に宴会利用のあった法人40社")
    assert cells_with(wb["③乖離分析"], "法人宴会の最大顧客A社")
    assert cells_with(wb["④支援依頼"], "ひまわり銀行")
    assert cells_with(wb["資金繰り"], "前月繰越 (月初の現預金)")


def test_cached_values_show_without_recalculation(written):
    _, folder, _ = written
    wb = openpyxl.load_workbook(folder / "q1.xlsx", data_only=True)
    table = wb["計画実績対比表"]
    sales_row = next(c.row for c in table["A"] if c.value == "売上高")
    assert table.cell(sales_row, 4).value == 102750 - table.cell(sales_row, 2).value


def test_charts_reference_the_right_ranges(written):
    rep, folder, _ = written
    wb = openpyxl.load_workbook(folder / "q1.xlsx")
    charts = _charts(folder / "q1.xlsx")
    assert len(charts) == 2
    sales_chart = next(c for c in charts if list(c.iter(f"{C}barChart")))
    cash_chart = next(c for c in charts if not list(c.iter(f"{C}barChart")))
    bars, line = _refs(sales_chart, "barChart"), _refs(sales_chart, "lineChart")
    ws = wb["計画実績対比表"]
    head = next(c.row for c in ws["A"] if c.value == "月")
    first, last = head + 1, head + len(rep.chart)
    q = "'計画実績対比表'!"
    assert bars == [
        (f"{q}B{head}", f"{q}$B${first}:$B${last}", f"{q}$A${first}:$A${last}"),
        (f"{q}C{head}", f"{q}$C${first}:$C${last}", f"{q}$A${first}:$A${last}"),
    ]
    assert [v for _, v, _ in line] == [f"{q}$D${first}:$D${last}"]
    assert (ws[f"B{head}"].value, ws[f"C{head}"].value, ws[f"D{head}"].value) == ("計画", "実績", "達成率")
    assert [ws[f"A{r}"].value for r in range(first, last + 1)] == ["4月", "5月", "6月"]
    assert [ws[f"C{r}"].value for r in range(first, last + 1)] == [37650, 37000, 28100]
    # the 達成率 line sits on its own (secondary) value axis
    bar_axes = [a.get("val") for a in next(sales_chart.iter(f"{C}barChart")).findall(f"{C}axId")]
    line_axes = [a.get("val") for a in next(sales_chart.iter(f"{C}lineChart")).findall(f"{C}axId")]
    assert bar_axes[0] == line_axes[0] and bar_axes[1] != line_axes[1]
    # month-end cash: 計画 / 実績 / 見込み over the same rows of the 資金繰り sheet
    cash = wb["資金繰り"]
    ch = next(c.row for c in cash["A"] if c.value == "月 (和暦)")
    assert cash[f"A{ch + 1}"].value == "R9.4"
    series = _refs(cash_chart, "lineChart")
    assert [cash[n.split("!")[1]].value for n, _, _ in series] == ["計画", "実績", "見込み (実績から)"]
    rows = [int(re.search(r"\$(\d+):", v).group(1)) for _, v, _ in series]
    assert rows == [ch + 1] * 3
    actual_col = series[1][1].split("!")[1].split(":")[0].replace("$", "")
    assert cash[actual_col].value == 12900  # April's month-end actual
    # drawn point to point (a smoothed curve would overshoot the month-end balances)
    for chart in (sales_chart, cash_chart):
        for group in chart.iter(f"{C}lineChart"):
            assert [s.find(f"{C}smooth").get("val") for s in group.iter(f"{C}ser")] == ["0"] * len(
                group.findall(f"{C}ser")
            )
    # the 見込み line starts at June's actual balance
    june = next(r for r in range(ch + 1, ch + 20) if cash[f"A{r}"].value == "R9.6")
    assert cash[f"C{june}"].value == cash[f"D{june}"].value == 8200


@pytest.mark.slow
def test_libreoffice_recalculates_without_error_cells(written, tmp_path):
    rep, folder, _ = written
    expectations = build_monitoring_workbook(rep)._kaizen_expectations
    assert len(expectations) > 40
    out = convert(folder / "q1.xlsx", tmp_path / "recalc")
    recalculated = openpyxl.load_workbook(out, data_only=True)
    assert not error_cells(recalculated)
    bad = compare(expectations, recalculated)
    assert not bad, "\n".join(bad[:20])


def test_markdown_sections_in_the_banks_order(written):
    _, folder, _ = written
    md = (folder / "q1.md").read_text(encoding="utf-8")
    heads = [
        "## サマリー",
        "## ① 概況",
        "## ② アクションプラン取組状況",
        "## ③ 乖離の要因分析と今後の対策",
        "## ④ 金融機関への継続支援依頼",
        "## 計画実績対比表",
        "## 資金繰り",
    ]
    positions = [md.index(h) for h in heads]
    assert positions == sorted(positions)
    assert "| 売上高 | 111,863 | 102,750 | ▲9,113 | 91.9% | 注意 |" in md


def test_html_has_svg_charts_no_script_and_a4_print(written):
    _, folder, _ = written
    html = (folder / "q1.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "<script" not in html.lower()
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    assert "size: A4" in html and "@media print" in html
    for h in (
        "サマリー",
        "① 概況",
        "② アクションプラン取組状況",
        "③ 乖離の要因分析と今後の対策",
        "④ 金融機関への継続支援依頼",
        "計画実績対比表",
        "資金繰り",
    ):
        assert f"<h2>{h}" in html


def _hostile_plan():
    plan = build_sample_plan(monitoring=True)
    june = plan.monitoring[2]
    june.variance_causes[0].text = HOSTILE
    june.next_actions[0].text = "=SUM(A1)"
    june.next_actions[0].owner = "@cmd|' /C calc'!A0"
    plan.company.name = "<b>さくら亭</b> & Co"
    return plan


def test_html_escapes_a_hostile_cause_and_evaluates_nothing():
    html = render_monitoring_report(build_report(_hostile_plan(), "2027Q1", today=TODAY), "html")
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and ">49<" not in html
    assert "&lt;b&gt;さくら亭&lt;/b&gt; &amp; Co" in html
    md = render_monitoring_report(build_report(_hostile_plan(), "2027Q1", today=TODAY), "md")
    assert "<script>" not in md and "&lt;script&gt;" in md and "{{ 7*7 }}" in md


def test_xlsx_never_turns_text_into_a_formula(tmp_path):
    rep = build_report(_hostile_plan(), "2027Q1", today=TODAY)
    path = export_monitoring(rep, xlsx=tmp_path / "h.xlsx")[0]
    wb = openpyxl.load_workbook(path)
    found = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == "=SUM(A1)"]
    assert found, "the action text should be in the workbook"
    for c in found:
        assert c.data_type == "s" and c.quotePrefix
    owner = [
        c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("@cmd")
    ]
    assert owner and all(c.data_type == "s" for c in owner)
    # every formula in the workbook is one we wrote (差異, 達成率, 合計), never answer text
    formulas = [c.value for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(
        re.fullmatch(r"=(IF\()?[A-Z0-9$:+\-/*(),>\"]+\)?|=SUM\([A-Z]+\d+:[A-Z]+\d+\)", f) for f in formulas
    ), formulas[:5]


def test_cli_writes_the_report_and_refuses_bad_periods(tmp_path, capsys):
    plan_path = tmp_path / "plan.json"
    save_plan(build_sample_plan(monitoring=True), plan_path)
    x, m, h = tmp_path / "r.xlsx", tmp_path / "r.md", tmp_path / "r.html"
    assert (
        main(["export", str(plan_path), "--monitoring", "2027Q1", "--xlsx", str(x), "--md", str(m), "--html", str(h)])
        == 0
    )
    out = capsys.readouterr().out
    assert "令和10年3月期 第1四半期" in out and f"書き出しました: {x}" in out
    assert x.exists() and m.exists() and h.exists()
    assert main(["export", str(plan_path), "--monitoring", "2027Q5", "--md", str(m)]) == 2
    assert "期間として読めません" in capsys.readouterr().err
    assert main(["export", str(plan_path), "--monitoring", "2027Q2", "--md", str(tmp_path / "q2.md")]) == 2
    err = capsys.readouterr().err
    assert "実績がまだ記録されていません" in err and "Traceback" not in err
    assert not (tmp_path / "q2.md").exists()
    assert main(["export", str(plan_path), "--monitoring", "2027-06"]) == 2
    assert "出力先を1つ以上" in capsys.readouterr().err


def test_an_amendment_after_reporting_appears_in_the_next_report(tmp_path, capsys):
    from datetime import datetime

    from kaizen_guide.model import load_plan
    from kaizen_guide.monitoring.amendments import amend

    plan_path = tmp_path / "plan.json"
    save_plan(build_sample_plan(monitoring=True), plan_path)
    first = tmp_path / "first.md"
    assert main(["export", str(plan_path), "--monitoring", "2027Q1", "--md", str(first)]) == 0
    assert "2027年4月〜2027年6月を報告済み" in capsys.readouterr().out
    assert "報告後の訂正" not in first.read_text(encoding="utf-8")
    plan = load_plan(plan_path)
    may = next(r for r in plan.monitoring if r.month == "2027-05")
    assert may.reported_at is not None
    a = amend(
        may,
        "actuals.sales",
        "売上高",
        37000,
        37400,
        "advisor",
        at=datetime(2027, 7, 20, 1, 0, tzinfo=UTC),
        reason="試算表の修正 (売上計上漏れ)",
    )
    assert a is not None
    may.actuals["sales"] = 37400
    save_plan(plan, plan_path)
    second = tmp_path / "second.md"
    assert main(["export", str(plan_path), "--monitoring", "2027Q1", "--md", str(second)]) == 0
    assert "報告後の訂正 1件" in capsys.readouterr().out
    md = second.read_text(encoding="utf-8")
    assert "### 報告後の訂正" in md
    assert "| 2027年5月 | 売上高 | 37,000 | 37,400 |" in md and "売上計上漏れ" in md
    assert "| 売上高 | 111,863 | 103,150 |" in md  # the corrected actual is used
    # reported once: the third report no longer lists it
    third = tmp_path / "third.md"
    assert main(["export", str(plan_path), "--monitoring", "2027Q1", "--md", str(third), "--draft"]) == 0
    assert "報告後の訂正" not in third.read_text(encoding="utf-8")


def test_a_revised_plan_shows_the_original_plan_beside_it(tmp_path):
    from datetime import datetime

    from kaizen_guide.model.versions import freeze

    plan = build_sample_plan(monitoring=True)
    freeze(plan, note="当初計画", by="advisor", at=datetime(2027, 3, 1, tzinfo=UTC))
    plan.cash.seasonality = []  # the 修正計画 spreads the year evenly
    freeze(plan, note="修正計画", by="advisor", at=datetime(2027, 4, 1, tzinfo=UTC), effective_from="2027-04")
    rep = build_report(plan, "2027Q1", today=TODAY)
    assert rep.versions == ("当初計画", "修正計画 (第2版)")
    assert rep.original is not None
    assert rep.original.line("sales").actual == rep.pc.line("sales").actual == 102750
    assert rep.original.line("sales").plan != rep.pc.line("sales").plan
    md = render_monitoring_report(rep, "md")
    assert "比較している計画: 修正計画 (第2版)" in md and "当初計画比" in md
    wb = build_monitoring_workbook(rep)
    ws = wb["計画実績対比表"]
    assert ws["L5"].value == "当初計画" and ws["M5"].value == "当初計画比"
    sales_row = next(c.row for c in ws["A"] if c.value == "売上高")
    assert ws.cell(sales_row, 12).value == rep.original.line("sales").plan
    assert ws.cell(sales_row, 13).value == f"=C{sales_row}/L{sales_row}"
