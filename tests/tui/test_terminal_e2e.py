"""End to end in a real terminal: `kaizen-guide demo` in tmux, Japanese typed as committed IME
text (`send-keys -l`), the process killed, restarted, and nothing lost.

Waits poll the terminal for the expected text (there is no app to await from outside).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from kaizen_guide.banks import load_bank
from kaizen_guide.model import load_plan

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)")

WIDTH, HEIGHT = 100, 30
TIMEOUT = 30.0


def _command(*args: str) -> str:
    """`kaizen-guide ...` from this environment (the console script, or python -m)."""
    script = Path(sys.executable).with_name("kaizen-guide")
    exe = [str(script)] if script.exists() else [sys.executable, "-m", "kaizen_guide"]
    return " ".join(shlex.quote(a) for a in [*exe, *args])


class Terminal:
    """The app in its own tmux server (``-L``): the session gets this test's environment (a server
    started by someone else keeps theirs, e.g. another checkout's PYTHONPATH), and no other session's
    end can make the server exit under us (killing a server's last session ends the server, and a
    new-session at that moment fails with "server exited unexpectedly")."""

    def __init__(self, data_dir: Path, width: int = WIDTH, height: int = HEIGHT):
        self.name = f"kg-e2e-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]
        self.data_dir = data_dir
        self.size = (width, height)

    def start(self, command: str) -> None:
        subprocess.run(
            [
                *self.tmux,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(self.size[0]),
                "-y",
                str(self.size[1]),
                "-e",
                f"KAIZEN_GUIDE_DATA_DIR={self.data_dir}",
                "-e",
                "LANG=C.UTF-8",
                command,
            ],
            check=True,
        )

    def screen(self) -> str:
        res = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return res.stdout

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen.replace("\n", ""):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear on the terminal:\n{screen}")
            time.sleep(0.05)

    def wait_until_gone(self, text: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen().replace("\n", ""):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} is still on the terminal:\n{self.screen()}")
            time.sleep(0.05)

    def cursor(self) -> str:
        """Where the app put the terminal cursor (it follows the focused field, for the IME)."""
        res = subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, "#{cursor_x},#{cursor_y}"],
            capture_output=True,
            text=True,
        )
        return res.stdout.strip()

    def wait_cursor_moves(self, start: str, timeout: float = TIMEOUT) -> None:
        """Wait until a key has been handled: keys typed before a focus change lands go to the old field."""
        deadline = time.monotonic() + timeout
        while self.cursor() == start:
            if time.monotonic() > deadline:
                raise AssertionError(f"the cursor stayed at {start}:\n{self.screen()}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        """Committed text, as an IME hands it to the terminal."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def kill_app(self) -> None:
        """SIGKILL the app: no clean shutdown, as in a crash or a closed terminal."""
        pid = subprocess.run(
            [*self.tmux, "display-message", "-p", "-t", self.name, "#{pane_pid}"], capture_output=True, text=True
        ).stdout.strip()
        os.kill(int(pid), signal.SIGKILL)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path / "data")
    yield term
    term.close()


def test_demo_in_tmux_survives_a_kill_and_resumes_at_the_same_question(terminal):
    bank = load_bank()
    issues_prompt = bank.question("issues").prompt.strip()[:12]

    terminal.start(_command("demo"))
    terminal.wait_for(issues_prompt)
    plans = list((terminal.data_dir / "plans").glob("sample-*.json"))
    assert len(plans) == 1
    plan_path = plans[0]

    # A new 課題 with an internal cause, typed in Japanese with punctuation.
    terminal.keys("a")
    terminal.wait_for("行を保存")
    terminal.type("仕出しの受注を店長の経験に頼り、法要需要の営業体制がない")
    terminal.wait_for("法要需要の営業")
    before_tab = terminal.cursor()
    terminal.keys("Tab")
    terminal.wait_cursor_moves(before_tab)  # 内容 has the focus before its text is typed (no race under load)
    terminal.type("葬儀社・寺院への定期訪問がなく、受注は問い合わせ待ち。")
    terminal.wait_for("葬儀社・寺院への定期訪問")
    terminal.keys("C-s")  # save the row …
    terminal.wait_until_gone("行を保存")
    terminal.keys("C-s")  # … and send the table

    def saved_issue_titles():
        return [i.title for i in load_plan(plan_path).issues]

    deadline = time.monotonic() + TIMEOUT
    while "仕出しの受注を店長の経験に頼り、法要需要の営業体制がない" not in saved_issue_titles():
        assert time.monotonic() < deadline, terminal.screen()
        time.sleep(0.05)
    plan = load_plan(plan_path)
    current = plan.interview.current
    assert current and current != "issues"
    next_prompt = bank.question(current).prompt.strip()[:12]
    terminal.wait_for(next_prompt)

    # If the next question is a text one, answer it too (Japanese, full-width digits).
    if bank.question(current).type == "long_text":
        terminal.wait_for("Enter で改行、ctrl+s で送信")  # its editor is in place
        terminal.type("⑤仕出しの販路を広げる。")  # added at the end of the stored answer
        terminal.wait_for("⑤仕出しの販路")
        terminal.keys("C-s")
        deadline = time.monotonic() + TIMEOUT
        while load_plan(plan_path).interview.current == current:
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.05)
        assert load_plan(plan_path).basic_policy.endswith("⑤仕出しの販路を広げる。")
    before = load_plan(plan_path)

    terminal.kill_app()
    terminal.close()

    after_kill = load_plan(plan_path)  # still a valid plan file after SIGKILL
    assert after_kill.model_dump() == before.model_dump()

    resume_at = after_kill.interview.current
    terminal.start(_command("interview", str(plan_path)))
    screen = terminal.wait_for(bank.question(resume_at).prompt.strip()[:12])
    assert "株式会社さくら亭" in screen
    assert "Traceback" not in screen
    reopened = load_plan(plan_path)
    assert "仕出しの受注を店長の経験に頼り、法要需要の営業体制がない" in [i.title for i in reopened.issues]
    assert reopened.interview.current == resume_at


# ---------------------------------------------------------------------------------------------
# Type-ahead in a real terminal: one tmux command sends a whole run of answers, with no wait
# between them (as a quick typist, a slow office PC or an IME committing a phrase at once does).

COMPANY = [  # (question id, how it is typed, key that sends it)
    ("company.name", "株式会社バースト工務店", "Enter"),
    ("company.representative", "静岡 一郎", "Enter"),
    ("company.address", "静岡県浜松市中央区板屋町１－２－３", "Enter"),
    ("company.established", "平成5年4月", "Enter"),
    ("company.capital", "1,000万円", "Enter"),
    ("company.industry", "建設業 (工務店)", "Enter"),
    ("company.business", "PASTE:木造注文住宅の設計・施工。\nリフォーム工事。", "C-s"),  # a paste, then at once ctrl+s
    ("company.employees", "１２", "Enter"),
    ("company.fiscal_month", "3月", "Enter"),
]
PERIODS = [["2024年3月期", "2024年3月"], ["2025年3月期", "2025年3月"], ["2026年3月期", "2026年3月"]]
PL = {  # row id: per year; blanks are left empty with Enter
    "sales": ["520,000", "480,000", "455,000"],
    "cost_of_sales": ["218,400", "206,400", "200,200"],
    "sga": ["300,000", "290,000", "285,000"],
    "personnel": ["150,000", "148,000", "146,000"],
    "depreciation": ["", "", ""],
    "non_operating_income": ["2,000", "1,500", "1,000"],
    "non_operating_expenses": ["7,500", "7,000", "6,500"],
    "interest_expense": ["7,200", "6,800", "6,300"],
    "extraordinary_income": ["", "", ""],
    "extraordinary_loss": ["", "", ""],
    "income_taxes": ["290", "290", "290"],
}


def burst_command(terminal: Terminal, parts: list[tuple[str, str]]) -> list[str]:
    """One tmux invocation: ('type', text) as committed text, ('paste', text) as a bracketed paste,
    ('key', name) as a key. tmux runs the chained commands back to back."""
    session = terminal.name
    cmd = list(terminal.tmux)
    for kind, value in parts:
        if len(cmd) > len(terminal.tmux):
            cmd.append(";")
        if kind == "type":
            cmd += ["send-keys", "-t", session, "-l", value]
        elif kind == "paste":
            cmd += ["set-buffer", "-b", "kg", value, ";", "paste-buffer", "-p", "-d", "-b", "kg", "-t", session]
        else:
            cmd += ["send-keys", "-t", session, value]
    return cmd


def answer_parts(typed: str, key: str) -> list[tuple[str, str]]:
    if typed.startswith("PASTE:"):
        return [("paste", typed[len("PASTE:") :]), ("key", key)]
    return [("type", typed), ("key", key)] if typed else [("key", key)]


def grid_parts(columns: list[list[str]]) -> list[tuple[str, str]]:
    """Column by column, Enter after every cell (Enter under the last row goes to the next year)."""
    parts: list[tuple[str, str]] = []
    for column in columns:
        for text in column:
            parts += answer_parts(text, "Enter")
    return parts + [("key", "C-s")]


def wait_until(predicate, what: str, terminal) -> None:
    deadline = time.monotonic() + 90
    while not predicate():
        assert time.monotonic() < deadline, f"{what}:\n{terminal.screen()}"
        time.sleep(0.1)


@pytest.mark.slow
def test_a_burst_of_answers_in_tmux_is_saved_exactly_as_typed(terminal, tmp_path):
    plan_path = tmp_path / "burst.json"
    bank = load_bank()
    terminal.start(_command("interview", str(plan_path), "--depth", "short"))
    terminal.wait_for(bank.question("company.name").prompt.strip()[:10])

    parts: list[tuple[str, str]] = []
    for _qid, typed, key in COMPANY:
        parts += answer_parts(typed, key)
    parts += [("key", "C-n")] * 3  # 作成者・支援機関・作成日 are optional
    parts += grid_parts(PERIODS)
    parts += grid_parts([[PL[row][c] for row in PL] for c in range(3)])
    subprocess.run(burst_command(terminal, parts), check=True)

    def at_bs() -> bool:
        try:
            return load_plan(plan_path).interview.current == "financials.bs"
        except Exception:  # noqa: BLE001 - not written yet
            return False

    wait_until(at_bs, "the burst did not reach the balance sheet", terminal)
    plan = load_plan(plan_path)
    answers = plan.interview.answers
    typed = {qid: text.removeprefix("PASTE:") for qid, text, _key in COMPANY}
    saved = {qid: answers[qid].raw for qid in typed}
    assert saved == typed
    assert plan.company.capital == 10_000 and plan.company.employees == 12
    assert [y.label for y in plan.financials.years] == [c[0] for c in PERIODS]
    for c, year in enumerate(plan.financials.years):
        for row, values in PL.items():
            expected = int(values[c].replace(",", "")) if values[c] else 0
            assert getattr(year.pl, row) == expected, (year.label, row)
    screen = terminal.screen()
    assert "Traceback" not in screen
