"""The summary panel recomputes only when an answer changed what its figures are computed from
(issue 18): the projection of those inputs alone is the whole plan's, an answer that changes none
of them shows the last figures again without a worker, and one that does recomputes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kaizen_guide.finance import compute_projection
from kaizen_guide.model import Plan
from kaizen_guide.sample import build_sample_plan
from kaizen_guide.tui.messages import JumpTo
from kaizen_guide.tui.widgets.summary import FINANCE_INPUTS, Summary

from .conftest import answer_line, interview_screen, make_app, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from big_plan import build_big_plan


@pytest.mark.parametrize("build", [lambda: build_sample_plan(monitoring=True), build_big_plan], ids=["sample", "10x"])
def test_the_figures_inputs_alone_give_the_whole_plans_projection(build):
    plan = build()
    inputs = Plan.model_validate_json(plan.model_dump_json(include=FINANCE_INPUTS))
    assert inputs.interview.answers == {} and not inputs.company.name  # the rest is left out
    assert compute_projection(inputs) == compute_projection(plan)


async def test_only_an_answer_that_changes_the_inputs_recomputes(plan_path, monkeypatch):
    computed: list[str] = []
    compute = Summary._compute
    monkeypatch.setattr(Summary, "_compute", lambda self, inputs: (computed.append(inputs), compute(self, inputs))[1])
    monkeypatch.setattr(Summary, "DELAY", 0)  # as soon as the answer is in
    app = make_app(plan_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = interview_screen(pilot)
        summary = screen.query_one(Summary)
        assert len(computed) == 1  # the plan as opened
        await answer_line(pilot, "株式会社テスト")
        await settle(pilot)
        assert len(computed) == 1, "a new name changes no figure"
        assert "株式会社テスト" in str(summary.query_one("#summary-body").render())
        screen.post_message(JumpTo("company.employees"))
        await settle(pilot)
        await answer_line(pilot, "38人")
        await settle(pilot)
        assert len(computed) == 2 and '"employees":38' in computed[-1]
        assert screen.interview.plan.company.employees == 38
