"""The monthly 伴走支援 review: fiscal calendar, monthly plan, plan vs actual, deep dive, review flow.

Pure Python (no Textual, no openpyxl/jinja2). The TUI (``tui/screens/monitor.py``) and the CLI
(``kaizen-guide monitor``) render what this package computes.
"""
