"""The 早期経営改善計画 (``--depth short``) path can be walked to its end, as the interview asks it.

The short intake asks no 窮境要因, so a 課題 there must not offer a link to them: before, the 課題
row offered 「関係する窮境要因」 with nothing to choose from, and the sample's 「C1」 stopped the
interview at ``issues``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from engine_helpers import write_answers
from kaizen_guide.banks import Bank, Question
from kaizen_guide.engine import Interview
from kaizen_guide.model import load_plan


def _asked_at(bank: Bank, q: Question, depth: str) -> bool:
    return q.in_depth(depth) and bank.section_of(q.id).in_depth(depth)


def _as_offered(question: Question, raw: Any) -> Any:
    """The sample's answer with only the fields the question offers at this depth (what a person
    filling the row form can type)."""
    if question.type != "group" or not isinstance(raw, list):
        return raw
    keep = {f.id for f in question.fields} | ({question.row_id.field} if question.row_id else set())
    return [{k: v for k, v in row.items() if k in keep} for row in raw]


def test_no_field_links_to_rows_a_depth_does_not_ask(bank):
    """Structural: a field choosing among another question's rows is asked only where that
    question is asked (so this cannot come back with a new link)."""
    for depth in ("full", "short"):
        for q in bank.questions:
            if not _asked_at(bank, q, depth):
                continue
            for f in q.for_depth(depth).sub_fields:
                if f.choices_from is not None:
                    src = bank.question(f.choices_from.question)
                    assert _asked_at(bank, src, depth), f"{depth}: {q.id}.{f.id} links to {src.id}, not asked"


def test_the_issue_row_offers_cause_links_only_in_the_full_plan(bank):
    issues = bank.question("issues")
    assert "cause_ids" in [f.id for f in issues.for_depth("full").fields]
    assert [f.id for f in issues.for_depth("short").fields] == ["title", "description", "priority"]
    assert issues.for_depth("full") is issues  # nothing left out: the same question


def test_a_short_plans_issue_question_says_nothing_of_linking_causes(bank):
    """The help and the example (every industry's) spoke of 窮境要因 the short plan never asks."""
    for industry in (None, "restaurant", "construction", "transport", "manufacturing"):
        short = bank.question("issues").for_industry(industry).for_depth("short")
        assert "窮境要因" not in short.help, industry
        assert not short.example.endswith("C1") and short.example.count(" / ") == 2, industry
        full = bank.question("issues").for_industry(industry).for_depth("full")
        assert "窮境要因" in full.help and full.example.endswith("/ C1"), industry
        assert short.help and full.help.startswith(short.help[:40])  # only the linking sentence went


def test_a_cause_link_in_a_short_plans_answers_is_refused_with_why(tmp_path, bank, sample_answers):
    """An answers file written for the 本格計画 (課題 linked to C1…) read as an 早期 plan: told that
    the 早期 plan never asks 窮境要因 and what to do, not 「選択肢がまだありません」; the example shown
    is the short one."""
    iv = Interview.open(tmp_path / "early.json", bank=bank, depth="short", given_by="advisor")
    res = iv.answer("issues", sample_answers["issues"])
    assert not res.accepted and res.error is not None
    assert "早期経営改善計画" in res.error and "cause_ids" in res.error and "depth: full" in res.error
    assert "選択肢がまだありません" not in res.error
    assert not res.error.rstrip().endswith("C1")
    rows = [{k: v for k, v in row.items() if k != "cause_ids"} for row in sample_answers["issues"]]
    assert iv.answer("issues", rows).accepted  # without the links it is taken as it is


def test_the_short_interview_walks_to_its_end(tmp_path, bank, sample_answers):
    """Answer whatever the interview asks next, as it offers it, until it has nothing left."""
    iv = Interview.open(tmp_path / "early.json", bank=bank, depth="short", given_by="advisor")
    asked: list[str] = []
    for _ in range(len(bank.questions) + 1):  # bounded: every question at most once
        q = iv.current()
        if q is None:
            break
        assert q.id not in asked, f"{q.id} asked twice"
        asked.append(q.id)
        raw = sample_answers.get(q.id)
        if raw is None:
            assert not q.required, f"the sample has no answer for the required {q.id}"
            assert iv.skip(q.id).accepted
            continue
        res = iv.answer(q.id, _as_offered(q.for_depth(iv.depth), raw))
        assert res.accepted, f"{q.id}: {res.error}"
        if res.follow_up:
            assert iv.keep_as_is(q.id).accepted
    assert iv.current() is None and iv.is_complete()
    assert asked == [q.id for q in bank.questions if _asked_at(bank, q, "short") and iv.is_visible(q.id)]
    assert {"issues", "basic_policy", "measures", "actions", "monitoring_plan.start"} <= set(asked)
    assert "distress_causes" not in asked

    plan = load_plan(tmp_path / "early.json")
    assert plan.interview.depth == "short" and plan.meta.plan_style == "early"
    assert [(i.id, i.priority, i.cause_ids) for i in plan.issues] == [
        ("I1", 1, []),
        ("I2", 2, []),
        ("I3", 3, []),
        ("I4", 4, []),
    ]
    assert plan.measures and all(m.issue_ids for m in plan.measures)  # 対策↔課題 links are asked and kept
    assert plan.distress_causes == []
    # Nothing the short interview cannot ask is reported as to be fixed (before: 金融支援の依頼内容
    # and 報告内容, neither asked at this depth). What is left is the sample's numbers without 金融支援.
    errors = {f.rule_id for f in iv.plan_findings() if f.severity == "error"}
    assert errors and all(r.startswith("numeric.") for r in errors), errors


def test_cli_runs_a_short_answers_file_to_the_end(tmp_path, bank, sample_answers):
    """`kaizen-guide interview PLAN --depth short --answers FILE` with the short questions only."""
    data = {
        qid: _as_offered(bank.question(qid).for_depth("short"), raw)
        for qid, raw in sample_answers.items()
        if bank.has(qid) and _asked_at(bank, bank.question(qid), "short")
    }
    answers = write_answers(tmp_path, data, bank, name="早期.yaml")
    plan_path = tmp_path / "early.json"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "kaizen_guide",
            "interview",
            str(plan_path),
            "--depth",
            "short",
            "--answers",
            str(answers),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    # 1 = complete with findings: the sample's numbers run short of cash without its 金融支援.
    assert res.returncode == 1, res.stdout + res.stderr
    assert "インタビューは完了しました" in res.stdout and "まだ答えていない必須" not in res.stdout
    assert "金融支援を依頼するとしていますが" not in res.stdout and "報告内容" not in res.stdout
    assert "Traceback" not in res.stdout + res.stderr
    saved = json.loads(plan_path.read_text(encoding="utf-8"))
    assert saved["interview"]["depth"] == "short"
    assert len(saved["issues"]) == 4 and saved["actions"]
    iv = Interview.open(plan_path, bank=bank)
    assert iv.depth == "short" and iv.is_complete() and iv.current() is None
