"""Japanese line breaking: by phrase, with 禁則, on the texts the interview really shows."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from kaizen_guide.banks import load_bank
from kaizen_guide.checks.rules import default_checklist
from kaizen_guide.ja.linebreak import NO_LINE_END, NO_LINE_START, divide_line, fold, phrases, wrap


def _prose() -> list[str]:
    """Every prompt, help and example of the banks and every message of the checklist."""
    texts: list[str] = []
    for section in load_bank().sections:
        texts.append(section.intro)
        for q in section.questions:
            texts += [q.prompt, q.help, q.example]
            texts += [t for f in q.sub_fields for t in (f.prompt, f.help, f.example)]
    for rule in default_checklist().rules:
        texts += [rule.message, rule.guideline_ref, rule.follow_up or "", rule.example or ""]
    return [" ".join(t.split()) for t in texts if t and t.strip()]


PROSE = _prose()


@pytest.mark.parametrize("width", [16, 23, 36, 50, 74])
def test_bank_texts_wrap_without_a_closing_mark_at_a_line_start(width):
    bad = []
    for text in PROSE:
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), text  # nothing lost
        for line in lines:
            assert cell_len(line) <= width, (width, line)
        bad += [(text, line) for line in lines[1:] if line[:1] in NO_LINE_START]
        bad += [(text, line) for line in lines[:-1] if line[-1:] in NO_LINE_END]
    assert not bad, bad[:5]


def test_words_and_numbers_are_not_split():
    """The splits seen on screen: 「ct|rl+s」「原価率を3|3%」「山田|誠」."""
    text = "書いてctrl+sで保存します。原価率を33%に下げる。担当は山田誠が務める。"
    for width in range(10, 40):
        lines = wrap(text, width)
        for part in ("ctrl+s", "33%", "山田誠"):
            assert any(part in line for line in lines), (width, lines)


def test_phrases_keep_closing_marks_on_the_phrase_before():
    for text in PROSE[:200]:
        for part in phrases(text.replace(" ", ""))[1:]:
            assert part[0] not in NO_LINE_START, (text, part)


def test_a_piece_wider_than_the_line_folds_with_kinsoku():
    assert fold("ああああ。いい", 8) == ["あああ", "あ。いい"]
    assert fold("ああ「いいいい", 6) == ["ああ", "「いい", "いい"]


def test_latin_text_wraps_at_spaces_as_before():
    from rich._wrap import divide_line as rich_divide

    text = "Export the workbook and the reports next to the plan file, then open them."
    for width in (10, 17, 30, 80):
        assert divide_line(text, width) == rich_divide(text, width)


def test_a_line_that_fits_is_not_broken_nor_split_into_phrases(monkeypatch):
    # The start screen's lines fit: breaking them must not load BudouX (issue 18), and the answer is
    # the one the phrase-by-phrase walk gives (no break), trailing spaces not counting.
    import kaizen_guide.ja.linebreak as lb

    for text in PROSE[:200]:
        width = cell_len(text.rstrip())
        monkeypatch.setattr(lb, "chunks", lambda _text: pytest.fail("split into phrases"))
        assert divide_line(text + "   ", width) == []
        monkeypatch.undo()
        if width > 1:
            assert divide_line(text, width - 1) != []  # one cell less: it breaks (the walk runs)
