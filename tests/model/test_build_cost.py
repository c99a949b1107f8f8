"""The plan model's class-building cost (issue 18): importing the model builds no validator, and the
model modules leave annotations as objects (no string annotations for pydantic to evaluate again)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kaizen_guide.model as model_pkg

MODEL_DIR = Path(model_pkg.__file__).parent
# Modules that declare pydantic models (lock/store/errors/versions hold no model classes).
MODEL_MODULES = [
    "analysis",
    "common",
    "company",
    "financials",
    "lending",
    "notes",
    "plan",
    "version_records",
]


def _has_future_annotations(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(alias.name == "annotations" for alias in node.names)
        for node in tree.body
    )


def test_model_modules_do_not_turn_annotations_into_strings():
    offenders = [name for name in MODEL_MODULES if _has_future_annotations(MODEL_DIR / f"{name}.py")]
    assert offenders == [], f"from __future__ import annotations in model/{offenders}: pydantic re-evaluates them"


def test_every_module_that_declares_a_model_is_listed():
    declaring = sorted(
        p.stem for p in MODEL_DIR.glob("*.py") if "(KGModel)" in p.read_text(encoding="utf-8") or p.stem == "common"
    )
    assert declaring == sorted(MODEL_MODULES)


_PROBE = """
import json, sys
import kaizen_guide.model as m
from kaizen_guide.model.plan import Bank, Loan, Plan
before = {c.__name__: c.__pydantic_complete__ for c in (Plan, Bank, Loan)}
plan = m.loads_plan(open(sys.argv[1], encoding="utf-8").read())
after = {"Plan": Plan.__pydantic_complete__}
print(json.dumps({"before": before, "after": after, "banks": len(plan.banks)}))
"""


def test_import_builds_no_validator_and_loading_builds_the_plan(tmp_path, sample_plan):
    """In a fresh process: after the import no model is built; loading a plan builds and validates it."""
    path = tmp_path / "plan.json"
    path.write_text(model_pkg.dumps_plan(sample_plan), encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True)
    out = json.loads(res.stdout)
    assert out["before"] == {"Plan": False, "Bank": False, "Loan": False}
    assert out["after"] == {"Plan": True}
    assert out["banks"] == len(sample_plan.banks) > 0


def test_a_deferred_nested_model_still_validates_on_its_own():
    """A nested model first used alone (the engine builds rows this way) is built then and validates."""
    from pydantic import ValidationError

    from kaizen_guide.model.plan import Loan

    loan = Loan(label="運転資金", balance=1000, interest_rate="0.015", monthly_repayment=10)
    assert loan.balance == 1000
    with pytest.raises(ValidationError, match="balance"):
        Loan(label="運転資金", balance=-1)


def test_list_fields_start_as_a_new_empty_list_for_each_plan():
    """F(default_factory=list) hands pydantic a Python function instead of the builtin (cheaper to
    inspect): each plan still gets its own empty lists."""
    from kaizen_guide.model.plan import Issue, Plan

    a, b = Plan(), Plan()
    assert a.issues == [] and a.issues is not b.issues
    a.issues.append(Issue(id="I1", title="課題"))
    assert b.issues == []
    factories = {f.default_factory for f in Plan.model_fields.values() if f.default_factory is not None}
    assert list not in factories


_PLUGINS_PROBE = """
import json, sys
if sys.argv[2] == "pydantic-first":
    import pydantic.plugin._loader  # a host process that loaded pydantic's own loader first
    real = sys.modules["pydantic.plugin._loader"]
import kaizen_guide.model as m
plan = m.loads_plan(open(sys.argv[1], encoding="utf-8").read())
loader = sys.modules["pydantic.plugin._loader"]
print(json.dumps({
    "banks": len(plan.banks),
    "metadata": "importlib.metadata" in sys.modules,
    "kept": sys.argv[2] == "pydantic-first" and loader is real,
    "plugins": list(loader.get_plugins()),
}))
"""


@pytest.mark.parametrize("order", ["kaizen-first", "pydantic-first"])
def test_loading_a_plan_scans_no_pydantic_plugins(tmp_path, sample_plan, order):
    """Pydantic's plugin loader imports importlib.metadata (with email, zipfile, csv) and scans every
    installed distribution on the first validator: 20-25 ms of each `check` and first question. kaizen-guide
    runs no plugins, so a plan is validated without that import; a process that loaded pydantic's own
    loader first keeps it."""
    path = tmp_path / "plan.json"
    path.write_text(model_pkg.dumps_plan(sample_plan), encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", _PLUGINS_PROBE, str(path), order], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["banks"] == len(sample_plan.banks) > 0 and out["plugins"] == []
    if order == "kaizen-first":
        assert out["metadata"] is False, "validating a plan imported importlib.metadata (pydantic's plugin scan)"
    else:
        assert out["kept"] is True
