"""CLI command implementations, one module per command (``cli.py`` only registers and dispatches)."""
