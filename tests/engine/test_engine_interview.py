"""The interview engine question by question: answers, follow-ups, errors, progress, review."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from engine_helpers import replay
from kaizen_guide.engine import MAX_PROBES, Interview, plan_to_answers
from kaizen_guide.model import load_plan
from kaizen_guide.sample import build_sample_plan


@pytest.fixture
def iv(tmp_path, bank) -> Interview:
    return Interview.open(tmp_path / "plan.json", bank=bank)


def test_new_interview_creates_the_plan_file_and_starts_at_the_first_question(tmp_path, bank):
    iv = Interview.open(tmp_path / "plan.json", bank=bank)
    assert (tmp_path / "plan.json").exists()
    assert (tmp_path / "plan.json").stat().st_mode & 0o777 == 0o600
    assert iv.current().id == bank.questions[0].id
    assert not iv.is_complete()


def test_complete_interview_by_following_current(tmp_path, bank, sample_answers):
    """Answer whatever the engine asks next, as the TUI would, until nothing is left."""
    iv = Interview.open(tmp_path / "plan.json", bank=bank, given_by="advisor")
    asked = []
    q = iv.current()
    while q is not None:
        asked.append(q.id)
        assert len(asked) < 200
        if q.id in sample_answers:
            res = iv.answer(q.id, sample_answers[q.id])
            assert res.accepted, res.error
            if res.follow_up:
                res = iv.keep_as_is(q.id)
        else:
            res = iv.skip(q.id)
            assert res.accepted, res.error
        assert res.next == iv.current()
        q = res.next
    assert iv.is_complete()
    assert set(sample_answers) <= set(asked)
    assert asked == [q.id for q in iv.visible_questions()]  # one pass, in bank order
    saved = load_plan(tmp_path / "plan.json")
    assert saved.model_dump(exclude={"interview"}) == build_sample_plan().model_dump(exclude={"interview"})
    assert all(p.status in ("done", "flagged") for p in iv.progress())


def test_amount_answer_is_parsed_stored_and_previewed(iv):
    assert iv.preview("company.capital", "350万円") == "350万円 → 3,500千円"
    res = iv.answer("company.capital", "350万円")
    assert res.accepted and res.error is None
    assert iv.plan.company.capital == 3500
    assert iv.display_value("company.capital") == "3,500"
    rec = iv.record("company.capital")
    assert rec.raw == "350万円" and rec.value == 3500 and rec.status == "ok" and rec.given_by == "owner"
    assert load_plan(iv.path).company.capital == 3500  # saved at once


def test_rounding_note_is_returned(iv):
    res = iv.answer("company.capital", "1,234,567円")
    assert res.accepted and iv.plan.company.capital == 1235
    assert res.note and "四捨五入" in res.note


@pytest.mark.parametrize(
    ("qid", "raw", "expected"),
    [
        ("company.capital", "たくさん", "金額"),
        ("company.capital", "▲500", "マイナス"),  # 資本金 cannot be negative (ge=0 in the model)
        ("company.established", "来年", "年月"),
        ("company.employees", "3.5", "整数"),
        ("company.fiscal_month", "13月", "決算月"),
        ("company.representative_age", "5", "18"),  # the model's own bound
        ("support.allocation_basis", "半分ずつ", "残高プロラタ"),  # lists the choices
        ("cash.tax_payment_months", "5、13", "12"),
        ("cash.seasonality", "1 / 1 / 1", "12個"),
        ("cash.cash_sales_ratio", "150%", "100%"),
    ],
)
def test_bad_input_is_refused_with_what_was_expected(iv, qid, raw, expected):
    if qid.startswith("support.") and qid != "support.needed":
        assert iv.answer("support.needed", "はい").accepted
    res = iv.answer(qid, raw)
    assert not res.accepted
    assert expected in res.error
    assert iv.bank.question(qid).prompt.split("?")[0][:6] in res.error  # names the question
    assert iv.record(qid) is None


def test_required_answer_cannot_be_blank_or_skipped(iv):
    res = iv.answer("company.name", "   ")
    assert not res.accepted and "必須" in res.error
    res = iv.skip("company.name")
    assert not res.accepted and "必須" in res.error


def test_optional_question_can_be_skipped_and_is_recorded(iv):
    iv.answer("company.representative_age", "62")
    res = iv.skip("company.representative_age")
    assert res.accepted
    rec = iv.record("company.representative_age")
    assert rec.value is None and rec.status == "ok"
    assert iv.plan.company.representative_age is None


def test_unknown_question_is_refused_in_japanese(iv):
    res = iv.answer("company.nmae", "A社")
    assert not res.accepted and "company.nmae" in res.error and "company.name" in res.error


def test_weak_answer_gets_follow_ups_up_to_the_cap_then_is_kept(iv):
    res = iv.answer("issues", [{"title": "新型コロナの影響で売上が減少した"}])
    assert res.accepted
    assert res.findings and any(f.severity in ("error", "warning") for f in res.findings)
    assert res.follow_up and "社内" in res.follow_up
    assert res.probes_left == MAX_PROBES - 1
    assert res.next.id == "issues" and iv.current().id == "issues"  # the assistant waits
    assert iv.plan.issues[0].title == "新型コロナの影響で売上が減少した"  # stored, nothing lost
    assert not iv.is_complete()

    res = iv.answer("issues", [{"title": "コロナ禍で客数が減ったこと"}])
    assert res.follow_up and res.probes_left == 0
    assert iv.plan.issues[0].title == "コロナ禍で客数が減ったこと"  # answering again replaces it

    res = iv.answer("issues", [{"title": "コロナの影響"}])
    assert res.accepted and res.follow_up is None and res.probes_left == 0
    assert res.status == "kept_weak"
    assert res.next.id != "issues"
    rec = iv.record("issues")
    assert rec.status == "kept_weak" and rec.probes == MAX_PROBES and rec.finding_ids


def test_keep_as_is_records_the_choice(iv):
    res = iv.answer("issues", [{"title": "物価高騰の影響。"}])
    assert res.follow_up
    res = iv.keep_as_is("issues")
    assert res.accepted and res.status == "kept_weak"
    assert iv.record("issues").status == "kept_weak"
    assert load_plan(iv.path).interview.answers["issues"].status == "kept_weak"
    review = {item.question.id: item for item in iv.review()}
    assert review["issues"].status == "kept_weak" and review["issues"].flagged


def test_better_answer_after_a_follow_up_clears_the_flag(iv):
    assert iv.answer("issues", [{"title": "コロナ禍で来店客数が減ったため。"}]).follow_up
    res = iv.answer(
        "issues",
        [
            {
                "title": "原価管理の仕組みがない",
                "description": "コロナ禍で客数が減少したが、それ以前から客単価が低く、メニュー原価率が40%と高い体質にあった。原価管理の仕組みがないことが根本課題である。",
            }
        ],
    )
    assert res.accepted and res.follow_up is None and res.status == "ok"
    assert not any(f.severity in ("error", "warning") for f in res.findings)
    assert res.next.id != "issues"


def test_group_rows_get_ids_and_choices_refer_to_earlier_rows(iv):
    iv.answer("issues", [{"title": "原価管理の仕組みがない"}, {"title": "宴会に依存した売上構造"}])
    assert [i.id for i in iv.plan.issues] == ["I1", "I2"]
    res = iv.answer(
        "measures",
        [{"title": "レシピカードを30品作り原価率を41%から36%に下げる", "category": "コスト削減", "issue_ids": "I1"}],
    )
    assert res.accepted, res.error
    assert iv.plan.measures[0].issue_ids == ["I1"] and iv.plan.measures[0].category == "cost"
    assert iv.choices("actions", "measure_id") == [("M1", "レシピカードを30品作り原価率を41%から36%に下げる")]
    res = iv.answer("measures", [{"title": "x", "category": "コスト削減", "issue_ids": "I9"}])
    assert not res.accepted and "I9" in res.error and "I1" in res.error


def test_group_row_errors_name_row_and_field(iv):
    res = iv.answer("company.officers", [{"name": "桜井 健一", "age": "62"}, {"title": "専務"}])
    assert not res.accepted and "役員 2件目" in res.error and "氏名" in res.error
    res = iv.answer("company.officers", [{"name": "桜井 健一", "nickname": "社長"}])
    assert not res.accepted and "nickname" in res.error


def test_model_validation_errors_come_back_in_japanese(iv, sample_answers):
    replay(iv, sample_answers, stop_before="actions")
    rows = [dict(r) for r in sample_answers["actions"]]
    rows[0]["start"], rows[0]["due"] = "2027-06", "2027-01"
    res = iv.answer("actions", rows)
    assert not res.accepted and "期限" in res.error and "開始" in res.error


def test_year_grid_columns_must_match_the_periods(iv, sample_answers):
    replay(iv, sample_answers, stop_before="financials.pl")
    years = build_sample_plan().financials.years
    res = iv.answer("financials.pl", {"sales": [1, 2] * len(years), "cost_of_sales": [1], "sga": [1]})
    assert not res.accepted and f"{len(years)}列" in res.error
    assert iv.column_labels("financials.pl", len(years)) == [y.label for y in years]


def test_year_grid_series_carries_the_last_value(iv):
    res = iv.answer("drivers.costs", {"cost_ratio": "41% / 40%", "personnel": ["180,000"], "other_sga": 112000})
    assert res.accepted, res.error
    assert iv.plan.drivers.cost_ratio == [Decimal("0.41"), Decimal("0.4")]
    assert iv.plan.drivers.personnel == [180000]
    res = iv.answer("drivers.costs", {"cost_ratio": ["41%", None, "39%"], "personnel": [1], "other_sga": [1]})
    assert not res.accepted and "計画1年目" in res.error


def test_child_group_needs_its_parent_first(iv):
    res = iv.answer("banks.loans", [{"bank": "ひまわり銀行", "balance": "100"}])
    assert not res.accepted and "金融機関" in res.error and "先に" in res.error


def test_progress_and_review_are_generated_from_the_banks(sample_interview, bank):
    progress = {p.section_id: p for p in sample_interview.progress()}
    assert list(progress) == [s.id for s in bank.sections]
    assert all(p.required_answered == p.required for p in progress.values())
    review = sample_interview.review()
    assert [i.question.id for i in review] == [q.id for q in sample_interview.visible_questions()]
    by_id = {i.question.id: i for i in review}
    assert by_id["company.capital"].value == "10,000千円"
    assert by_id["company.established"].value == "1985年4月"
    assert by_id["company.name"].status == "ok"
    assert "I1" in by_id["issues"].value


def test_progress_statuses(iv, sample_answers):
    assert {p.status for p in iv.progress()} == {"not_started"}
    iv.answer("company.name", sample_answers["company.name"])
    first = iv.progress()[0]
    assert first.status == "in_progress" and first.answered == 1
    iv.answer("issues", [{"title": "コロナの影響"}])
    issues = next(p for p in iv.progress() if p.section_id == "issues")
    assert issues.flagged == 1


def test_short_depth_asks_only_the_early_plan_intake(tmp_path, bank):
    iv = Interview.open(tmp_path / "early.json", bank=bank, depth="short")
    ids = {q.id for q in iv.visible_questions()}
    for must in (
        "company.name",
        "analysis.customers",
        "analysis.business_flow",
        "issues",
        "basic_policy",
        "measures",
        "actions",
        "drivers.segments",
        "drivers.costs",
        "cash.collection_months",
    ):
        assert must in ids
    for full_only in (
        "company.officers",
        "collaterals",
        "distress_causes",
        "support.needed",
        "analysis.local_benchmark.owner",
        "drivers.tax.loss_carryforwards",
    ):
        assert full_only not in ids
    assert len(ids) < len(Interview.open(tmp_path / "full.json", bank=bank).visible_questions())
    assert iv.plan.meta.plan_style == "early"
    assert load_plan(tmp_path / "early.json").interview.depth == "short"


def test_opening_a_plan_without_records_adopts_its_values(tmp_path, bank):
    from kaizen_guide.model import save_plan

    save_plan(build_sample_plan(), tmp_path / "sample.json")
    iv = Interview.open(tmp_path / "sample.json", bank=bank)
    assert iv.is_complete() and iv.current() is None
    assert iv.record("company.name").value == "株式会社さくら亭"
    assert iv.plan.model_dump(exclude={"interview"}) == build_sample_plan().model_dump(exclude={"interview"})


def test_plan_to_answers_inverts_the_targets(bank):
    data = plan_to_answers(build_sample_plan(), bank)
    assert data["company.capital"] == 10000
    assert data["financials.pl"]["sales"] == [520000, 480000, 455000]
    assert data["banks.loans"][0]["bank"] == "ひまわり銀行"
    assert data["actions"][0]["measure_id"] == "M1"
    assert "targets.category_gap_reason" not in data  # hidden: all three categories are covered
    assert "depth" not in data


def test_engine_imports_no_ui_or_export_libraries():
    code = (
        "import sys, kaizen_guide.engine, kaizen_guide.banks;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'openpyxl', 'jinja2')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_from_plan_works_in_memory_without_a_file(bank):
    from kaizen_guide.model.plan import Plan

    iv = Interview.from_plan(Plan(), bank=bank)
    assert iv.path is None and not iv.autosave
    res = iv.answer("company.name", "株式会社テスト")
    assert res.accepted and iv.last_saved_at is None
    assert iv.plan.company.name == "株式会社テスト"


def test_from_plan_adopts_the_sample(bank):
    iv = Interview.from_plan(build_sample_plan(), bank=bank, given_by="advisor")
    assert iv.is_complete()
    assert iv.record("actions").given_by == "advisor"
