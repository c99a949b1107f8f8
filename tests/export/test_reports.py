"""Plan and check reports: contents, traceability, shared templates, printable HTML."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from kaizen_guide.export.report import render_check_report, render_plan_report
from kaizen_guide.locations import templates_dir


def finding(**kw):
    base = dict(
        rule_id="issue.external_only",
        severity="warning",
        message="課題が外部要因だけです",
        guideline_ref="実務指針 2.3",
        follow_up="自社で変えられる原因は何ですか",
        example="原価率41%",
        section="経営課題",
        question_id="issues.0.title",
        path="issues[0].title",
    )
    base.update(kw)
    return SimpleNamespace(**base)


def test_plan_report_has_every_part(sample_plan):
    md = render_plan_report(sample_plan, None, [finding()], fmt="md")
    for heading in (
        "## 1. 会社概要",
        "## 2. 窮境要因",
        "## 3. 課題 → 対策 → アクション",
        "## 4. 数値計画",
        "## 5. 金融機関が見る指標と改善目標",
        "## 6. 金融支援の依頼",
        "## 7. モニタリング",
        "## チェック結果",
    ):
        assert heading in md
    for text in (
        "損益計画",
        "貸借対照表計画",
        "資金計画",
        "債務償還年数",
        "残高プロラタ",
        "四半期ごと",
        "株式会社さくら亭",
        "経常利益の黒字化",
        "課題が外部要因だけです",
    ):
        assert text in md
    assert "| **経常利益** | ▲10,600 |" in md


def test_chain_is_traceable_issue_to_measure_to_action(sample_plan):
    md = render_plan_report(sample_plan, None, [], fmt="md")
    i1, i2 = md.index("### 課題 I1"), md.index("### 課題 I2")
    assert i1 < md.index("対策 M1") < md.index("アクション A1") < md.index("アクション A2") < i2
    assert i2 < md.index("アクション A4") < md.index("### 課題 I3")
    assert "窮境要因: C1" in md[i1:i2]


def test_html_report_is_printable_on_a4(sample_plan):
    out = render_plan_report(sample_plan, None, [], fmt="html")
    assert out.startswith("<!DOCTYPE html>")
    assert "@page" in out and "A4" in out
    assert '<table class="num">' in out
    assert (templates_dir() / "report.css").exists()


def test_check_report_uses_the_same_macros_and_orders_worst_first():
    findings = [
        finding(severity="info", message="参考の指摘", section="全体"),
        finding(severity="error", message="要修正の指摘", section="数値計画"),
        finding(),
    ]
    md = render_check_report("さくら亭", findings, fmt="md")
    assert md.startswith("# チェック結果: さくら亭")
    assert "要修正 1件 / 要確認 1件 / 参考 1件" in md
    assert md.index("要修正の指摘") < md.index("課題が外部要因だけです") < md.index("参考の指摘")
    out = render_check_report("さくら亭", findings, fmt="html")
    assert 'class="finding error"' in out and "次に考えること" in out
    assert render_check_report("さくら亭", [], fmt="md").count("指摘はありません") == 1


def test_checks_markdown_goes_through_these_templates():
    from kaizen_guide.commands.check_output import render_findings

    md = render_findings([finding()], fmt="md", title="チェック結果")
    assert md.startswith("# チェック結果")
    assert "課題が外部要因だけです" in md


def test_importing_export_loads_neither_openpyxl_nor_jinja2():
    code = (
        "import sys, kaizen_guide.export as e; "
        "assert 'openpyxl' not in sys.modules and 'jinja2' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_report_says_what_the_numbers_mean_and_shows_the_stress_table(sample_plan):
    md = render_plan_report(sample_plan, None, [], fmt="md")
    # Definitions beside the figures, and the gross variant in the metrics table.
    assert "債務償還年数 = (有利子負債 − 現預金 − 正常運転資金) ÷ (経常利益 + 減価償却費 − 法人税等)" in md
    assert "| 債務償還年数 (簡易: 有利子負債 ÷ 簡易CF) |" in md
    assert "その年度から計画最終年度まで、毎年度の経常利益が黒字" in md
    # 実質純資産 before 代表者資産 (the 自宅 − 住宅ローン 10,000 taken out): 計画4年目 ▲2,707.
    assert "| 実質純資産 (代表者資産加味前) |" in md and "▲2,707" in md
    assert "| 実質債務超過の解消 (代表者資産加味前・参考) | 計画4年目まで | 計画5年目 | 未達 |" in md
    # One table per stress case, and no plain 「達成」 while they fail.
    for name in ("売上高10%減", "原価率2ポイント上昇", "施策の効果が半分"):
        assert f"### ストレステスト: {name} (成り立たない)" in md
    assert "| 経常利益の黒字化 | 計画2年目まで | 計画1年目 | 基本ケースのみ達成 (ストレス時は未達) |" in md
    assert "| 達成 |" not in md
    # The support period, what follows it, and the pro-rata bases by year.
    assert "2026-10 から 42か月 (2030-03まで)" in md and "簡易CFの90%による返済を続ける" in md
    assert "### 返済額の配分基準 (プロラタの基準額)" in md and "| ひまわり銀行 基準額 |" in md
    html = render_plan_report(sample_plan, None, [], fmt="html")
    assert "ストレステスト: 施策の効果が半分" in html and "債務償還年数 (簡易)" in html


def test_report_names_the_unsecured_bases_and_the_fallback(sample_plan):
    sample_plan.support.allocation_basis = "unsecured"
    md = render_plan_report(sample_plan, None, [], fmt="md")
    assert "| 北央銀行 信用残 (期首) |" in md and "信用残高プロラタ" in md


def test_compiled_templates_are_cached_per_user_and_render_the_same(tmp_path, monkeypatch):
    """Jinja's bytecode cache (issue 18) lives in the user's cache folder and changes nothing."""
    from kaizen_guide.export import report as report_mod
    from kaizen_guide.finance import compute_projection
    from kaizen_guide.sample import build_sample_plan

    monkeypatch.setenv("KAIZEN_GUIDE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KAIZEN_GUIDE_NO_CACHE", raising=False)
    plan = build_sample_plan()
    proj = compute_projection(plan)
    report_mod._environment.cache_clear()
    try:
        first = report_mod.render_plan_report(plan, proj, [], fmt="html")
        cached = list((tmp_path / "cache" / "jinja").iterdir())
        assert cached, "no compiled template was cached"
        report_mod._environment.cache_clear()  # a new process: templates come from the cache
        assert report_mod.render_plan_report(plan, proj, [], fmt="html") == first
    finally:
        report_mod._environment.cache_clear()
