"""Answers are data: never a formula in the workbook, never template code in the reports."""

from __future__ import annotations

import html

import pytest

from kaizen_guide.export.report import render_check_report, render_plan_report
from kaizen_guide.sample import build_sample_plan

from .conftest import Built, needs_soffice

PAYLOADS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x","y")']


def injected_plan():
    plan = build_sample_plan()
    plan.company.name = PAYLOADS[0]
    plan.issues[0].title = PAYLOADS[1]
    plan.actions[0].owner = PAYLOADS[2]
    old = plan.banks[3].name
    plan.banks[3].name = PAYLOADS[3]  # also the bank of a lien
    for col in plan.collaterals:
        for lien in col.liens:
            if lien.bank == old:
                lien.bank = PAYLOADS[3]
    plan.analysis.suppliers[0].name = PAYLOADS[4]
    plan.distress_causes[0].description = PAYLOADS[2]
    return plan


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    return Built(injected_plan(), tmp_path_factory.mktemp("inject"), "inject")


def _payload_cells(wb):
    """Cells showing an answer with a formula character (alone or inside a longer text)."""
    return [
        (ws.title, c)
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.data_type != "f" and any(p in c.value for p in PAYLOADS)
    ]


def test_answers_starting_with_formula_characters_stay_text(injected):
    cells = _payload_cells(injected.wb)
    found = {p for _, c in cells for p in PAYLOADS if p in c.value}
    assert found == set(PAYLOADS)
    exact = {c.value for _, c in cells if c.value in PAYLOADS}
    assert {"=1+1", "-2+3", "@SUM(A1)"} <= exact  # company name, action owner, bank name
    for sheet, c in cells:
        assert c.data_type == "s", (sheet, c.coordinate, c.value)
        if c.value.startswith(("=", "+", "-", "@")):
            assert c.quotePrefix, (sheet, c.coordinate)
    # nothing in the workbook is a formula that contains an answer
    for ws in injected.wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    assert not any(p.lstrip("=+-@") in c.value for p in PAYLOADS if len(p) > 4), c.value


def test_libreoffice_does_not_evaluate_answer_text(injected):
    needs_soffice()
    recalculated = injected.recalculated()
    for sheet, c in _payload_cells(injected.wb):
        assert recalculated[sheet][c.coordinate].value == c.value, (sheet, c.coordinate)
    # and the numbers still equal the engine (a bank named "@SUM(A1)" is matched exactly)
    from .helpers import compare

    assert not compare(injected.expectations, recalculated)


TEMPLATE_PAYLOAD = "{{ 7*7 }}"
SCRIPT = "<script>alert(1)</script>"


def template_plan():
    plan = build_sample_plan()
    plan.company.name = TEMPLATE_PAYLOAD
    plan.basic_policy = SCRIPT
    plan.issues[0].title = "{% for x in range(3) %}X{% endfor %}"
    plan.actions[0].owner = SCRIPT
    plan.support.request = TEMPLATE_PAYLOAD + " " + SCRIPT
    return plan


def test_answers_print_as_typed_in_markdown():
    md = render_plan_report(template_plan(), None, [], fmt="md")
    assert TEMPLATE_PAYLOAD in md
    # issue 11.7: shown as typed, but as text: raw HTML in Markdown would run in a viewer
    assert SCRIPT not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "{% for x in range(3) %}X{% endfor %}" in md
    assert "49" not in md.split("## 4.")[0]  # the payload is not evaluated
    assert "XXX" not in md


def test_answers_are_escaped_in_html():
    out = render_plan_report(template_plan(), None, [], fmt="html")
    assert TEMPLATE_PAYLOAD in out
    assert SCRIPT not in out
    assert html.escape(SCRIPT, quote=False) in out or "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "XXX" not in out


def test_check_report_escapes_findings():
    findings = [
        {
            "rule_id": "r1",
            "severity": "error",
            "message": SCRIPT + TEMPLATE_PAYLOAD,
            "guideline_ref": "<b>実務指針</b>",
            "follow_up": "{{ config }}",
            "example": "a | b",
            "section": "<i>課題</i>",
            "question_id": "q.issue",
            "path": "issues[0]",
        }
    ]
    md = render_check_report("さくら亭", findings, fmt="md")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" + TEMPLATE_PAYLOAD in md and SCRIPT not in md  # issue 11.7
    assert "{{ config }}" in md and "a \\| b" in md
    out = render_check_report("さくら亭", findings, fmt="html")
    assert SCRIPT not in out and "<b>実務指針</b>" not in out and "<i>課題</i>" not in out
    assert "&lt;script&gt;" in out and "{{ config }}" in out
