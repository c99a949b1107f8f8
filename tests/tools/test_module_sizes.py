"""No module in src/ over 600 lines (issue 13): a module that big holds more than one concern."""

from __future__ import annotations

from pathlib import Path

import kaizen_guide

LIMIT = 600


def test_no_module_over_600_lines():
    root = Path(kaizen_guide.__file__).parent
    sizes = {p.relative_to(root.parent): len(p.read_text(encoding="utf-8").splitlines()) for p in root.rglob("*.py")}
    over = {str(p): n for p, n in sorted(sizes.items()) if n > LIMIT}
    assert not over, f"modules over {LIMIT} lines (split them by concern, re-export from the old path): {over}"


FACADE_LIMIT = 400


def test_the_interview_stays_a_thin_facade():
    # New interview capabilities go in their own engine modules (the façade only delegates).
    path = Path(kaizen_guide.__file__).parent / "engine" / "interview.py"
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n < FACADE_LIMIT, f"engine/interview.py has {n} lines (under {FACADE_LIMIT}): move the logic to a module"
