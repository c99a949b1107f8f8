"""Every example a prompt shows is accepted by that question's own parser.

A person copies what the example suggests (「2年目」「月100万円」「10年以内」); if the parser then
refuses it, the interview contradicts itself. Choices drawn from earlier rows are parsed against the
sample company's rows, as a person answering after those questions would see them.
"""

from __future__ import annotations

import pytest

from kaizen_guide.banks import load_bank
from kaizen_guide.engine.values import AnswerError, parse_value

BANK = load_bank()


def _cases():
    for q in BANK.questions:
        if q.type in ("group", "year_grid"):
            for f in q.sub_fields:
                yield pytest.param(q, f, id=f"{q.id}.{f.id}")
        else:
            yield pytest.param(q, None, id=q.id)


@pytest.fixture(scope="module")
def sample_interview(tmp_path_factory):
    from kaizen_guide.engine import Interview, plan_to_answers
    from kaizen_guide.sample import build_sample_plan

    iv = Interview.open(tmp_path_factory.mktemp("ex") / "plan.json", bank=BANK, given_by="advisor")
    answers = plan_to_answers(build_sample_plan(), BANK)
    for qid, raw in answers.items():
        if BANK.has(qid):
            try:
                iv.answer(qid, raw)
            except Exception:  # noqa: BLE001 - only the rows choices come from matter here
                pass
    return iv


@pytest.mark.parametrize(("question", "field"), list(_cases()))
def test_example_is_accepted_by_its_parser(question, field, sample_interview):
    target = field or question
    assert target.example.strip(), f"{question.id}: no example to show"
    options = None
    if target.type in ("choice", "multi_choice") and target.choices_from is not None:
        options = sample_interview.choices(question.id, field.id if field else None)
    for example in [target.example, *target.examples.values()]:  # the generic one and each industry's
        try:
            value, _ = parse_value(target, example, options)
        except AnswerError as exc:
            pytest.fail(f"{question.id}{'.' + field.id if field else ''}: 例「{example}」→ {exc.message}")
        assert value is not None


@pytest.mark.parametrize(
    ("raw", "per", "expected"),
    [("月90万円", "month", 900), ("90万円/月", "month", 900), ("年3,600千円", "year", 3600), ("900", "month", 900)],
)
def test_amount_written_with_its_own_period(raw, per, expected):
    field = BANK.question("banks.loans").field("monthly_repayment").model_copy(update={"per": per})
    assert parse_value(field, raw)[0] == expected


def test_amount_written_with_the_other_period_is_refused_with_a_hint():
    field = BANK.question("banks.loans").field("monthly_repayment")
    with pytest.raises(AnswerError, match="月額"):
        parse_value(field, "年1,080万円")
