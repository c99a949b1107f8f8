"""The answers file is documented from the banks, the sample one is annotated, and amounts with
thousands separators survive a YAML list."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_guide.cli import main
from kaizen_guide.engine import run_headless
from kaizen_guide.engine.answers import parse_answers_text
from kaizen_guide.engine.reference import answers_reference_markdown
from kaizen_guide.model import load_plan

DOC = Path(__file__).resolve().parents[2] / "docs" / "answers-reference.md"


def test_the_reference_doc_is_current(bank):
    """docs/answers-reference.md is the command's output; regenerate it with
    `kaizen-guide answers-reference --out docs/answers-reference.md` after editing a bank."""
    assert DOC.read_text(encoding="utf-8") == answers_reference_markdown(bank)


def test_the_reference_names_every_key_and_field(bank):
    text = answers_reference_markdown(bank)
    for q in bank.questions:
        assert f"### `{q.id}`" in text
        for f in q.sub_fields:
            assert f"| `{f.id}` | {' '.join(f.prompt.split())} |" in text, (q.id, f.id)
    assert "単価 (円) | 金額 (円単位)" in text  # the unit that differs is said


def test_sample_writes_an_annotated_answers_file_that_applies(tmp_path, capsys):
    assert main(["sample", "--out", str(tmp_path)]) == 0
    answers = (tmp_path / "sample_answers.yaml").read_text(encoding="utf-8")
    assert "#   monthly_repayment: 約定返済額 (月額) — 金額 (月額・千円単位)" in answers
    assert "# 金額 (千円単位)。必須" in answers  # company.capital
    assert "kaizen-guide answers-reference" in answers
    code = run_headless(tmp_path / "new.json", tmp_path / "sample_answers.yaml", out=lambda _m: None)
    assert code in (0, 1)
    assert load_plan(tmp_path / "new.json").company.name == load_plan(tmp_path / "sample_plan.json").company.name


def test_answers_reference_command_prints_the_reference(capsys, bank):
    assert main(["answers-reference"]) == 0
    assert capsys.readouterr().out == answers_reference_markdown(bank)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ('a: ["1億1,000万円", "2,000万円"]', ["1億1,000万円", "2,000万円"]),
        ("a: [1億1,000万円, 2,000万円]", ["1億1,000万円", "2,000万円"]),
        ("a: [1,200, 2,000, ~, 12000]", ["1,200", "2,000", None, 12000]),
        ("a: [520000, 480000, 455000]", [520000, 480000, 455000]),
        ("a: [5月, 11月]", ["5月", "11月"]),
        ("a:\n  - 1億1,000万円\n  - 2,000", ["1億1,000万円", "2,000"]),
    ],
)
def test_amounts_with_commas_in_a_yaml_list_stay_one_value(yaml_text, expected):
    assert parse_answers_text(yaml_text).answers["a"] == expected


def test_comma_amounts_in_a_list_reach_the_plan(tmp_path, answers_file):
    text = answers_file.read_text(encoding="utf-8")
    before = "  effects: [12000, 18000, 18500, 18500, 18500]"
    assert before in text
    answers_file.write_text(
        text.replace(before, '  effects: [1,200万円, "1,800万円", 1,850万円, 18500, 18,500]', 1), encoding="utf-8"
    )
    assert run_headless(tmp_path / "p.json", answers_file, out=lambda _m: None) in (0, 1)
    assert load_plan(tmp_path / "p.json").actions[0].effects[:5] == [12000, 18000, 18500, 18500, 18500]


@pytest.mark.parametrize("stage", ["課題", "窮境要因", "issue", "経営課題・窮境要因"])
def test_check_stage_accepts_japanese_names(stage, capsys):
    assert main(["check", "--stage", stage, "--text", "コロナで売上が減った"]) == 1
    assert "要修正" in capsys.readouterr().out


def test_check_stage_lists_the_valid_stages_in_japanese(capsys):
    assert main(["check", "--stage", "もの", "--text", "x"]) == 2
    err = capsys.readouterr().err
    for name in ("課題", "対策", "アクション", "次月アクション", "金融支援"):
        assert name in err
