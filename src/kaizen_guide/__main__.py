"""`python -m kaizen_guide` == `kaizen-guide`."""

from .cli import main

raise SystemExit(main())
