"""The demo's plan file: the sample company with its answers adopted, built once per install.

``kaizen-guide demo`` opens a fresh copy of the sample. Built from scratch, that copy is the
sample's model plus the adoption of its 84 answers through the engine (each one parsed and
checked), about 1 s of the demo's first question (issue 18). The bytes of an adopted copy are
the same every time for one build of the package, so they are kept in the per-user disk cache,
keyed by every source file they are made from (this package's code and the question banks): an
edit or an upgrade builds a new entry, and a damaged entry is rebuilt (see ``diskcache``).
"""

from __future__ import annotations

from pathlib import Path

from kaizen_guide.diskcache import cached
from kaizen_guide.locations import question_banks_dir
from kaizen_guide.model.store import dumps_plan

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _sources() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py")) + sorted(question_banks_dir().rglob("*.yaml"))


def _build(given_by: str) -> bytes:
    from kaizen_guide.sample import build_sample_plan

    from .interview import Interview

    interview = Interview(build_sample_plan(monitoring=True), None, autosave=False, given_by=given_by)
    interview._adopt_if_needed()  # what opening the file would do, once, here
    return dumps_plan(interview.plan).encode("utf-8")


def demo_plan_bytes(given_by: str = "owner") -> bytes:
    """The sample company's plan file with every answer adopted (as ``given_by``)."""
    return cached(f"demo-plan-{given_by}", _sources(), lambda: _build(given_by))
