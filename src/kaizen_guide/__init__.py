"""kaizen-guide: a guided interviewer for 経営改善計画 (management improvement plans).

Kept import-free on purpose so that `kaizen-guide check` and friends start fast.
"""

import sys
import types

__version__ = "0.1.0"


def _without_pydantic_plugins() -> None:
    """kaizen-guide runs no pydantic plugins: none is part of the product.

    Pydantic's plugin loader, imported when the first validator is built, imports
    ``importlib.metadata`` (with ``email``, ``zipfile``, ``csv``) and scans every installed
    distribution's entry points: 20-25 ms of every ``check`` and of the first question (issue 18).
    ``PYDANTIC_DISABLE_PLUGINS`` skips only the scan, not the import, so the loader is replaced by
    one that finds no plugins. A process that loaded pydantic's own loader first keeps it.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name, "kaizen-guide: no pydantic plugins (see kaizen_guide/__init__.py)")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # tuple() == (): no plugins
    sys.modules[name] = loader


_without_pydantic_plugins()
