"""The checks read sentences: subjects, causes, forced acts, amount roles, honorifics (issue 17)."""

from __future__ import annotations

import pytest

from kaizen_guide.checks import check_text
from kaizen_guide.ja import morph


def flagged(stage: str, text: str) -> bool:
    return any(f.severity in ("error", "warning") for f in check_text(stage, text))


@pytest.mark.parametrize(
    "text,weak",
    [
        ("長雨が続き、予定していた時期に稲刈りができなかった。", True),  # a consequence of the weather
        ("観光客が全然来んかったけん、土産の菓子が売れんかった。", True),  # dialect negation, customers as subject
        ("資材高騰が続いたが、見積の単価表を3年間一度も改めなかった。", False),  # contrast: then the company's omission
        ("部品代の値上がりを工賃に反映できていない。", False),  # the shock is the object of the company's act
        ("人手不足で受注を断らざるを得ない。", True),  # a forced act
        ("景気後退を機に営業をやめてしまい、長年の取引先も手放した。", False),  # own act (てしまう)
    ],
)
def test_issue_reads_who_did_what(text, weak):
    assert flagged("issue", text) is weak


@pytest.mark.parametrize(
    "text,weak",
    [
        ("月額250万円の元金返済を、2027年3月までの1年間、全額停止していただく。", True),  # the stopped amount
        (
            "新規融資3,000万円をお願いしたうえで、既存借入の元金返済は3年間据え置いていただきたい。",
            True,
        ),  # a loan amount
        ("営業キャッシュフローは年間800万円の赤字であり、全行に対し元金返済の停止をお願いしたい。", True),  # context
        ("各金融機関様には、元金の返済を当面お待ちいただきたく存じます。", True),  # honorific + polite request
        ("元金返済額を月100万円から月40万円に減額し、残高比で各金融機関様に配分させていただきたい。", False),
    ],
)
def test_financial_support_reads_amount_roles_and_politeness(text, weak):
    assert flagged("financial_support", text) is weak


def test_owner_from_person_name_and_abbreviated_title():
    assert not flagged("action", "PM(山田)が2027年3月までに工程表の標準テンプレートを出す。")
    assert flagged("action", "2027年3月までに工程表の標準テンプレートを出す。")


def test_analyser_offsets_are_character_offsets():
    toks = morph.tokenize("月額250万円の元金返済")
    assert [t.surface for t in toks][:2] == ["月額", "250万"]
    assert all("月額250万円の元金返済"[t.start : t.end] == t.surface for t in toks)
