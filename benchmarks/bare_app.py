"""The yardstick for start-up: a bare Textual app that shows one Static line (issue 18).

python benchmarks/bare_app.py
"""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [("ctrl+q", "quit", "quit")]

    def compose(self) -> ComposeResult:
        yield Static("BARE-APP-READY")


if __name__ == "__main__":
    Bare().run()
