"""`check DIR` and `export DIR --out OUTDIR`: the single-file commands over every plan in a folder.

A plan that cannot be read (or written) is listed with the Japanese reason and the batch goes on.
Exit codes follow the single-file commands: 2 when any plan could not be read or exported, else 1
when any plan has a 要修正 finding (check), else 0.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..portfolio.files import plan_files

EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2
Out = Callable[[str], None]


@dataclass
class CheckResult:
    file: str
    company: str = ""
    error: str | None = None
    findings: list[Any] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def status(self) -> str:
        if self.error is not None:
            return "unreadable"
        return "flagged" if self.count("error") else "ok"


def _check_one(path: Path, folder: Path) -> CheckResult:
    from ..checks import check_plan
    from ..model.store import PlanFileError, load_plan

    result = CheckResult(file=path.relative_to(folder).as_posix())
    try:
        plan = load_plan(path)
    except PlanFileError as exc:
        result.error = exc.full_message
        return result
    result.company = plan.company.name
    result.findings = check_plan(plan)
    return result


def _exit_code(results: list[CheckResult]) -> int:
    if any(r.status == "unreadable" for r in results):
        return EXIT_BAD_INPUT
    return EXIT_FLAGGED if any(r.status == "flagged" for r in results) else EXIT_OK


def _summary_ja(results: list[CheckResult]) -> str:
    flagged = sum(r.status == "flagged" for r in results)
    bad = sum(r.status == "unreadable" for r in results)
    fine = len(results) - flagged - bad
    return f"{len(results)}件の計画をチェックしました: 要修正あり {flagged}件 / 読めないファイル {bad}件 / 問題なし {fine}件"


def check_folder(folder: Path, fmt: str, out: Out, err: Out) -> int:
    files = plan_files(folder)
    if not files:
        err(f"{folder} に計画ファイル (.json) がありません。")
        return EXIT_BAD_INPUT
    results = [_check_one(path, folder) for path in files]
    if fmt == "json":
        out(
            json.dumps(
                {
                    "folder": str(folder),
                    "plans": [
                        {
                            "file": r.file,
                            "company": r.company,
                            "status": r.status,
                            "error": r.error,
                            "counts": {s: r.count(s) for s in ("error", "warning", "info")},
                            "findings": [f.model_dump(mode="json") for f in r.findings],
                        }
                        for r in results
                    ],
                    "summary": {
                        "plans": len(results),
                        "flagged": sum(r.status == "flagged" for r in results),
                        "unreadable": sum(r.status == "unreadable" for r in results),
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return _exit_code(results)
    bullet = "- " if fmt == "md" else ""
    lines = [f"# 計画のチェック: {folder}", ""] if fmt == "md" else [f"計画のチェック: {folder}"]
    for r in results:
        if r.error is not None:
            lines.append(f"{bullet}{r.file}: 読めません — {r.error}")
        else:
            lines.append(
                f"{bullet}{r.file} ({r.company or '会社名未入力'}): 要修正 {r.count('error')}件 / "
                f"要確認 {r.count('warning')}件 / 参考 {r.count('info')}件"
            )
    lines += ["", _summary_ja(results), "(1件ずつの指摘は kaizen-guide check ファイル名 で確認できます)"]
    out("\n".join(lines))
    return _exit_code(results)


def export_folder(folder: Path, out_dir: Path, out: Out, err: Out) -> int:
    """Every plan's workbook and reports into ``out_dir`` (same subfolders, same file stem)."""
    from ..export import export_all
    from ..model.store import PlanFileError, load_plan, write_error_message

    if out_dir.exists() and not out_dir.is_dir():
        err(f"{out_dir} はフォルダではありません。書き出し先のフォルダを --out で指定してください。")
        return EXIT_BAD_INPUT
    files = plan_files(folder, exclude=out_dir)
    if not files:
        err(f"{folder} に計画ファイル (.json) がありません。")
        return EXIT_BAD_INPUT
    done = failed = 0
    for path in files:
        rel = path.relative_to(folder)
        base = out_dir / rel.with_suffix("")
        try:
            plan = load_plan(path)
            base.parent.mkdir(parents=True, exist_ok=True)
            export_all(plan, xlsx=f"{base}.xlsx", md=f"{base}.md", html=f"{base}.html")
        except PlanFileError as exc:
            failed += 1
            out(f"{rel.as_posix()}: 読めません — {exc.full_message}")
            continue
        except OSError as exc:
            failed += 1
            out(f"{rel.as_posix()}: {write_error_message(exc, exc.filename or base)}")
            continue
        except Exception as exc:  # noqa: BLE001 - one plan the exporter cannot handle must not stop the rest
            failed += 1
            out(f"{rel.as_posix()}: 書き出しに失敗しました ({type(exc).__name__})。計画ファイルは変更していません。")
            continue
        done += 1
        out(f"{rel.as_posix()}: 書き出しました → {base}.xlsx / .md / .html")
    out(f"\n{len(files)}件のうち {done}件を書き出しました (書き出せなかったもの {failed}件)。書き出し先: {out_dir}")
    return EXIT_BAD_INPUT if failed else EXIT_OK
