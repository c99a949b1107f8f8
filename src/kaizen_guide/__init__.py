"""kaizen-guide: a guided interviewer for 経営改善計画 (management improvement plans).

Kept import-free on purpose so that `kaizen-guide check` and friends start fast.
"""

__version__ = "0.1.0"
