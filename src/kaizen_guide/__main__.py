"""`python -m kaizen_guide` == `kaizen-guide`."""

from .cli import entry

raise SystemExit(entry())
