"""Check report for the command line: grouped by section, worst first.

Plain text and JSON are rendered here (fast, no jinja2). Markdown goes through the same
template as the exported check report, so the two never drift apart: the command layer renders
it (``commands.check_output``), since export sits above the checks.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable

from .findings import Finding

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL = {"error": "要修正", "warning": "要確認", "info": "参考"}
_DEFAULT_SECTION = "全体"


def group_findings(findings: Iterable[Finding]) -> OrderedDict[str, list[Finding]]:
    """Sections ordered by their worst finding, findings worst first inside each section."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(getattr(f, "section", None) or _DEFAULT_SECTION, []).append(f)
    for items in groups.values():
        items.sort(key=lambda f: SEVERITY_RANK.get(f.severity, 9))
    ordered = sorted(groups.items(), key=lambda kv: min(SEVERITY_RANK.get(f.severity, 9) for f in kv[1]))
    return OrderedDict(ordered)


def summary_line(findings: list[Finding]) -> str:
    counts = {k: sum(1 for f in findings if f.severity == k) for k in SEVERITY_RANK}
    return f"要修正 {counts['error']}件 / 要確認 {counts['warning']}件 / 参考 {counts['info']}件"


def _text(findings: list[Finding], title: str) -> str:
    lines = [title, summary_line(findings), ""]
    if not findings:
        lines.append("指摘はありません。")
        return "\n".join(lines)
    for section, items in group_findings(findings).items():
        lines.append(f"■ {section}")
        for f in items:
            where = getattr(f, "question_id", None) or getattr(f, "path", None)
            lines.append(
                f"  [{SEVERITY_LABEL.get(f.severity, f.severity)}] {f.message}" + (f"  ({where})" if where else "")
            )
            if getattr(f, "guideline_ref", None):
                lines.append(f"      根拠: {f.guideline_ref}")
            if getattr(f, "follow_up", None):
                lines.append(f"      次に考えること: {f.follow_up}")
            if getattr(f, "example", None):
                lines.append(f"      良い例: {f.example}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_findings(findings: list[Finding], *, fmt: str = "text", title: str = "チェック結果") -> str:
    if fmt == "json":
        ordered = [f for items in group_findings(findings).values() for f in items]
        payload = {
            "title": title,
            "counts": {k: sum(1 for f in findings if f.severity == k) for k in SEVERITY_RANK},
            "findings": [f.model_dump(mode="json") for f in ordered],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt == "md":
        raise ValueError("Markdown is rendered by kaizen_guide.commands.check_output (through export)")
    return _text(findings, title)
