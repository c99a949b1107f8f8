"""The account-name table (question_banks/account_synonyms.yaml) and name matching."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kaizen_guide.ja import normalize

from .lines import LINE_KEYS, MAP_TARGETS

SYNONYMS_FILE = "account_synonyms.yaml"

_BRACKETS = re.compile(r"[【】\[\]〔〕<>〈〉《》「」『』■□◆◇●○・:：]")
_LEADING_CODE = re.compile(r"^\d{2,6}[\s_\-.:]*(?=\D)")
_SPACES = re.compile(r"\s+")


def account_key(name: str) -> str:
    """Normalised account name used for matching and for the per-company mapping."""
    s = normalize(str(name))
    s = _LEADING_CODE.sub("", s)
    s = _BRACKETS.sub("", s)
    s = _SPACES.sub("", s)
    return s.replace("(", "(").replace(")", ")")


@dataclass(frozen=True, slots=True)
class Match:
    """How one account name is read. ``role``: total / detail / ignore / section-only / unknown."""

    role: str
    line: str | None = None  # total: the line; detail: the detail target
    sign: int = 1
    priority: int = 0  # totals: lower wins
    source: str = "table"  # table / pattern / plan


@dataclass(slots=True)
class SynonymTable:
    totals: dict[str, Match] = field(default_factory=dict)
    details: dict[str, Match] = field(default_factory=dict)
    ignore: set[str] = field(default_factory=set)
    sections: dict[str, str] = field(default_factory=dict)
    patterns: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str]] = field(default_factory=list)

    def match(self, name: str, plan_mapping: dict[str, str] | None = None) -> tuple[Match | None, Match | None]:
        """(total match, detail/ignore match) for a normalised name; either may be None."""
        key = account_key(name)
        if plan_mapping and key in plan_mapping:
            target = plan_mapping[key]
            role = "ignore" if target == "ignore" else "detail"
            return None, Match(role, None if role == "ignore" else target, source="plan")
        total = self.totals.get(key)
        detail = self.details.get(key)
        if detail is None and key in self.ignore:
            detail = Match("ignore")
        if total is None and detail is None and key not in self.sections:
            for contains, excludes, requires, target in self.patterns:
                if (
                    any(c in key for c in contains)
                    and not any(e in key for e in excludes)
                    and all(r in key for r in requires)
                ):
                    role = "ignore" if target == "ignore" else "detail"
                    detail = Match(role, None if role == "ignore" else target, source="pattern")
                    break
        return total, detail

    def section_of(self, name: str) -> str | None:
        return self.sections.get(account_key(name))


def _names(items: Iterable[object] | None) -> list[str]:
    return [account_key(str(x)) for x in (items or [])]


def build_table(data: dict[str, Any]) -> SynonymTable:
    table = SynonymTable()
    lines = data.get("lines") or {}
    unknown = set(lines) - set(LINE_KEYS)
    if unknown:
        raise ValueError(f"{SYNONYMS_FILE}: unknown line keys {sorted(unknown)}")
    for line, spec in lines.items():
        for i, name in enumerate(_names(spec.get("total"))):
            table.totals.setdefault(name, Match("total", line, 1, i))
        for i, name in enumerate(_names(spec.get("negative_total"))):
            table.totals.setdefault(name, Match("total", line, -1, 100 + i))
        for name in _names(spec.get("detail")):
            table.details.setdefault(name, Match("detail", line, 1))
        for name in _names(spec.get("negative_detail")):
            table.details.setdefault(name, Match("detail", line, -1))
    table.ignore = set(_names(data.get("ignore")))
    for section, names in (data.get("sections") or {}).items():
        for name in _names(names):
            table.sections.setdefault(name, section)
    for p in data.get("patterns") or []:
        target = p["line"]
        if target not in MAP_TARGETS:
            raise ValueError(f"{SYNONYMS_FILE}: pattern target {target!r} is not a mapping target")
        table.patterns.append(
            (tuple(p.get("contains", ())), tuple(p.get("excludes", ())), tuple(p.get("requires", ())), target)
        )
    return table


@lru_cache(maxsize=1)
def load_table() -> SynonymTable:
    import yaml

    from kaizen_guide.locations import question_banks_dir

    path = question_banks_dir() / SYNONYMS_FILE
    with path.open(encoding="utf-8") as fh:
        return build_table(yaml.safe_load(fh))
