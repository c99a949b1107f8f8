"""The workbook: sheets in the order of the sample form, key cells, formats, print setup."""

from __future__ import annotations

from openpyxl import load_workbook

from kaizen_guide.export import layout, styles

from .helpers import cells_with, formula_cells, row_of

NUMERIC_SHEETS = (
    "損益計画",
    "資金計画",
    "貸借対照表計画",
    "タックスプラン",
    "資金実績表",
    "計数計画・具体的施策",
    "月次資金繰り表",
)


def test_sheets_follow_the_sample_form_order(sample_built):
    names = load_workbook(sample_built.path).sheetnames
    words = [
        "表紙",
        "債務者概況表",
        "概要",
        "企業集団の状況",
        "ビジネスモデル俯瞰図",
        "資金実績表",
        "計数計画・具体的施策",
        "実施計画",
        "損益計画",
        "資金計画",
        "貸借対照表計画",
        "タックスプラン",
        "金融機関別返済計画・金融支援計画",
        "資産保全表",
        "月次資金繰り表",
        "伴走支援計画",
    ]
    assert len(names) == len(words)
    for name, word in zip(names, words):
        assert word in name
    assert names == [s.name for s in layout.SHEETS]


def test_cover_shows_company_title_and_date(sample_built):
    ws = sample_built.wb["表紙"]
    assert cells_with(ws, "株式会社さくら亭")
    assert cells_with(ws, "経営改善計画書")
    assert cells_with(ws, "2026年11月20日")
    assert cells_with(ws, "みなと経営サポート税理士法人")


def test_key_cells_per_sheet(sample_built):
    wb = sample_built.wb
    assert cells_with(wb["債務者概況表"], "株式会社さくら亭")
    assert cells_with(wb["債務者概況表"], "実質純資産")
    assert cells_with(wb["概要"], "メニュー原価の標準化")
    assert cells_with(wb["概要"], "経常利益の黒字化")
    assert cells_with(wb["企業集団の状況"], "有限会社さくら不動産")
    assert cells_with(wb["ビジネスモデル俯瞰図"], "浜松青果")
    assert cells_with(wb["ビジネスモデル俯瞰図"], "仕込み")
    assert cells_with(wb["実施計画"], "料理長 山田 誠")
    assert cells_with(wb["計数計画・具体的施策"], "A1 定番メニュー30品")
    assert cells_with(wb["伴走支援計画"], "四半期ごと")
    assert cells_with(wb["金融機関別返済計画・金融支援計画"], "残高プロラタ")
    assert cells_with(wb["タックスプラン"], "繰越欠損金")
    # a loan balance on 資産保全表
    ws = wb["資産保全表"]
    r = row_of(ws, "ひまわり銀行")
    assert ws.cell(row=r, column=2).value == 200000
    # 損益計画: segment inputs and the 売上高 total as a formula, actual years as entered
    ws = wb["損益計画"]
    r = row_of(ws, "店舗飲食")  # 計画0年目 = 2,400円 × 110,000人, a formula over the two inputs below
    assert ws.cell(row=r, column=5).value == f"=ROUND(E{r + 1}*E{r + 2}/1000,0)"
    assert (ws.cell(row=r + 1, column=5).value, ws.cell(row=r + 2, column=5).value) == (2400, 110000)
    assert sample_built.expectations[("損益計画", f"E{r}")].value == 264000
    r = row_of(ws, "売上高 計")
    assert ws.cell(row=r, column=2).value == 520000  # 2024年3月期 実績
    assert str(ws.cell(row=r, column=5).value).startswith("=SUM(")
    # 月次資金繰り表: 12 months and the year total
    ws = wb["月次資金繰り表"]
    assert [ws.cell(row=4, column=c).value for c in range(2, 14)] == [
        f"{m}月" for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
    ]


def test_columns_are_actuals_then_plan_years(sample_built):
    ws = sample_built.wb["損益計画"]
    top = [ws.cell(row=3, column=c).value for c in range(2, 11)]
    bottom = [ws.cell(row=4, column=c).value for c in range(2, 11)]
    assert top[0] == "実績" and top[3:] == [f"計画{i}年目" for i in range(6)]
    assert bottom[:3] == ["2024年3月期", "2025年3月期", "2026年3月期"]
    assert bottom[3] == "2027年3月期"


def test_totals_and_derived_lines_are_formulas(sample_built):
    wb = sample_built.wb
    checks = {
        "損益計画": [
            "売上高 計",
            "売上総利益",
            "販売費及び一般管理費 計",
            "営業利益",
            "経常利益",
            "税引前当期純利益",
            "当期純利益",
            "簡易CF (当期純利益 + 減価償却費)",
            "債務償還年数",
        ],
        "貸借対照表計画": ["流動資産 計", "資産合計", "負債合計", "純資産合計", "負債・純資産合計", "実質純資産"],
        "資金計画": ["営業キャッシュフロー", "フリーキャッシュフロー", "財務キャッシュフロー", "期末現預金"],
        "タックスプラン": ["期末残高", "課税所得 (申告調整なし)", "法人税等 計"],
        "月次資金繰り表": ["経常収入 計", "経常収支 (A)", "翌月繰越 (前月繰越 + A + B + C)"],
    }
    for sheet, labels in checks.items():
        ws = wb[sheet]
        for label in labels:
            r = row_of(ws, label)
            last_year = ws.cell(row=r, column=ws.max_column - (0 if sheet == "月次資金繰り表" else 1))
            assert last_year.data_type == "f", (sheet, label, last_year.coordinate, last_year.value)
    ws = wb["資産保全表"]
    r = row_of(ws, "合計")
    assert all(ws.cell(row=r, column=c).data_type == "f" for c in range(2, 11))
    # 期末現預金 = 期首 + 増減, and the next year's 期首 is the previous 期末
    ws = wb["資金計画"]
    r_open, r_close = row_of(ws, "期首現預金"), row_of(ws, "期末現預金")
    assert ws.cell(row=r_open, column=3).value == f"=B{r_close}"


def test_every_formula_has_the_engine_value_recorded(sample_built):
    formulas = formula_cells(sample_built.wb)
    assert len(formulas) > 800
    missing = [f for f in formulas if f not in sample_built.expectations]
    assert not missing
    assert set(sample_built.expectations) == set(formulas)


def test_numeric_sheets_state_the_unit_and_use_triangle_for_negatives(sample_built):
    wb = sample_built.wb
    for name in NUMERIC_SHEETS + ("資産保全表", "金融機関別返済計画・金融支援計画", "債務者概況表", "概要"):
        assert cells_with(wb[name], "単位:千円"), name
    ws = wb["損益計画"]
    r = row_of(ws, "経常利益")
    assert ws.cell(row=r, column=4).number_format == styles.NUM
    assert '"▲"' in styles.NUM


def test_headers_are_frozen_and_fonts_are_japanese(sample_built):
    wb = sample_built.wb
    for name in NUMERIC_SHEETS:
        assert wb[name].freeze_panes, name
    ws = wb["損益計画"]
    assert ws.freeze_panes == "B5"
    assert ws.cell(row=row_of(ws, "経常利益"), column=5).font.name == styles.DEFAULT_FONT
    assert ws["A1"].font.name == styles.DEFAULT_FONT


def test_print_setup_a4_landscape_fit_to_width_with_titles_and_header(sample_built):
    for ws in sample_built.wb.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4), ws.title
        # 債務者概況表 is a 2-page portrait form (see test_layout_pages); every other sheet is landscape
        assert ws.page_setup.orientation == ("portrait" if ws.title == "債務者概況表" else "landscape"), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.page_setup.fitToWidth == 1, ws.title
        assert ws.page_setup.fitToHeight == (1 if ws.title == "表紙" else 0), ws.title
        assert "株式会社さくら亭" in ws.oddHeader.left.text, ws.title
        assert "2026年11月20日" in ws.oddHeader.right.text, ws.title
    for name in NUMERIC_SHEETS:
        assert sample_built.wb[name].print_title_rows, name


def test_column_widths_fit_labels(sample_built):
    ws = sample_built.wb["損益計画"]
    longest = max(styles.text_units(str(c.value)) for c in ws["A"] if c.value and c.row > 4)
    assert ws.column_dimensions["A"].width >= min(44, longest)
    assert ws.column_dimensions["E"].width >= 10


def test_pl_sheet_has_a_chart_of_sales_and_ordinary_income(sample_built):
    ws = sample_built.wb["損益計画"]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    refs = [s.val.numRef.f for s in chart.series] + [s.val.numRef.f for c in chart._charts[1:] for s in c.series]
    sales_row, oi_row = row_of(ws, "売上高 計"), row_of(ws, "経常利益")
    assert any(f"${sales_row}" in r for r in refs)
    assert any(f"${oi_row}" in r for r in refs)


def test_gantt_bar_spans_start_to_due(sample_built):
    ws = sample_built.wb["実施計画"]
    cell = cells_with(ws, "A5 時間帯別シフト管理システムの導入")[0]
    months = {}
    for c in range(8, ws.max_column + 1):
        months.setdefault(ws.cell(row=4, column=c).value, c)  # first year's columns
    assert ws.cell(row=3, column=8).value == "2027年"  # first month shown: 2027-01 (earliest start)
    filled = [
        c
        for c in range(8, ws.max_column + 1)
        if ws.cell(row=cell.row, column=c).fill.fgColor.rgb in ("004472C4", "FF4472C4")
    ]
    # the schedule runs to the plan's end (2032/03), one column per quarter: 2027-04 .. 2027-09 = 2 columns
    assert cells_with(ws, "日程表の1列 = 3か月")
    assert len(filled) == 2
    assert filled[0] == months["4"] and filled[1] == months["7"]


def test_summary_never_says_met_while_the_stress_cases_fail(sample_built):
    # The sample meets its three targets in the base case, but all three stress cases fail.
    assert sample_built.projection.targets.all_met and not sample_built.projection.stress.passed
    ws = load_workbook(sample_built.path)[layout.SHEET["summary"].name]
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "達成" not in values
    assert values.count("基本ケースのみ達成 (ストレス時は未達)") == 3
