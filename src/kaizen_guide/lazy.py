"""A package's names imported from their modules on first use (PEP 562; issue 18): importing the
package stays cheap, and what a caller never uses is never loaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def exports(
    package: str, modules: dict[str, str], names: list[str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: ``modules`` maps a name to its submodule."""

    def getattr_(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | set(names))

    return getattr_, dir_
