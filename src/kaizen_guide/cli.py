"""Command line: `kaizen-guide [demo|interview|monitor|check|export|sample|answers-reference|portfolio|serve|schema]`.

Each command imports only what it needs, so `check` and `schema` never load Textual and the
TUI never loads openpyxl/jinja2 until the user exports. User-facing text is Japanese; every
failure the user can cause ends in a Japanese message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# Printing for every command (control characters stripped) lives beside the commands that use it.
from .commands.console import (
    JaHelpFormatter,
    terminal_safe,  # noqa: F401 - part of the cli's surface
)
from .commands.console import print_error as _err
from .commands.console import print_safe as _print

EXIT_OK = 0
EXIT_FLAGGED = 1
EXIT_BAD_INPUT = 2


def _load_plan_or_exit(path: str):
    from .model.store import PlanFileError, load_plan

    try:
        return load_plan(path)
    except PlanFileError as exc:
        _err(exc.full_message)
        raise SystemExit(EXIT_BAD_INPUT) from None


# ---------------------------------------------------------------------------------------------
# commands


_AS_PROGRAM = False
"""True when :func:`entry` runs (the process is this program): only then is the collector turned
off (``main()`` called in another process, the tests', must leave its collector as it was)."""


def _tui_start() -> None:
    """Before the TUI's imports: no garbage collection until its first frame (tui/heap.py)."""
    if _AS_PROGRAM:
        from .tui.heap import hold_start

        hold_start()


def cmd_tui(args: argparse.Namespace) -> int:
    _tui_start()
    from .tui.app import run

    return run(
        getattr(args, "plan", None),
        advisor=getattr(args, "advisor", False),
        demo=getattr(args, "demo", False),
        depth=getattr(args, "depth", None),
    )


def cmd_demo(args: argparse.Namespace) -> int:
    args.demo = True
    args.plan = None
    return cmd_tui(args)


def cmd_interview(args: argparse.Namespace) -> int:
    if args.answers:
        from .engine import run_headless
        from .engine.headless import LOCK_WAIT_S

        return run_headless(
            args.plan,
            args.answers,
            depth=args.depth,
            given_by="owner" if args.owner else "advisor",
            lock_wait=LOCK_WAIT_S if args.wait is None else max(0.0, args.wait),
            out=_print,
        )
    return cmd_tui(args)


def cmd_monitor(args: argparse.Namespace) -> int:
    """The monthly review: headless with --answers/--actuals/--format (or when not on a terminal),
    else the TUI's review screen."""
    headless = args.answers or args.actuals or args.format or not sys.stdout.isatty()
    if headless:
        from .monitoring.headless import run_monitor

        return run_monitor(
            args.plan,
            month=args.month,
            period=args.period,
            actuals=args.actuals,
            answers=args.answers,
            fmt=args.format or "text",
            given_by="owner" if args.owner else "advisor",
            replace=args.replace,
            err=_err,
            unit=args.unit,
            maps=args.map,
            reason=args.reason or "",
        )
    _tui_start()
    from .tui.app import run

    return run(args.plan, advisor=getattr(args, "advisor", False), monitor=True, month=args.period or args.month)


def cmd_check(args: argparse.Namespace) -> int:
    _one_shot_gc(batch=bool(args.plan) and Path(args.plan).is_dir())
    if args.text is not None or args.stage is not None:
        if args.text is None or args.stage is None:
            _err(
                "1つの回答を確認するときは --stage と --text の両方を指定してください。"
                '例: kaizen-guide check --stage 課題 --text "コロナで売上が減った"'
            )
            return EXIT_BAD_INPUT
        from .checks import check_text
        from .checks.rules import default_checklist, resolve_stage, stage_list_ja

        stage = resolve_stage(args.stage)
        if stage is None:
            _err(f"段階「{args.stage}」はありません。次のどれかを指定してください: {stage_list_ja()}")
            return EXIT_BAD_INPUT
        findings = check_text(stage, args.text)
        from .commands.check_output import render_findings

        label = default_checklist().stages[stage].section
        _print(render_findings(findings, fmt=args.format, title=f"回答のチェック ({label})"))
        return EXIT_FLAGGED if any(f.severity == "error" for f in findings) else EXIT_OK

    if not args.plan:
        _err("チェックする計画ファイルを指定してください。例: kaizen-guide check plan.json")
        return EXIT_BAD_INPUT
    if Path(args.plan).is_dir():
        from .commands.batch import check_folder

        return check_folder(Path(args.plan), args.format, _print, _err)
    if Path(args.plan).suffix.lower() in (".xlsx", ".xlsm", ".xls", ".docx", ".md", ".markdown", ".txt"):
        return _check_external(args)
    plan = _load_plan_or_exit(args.plan)
    from .checks import check_plan
    from .commands.check_output import render_findings

    findings = check_plan(plan)
    _print(render_findings(findings, fmt=args.format, title=f"計画のチェック: {plan.company.name or args.plan}"))
    return EXIT_FLAGGED if any(f.severity == "error" for f in findings) else EXIT_OK


def _check_external(args: argparse.Namespace) -> int:
    """check FILE for a plan written elsewhere (Excel / Word / Markdown)."""
    from .checks.external import ReadError, check_file
    from .commands.check_output import render_findings

    try:
        findings, found, missing = check_file(args.plan)
    except ReadError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    from .checks.external import PART_LABELS

    if args.format == "json":
        import json

        print(
            json.dumps(
                {
                    "file": args.plan,
                    "found": {
                        PART_LABELS.get(k, k): [{"text": i.text, "where": i.where} for i in v]
                        for k, v in found.parts.items()
                    },
                    "not_found": missing,
                    "findings": [f.model_dump(mode="json") for f in findings],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        lines = ["読み取れた部分:"]
        for part, items in found.parts.items():
            lines.append(f"  {PART_LABELS.get(part, part)}: {len(items)}件 ({items[0].where} ほか)")
        lines.append("見つからなかった部分: " + ("、".join(missing) if missing else "なし"))
        lines.append(
            "(数値は損益計画の表から黒字化・実質債務超過の解消・債務償還年数を確かめます。借入・資金繰りの表は"
            "読み取りません。kaizen-guide で計画を作ると、資金繰りや下振れ時の検証もできます)"
        )
        print("\n".join(lines) + "\n")
        print(render_findings(findings, fmt=args.format, title=f"計画のチェック: {Path(args.plan).name}"))
    return EXIT_FLAGGED if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    _one_shot_gc(batch=Path(args.plan).is_dir())
    if getattr(args, "monitoring", None):
        from .commands.monitoring_report import run

        return run(args, _err, _print)
    if Path(args.plan).is_dir() or args.out:
        if not (Path(args.plan).is_dir() and args.out) or args.xlsx or args.md or args.html:
            _err(
                "フォルダの計画をまとめて書き出すときは、フォルダと --out だけを指定してください。"
                "例: kaizen-guide export 計画フォルダ --out 書き出し先"
            )
            return EXIT_BAD_INPUT
        from .commands.batch import export_folder

        return export_folder(Path(args.plan), Path(args.out), _print, _err)
    if not (args.xlsx or args.md or args.html):
        _err("出力先を1つ以上指定してください。例: kaizen-guide export plan.json --xlsx 計画書.xlsx --html 計画書.html")
        return EXIT_BAD_INPUT
    plan = _load_plan_or_exit(args.plan)
    from .export import export_all
    from .model.store import write_error_message

    try:
        written = export_all(plan, xlsx=args.xlsx, md=args.md, html=args.html)
    except OSError as exc:
        # The atomic writer never replaced the old file: an earlier export is still whole.
        target = exc.filename or next(p for p in (args.xlsx, args.md, args.html) if p)
        _err(write_error_message(exc, target) + " 以前に書き出したファイルはそのまま残っています。")
        return EXIT_BAD_INPUT
    for path in written:
        _print(f"書き出しました: {path}")
    return EXIT_OK


def cmd_sample(args: argparse.Namespace) -> int:
    from .model.store import save_plan
    from .sample import build_sample_plan

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        _err(f"{out} はフォルダではありません。出力先のフォルダを指定してください。")
        return EXIT_BAD_INPUT
    out.mkdir(parents=True, exist_ok=True)
    plan = build_sample_plan(monitoring=True)
    plan_path = save_plan(plan, out / "sample_plan.json", backup=False)
    print(f"サンプルの計画ファイル: {plan_path}")
    try:
        from .engine import dump_answers_yaml, plan_to_answers
    except ImportError:  # the engine ships in a later step; the plan file alone is still useful
        return EXIT_OK
    answers_path = out / "sample_answers.yaml"
    answers_path.write_text(dump_answers_yaml(plan_to_answers(plan), annotate=True), encoding="utf-8")
    print(f"サンプルの回答ファイル (各キーの説明つき): {answers_path}")
    print("すべてのキーの説明: kaizen-guide answers-reference")
    print(f"回答ファイルから計画を作るには: kaizen-guide interview new_plan.json --answers {answers_path}")
    from .sample import SAMPLE_REVIEW_MONTH, SAMPLE_REVIEW_YAML

    review_path = out / f"sample_review_{SAMPLE_REVIEW_MONTH}.yaml"
    review_path.write_text(SAMPLE_REVIEW_YAML, encoding="utf-8")
    print(f"サンプルの月次モニタリングの回答ファイル: {review_path}")
    print(f"振り返りを画面なしで行うには: kaizen-guide monitor {plan_path} --answers {review_path}")
    return EXIT_OK


def cmd_answers_reference(args: argparse.Namespace) -> int:
    from .engine.reference import answers_reference_markdown

    text = answers_reference_markdown()
    if args.out:
        from .model.store import atomic_write_bytes

        atomic_write_bytes(Path(args.out), text.encode("utf-8"))
        print(f"書き出しました: {args.out}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_portfolio(args: argparse.Namespace) -> int:
    from .commands.portfolio import run_portfolio

    return run_portfolio(args, _print, _err)


def cmd_serve(args: argparse.Namespace) -> int:
    from .commands.serve import run_serve

    return run_serve(args, _err)


def cmd_schema(args: argparse.Namespace) -> int:
    from .model.plan import Plan

    print(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# parser


class _JaParser(argparse.ArgumentParser):
    """argparse with its usage errors in Japanese (exit 2, like argparse), and its help folded
    by terminal cells (every sub-command's parser is one of these)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", JaHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # added below with a Japanese help line
        super().__init__(*args, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="この説明を表示して終了する")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _err(f"コマンドの指定が正しくありません ({message})。`kaizen-guide --help` で使い方を確認できます。")
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _JaParser(
        prog="kaizen-guide",
        description="経営改善計画を対話形式で作成し、金融機関に出せる計画書とモニタリングまで支援します。"
        "コマンドを省略するとスタート画面が開きます。",
    )
    parser.add_argument(
        "--version", action="version", version="kaizen-guide 0.1.0", help="バージョンを表示して終了する"
    )
    parser.add_argument("--advisor", action="store_true", help="支援者モード (説明を畳み、キーボード操作を最短に)")
    parser.set_defaults(func=cmd_tui)
    sub = parser.add_subparsers(title="コマンド", metavar="COMMAND", parser_class=_JaParser)

    p = sub.add_parser("demo", help="サンプル企業 (株式会社さくら亭) の計画を開く")
    p.add_argument("--advisor", action="store_true", help="支援者モード")
    p.add_argument("--depth", choices=["full", "short"], default=None, help="full=405本格計画 / short=早期経営改善計画")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("interview", help="計画ファイルを開いてインタビューを続ける (--answers で一括入力)")
    p.add_argument("plan", help="計画ファイル (.json)。無ければ新しく作ります")
    p.add_argument("--answers", help="回答ファイル (YAML、質問IDごとの回答) を画面なしで適用する")
    p.add_argument("--depth", choices=["full", "short"], default=None, help="full=405本格計画 / short=早期経営改善計画")
    p.add_argument("--advisor", action="store_true", help="支援者モード")
    p.add_argument("--owner", action="store_true", help="--answers の回答者を経営者として記録する (既定は支援者)")
    p.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="秒",
        help="--answers: 計画が別の画面で編集中のとき、空くまで待つ秒数 (既定 3)",
    )
    p.set_defaults(func=cmd_interview)

    p = sub.add_parser("monitor", help="月次モニタリング (伴走支援): 計画と実績の比較・原因・対策・次月アクション")
    p.add_argument("plan", help="計画ファイル (.json)")
    p.add_argument(
        "--month",
        help="振り返る月 (例: 2027-06)。省略すると、まだ記録のない次の月 (四半期・半期・決算ごとの"
        "計画では、その月を含む期間)",
    )
    p.add_argument("--period", help="振り返る期間 (例: 2027Q1・2027H1・FY2027。年は期首月の年)")
    p.add_argument(
        "--actuals",
        help="会計ソフト (弥生・マネーフォワード・freee・TKC) の試算表・推移表か、科目×月の CSV / XLSX "
        "から実績を記録する (--month を省くとファイルのすべての月)",
    )
    p.add_argument(
        "--unit",
        choices=["円", "千円", "百万円"],
        default=None,
        help="--actuals のファイルの金額の単位 (ファイルに記載がないとき)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=None,
        metavar="科目=項目",
        help='--actuals の知らない科目の扱い (例: "パート代=人件費")。計画に記録し、次回から聞きません',
    )
    p.add_argument("--answers", help="振り返りの回答ファイル (YAML) を画面なしで適用する")
    p.add_argument("--format", choices=["text", "json"], default=None, help="画面なしで比較を表示する形式")
    p.add_argument("--replace", action="store_true", help="記録済みの実績を置き換える (元の値は履歴に残ります)")
    p.add_argument(
        "--reason", default=None, help="金融機関に報告済みの月を訂正する理由 (訂正の記録に残り、次の報告に載ります)"
    )
    p.add_argument("--advisor", action="store_true", help="支援者モード")
    p.add_argument("--owner", action="store_true", help="画面なしの回答者を経営者として記録する (既定は支援者)")
    p.set_defaults(func=cmd_monitor)

    p = sub.add_parser("check", help="計画 (または1つの回答) を実務指針に照らしてチェックする")
    p.add_argument("plan", nargs="?", help="計画ファイル (.json)、またはフォルダ (中のすべての計画)")
    p.add_argument("--format", choices=["text", "json", "md"], default="text", help="出力形式")
    p.add_argument(
        "--stage",
        help="1つの回答をチェックするときの段階: 課題, 対策, アクション, 次月アクション, 要因, 金融支援 "
        "(英語の issue, countermeasure, action, next_action, cause, financial_support も可)",
    )
    p.add_argument("--text", help="チェックする回答の文章")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="計画書 (Excel) とレポート (Markdown/HTML) を書き出す")
    p.add_argument("plan", help="計画ファイル (.json)、またはフォルダ (--out と一緒に)")
    p.add_argument("--out", help="フォルダの計画をまとめて書き出す先のフォルダ (計画ごとに .xlsx / .md / .html)")
    p.add_argument("--xlsx", help="Excel の出力先")
    p.add_argument("--md", help="Markdown レポートの出力先")
    p.add_argument("--html", help="HTML レポートの出力先")
    p.add_argument(
        "--monitoring",
        metavar="期間",
        help="金融機関へのモニタリング報告を書き出す: 2027-06 (月)・2027Q1 (四半期)・2027H1 (中間)・FY2027 (決算)",
    )
    p.add_argument(
        "--draft",
        action="store_true",
        help="--monitoring の報告を下書きとして書き出す (対象の月を報告済みとして記録しない)",
    )
    p.set_defaults(func=cmd_export)

    from .commands import diff, due, freeze, notes, reported

    freeze.add_parser(sub)
    diff.add_parser(sub)
    notes.add_parser(sub)
    due.add_parser(sub)
    reported.add_parser(sub)

    p = sub.add_parser("sample", help="サンプル企業の計画ファイルと回答ファイルを書き出す")
    p.add_argument("--out", required=True, help="出力先フォルダ")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("answers-reference", help="回答ファイルに書けるキーの一覧 (質問バンクから生成) を表示する")
    p.add_argument("--out", help="表示せずにファイルへ書き出す (Markdown)")
    p.set_defaults(func=cmd_answers_reference)

    p = sub.add_parser(
        "portfolio", help="フォルダのすべての計画を一覧する (会社・進み具合・指摘・モニタリングの達成率)"
    )
    p.add_argument("dir", help="計画ファイルのフォルダ (サブフォルダも)")
    p.add_argument(
        "--format",
        choices=["text", "json", "csv"],
        default=None,
        help="画面なしで一覧を表示する形式 (期限切れがあれば終了コード 1)",
    )
    p.add_argument("--today", default=None, metavar="YYYY-MM-DD", help="この日を今日として期限を判定する (既定: 今日)")
    p.add_argument("--advisor", action="store_true", help="支援者モード")
    p.set_defaults(func=cmd_portfolio)

    p = sub.add_parser("serve", help="画面をブラウザで開けるようにする (token つきのアドレスかパスワードで保護)")
    p.add_argument(
        "dir", nargs="?", default=".", help="計画ファイルのフォルダ (この中の計画だけを開けます。既定は今のフォルダ)"
    )
    p.add_argument("--host", default="127.0.0.1", help="待ち受けるアドレス (既定 127.0.0.1 = このパソコンだけ)")
    p.add_argument("--port", type=int, default=8000, help="ポート番号 (既定 8000)")
    p.add_argument("--advisor", action="store_true", help="支援者モード")
    p.add_argument("--portfolio", action="store_true", help="スタート画面ではなく DIR の計画の一覧を開く")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("schema", help="計画ファイルの JSON Schema を表示する (エディタでの検証用)")
    p.set_defaults(func=cmd_schema)
    return parser


def entry() -> int:
    """The program's entry point (``kaizen-guide``, ``python -m kaizen_guide``): :func:`main`, then the
    objects left are frozen out of the garbage collector's way. The process is about to exit and the
    OS takes its memory back; the collector's last passes over them took 0.15–0.25 s after an export
    (issue 18). Files are closed by then and atexit handlers still run."""
    import gc

    global _AS_PROGRAM
    _AS_PROGRAM = True
    code = main()
    gc.freeze()
    return code


def _one_shot_gc(*, batch: bool) -> None:
    """A command that runs once and exits builds many objects that live until the end (the plan
    model's schema, the checklist, a workbook's cells). For one plan file the collector is off: its
    ~20 collections in a `check` found almost nothing and cost 30-50 ms (issue 18); a workbook's
    cycles live until the exit anyway. A folder (one plan after another, each workbook garbage once
    written) keeps it, collecting the young generation less often."""
    import gc

    if _AS_PROGRAM and not batch:
        gc.disable()
    else:
        gc.set_threshold(50_000, 20, 20)


def main(argv: list[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        # `kaizen-guide` alone opens the start screen: what parsing no arguments gives, without
        # building every sub-command's parser first (~9 ms of the start screen's time, issue 18).
        args = argparse.Namespace(func=cmd_tui)
    else:
        args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("\n中断しました。回答は保存済みです。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug, not bad input: say so in Japanese, keep the trace in a log
        log = _write_crash_log(exc)
        _err(
            "予期しないエラーが発生しました。計画ファイルは保存済みの状態のままです。"
            + (f"詳細はログに記録しました: {log}" if log else "")
        )
        return 3


def _write_crash_log(exc: BaseException) -> Path | None:
    import traceback
    from datetime import datetime

    try:
        from .locations import user_data_dir
        from .model.store import atomic_write_bytes

        log = user_data_dir() / "logs" / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        # Owner-only: a traceback can quote answers (issue 11.9).
        atomic_write_bytes(log, "".join(traceback.format_exception(exc)).encode("utf-8"))
        return log
    except Exception:
        return None


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
