"""Each rule fires on a weak answer (with its interviewer follow-up) and stays quiet on a good one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kaizen_guide.checks import SEVERITY_ORDER, Finding, check_text, is_flagged, sort_findings
from kaizen_guide.checks.rules import default_checklist

# rule id → (stage, weak answer that must trigger it, good answer that must not)
CASES: dict[str, tuple[str, str, str]] = {
    "issue.external_only": (
        "issue",
        "ｳｸﾗｲﾅ情勢を受けた電気料金の値上げで、工場の光熱費が倍になった。",
        "電気料金が上がったが、設備が古く、省エネ投資を先送りしてきた。",
    ),
    "issue.symptom_only": (
        "issue",
        "資金繰りが苦しく、借入金の返済が重い。",
        "受注ごとの採算を計算しておらず、赤字の仕事も断っていない。",
    ),
    "countermeasure.generic": (
        "countermeasure",
        "業務の効率化とサービス向上に努める。",
        "稼働率の低い2号機を売却し、リース料を月35万円減らす。",
    ),
    "countermeasure.goal_only": (
        "countermeasure",
        "3年後に経常利益を1,000万円にすることを目指す。",
        "客単価の低い平日ランチを廃止し、夜の予約コースを2種類新設する。",
    ),
    "action.no_owner": (
        "action",
        "2026年4月から毎月既存顧客15社を訪問し、受注を月100万円増やす。",
        "営業課長の中村が2026年4月から毎月既存顧客15社を訪問し、受注を月100万円増やす。",
    ),
    "action.no_timing": (
        "action",
        "工場長が不良率を2%以下に下げる。",
        "工場長が2026年9月末までに不良率を2%以下に下げる。",
    ),
    "action.no_target": (
        "action",
        "店長の佐藤が来月から接客を強化する。",
        "店長の佐藤が来月から客単価を平均150円上げる。",
    ),
    "next_action.uncheckable": (
        "next_action",
        "引き続き原価意識の徹底に努める。",
        "仕入先2社に相見積を依頼し、20日までに比較表を作る。",
    ),
    "cause.external_only": (
        "cause",
        "記録的な暖冬で、冬物の売上が計画の7割にとどまった。",
        "暖冬もあったが、冬物の発注量を前年並みにしたため、在庫が計画の2倍残った。",
    ),
    "cause.unspecific": (
        "cause",
        "売上が計画を下回ったため。",
        "G社向けの新製品の出荷開始が2か月遅れた。",
    ),
    "cause.vague_excuse": (
        "cause",
        "繁忙期で忙しかったため。",
        "繁忙期に営業担当が1名退職し、訪問件数が計画の半分になった。",
    ),
    "financial_support.blanket_moratorium": (
        "financial_support",
        "全行に対して、元金返済を当面据え置いていただきたい。",
        "返済原資(年間900万円)を残高プロラタで各行に配分する条件変更をお願いしたい。",
    ),
    "financial_support.vague": (
        "financial_support",
        "金融機関のご支援をお願いしたい。",
        "運転資金として新規融資2,000万円をお願いしたい。",
    ),
    "financial_support.no_allocation": (
        "financial_support",
        "元金返済額を月150万円から80万円に減額していただきたい。",
        "元金返済額を月150万円から80万円に減額し、各行の残高シェアに応じて配分したい。",
    ),
}

REQUIRED_RULES = {
    "issue.external_only",
    "issue.symptom_only",
    "countermeasure.generic",
    "countermeasure.goal_only",
    "action.no_owner",
    "action.no_timing",
    "action.no_target",
    "next_action.uncheckable",
    "cause.external_only",
    "financial_support.blanket_moratorium",
}


def ids(findings: list[Finding]) -> set[str]:
    return {f.rule_id for f in findings}


def test_required_rules_exist_and_every_rule_has_a_unit_case():
    shipped = {r.id for r in default_checklist().rules}
    assert shipped >= REQUIRED_RULES
    assert shipped == set(CASES), (
        f"rules without unit cases: {shipped - set(CASES)}; stale cases: {set(CASES) - shipped}"
    )


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_on_weak_answer_with_follow_up(rule_id):
    stage, weak, _good = CASES[rule_id]
    findings = {f.rule_id: f for f in check_text(stage, weak)}
    assert rule_id in findings, f"{rule_id} did not fire on {weak!r}; got {sorted(findings)}"
    f = findings[rule_id]
    assert f.stage == stage
    assert f.guideline_ref and f.section
    assert any(ord(ch) > 0x3000 for ch in f.message), "message must be Japanese"
    assert "{evidence}" not in f.message
    if f.severity != "info":
        assert f.follow_up and f.follow_up.strip(), "flagging rules must give the interviewer a next question"
        assert f.example and f.example.strip()
        assert is_flagged([f])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_quiet_on_good_answer(rule_id):
    stage, _weak, good = CASES[rule_id]
    findings = check_text(stage, good)
    assert rule_id not in ids(findings), f"{rule_id} fired on a good answer {good!r}"


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_good_answers_are_not_flagged_at_all(rule_id):
    stage, _weak, good = CASES[rule_id]
    assert not is_flagged(check_text(stage, good)), [f.rule_id for f in check_text(stage, good)]


# ---------------------------------------------------------------------- content, not form


def test_long_answer_full_of_figures_can_still_be_weak():
    text = (
        "2021年度から2024年度にかけて、円安が1ドル110円から150円まで進み、輸入原材料の価格が平均32%、"
        "電気料金が1.6倍、物流費が18%上昇したことで、売上総利益率は28.4%から19.7%まで低下した。"
    )
    assert "issue.external_only" in ids(check_text("issue", text))


def test_short_concrete_answers_pass():
    assert not is_flagged(check_text("countermeasure", "赤字の2店舗を閉鎖する。"))
    assert not is_flagged(check_text("issue", "採算を把握していない。"))
    assert not is_flagged(check_text("next_action", "見積を5件出す。"))


def test_external_factor_with_internal_one_is_fine():
    assert not is_flagged(check_text("issue", "円安で仕入が上がったが、値上げの交渉をしていない。"))


def test_labour_shortage_alone_is_external_but_hiring_system_is_internal():
    assert "issue.external_only" in ids(check_text("issue", "慢性的な人手不足。"))
    assert not is_flagged(check_text("issue", "人手不足だが、採用の仕組みがなく求人も出していない。"))


def test_hedged_method_is_not_a_method():
    assert is_flagged(check_text("countermeasure", "配車システムの導入を検討する。"))
    assert not is_flagged(check_text("countermeasure", "配車システムを導入する。"))


def test_evidence_quotes_the_users_words():
    (f,) = [f for f in check_text("issue", "ｺﾛﾅ禍で客足が遠のいた。") if f.rule_id == "issue.external_only"]
    assert "コロナ禍" in f.evidence
    assert "「コロナ禍」" in f.message


def test_typo_in_shock_word_is_still_external():
    assert "issue.external_only" in ids(check_text("issue", "原材科が高い。"))


# ---------------------------------------------------------------------- API contract


def test_monthly_as_a_thing_is_not_a_time_but_as_a_rhythm_it_is():
    """「月次決算体制を構築する」 says by when nothing is done; 「月次で報告する」 is a monthly rhythm."""
    rules = {f.rule_id for f in check_text("action", "経理担当者を中心に月次決算体制を構築する。")}
    assert "action.no_timing" in rules
    rules = {
        f.rule_id for f in check_text("action", "製造課長の森が月次で原価差異を報告し、材料ロス率を5%から3%に下げる。")
    }
    assert "action.no_timing" not in rules


def test_negotiating_needs_what_is_negotiated():
    """「仕入先と交渉する」 names a partner, not what changes: a direction. Negotiating over a named
    price or term (賃料の減額, 仕入単価の5%引き下げ) is a method."""
    assert is_flagged(check_text("countermeasure", "仕入先と交渉する。"))
    assert not is_flagged(check_text("countermeasure", "家主と賃料の減額を交渉する。"))
    assert not is_flagged(check_text("countermeasure", "主要仕入先3社と仕入単価の5%引き下げを交渉する。"))
    assert not is_flagged(check_text("countermeasure", "全仕入先と支払サイトを60日から90日に延ばす交渉を行う。"))


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("社長が毎月、試算表を確認する。", True),
        ("店長が毎週、報告書に目を通す。", True),
        ("経理の山本が毎月10日までに試算表を作成し、社長に提出する。", False),
        ("社長が2027年6月までに事業計画書をまとめ、全社員に説明する。", False),
        ("製造課長の森が月次で原価差異を報告し、材料ロス率を5%から3%に下げる。", False),
    ],
)
def test_reading_a_document_is_not_a_target_but_making_or_reporting_it_is(text, weak):
    """A document only read (試算表を確認する, 報告書に目を通す) is nothing next month's review can
    find done; making, handing in or reporting it is."""
    rules = {f.rule_id for f in check_text("action", text)}
    assert ("action.no_target" in rules) is weak, rules


def test_unknown_stage_raises_clear_value_error():
    with pytest.raises(ValueError, match="unknown stage 'plan'.*issue"):
        check_text("plan", "テキスト")


@pytest.mark.parametrize("text", ["", "   ", "\n", "。", "－"])
def test_empty_answers_do_not_crash(text):
    for stage in ("issue", "countermeasure", "action", "next_action", "cause", "financial_support"):
        assert check_text(stage, text) == []


def test_none_text_does_not_crash():
    assert check_text("issue", None) == []  # type: ignore[arg-type]


def test_question_id_and_path_are_carried():
    (f, *_) = check_text("action", "在庫を減らす。", question_id="ap.1", path="actions[0].text")
    assert f.question_id == "ap.1" and f.path == "actions[0].text"


def test_findings_sorted_worst_first():
    fs = [
        Finding(rule_id="b.x", severity="info", message="情報"),
        Finding(rule_id="a.x", severity="warning", message="注意"),
        Finding(rule_id="c.x", severity="error", message="誤り"),
    ]
    assert [f.severity for f in sort_findings(fs)] == ["error", "warning", "info"]
    assert SEVERITY_ORDER["error"] < SEVERITY_ORDER["warning"] < SEVERITY_ORDER["info"]


def test_finding_is_frozen_and_strict():
    f = Finding(rule_id="x.y", severity="warning", message="メッセージ")
    with pytest.raises(Exception):
        f.severity = "error"  # type: ignore[misc]
    with pytest.raises(Exception):
        Finding(rule_id="x.y", severity="fatal", message="m")  # type: ignore[arg-type]


def test_check_plan_is_exposed_and_delegates_lazily():
    import kaizen_guide.checks as checks

    assert callable(checks.check_plan)
    try:
        import kaizen_guide.checks.plan_rules  # noqa: F401
    except ModuleNotFoundError:
        with pytest.raises(ModuleNotFoundError):
            checks.check_plan(object())


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def test_package_import_is_light():
    out = _run(
        "import sys, kaizen_guide.checks as c; "
        "print(sorted(m for m in ('pydantic','rapidfuzz','yaml','textual','openpyxl','jinja2') if m in sys.modules))"
    )
    assert out == "[]", f"importing kaizen_guide.checks pulled in {out}"


def test_plan_rules_load_neither_the_bank_models_nor_the_fuzzy_matcher():
    """check reads only banks.industries; rapidfuzz waits for the first fuzzy search (issue 18)."""
    out = _run(
        "import sys, kaizen_guide.checks.plan_rules, kaizen_guide.checks.text; "
        "print(sorted(m for m in ('kaizen_guide.banks.models', 'kaizen_guide.banks.loader', 'rapidfuzz') "
        "if m in sys.modules))"
    )
    assert out == "[]", f"importing the plan rules pulled in {out}"


def test_the_bank_names_are_still_importable_from_the_package():
    from kaizen_guide import banks
    from kaizen_guide.banks.loader import load_bank
    from kaizen_guide.banks.models import Question

    assert banks.load_bank is load_bank and banks.Question is Question
    assert set(banks.__all__) <= set(dir(banks))
    with pytest.raises(AttributeError):
        banks.no_such_name  # noqa: B018


def test_checks_never_import_ui_or_export_libraries():
    out = _run(
        "import sys; from kaizen_guide.checks import check_text; check_text('issue', 'コロナ禍'); "
        "print(sorted(m for m in ('textual','openpyxl','jinja2') if m in sys.modules))"
    )
    assert out == "[]", f"the checks pulled in {out}"


def test_check_of_a_plan_with_a_warm_cache_never_imports_yaml(tmp_path):
    """The checklist comes from the disk cache, so `check` has no YAML to read (issue 18: ~16 ms)."""
    from kaizen_guide.model.store import save_plan
    from kaizen_guide.sample import build_sample_plan

    plan = tmp_path / "plan.json"
    save_plan(build_sample_plan(), plan)
    code = (
        "import sys\n"
        "from kaizen_guide.cli import main\n"
        f"code = main(['check', {str(plan)!r}])\n"
        "print(code, 'yaml' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "KAIZEN_GUIDE_DATA_DIR": str(tmp_path / "data")}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True) for _ in range(2)]
    for res in runs:
        assert res.stderr.split()[0] in ("0", "1"), res.stderr
    assert runs[0].stderr.split()[-1] == "True"  # the first run builds the cache from the YAML
    assert runs[1].stderr.split()[-1] == "False", "a warm `check` read the checklist's YAML"
