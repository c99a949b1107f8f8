"""Advisor intake vs the owner's chat: keystrokes and wall time for the same values (Pilot, headless).

Enters the sample company's 会社概要 (its single-value questions) and 財務実績 (the four year
grids) into a new plan twice, through the real app and engine:

- owner mode: one question at a time in the chat (value, Enter; the grids cell by cell);
- advisor mode, as a 税理士 transcribes a 決算書: 会社概要 as one form, its values pasted as one
  column, then ctrl+s; each year grid pasted as one tab-separated block (the sample's values laid
  out as in the 決算書 spreadsheet: line items down, years across), then ctrl+s.

Both paths jump once with the command palette (owner: past the 役員 group to 作成者; advisor:
from the 役員 group to 決算期). Each key is one keystroke; each value is one committed text (an
IME commit or a paste, as a terminal delivers Japanese), and its characters are counted apart; a
pasted block is one keystroke (one key chord), its values counted apart too.

    python benchmarks/bench_intake.py [--size 80x24]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GRIDS = ("financials.periods", "financials.pl", "financials.bs", "financials.other")


@dataclass
class PathResult:
    mode: str
    keys: int = 0
    """Keys pressed (Enter, Tab, ctrl+s, ctrl+p …)."""
    texts: int = 0
    """Values typed (one committed text each)."""
    chars: int = 0
    """Characters in those values."""
    pastes: int = 0
    """Blocks pasted (a column or a grid, each one key chord)."""
    pasted: int = 0
    """Values in those blocks."""
    seconds: float = 0.0
    log: list[str] = field(default_factory=list)

    @property
    def keystrokes(self) -> int:
        return self.keys + self.texts + self.pastes


def sample_values() -> tuple[list[tuple[str, str]], dict[str, dict[str, list[str]]]]:
    """(company question id, text) in bank order, and each grid as {row id: [text per column]}:
    the sample's answers as the app shows them for editing."""
    from kaizen_guide.engine import Interview
    from kaizen_guide.sample import build_sample_plan

    iv = Interview.from_plan(build_sample_plan(), autosave=False)
    company = [(q.id, str(iv.edit_value(q.id) or "")) for q in iv.form_questions("company")]
    grids = {qid: dict(iv.edit_value(qid)) for qid in GRIDS}
    return company, grids


class Driver:
    """Keys and texts into the running app, counted, each waited for until the app is idle."""

    def __init__(self, pilot: Any, result: PathResult) -> None:
        self.pilot = pilot
        self.result = result

    async def key(self, k: str, *, wait: bool = False) -> None:
        """One key; ``wait``: until the app is idle and its workers are done (the next question)."""
        self.result.keys += 1
        await self.pilot.press(k)
        if wait:
            await self.idle()

    async def text(self, value: str) -> None:
        from textual import events

        if not value:
            return
        self.result.texts += 1
        self.result.chars += len(value)
        await self.pilot.pause()
        self.pilot.app.post_message(events.Paste(value))
        await self.pilot.pause()

    async def paste(self, rows: list[list[str]]) -> None:
        """One block, as a spreadsheet copies it (tabs between cells, a line break after each row)."""
        from textual import events

        self.result.pastes += 1
        self.result.pasted += sum(1 for cells in rows for text in cells if text)
        await self.pilot.pause()
        self.pilot.app.post_message(events.Paste("".join("\t".join(cells) + "\r\n" for cells in rows)))
        await self.pilot.pause()

    async def idle(self) -> None:
        await self.pilot.pause()
        await self.pilot.app.workers.wait_for_complete()
        await self.pilot.pause()

    def qid(self) -> str | None:
        question = getattr(self.pilot.app.screen, "question", None)
        return question.id if question is not None else None

    async def jump(self, label: str, expect: str) -> None:
        await self.key("ctrl+p", wait=True)
        await self.text(label)
        await self.idle()
        await self.key("enter", wait=True)
        if self.qid() != expect:
            raise RuntimeError(f"the jump to {label!r} went to {self.qid()}, not {expect}")

    async def grid(self, qid: str, cells: dict[str, list[str]]) -> None:
        """Column by column, top to bottom (Enter moves down, and from the last row to the next
        year's top), then ctrl+s."""
        if self.qid() != qid:
            raise RuntimeError(f"expected the grid {qid}, the app asks {self.qid()}")
        editor = self.pilot.app.screen.composer.editor
        rows = [r.id for r in editor.question.rows]
        n = editor.n_columns
        for c in range(n):
            for i, row in enumerate(rows):
                values = cells.get(row, [])
                await self.text(values[c] if c < len(values) else "")
                if not (c == n - 1 and i == len(rows) - 1):
                    await self.key("enter")  # a priority binding: done before the next key is read
        await self.key("ctrl+s", wait=True)

    async def grid_block(self, qid: str, cells: dict[str, list[str]]) -> None:
        """The whole grid as one pasted block from its first cell, then ctrl+s."""
        if self.qid() != qid:
            raise RuntimeError(f"expected the grid {qid}, the app asks {self.qid()}")
        editor = self.pilot.app.screen.composer.editor
        if editor.cursor != (0, 0):
            raise RuntimeError(f"the grid {qid} opened at {editor.cursor}, not its first cell")
        n = editor.n_columns
        rows = [cells.get(row.id, []) for row in editor.question.rows]
        await self.paste([[values[c] if c < len(values) else "" for c in range(n)] for values in rows])
        await self.key("ctrl+s", wait=True)


async def _open(app: Any, pilot: Any) -> None:
    from kaizen_guide.tui.screens.interview import InterviewScreen

    for _ in range(4000):  # the plan opens in a worker: bounded wait for the first question
        if isinstance(app.screen, InterviewScreen) and app.screen.question is not None:
            break
        await pilot.pause(0.01)
    else:
        raise RuntimeError("the interview screen did not appear")
    await pilot.pause()


async def owner_path(d: Driver, company: list[tuple[str, str]]) -> None:
    types = {}
    from kaizen_guide.banks import load_bank

    bank = load_bank()
    for qid, _ in company:
        types[qid] = bank.question(qid).type
    for qid, text in company:
        if d.qid() != qid:
            await d.jump("作成者", qid) if qid == "meta.prepared_by" else None
        if d.qid() != qid:
            raise RuntimeError(f"owner path: expected {qid}, the app asks {d.qid()}")
        await d.text(text)
        await d.key("ctrl+s" if types[qid] == "long_text" else "enter", wait=True)


async def advisor_path(d: Driver, company: list[tuple[str, str]]) -> None:
    from kaizen_guide.tui.widgets.section_form import SectionForm

    editor = d.pilot.app.screen.composer.editor
    if not isinstance(editor, SectionForm):
        raise RuntimeError("advisor path: the section form did not open")
    if [q.id for q in editor.fields] != [qid for qid, _ in company]:
        raise RuntimeError("advisor path: the form's fields are not the sample's 会社概要")
    if editor._qid_of(d.pilot.app.focused) != company[0][0]:
        raise RuntimeError("advisor path: the form did not open on its first field")
    await d.paste([[text] for _qid, text in company])  # one column, first field down
    await d.key("ctrl+s", wait=True)


async def run_path(
    mode: str, path: Path, size: tuple[int, int] = (80, 24), grids_entered: tuple[str, ...] = GRIDS
) -> PathResult:
    """Enter the sample's 会社概要 and its year grids into the new plan at ``path``."""
    from kaizen_guide.tui.app import KaizenApp

    company, grids = sample_values()
    result = PathResult(mode)
    app = KaizenApp(path, advisor=mode == "advisor", show_save_time=False, show_plan_folder=False)
    async with app.run_test(size=size) as pilot:
        await _open(app, pilot)
        d = Driver(pilot, result)
        start = time.perf_counter()
        if mode == "advisor":
            await advisor_path(d, company)
        else:
            await owner_path(d, company)
        if d.qid() != GRIDS[0]:
            await d.jump("決算期", GRIDS[0])
        for qid in grids_entered:
            if mode == "advisor":
                await d.grid_block(qid, grids[qid])
            else:
                await d.grid(qid, grids[qid])
        result.seconds = time.perf_counter() - start
    return result


async def both(size: tuple[int, int]) -> tuple[PathResult, PathResult, Path, Path]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    os.environ.setdefault("KAIZEN_GUIDE_DATA_DIR", str(tmp / "data"))
    owner = await run_path("owner", tmp / "owner.json", size)
    advisor = await run_path("advisor", tmp / "advisor.json", size)
    return owner, advisor, tmp / "owner.json", tmp / "advisor.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="80x24", help="terminal size, e.g. 120x40")
    args = parser.parse_args(argv)
    w, h = (int(x) for x in args.size.split("x"))
    owner, advisor, _, _ = asyncio.run(both((w, h)))
    print(f"Sample 会社概要 (single-value questions) + 4 year grids, new plan, {args.size}:")
    print(f"  {'':8} {'keys':>5} {'values':>6} {'pastes':>6} {'keystrokes':>10} {'chars':>6} {'wall s':>7}")
    for r in (owner, advisor):
        print(
            f"  {r.mode:8} {r.keys:>5} {r.texts:>6} {r.pastes:>6} {r.keystrokes:>10} {r.chars:>6} {r.seconds:>7.2f}"
            + (f"  ({r.pasted} values pasted)" if r.pastes else "")
        )
    print(
        f"  owner / advisor: keystrokes {owner.keystrokes / advisor.keystrokes:.2f}×, "
        f"keys {owner.keys / max(1, advisor.keys):.2f}×, wall time {owner.seconds / advisor.seconds:.2f}×"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
