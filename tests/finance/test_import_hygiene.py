"""The finance engine is pure Python: no Textual, openpyxl or jinja2, even when fully loaded."""

import json
import subprocess
import sys

MODULES = [
    "kaizen_guide.finance",
    "kaizen_guide.finance.projection",
    "kaizen_guide.finance.engine",
    "kaizen_guide.finance.monthly",
    "kaizen_guide.finance.stress",
    "kaizen_guide.finance.coverage",
]


def test_finance_imports_no_ui_or_export_packages():
    code = (
        "import importlib, json, sys\n"
        f"for m in {MODULES!r}: importlib.import_module(m)\n"
        "from kaizen_guide.finance import compute_projection\n"
        "from kaizen_guide.sample import build_sample_plan\n"
        "compute_projection(build_sample_plan())\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    loaded = set(json.loads(res.stdout))
    assert not loaded & {"textual", "openpyxl", "jinja2"}
