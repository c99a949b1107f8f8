"""YAML loaders for the banks and the answers files: line numbers, no duplicate keys, plain scalars.

Every mapping the :class:`LineLoader` reads carries ``__line__``, so a problem in a bank is
reported at its line; ``strip_lines`` removes them again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

# libyaml's parser when available (several times faster); the constructors stay in Python.
# mypy sees SafeLoader: CSafeLoader offers the same interface.
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_BaseLoader):
    """SafeLoader that records ``__line__`` (1-based) on every mapping and rejects duplicate keys.

    Timestamps are left as text (「2027-04」 must stay a month, not become a date) and only
    true/false are booleans (YAML 1.1 would read 「no」 or 「on」 as booleans).
    """


def _strip_resolvers(cls: type[yaml.SafeLoader]) -> None:
    resolvers = {}
    for ch, items in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in items if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        if kept:
            resolvers[ch] = kept
    cls.yaml_implicit_resolvers = resolvers
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    data: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (キーが重複しています)", key_node.start_mark
            )
        data[key] = loader.construct_object(value_node, deep=True)
    data["__line__"] = node.start_mark.line + 1
    return data


_strip_resolvers(LineLoader)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class PlainLoader(_BaseLoader):
    """SafeLoader with the same scalar rules as LineLoader, without ``__line__`` (answers files)."""


_strip_resolvers(PlainLoader)


def strip_lines(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: strip_lines(v) for k, v in data.items() if k != "__line__"}
    if isinstance(data, list):
        return [strip_lines(v) for v in data]
    return data
