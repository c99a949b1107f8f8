"""Hostile text in every text field the question banks write, through every output (issue 11.4, 11.7).

The fields come from the banks (each text question's target and each text field of every group
question, on every row the sample company has), so a new question is covered without editing this
test. Each field gets its own numbered payload: a formula, template syntax, HTML, a javascript
link, a heading after a newline, a NUL and a terminal escape.
"""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

import pytest
from reliability_helpers import cli, inject_every_bank_text_field

from kaizen_guide.export import export_all
from kaizen_guide.model import save_plan


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inject-all")
    plan, fields = inject_every_bank_text_field()
    out = {"xlsx": folder / "plan.xlsx", "md": folder / "plan.md", "html": folder / "plan.html"}
    export_all(plan, xlsx=out["xlsx"], md=out["md"], html=out["html"])
    save_plan(plan, folder / "plan.json")
    return plan, fields, out, folder


def test_the_banks_yield_many_text_fields(injected):
    _, fields, _, _ = injected
    assert len(fields) >= 60, len(fields)


@pytest.mark.slow
def test_workbook_parts_are_valid_xml_and_no_answer_is_a_formula(injected):
    from openpyxl import load_workbook

    _, fields, out, _ = injected
    with zipfile.ZipFile(out["xlsx"]) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                ElementTree.fromstring(z.read(name))
    wb = load_workbook(out["xlsx"])
    reached = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and "KZINJ" in c.value:
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    assert "\x00" not in c.value and "\x1b" not in c.value
                    reached.update(re.findall(r"KZINJ(\d+)", c.value))
    assert len(reached) >= len(fields) // 2, f"only {len(reached)} of {len(fields)} fields reached the workbook"


def test_markdown_report_shows_every_payload_as_text(injected):
    _, fields, out, _ = injected
    md = out["md"].read_text(encoding="utf-8")
    assert "KZINJ" in md
    assert "<script" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)
    assert not re.search(r"^\s*# 見出し", md, re.M)
    assert "49" not in re.findall(r"KZINJ\d+:\S*", md)  # template syntax printed, not evaluated
    assert "{{7*7}}" in md


def test_html_report_escapes_every_payload(injected):
    _, _, out, _ = injected
    page = out["html"].read_text(encoding="utf-8")
    assert "KZINJ" in page and "<script>alert" not in page and "{{7*7}}" in page
    assert "<img src=x" not in page


def test_terminal_output_of_check_carries_no_escape(injected):
    _, _, _, folder = injected
    r = cli("check", str(folder / "plan.json"))
    assert r.returncode in (0, 1), r.stderr
    assert "\x1b" not in r.stdout + r.stderr and "Traceback" not in r.stderr
