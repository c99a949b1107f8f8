"""Which industry a company is in, for examples and follow-ups that fit it.

``question_banks/industries.yaml`` lists the industries the banks and the checklist write variants
for (``examples: {construction: …}``), with the words that identify each in the free-text 業種
(company.industry). Anything else is ``generic``: the plain ``example`` written to fit any business.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from kaizen_guide.diskcache import cached

GENERIC = "generic"
FILE_NAME = "industries.yaml"


@lru_cache(maxsize=4)
def industries(directory: str | None = None) -> dict[str, dict[str, Any]]:
    """{key: {label, keywords}} in matching order (the shipped file unless ``directory`` is given)."""
    from kaizen_guide.locations import question_banks_dir

    path = Path(directory or question_banks_dir()) / FILE_NAME
    if not path.is_file():  # a bank folder without its own list uses the shipped one
        path = question_banks_dir() / FILE_NAME

    def parse() -> Any:
        import yaml  # from the cache the demo's first question needs no PyYAML (issue 18)

        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    try:
        data = cached(f"industries-{path.parent.name}", [path], parse, plain=True)
    except OSError:
        return {}
    return dict(data.get("industries") or {})


def industry_key(industry_text: str | None, directory: str | None = None) -> str:
    """The industry of a 業種 answer (「工務店 (木造住宅)」 → ``construction``), else ``generic``."""
    from kaizen_guide.ja import normalize

    text = normalize(industry_text or "")
    if not text:
        return GENERIC
    for key, spec in industries(directory).items():
        if any(normalize(word) in text for word in spec.get("keywords") or []):
            return key
    return GENERIC


_Text = TypeVar("_Text", str, str | None)  # a rule's generic text may be absent (None stays None)


def pick(generic: _Text, variants: dict[str, str] | None, industry: str | None) -> _Text:
    """The variant written for ``industry``, else the generic text."""
    if industry and variants and industry in variants:
        return variants[industry]
    return generic
