"""The yardstick for start-up: a bare Textual app that shows one Static line (issue 18).

python benchmarks/bare_app.py [--with-plan PLAN.json]

With ``--with-plan`` it first loads that plan file through kaizen-guide's plan model (the pydantic
import, the model classes, the validator's build and the validation), as every first question must:
``bench_tui_startup.py`` times it as the ``floor`` row, the part of our start-up no screen work removes.
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [("ctrl+q", "quit", "quit")]

    def __init__(self, plan: str | None = None) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        if self.plan:
            from kaizen_guide.model import load_plan

            load_plan(self.plan)
        yield Static("BARE-APP-READY")


if __name__ == "__main__":
    Bare(sys.argv[2] if sys.argv[1:2] == ["--with-plan"] else None).run()
