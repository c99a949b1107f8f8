"""Plan and check reports: contents, traceability, shared templates, printable HTML."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from kaizen_guide.export.report import render_check_report, render_plan_report
from kaizen_guide.locations import templates_dir


def finding(**kw):
    base = dict(rule_id="issue.external_only", severity="warning", message="課題が外部要因だけです",
                guideline_ref="実務指針 2.3", follow_up="自社で変えられる原因は何ですか", example="原価率41%",
                section="経営課題", question_id="issues.0.title", path="issues[0].title")
    base.update(kw)
    return SimpleNamespace(**base)


def test_plan_report_has_every_part(sample_plan):
    md = render_plan_report(sample_plan, None, [finding()], fmt="md")
    for heading in ("## 1. 会社概要", "## 2. 窮境要因", "## 3. 課題 → 対策 → アクション", "## 4. 数値計画",
                    "## 5. 金融機関が見る指標と改善目標", "## 6. 金融支援の依頼", "## 7. モニタリング", "## チェック結果"):
        assert heading in md
    for text in ("損益計画", "貸借対照表計画", "資金計画", "債務償還年数", "残高プロラタ", "四半期ごと",
                 "株式会社さくら亭", "経常利益の黒字化", "課題が外部要因だけです"):
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
    findings = [finding(severity="info", message="参考の指摘", section="全体"),
                finding(severity="error", message="要修正の指摘", section="数値計画"),
                finding()]
    md = render_check_report("さくら亭", findings, fmt="md")
    assert md.startswith("# チェック結果: さくら亭")
    assert "要修正 1件 / 要確認 1件 / 参考 1件" in md
    assert md.index("要修正の指摘") < md.index("課題が外部要因だけです") < md.index("参考の指摘")
    out = render_check_report("さくら亭", findings, fmt="html")
    assert 'class="finding error"' in out and "次に考えること" in out
    assert render_check_report("さくら亭", [], fmt="md").count("指摘はありません") == 1


def test_checks_markdown_goes_through_these_templates():
    from kaizen_guide.checks.report import render_findings

    md = render_findings([finding()], fmt="md", title="チェック結果")
    assert md.startswith("# チェック結果")
    assert "課題が外部要因だけです" in md


def test_importing_export_loads_neither_openpyxl_nor_jinja2():
    code = ("import sys, kaizen_guide.export as e; "
            "assert 'openpyxl' not in sys.modules and 'jinja2' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)
