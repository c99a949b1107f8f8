"""Around the reader: --map answers, refusing while an account is unknown, remembering answers."""

from __future__ import annotations

import pytest

from kaizen_guide.imports import ActualsImportError
from kaizen_guide.imports.session import month_changes, parse_account_answers, read_complete, remember_answers
from kaizen_guide.model import dumps_plan, loads_plan
from kaizen_guide.model.plan import MonitoringRecord
from kaizen_guide.sample import build_sample_plan

from . import exports as ex


def test_answers_accept_japanese_words_and_keys():
    assert parse_account_answers(["パート代(厨房)=人件費", "ＰＯＳ手数料 = 販管費", "仮払=ignore"]) == {
        "パート代(厨房)": "personnel",
        "POS手数料": "sga",
        "仮払": "ignore",
    }
    with pytest.raises(ActualsImportError, match="科目=項目"):
        parse_account_answers(["パート代"])
    with pytest.raises(ActualsImportError, match="項目として使えません"):
        parse_account_answers(["パート代=給料"])


def test_unknown_account_refused_with_the_answer_to_give_then_remembered_in_the_plan_file(tmp_path):
    led = ex.Ledger.build("2027-04")
    path = ex.generic_csv(tmp_path / "u.csv", led, extra_rows=[("パート代(厨房)", [250_000] * 12)])
    plan = build_sample_plan()
    with pytest.raises(ActualsImportError) as err:
        read_complete(path, plan)
    assert "分からない科目が1件" in err.value.message
    row = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "パート代" in line)
    assert err.value.details == [f'「パート代(厨房)」({row}行目, 合計 3,000千円) → 例: --map "パート代(厨房)=販管費"']
    answers = parse_account_answers(["パート代(厨房)=人件費"])
    result = read_complete(path, plan, answers=answers)
    remember_answers(plan, answers)
    again = loads_plan(dumps_plan(plan))  # survives the plan file
    assert again.actuals_import.account_mapping == {"パート代(厨房)": "personnel"}
    assert read_complete(path, again).months == result.months  # next month: nothing asked


def test_month_changes_lists_what_a_reimport_would_replace(tmp_path):
    led = ex.Ledger.build("2027-04")
    plan = build_sample_plan()
    result = read_complete(ex.generic_csv(tmp_path / "g.csv", led), plan)
    assert month_changes(plan, result) == {}
    june = dict(result.months["2027-06"])
    plan.monitoring.append(MonitoringRecord(month="2027-06", actuals={**june, "sales": june["sales"] - 100}))
    assert month_changes(plan, result) == {
        "2027-06": [f"売上高: {june['sales'] - 100:,} → {june['sales']:,}千円 (差 +100)"]
    }
