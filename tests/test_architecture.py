"""Layering and packaging rules from the architecture note, checked in a clean interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kaizen_guide.locations import question_banks_dir, templates_dir

HEAVY = ("textual", "openpyxl", "jinja2", "charset_normalizer")

# module -> heavy packages it may pull in at import time
ALLOWED = {
    "kaizen_guide.cli": (),
    "kaizen_guide.model": (),
    "kaizen_guide.ja": (),
    "kaizen_guide.banks": (),
    "kaizen_guide.engine": (),
    "kaizen_guide.checks": (),
    "kaizen_guide.finance": (),
    "kaizen_guide.imports": (),
    "kaizen_guide.monitoring.review": (),
    "kaizen_guide.monitoring.headless": (),
    "kaizen_guide.sample": (),
    "kaizen_guide.tui.app": ("textual",),
}


def _modules_after_import(module: str) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    if res.returncode != 0:
        pytest.fail(f"import {module} failed:\n{res.stderr}")
    return set(json.loads(res.stdout))


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_import_pulls_in_no_heavy_ui_or_export_modules(module):
    loaded = _modules_after_import(module)
    unexpected = {h for h in HEAVY if h in loaded} - set(ALLOWED[module])
    assert not unexpected, f"{module} imports {unexpected} at module level"


def test_question_banks_and_templates_ship_with_the_package():
    assert (question_banks_dir() / "checklist.yaml").is_file()
    assert any(question_banks_dir().glob("[0-9]*_*.yaml"))
    assert any(templates_dir().glob("*.j2"))


def test_account_synonyms_ship_with_the_package():
    assert (question_banks_dir() / "account_synonyms.yaml").is_file()
