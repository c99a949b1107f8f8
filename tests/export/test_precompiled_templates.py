"""The report templates' shipped compiled code (export/precompiled.py, issue 18): current for every
template, used when it fits, never when the template or jinja's setup changed, and the reports
read the same as when jinja compiles the templates itself."""

from __future__ import annotations

import shutil

import pytest
from jinja2 import Environment

from kaizen_guide.export import precompiled, templating
from kaizen_guide.export.report import render_check_report, render_plan_report
from kaizen_guide.finance import compute_projection
from kaizen_guide.locations import templates_dir
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def fresh_env(monkeypatch):
    """No per-user bytecode cache, and a new environment before and after the test."""
    monkeypatch.setenv("KAIZEN_GUIDE_NO_CACHE", "1")
    templating._environment.cache_clear()
    yield
    templating._environment.cache_clear()


def test_every_template_ships_its_current_compiled_code():
    env = templating.environment()
    names = precompiled.template_names(env)
    assert "plan_report.md.j2" in names and "_macros.j2" in names
    stale = [
        n
        for n in names
        if not precompiled.module_path(n).exists()
        or precompiled.module_path(n).read_text(encoding="utf-8") != precompiled.generated_text(env, n)
    ]
    assert stale == [], "run: python -m kaizen_guide.export.templating"


def _reports() -> list[str]:
    plan = build_sample_plan(monitoring=True)
    proj = compute_projection(plan)
    findings = [{"rule_id": "x", "severity": "warning", "message": "確認 <b>&</b>", "section": "課題"}]
    return [
        render_plan_report(plan, proj, findings, fmt="md"),
        render_plan_report(plan, proj, findings, fmt="html"),
        render_check_report("計画", findings, fmt="md"),
        render_check_report("計画", findings, fmt="html"),
    ]


def test_reports_use_the_shipped_code_and_read_the_same(fresh_env, monkeypatch):
    def no_compiling(self, *a, **k):
        raise AssertionError("a template was compiled from its source")

    with monkeypatch.context() as m:
        m.setattr(Environment, "compile", no_compiling)
        shipped = _reports()
    templating._environment.cache_clear()
    monkeypatch.setattr(precompiled, "precompiled_code", lambda *a, **k: None)
    assert _reports() == shipped


def test_an_edited_template_is_compiled_from_its_source(fresh_env, tmp_path):
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    md = folder / "check_report.md.j2"
    md.write_text(md.read_text(encoding="utf-8") + "編集した行\n", encoding="utf-8")
    env = templating._environment(str(folder))
    out = env.get_template("check_report.md.j2").render(
        title="t", plan_name="p", css="", fmt="md", findings=[], finding_groups=[], counts={}, summary=""
    )
    assert out.endswith("編集した行\n")
    source = md.read_text(encoding="utf-8")
    assert precompiled.precompiled_code(env, "check_report.md.j2", source, folder) is None
    untouched = (folder / "check_report.html.j2").read_text(encoding="utf-8")
    assert precompiled.precompiled_code(env, "check_report.html.j2", untouched, folder) is not None


def test_another_setup_does_not_use_the_shipped_code(fresh_env):
    env = templating.environment()
    source, _, _ = env.loader.get_source(env, "plan_report.md.j2")
    other = env.overlay(trim_blocks=False)
    assert precompiled.template_key(other, "plan_report.md.j2", source) != precompiled.template_key(
        env, "plan_report.md.j2", source
    )
