"""The `when` language: a safe little expression language over earlier answers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaizen_guide.banks import ConditionError, parse_condition

ANSWERS = {
    "support.needed": True,
    "company.employees": 38,
    "cash.cash_sales_ratio": Decimal("0.7"),
    "company.industry": "飲食業 (日本料理店)",
    "support.types": ["reduced_repayment"],
    "measures": [{"id": "M1", "category": "cost"}, {"id": "M2", "category": "profitability"}],
    "company.established": "1985-04",
}


def ev(expr: str, answers=ANSWERS) -> bool:
    return parse_condition(expr).evaluate(answers.get)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("support.needed == true", True),
        ("support.needed", True),
        ("not support.needed", False),
        ("company.employees >= 20 and company.employees < 50", True),
        ("company.employees > 100 or support.needed == false", False),
        ("cash.cash_sales_ratio > 0.5", True),
        ("cash.cash_sales_ratio == 0.70", True),
        ("'reduced_repayment' in support.types", True),
        ("'dds' not in support.types", True),
        ("'飲食' in company.industry", True),
        ("company.employees in [10, 38]", True),
        ("count(measures) == 2", True),
        ("'cash' in col(measures, 'category')", False),
        ("not ('cash' in col(measures, 'category'))", True),
        ("answered(company.employees)", True),
        ("answered(company.capital)", False),
        ("company.capital > 0", False),  # unanswered: comparisons are false
        ("company.capital == null", True),
        ("company.established >= '1980-01'", True),
        ("(support.needed or company.employees < 1) and count(support.types) >= 1", True),
        ('company.industry != "建設業"', True),
    ],
)
def test_conditions_evaluate(expr, expected):
    assert ev(expr) is expected


def test_refs_are_the_question_ids_read():
    cond = parse_condition("answered(cash.bonus_months) and count(measures) > 0 or support.needed")
    assert cond.refs == {"cash.bonus_months", "measures", "support.needed"}


@pytest.mark.parametrize(
    "expr",
    [
        "",
        "support.needed ==",
        "support.needed = true",
        "(support.needed",
        "support.needed and",
        "open('x')",
        "__import__('os')",
        "support.needed; rm -rf /",
        "count()",
        "col(measures, category)",
        "'unterminated",
        "[1, 2",
    ],
)
def test_bad_expressions_raise_condition_error(expr):
    with pytest.raises(ConditionError):
        parse_condition(expr)


def test_error_says_where():
    with pytest.raises(ConditionError) as info:
        parse_condition("support.needed == == true")
    assert info.value.pos == 18 and "column 19" in str(info.value)


def test_mismatched_types_are_false_not_errors():
    assert ev("company.industry > 3") is False
    assert ev("support.types < 1") is False
