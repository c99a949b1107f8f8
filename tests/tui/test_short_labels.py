"""Field labels in forms: short, and an amount's unit always visible (a value shows as 「12,000」)."""

from __future__ import annotations

from rich.cells import cell_len

from kaizen_guide.tui.texts import short_label


def test_the_prompts_own_unit_wins_and_the_explanation_goes():
    assert short_label("単価 (円)", 16, "千円") == "単価(円)"
    assert short_label("資本金 (登記簿の金額)", 16) == "資本金"


def test_a_fields_unit_is_shown_when_the_prompt_names_none():
    assert short_label("資本金", 15, "千円") == "資本金(千円)"
    assert short_label("資本金", 15) == "資本金"


def test_a_long_name_is_shortened_before_its_unit():
    label = short_label("金融機関からの借入金の合計残高", 15, "千円")
    assert label.endswith("…(千円)") and cell_len(label) <= 15
