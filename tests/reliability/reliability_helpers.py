"""Helpers for the reliability suite: a second process that holds a plan open, CLI runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# A child that opens a plan for writing (as a TUI does), says so, and keeps it until stdin closes.
HOLDER = r"""
import sys
from kaizen_guide.engine import Interview
iv = Interview.open(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
iv.close()
print("closed", flush=True)
"""


class Holder:
    """A live process holding a plan's lock (the other TUI)."""

    def __init__(self, plan: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(plan)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        line = self.proc.stdout.readline()  # blocks until the lock is held (no sleep)
        assert line.strip() == "held", self.proc.stderr.read()

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.stdout.readline().strip() == "closed"
        self.proc.wait(timeout=30)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def cli(*args: str, timeout: float = 120, input: str | None = None) -> subprocess.CompletedProcess:
    """Run `kaizen-guide ARGS` in a fresh interpreter (what a user's shell does)."""
    return subprocess.run(
        [sys.executable, "-m", "kaizen_guide.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(),
        input=input,
    )


def catastrophic_check(stage: str, text: str, **_kwargs) -> list:
    """A check with the pre-fix 金融支援 pattern: seconds per extra pair of digits (issue 11.2)."""
    import re

    if stage == "issue" and text == "準備":
        return []
    re.search(r"(?:(?:\d[\d,.]*|[〇一二三四五六七八九十百千]+)(?:百万|千万|万|千|億)?)+円", text)
    return []


def payload(n: int) -> str:
    """A hostile answer, numbered so a test can tell which field it reached through."""
    lead = "=" if n % 2 == 0 else "@"
    return (
        f"{lead}KZINJ{n}+1 {{{{7*7}}}} <script>alert({n})</script> <img src=x onerror=alert(1)> "
        f"[x](javascript:alert({n})) \x00\x1b[31m赤\x1b[0m\n# 見出し{n}"
    )


def bank_text_fields(bank=None) -> list[tuple[str, str | None]]:
    """(question target, field path or None) of every text answer the banks write into the plan."""
    from kaizen_guide.banks import load_bank
    from kaizen_guide.banks.models import TEXT_TYPES

    bank = bank or load_bank()
    out: list[tuple[str, str | None]] = []
    for q in bank.questions:
        if q.type in TEXT_TYPES and q.target:
            out.append((q.target, None))
        elif q.type == "group" and q.target:
            out.extend((q.target, f.path or f.id) for f in q.fields if f.type in TEXT_TYPES)
    return out


def inject_every_bank_text_field():
    """The sample plan with a numbered payload in every bank text field (every row of groups).

    Returns (plan, list of the fields written). A field the model refuses (a constrained text) is
    left as it was, so the plan stays valid.
    """
    from kaizen_guide.banks.targets import get_path, set_path
    from kaizen_guide.model import Plan
    from kaizen_guide.sample import build_sample_plan

    plan = build_sample_plan()
    written: list[str] = []
    for target, field in bank_text_fields():
        try:
            holders = [plan] if field is None else list(get_path(plan, target) or [])
        except (AttributeError, KeyError, IndexError, TypeError):
            continue
        for i, holder in enumerate(holders):
            path = target if field is None else field
            n = len(written)
            try:
                old = get_path(holder, path)
                set_path(holder, path, [payload(n)] if isinstance(old, list) else payload(n))
                Plan.model_validate(plan.model_dump())
            except Exception:  # noqa: BLE001 - not a free-text field after all: keep the sample value
                try:
                    set_path(holder, path, old)
                except Exception:  # noqa: BLE001
                    pass
                continue
            written.append(target if field is None else f"{target}[{i}].{field}")
    return Plan.model_validate(plan.model_dump()), written


# A child that answers the sample company question by question, printing "ack <qid>" once each
# answer is accepted (= saved: the engine saves before it acknowledges).
ANSWERER = r"""
import sys, json
from kaizen_guide.engine import Interview
from kaizen_guide.engine.answers import plan_to_answers
from kaizen_guide.sample import build_sample_plan
iv = Interview.open(sys.argv[1], given_by="advisor")
answers = plan_to_answers(build_sample_plan(), iv.bank)
print("open", flush=True)
for q in iv.bank.questions:
    if q.id in answers:
        res = iv.answer(q.id, answers[q.id])
        if res.accepted:
            if res.follow_up:
                iv.keep_as_is(q.id)
            print("ack " + q.id, flush=True)
iv.close()
print("done", flush=True)
"""


def kill_trial(folder: Path, rng, jitter_s: float = 0.0) -> dict:
    """One SIGKILL at a random moment of an interview; returns what it found.

    The child is killed right after its k-th acknowledgement (k random), i.e. somewhere inside the
    next answer: parsing, checking or saving (``jitter_s``: the campaign also waits a random
    moment up to that long, to land more kills inside the write itself). Afterwards: the plan must load, hold every
    acknowledged answer, reopen for writing without a stale lock, and leave no temp file.
    """
    import signal as _signal

    from kaizen_guide.engine import Interview
    from kaizen_guide.model import load_plan

    plan = folder / "plan.json"
    proc = subprocess.Popen(
        [sys.executable, "-c", ANSWERER, str(plan)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    acked: list[str] = []
    k = rng.randint(0, 40)
    try:
        line = proc.stdout.readline().strip()
        assert line == "open", proc.stderr.read()
        while len(acked) < k:
            line = proc.stdout.readline().strip()
            if not line.startswith("ack "):
                break
            acked.append(line[4:])
        if jitter_s:
            import time as _time

            _time.sleep(rng.uniform(0, jitter_s))  # campaign only: a random moment, not a wait for a state
    finally:
        if hasattr(_signal, "SIGKILL"):
            os.kill(proc.pid, _signal.SIGKILL)
        else:  # pragma: no cover
            proc.kill()
        proc.wait(timeout=30)
    result = {"acked": len(acked), "lost": [], "load_error": None, "temps_after_open": 0, "reopen_error": None}
    temps_before = list(folder.glob(".plan.json.*.tmp"))
    result["temps_before_open"] = len(temps_before)
    try:
        saved = load_plan(plan).interview.answers
    except Exception as exc:  # noqa: BLE001 - recorded as a failure by the caller
        result["load_error"] = repr(exc)
        return result
    result["lost"] = [q for q in acked if q not in saved]
    try:
        iv = Interview.open(plan)
        iv.close()
    except Exception as exc:  # noqa: BLE001
        result["reopen_error"] = repr(exc)
    result["temps_after_open"] = len(list(folder.glob(".plan.json.*.tmp")))
    return result


def trial_failed(r: dict) -> bool:
    return bool(r["lost"] or r["load_error"] or r["reopen_error"] or r["temps_after_open"])


def malformed_files(folder: Path) -> dict[str, Path]:
    """Plan files that must be refused with a Japanese message and left byte-identical."""
    import json as _json

    from kaizen_guide.model import save_plan
    from kaizen_guide.sample import build_sample_plan

    good = folder / "_good.json"
    save_plan(build_sample_plan(), good)
    data = _json.loads(good.read_text(encoding="utf-8"))
    text = good.read_text(encoding="utf-8")

    def variant(**changes):
        d = _json.loads(text)
        d.update(changes)
        return _json.dumps(d, ensure_ascii=False)

    bad_loan = _json.loads(text)
    bad_loan["banks"][0]["loans"][0]["interest_rate"] = "NaN"
    wrong_type = _json.loads(text)
    wrong_type["company"]["name"] = {"a": 1}
    cases: dict[str, bytes | str] = {
        "empty": "",
        "truncated": text[: len(text) // 2],
        "binary": bytes(range(256)) * 4,
        "utf16": text.encode("utf-16"),
        "not_an_object": "[1, 2, 3]",
        "no_version": variant(schema_version=None).replace('"schema_version": null,', ""),
        "version_true": variant(schema_version=True),
        "version_negative": variant(schema_version=-5),
        "version_float": variant(schema_version=1.5),
        "version_newer": variant(schema_version=data["schema_version"] + 99),
        "deep": '{"schema_version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "huge_number": '{"schema_version": 1, "company": {"employees": ' + "9" * 5000 + "}}",
        "nan_literal": text.replace('"interest_rate": "0.016"', '"interest_rate": NaN', 1),
        "nan_string": _json.dumps(bad_loan, ensure_ascii=False),
        "wrong_type": _json.dumps(wrong_type, ensure_ascii=False),
        "unknown_field": variant(surprise=1),
    }
    out = {}
    for name, content in cases.items():
        p = folder / f"{name}.json"
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        out[name] = p
    return out


COMMANDS = {
    "check": lambda plan, folder: ["check", str(plan)],
    "export": lambda plan, folder: ["export", str(plan), "--md", str(folder / "out.md")],
    "interview": lambda plan, folder: [
        "interview",
        str(plan),
        "--answers",
        str(folder / "_answers.yaml"),
        "--wait",
        "0",
    ],
}


def write_answers_file(folder: Path) -> Path:
    from kaizen_guide.engine import dump_answers_yaml

    path = folder / "_answers.yaml"
    path.write_text(dump_answers_yaml({"company.name": "株式会社テスト"}), encoding="utf-8")
    return path


def run_command_in_process(argv: list[str]) -> tuple[int, str]:
    """`kaizen-guide ARGV` in this process (fast); returns (exit code, everything it printed)."""
    import contextlib
    import io

    from kaizen_guide import cli as cli_module

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_module.main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue() + err.getvalue()


def malformed_failures(folder: Path) -> tuple[int, list[str]]:
    """Every malformed file × every command; returns (runs, failures described)."""
    write_answers_file(folder)
    files = malformed_files(folder)
    failures, runs = [], 0
    for name, plan in files.items():
        before = plan.read_bytes()
        for cmd, argv in COMMANDS.items():
            runs += 1
            code, printed = run_command_in_process(argv(plan, folder))
            problems = []
            if code != 2:
                problems.append(f"exit {code}")
            if "Traceback" in printed or "予期しないエラー" in printed:
                problems.append("crash")
            if not any(ord(ch) > 0x3000 for ch in printed):
                problems.append("no Japanese message")
            if "Input should" in printed:
                problems.append("English detail")
            if plan.read_bytes() != before:
                problems.append("file changed")
            if problems:
                failures.append(f"{name} × {cmd}: {', '.join(problems)}: {printed[:200]!r}")
    return runs, failures
