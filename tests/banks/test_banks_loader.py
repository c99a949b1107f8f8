"""Loading the question banks: the shipped banks are valid, and each kind of mistake is reported
with file, line and question id."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from kaizen_guide.banks import BankError, load_bank
from kaizen_guide.banks.targets import ENGINE_FILLED
from kaizen_guide.locations import question_banks_dir

SHIPPED = question_banks_dir()

CHECKLIST_FIXTURE = textwrap.dedent("""\
    # a small checklist: only two stages exist here
    version: 1
    stages:
      issue: {section: 経営課題}
      countermeasure: {section: 対策}
    rules:
      - id: issue.external_only
        stages: [issue]
      - id: countermeasure.generic
        stages: [countermeasure]
""")


def copy_banks(tmp_path: Path, checklist: str | None = None) -> Path:
    d = tmp_path / "question_banks"
    d.mkdir()
    for p in SHIPPED.glob("[0-9][0-9]_*.yaml"):
        shutil.copy(p, d / p.name)
    if checklist is not None:
        (d / "checklist.yaml").write_text(checklist, encoding="utf-8")
    elif (SHIPPED / "checklist.yaml").exists():
        shutil.copy(SHIPPED / "checklist.yaml", d / "checklist.yaml")
    return d


def append_question(d: Path, filename: str, text: str) -> int:
    """Append a question to a bank file; returns the line where it starts."""
    p = d / filename
    body = p.read_text(encoding="utf-8")
    if not body.endswith("\n"):
        body += "\n"
    line = body.count("\n") + 1
    p.write_text(body + text, encoding="utf-8")
    return line


def load_error(d: Path) -> str:
    with pytest.raises(BankError) as info:
        load_bank(d, use_cache=False)
    return str(info.value)


EXTRA = """\
  - id: {qid}
    prompt: 追加の質問です。
    help: テスト用の質問です。
    example: 例
    type: {type}
    target: {target}
"""


# --- the shipped banks ----------------------------------------------------------------------------


def test_shipped_banks_load_in_plan_order():
    bank = load_bank()
    assert [s.id for s in bank.sections] == [
        "company",
        "financials",
        "business_model",
        "environment",
        "issues",
        "measures",
        "action_plan",
        "numbers",
        "cash",
        "financial_support",
        "monitoring_plan",
    ]
    assert len(bank.questions) == len({q.id for q in bank.questions})
    for q in bank.questions:
        assert q.prompt.strip() and q.help.strip() and q.example.strip(), q.id
        assert q.file.startswith("question_banks/") and q.line > 0


def test_shipped_banks_are_cached():
    assert load_bank() is load_bank()


def test_both_depths_have_questions_and_short_is_a_subset():
    bank = load_bank()
    short = [q for q in bank.questions if q.in_depth("short") and bank.section_of(q.id).in_depth("short")]
    assert 20 < len(short) < len(bank.questions)


def test_engine_filled_fields_are_documented():
    assert set(ENGINE_FILLED) == {
        "schema_version",
        "interview",
        "meta.plan_style",
        "monitoring",
        "actuals_import",
        "banks.is_main",
        "monitoring_plan.band_ok",
        "monitoring_plan.band_watch",
        "versions",
        "notes",
    }
    assert all(reason for reason in ENGINE_FILLED.values())


def test_copy_of_the_shipped_banks_loads(tmp_path):
    assert len(load_bank(copy_banks(tmp_path), use_cache=False).questions) == len(load_bank().questions)


# --- mistakes, each named by file, line and question ----------------------------------------------


def test_duplicate_question_id(tmp_path):
    d = copy_banks(tmp_path)
    line = append_question(
        d, "03_business_model.yaml", EXTRA.format(qid="company.name", type="text", target="analysis.end_users")
    )
    msg = load_error(d)
    assert f"question_banks/03_business_model.yaml:{line}: 質問「company.name」" in msg
    assert "重複" in msg and "01_company.yaml" in msg  # points at the first one too


def test_unknown_target(tmp_path):
    d = copy_banks(tmp_path)
    line = append_question(
        d, "01_company.yaml", EXTRA.format(qid="company.nickname", type="text", target="company.nickname")
    )
    msg = load_error(d)
    assert f"01_company.yaml:{line}: 質問「company.nickname」" in msg
    assert "unknown target" in msg and "nickname" in msg


def test_target_that_does_not_fit_the_question_type(tmp_path):
    d = copy_banks(tmp_path)
    line = append_question(
        d, "01_company.yaml", EXTRA.format(qid="company.name_amount", type="amount", target="company.name")
    )
    msg = load_error(d)
    assert f"01_company.yaml:{line}: 質問「company.name_amount」" in msg and "does not fit" in msg


def test_unknown_field_inside_a_group(tmp_path):
    d = copy_banks(tmp_path)
    text = EXTRA.format(qid="company.officers2", type="group", target="company.officers") + (
        "    fields:\n      - {id: nickname, prompt: あだ名, type: text}\n"
    )
    line = append_question(d, "01_company.yaml", text)
    msg = load_error(d)
    assert "質問「company.officers2」" in msg and "nickname" in msg and "unknown target" in msg
    assert f"01_company.yaml:{line + 7}" in msg  # the field's own line


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("company.employees >", "expected a value"),
        ("company.employees = 3", "'='"),
        ("__import__('os').system('x')", "unexpected character"),
        ("exec('x')", "unknown function"),
        ("company.nobody == 1", "知らない質問"),
        ("monitoring_plan.frequency == 'monthly'", "後の質問"),
    ],
)
def test_bad_condition(tmp_path, when, expected):
    d = copy_banks(tmp_path)
    text = EXTRA.format(qid="cash.extra", type="text", target="analysis.end_users") + f'    when: "{when}"\n'
    # (target clash is reported too; the condition error is what we look for)
    line = append_question(d, "09_cash.yaml", text)
    msg = load_error(d)
    assert f"09_cash.yaml:{line}: 質問「cash.extra」" in msg
    assert "bad condition" in msg and expected in msg


def test_check_that_does_not_exist(tmp_path):
    d = copy_banks(tmp_path)
    text = (
        EXTRA.format(qid="analysis.end_users2", type="long_text", target="analysis.end_users") + "    checks: [swot]\n"
    )
    line = append_question(d, "03_business_model.yaml", text)
    msg = load_error(d)
    assert f"03_business_model.yaml:{line}: 質問「analysis.end_users2」" in msg
    assert "チェック「swot」" in msg and "unknown check" in msg


def test_checks_are_validated_against_checklist_yaml(tmp_path):
    d = copy_banks(tmp_path, checklist=CHECKLIST_FIXTURE)
    msg = load_error(d)
    # 05/06 use issue/countermeasure (present); action and financial_support are missing here.
    assert "10_financial_support.yaml:" in msg and "質問「support.request」" in msg
    assert "チェック「financial_support」" in msg
    assert "07_action_plan.yaml:" in msg and "チェック「action」" in msg
    assert "質問「issues」" not in msg


def test_without_checklist_the_known_stages_are_used(tmp_path):
    d = copy_banks(tmp_path)
    (d / "checklist.yaml").unlink(missing_ok=True)
    assert load_bank(d, use_cache=False).check_stages >= {"issue", "action", "financial_support"}


def test_plan_field_no_question_fills(tmp_path):
    d = copy_banks(tmp_path)
    p = d / "01_company.yaml"
    text = p.read_text(encoding="utf-8")
    start = text.index("  - id: company.address")
    end = text.index("  - id: company.established")
    p.write_text(text[:start] + text[end:], encoding="utf-8")
    msg = load_error(d)
    assert "company.address" in msg and "所在地" in msg and "uncovered plan field" in msg


def test_yaml_syntax_error_names_the_line(tmp_path):
    d = copy_banks(tmp_path)
    line = append_question(d, "11_monitoring_plan.yaml", "  - id: broken\n    prompt: [unclosed\n")
    msg = load_error(d)
    assert "11_monitoring_plan.yaml:" in msg and "YAML" in msg
    reported = int(msg.split("11_monitoring_plan.yaml:")[1].split(":")[0])
    assert reported >= line


def test_duplicate_yaml_key(tmp_path):
    d = copy_banks(tmp_path)
    text = EXTRA.format(qid="x.y", type="text", target="analysis.end_users") + "    help: もう一度\n"
    line = append_question(d, "11_monitoring_plan.yaml", text)
    msg = load_error(d)
    assert f"11_monitoring_plan.yaml:{line + 6}" in msg and "duplicate key" in msg


def test_missing_or_unknown_keys_in_a_question(tmp_path):
    d = copy_banks(tmp_path)
    line = append_question(
        d,
        "11_monitoring_plan.yaml",
        "  - id: monitoring_plan.extra\n    promt: 質問\n    type: text\n    target: monitoring_plan.report_items\n",
    )
    msg = load_error(d)
    assert f"11_monitoring_plan.yaml:{line}: 質問「monitoring_plan.extra」" in msg
    assert "promt" in msg and "prompt" in msg


def test_choices_from_a_later_question(tmp_path):
    d = copy_banks(tmp_path)
    text = EXTRA.format(qid="company.bank_choice", type="choice", target="meta.title") + (
        "    choices_from: {question: banks, key: name}\n"
    )
    line = append_question(d, "01_company.yaml", text)
    msg = load_error(d)
    assert f"01_company.yaml:{line + 6}: 質問「company.bank_choice」" in msg and "後" in msg


def test_depends_on_unknown_question(tmp_path):
    d = copy_banks(tmp_path)
    text = EXTRA.format(qid="cash.extra2", type="long_text", target="analysis.end_users") + "    depends_on: [nobody]\n"
    line = append_question(d, "09_cash.yaml", text)
    assert f"09_cash.yaml:{line}: 質問「cash.extra2」: depends_on の質問「nobody」" in load_error(d)


def test_cache_notices_a_changed_file(tmp_path):
    d = copy_banks(tmp_path)
    first = load_bank(d)
    assert load_bank(d) is first
    p = d / "11_monitoring_plan.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("最後に、", "最後に "), encoding="utf-8")
    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    assert load_bank(d) is not first


def test_bank_files_from_the_disk_cache_load_the_same_and_follow_edits(tmp_path, monkeypatch):
    """The parsed YAML is cached per user (issue 18); an edited file is read again, never stale."""
    monkeypatch.setenv("KAIZEN_GUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KAIZEN_GUIDE_NO_CACHE", raising=False)
    banks = tmp_path / "question_banks"
    shutil.copytree(question_banks_dir(), banks)
    first = load_bank(banks, use_cache=False)  # writes the cache
    assert list((tmp_path / "cache").glob("yaml-LineLoader-01_company-*.pickle"))
    again = load_bank(banks, use_cache=False)  # from the cache
    assert [q.model_dump() for q in again.questions] == [q.model_dump() for q in first.questions]
    company = banks / "01_company.yaml"
    text = company.read_text(encoding="utf-8")
    prompt = first.questions[0].prompt
    company.write_text(text.replace(prompt, prompt + "（編集）", 1), encoding="utf-8")
    edited = load_bank(banks, use_cache=False)
    assert edited.questions[0].prompt == prompt + "（編集）"
    company.write_text("id: [unclosed\n", encoding="utf-8")  # a broken file still says where
    with pytest.raises(BankError) as err:
        load_bank(banks, use_cache=False)
    assert "01_company.yaml" in str(err.value)
