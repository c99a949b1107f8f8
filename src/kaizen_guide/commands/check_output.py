"""The `check` command's output in its three formats: text and JSON from :mod:`kaizen_guide.checks.report`
(fast, no jinja2), Markdown through the exported check report's template (``export.report``), so
the two never drift apart. Here, in the command layer, because the checks sit below export.
"""

from __future__ import annotations

from ..checks.findings import Finding


def render_findings(findings: list[Finding], *, fmt: str = "text", title: str = "チェック結果") -> str:
    if fmt == "md":
        from ..export.report import render_check_report

        return render_check_report(title, findings, fmt="md")
    from ..checks.report import render_findings as render_text_or_json

    return render_text_or_json(findings, fmt=fmt, title=title)
