"""Examples and follow-ups fit the company's industry: a 工務店 is not shown restaurant examples."""

from __future__ import annotations

import pytest

from kaizen_guide.banks import load_bank
from kaizen_guide.banks.industries import GENERIC, industries, industry_key
from kaizen_guide.checks import check_text
from kaizen_guide.model import load_plan, save_plan

from .conftest import add_row_text, assistant_texts, goto, make_app, settle

RESTAURANT_WORDS = ("メニュー", "宴会", "料理", "仕出し", "食材")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("工務店 (木造住宅の新築・リフォーム)", "construction"),
        ("飲食業 (日本料理店・仕出し)", "restaurant"),
        ("一般貨物自動車運送業", "transport"),
        ("金属部品の切削加工", "manufacturing"),
        ("ソフトウェア開発", GENERIC),
        ("", GENERIC),
    ],
)
def test_industry_of_the_free_text_answer(text, key):
    assert industry_key(text) == key


def test_every_industry_has_variants_and_the_generic_examples_fit_any_business():
    bank = load_bank()
    varied = [q for q in bank.questions if q.examples]
    assert len(varied) >= 10
    for key in industries():
        assert sum(key in q.examples for q in varied) >= 10, key
    for q in bank.questions:
        if q.id == "company.industry":
            continue  # asked before the industry is known; its example is one of many answers
        for word in RESTAURANT_WORDS:
            assert word not in q.example, (q.id, q.example)  # the fallback is not a restaurant's
            assert word not in q.help_for("construction"), (q.id, "help")


@pytest.fixture
def builder_path(sample_path):
    """The sample plan, as a 工務店 (the issue's user) would have it."""
    plan = load_plan(sample_path)
    plan.company.industry = "工務店 (木造住宅の新築・リフォーム)"
    save_plan(plan, sample_path, backup=False)
    return sample_path


async def test_a_builder_sees_builder_examples_and_follow_ups(builder_path):
    app = make_app(builder_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        shown = assistant_texts(pilot)[-1]
        assert "工事別の原価管理" in shown and "実行予算" in shown
        assert not any(word in shown for word in RESTAURANT_WORDS), shown
        await pilot.press("a")  # the row form's placeholders are the builder's too
        await settle(pilot)
        from textual.widgets import Input

        placeholders = [w.placeholder for w in app.screen.query(Input)]
        assert "例：工事別の原価管理ができていない" in placeholders, placeholders
        assert not any(word in p for p in placeholders for word in RESTAURANT_WORDS), placeholders
        await pilot.press("escape")
        await settle(pilot)
        await add_row_text(pilot, "コロナで売上が減った")
        await pilot.press("ctrl+s")
        await settle(pilot)
        follow_up = assistant_texts(pilot)[-1]
        assert "工事ごとの採算" in follow_up and "赤字工事" in follow_up
        assert not any(word in follow_up for word in RESTAURANT_WORDS), follow_up


async def test_the_sample_restaurant_keeps_its_own_examples(sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await goto(pilot, "issues")
        assert "メニュー別の原価管理" in assistant_texts(pilot)[-1]


def test_rule_variants_fit_the_industry_and_pass_their_own_check():
    from kaizen_guide.checks.rules import default_checklist

    for rule in default_checklist().rules:
        for key, example in rule.examples.items():
            flagged = [f for f in check_text(rule.stages[0], example) if f.severity in ("error", "warning")]
            assert not flagged, (rule.id, key, example, [f.rule_id for f in flagged])
    found = check_text("issue", "コロナで売上が減った", industry="transport")
    assert "運賃" in found[0].follow_up and "便" in found[0].example
    generic = check_text("issue", "コロナで売上が減った")
    assert not any(word in generic[0].follow_up + generic[0].example for word in RESTAURANT_WORDS + ("工事",))
