"""The monitoring report for the banks, section by section, from the sample's three months (2027-04..06)."""

from __future__ import annotations

from datetime import date

import pytest

from kaizen_guide.monitoring.fiscal import MonitoringError
from kaizen_guide.monitoring.report import build_report

TODAY = date(2027, 7, 8)


@pytest.fixture
def q1(sample_plan):
    return build_report(sample_plan, "2027Q1", today=TODAY)


@pytest.fixture
def june(sample_plan):
    return build_report(sample_plan, "2027-06", today=TODAY)


def test_labels_in_the_banks_terms(q1, june):
    assert q1.title == "モニタリング報告 (伴走支援レポート) 令和10年3月期 第1四半期"
    assert q1.period.era_span_text == "令和9年4月〜令和9年6月"
    assert june.period.title == "令和10年3月期 (2028年3月期) 6月度 (計画1年目 6月)"


def test_summary_highlights_risks_and_next_moves(q1):
    # highlights: the lines on plan and what was done
    assert any("販売費及び一般管理費" in t and "96.9%" in t for t in q1.summary_highlights)
    assert any("4 項目が実施済み" in t for t in q1.summary_highlights)  # A2, A3, A6, A7
    assert any("4 件のうち 2 件を実施" in t for t in q1.summary_highlights)  # 5月: 済1 一部1, 6月: 済1 未実施1
    # risks: the June misses, the cash low point and the ordinary profit landing
    risks = "\n".join(q1.summary_risks)
    assert "売上高: 計画比 91.9%、▲9,113千円 (2027年6月)" in risks
    assert "2027年7月の ▲485千円" in risks and "20,485千円 下回る" in risks
    assert "経常利益の年間着地見込" in risks
    # 来月の打ち手: June's three 次月アクション, in order, with owner and due
    assert [m.owner for m in q1.summary_moves] == ["代表取締役 桜井 健一", "料理長 山田 誠", "専務取締役 桜井 由美"]
    assert q1.summary_moves[0].due == "2027年7月25日" and q1.summary_moves[0].target == "案内40社・訪問20件・予約5件"


def test_overview_period_and_year_to_date(q1):
    text = "\n".join(q1.overview)
    assert "計画 111,863千円 に対し実績 102,750千円 (計画比 91.9%、▲9,113千円) で「注意」" in text
    assert "期首からの累計は計画比 91.9%" in text
    assert "月末現預金は8,200千円 (計画 12,866千円" in text
    keys = [ln.key for ln in q1.overview_lines]
    assert keys == ["sales", "gross_profit", "sga", "operating_profit", "ordinary_profit", "cash_end", "borrowings_end"]
    assert q1.pc.line("ordinary_profit").actual == 260 + 1260 - 5920


def test_progress_board_and_checked_actions(q1):
    by_id = {b.action_id: b for b in q1.board}
    assert by_id["A2"].status_label == "済" and by_id["A1"].status_label == "実施中"
    assert by_id["A6"].effect_actual == 2400
    assert str(by_id["A1"].kpi_actual) == "39.9"
    assert [(m, s) for m, _, s, _ in q1.checks] == [
        ("2027-04", "一部"),
        ("2027-04", "済"),
        ("2027-05", "済"),
        ("2027-05", "未実施"),
    ]
    assert "空調故障" in q1.checks[3][3]  # the reason of the action not done


def test_each_miss_has_its_decomposition_cause_measure_and_actions(q1):
    misses = {m.key: m for m in q1.misses}
    assert list(misses) == ["sales", "gross_profit", "cash_end"]
    sales = misses["sales"]
    assert sales.months == ["2027-06"]
    assert "宴会の数量が計画より900人少ない" in sales.readings[0] and "数量差異 −4,679千円" in sales.readings[0]
    assert (
        sales.causes[0].tag == "内部・外部の混合" and sales.causes[0].amount == -7225 and "A社" in sales.causes[0].text
    )
    assert sales.measures[0].link == "M2" and "法人40社" in sales.measures[0].text
    assert sales.actions[0].owner == "代表取締役 桜井 健一"
    gross = misses["gross_profit"]
    assert "粗利率の差による分" in gross.readings[0] and gross.causes[0].tag == "内部要因"
    assert gross.actions[0].link == "A1"
    assert "空調" in misses["cash_end"].causes[0].text


def test_bank_requests_per_bank_from_the_repayment_plan(q1):
    reqs = {r.bank: r for r in q1.requests}
    assert list(reqs) == ["ひまわり銀行", "あおば信用金庫", "日本政策金融公庫", "北央銀行"]
    main = reqs["ひまわり銀行"]
    assert main.is_main and not reqs["北央銀行"].is_main
    assert main.contractual - main.planned == main.reduction > 0
    assert f"元金返済 {main.planned:,}千円" in main.text and "残高プロラタ" in main.text
    assert "42か月" in q1.request_text  # the plan's 金融支援 request (no monthly override)


def test_bank_request_of_the_month_overrides_the_plan_text(sample_plan):
    sample_plan.monitoring[2].bank_requests = "7月の賞与資金について、ひまわり銀行に短期の折返しをお願いしたい。"
    rep = build_report(sample_plan, "2027Q1", today=TODAY)
    assert rep.request_text.startswith("7月の賞与資金")


def test_cash_page(q1, sample_plan):
    from kaizen_guide.monitoring.compare import plan_source

    cp = q1.cash
    flows = {f.label: f for f in cp.flows}
    assert cp.month == "2027-06" and cp.next_month == "2027-07"
    assert flows["前月繰越 (月初の現預金)"].actual == 13300  # May's actual month-end
    assert flows["翌月繰越 (月末の現預金)"].actual == 8200
    assert flows["財務収支 (借入 − 返済)"].actual == 319985 - 320690
    assert flows["経常収支 + 設備・決算等 (実績は残高から逆算)"].actual == (8200 - 13300) - (319985 - 320690)
    assert flows["翌月繰越 (月末の現預金)"].plan == q1.pc.line("cash_end").plan
    assert cp.lowest == ("2027-07", -485) and cp.short_by == 20485
    assert cp.outlook[0][0] == "2027-07" and len(cp.outlook) == 12
    # 銀行別: the plan's monthly repayments over the quarter; the actual is the total only
    assert cp.planned_total == 3 * 925 and cp.contractual_total == 3 * (26400 + 12000 + 7200 + 4200) // 12
    assert cp.actual_borrowings == 319985
    march = plan_source(sample_plan)(0).value("borrowings_end", "2027-03")  # no record for March: the plan
    assert cp.actual_repaid == march - 319985
    assert "計画残高から" in cp.repaid_basis


def test_table_rows_and_chart_months(q1, june):
    assert [ln.key for ln in q1.lines][:3] == ["sales", "cost_of_sales", "gross_profit"]
    assert [c.month for c in q1.chart] == ["2027-04", "2027-05", "2027-06"]
    assert [c.month for c in june.chart] == ["2027-04", "2027-05", "2027-06"]  # 期首 to the month
    assert june.pc.line("sales").actual == 28100 and june.pc.line("sales").cum_actual == 102750


def test_full_year_report_with_three_months(sample_plan):
    rep = build_report(sample_plan, "FY2027", today=TODAY)
    assert not rep.pc.complete and len(rep.chart) == 12
    assert any("3/12 か月" in n for n in rep.notes)
    assert rep.chart[5].row("sales").actual is None


def test_amendments_hook_lists_corrections_of_reported_months(sample_plan):
    from kaizen_guide.monitoring.report import Amendment

    rep = build_report(
        sample_plan,
        "2027Q1",
        today=TODAY,
        amendments=[Amendment("2027-05", "売上高", "37,000", "37,400", "2027-07-03", "advisor")],
    )
    assert rep.amendments[0].after == "37,400"
    assert build_report(sample_plan, "2027Q1", today=TODAY).amendments == []


def test_no_records_is_a_japanese_error(sample_plan):
    with pytest.raises(MonitoringError) as exc:
        build_report(sample_plan, "2027Q3")
    assert "実績がまだ記録されていません" in exc.value.message


def test_a_frozen_plan_reports_what_the_banks_agreed_to_not_the_draft(sample_plan):
    """After 当初計画 was frozen, edits to the working plan are a draft: the report's ② 取組状況,
    ④ 継続支援依頼 and 資金繰り page come from the version in force (they read the working plan)."""
    from datetime import UTC, datetime

    from kaizen_guide.model.versions import freeze

    agreed = build_report(sample_plan, "2027Q1", today=TODAY)
    freeze(sample_plan, note="ひまわり銀行に提出", by="advisor", at=datetime(2027, 3, 20, tzinfo=UTC))
    sample_plan.support.request = "下書き: 元金返済を全行で120か月据え置きたい。"
    draft = sample_plan.actions[0].model_copy(update={"id": "A99", "title": "下書きの新しいアクション"})
    sample_plan.actions.append(draft)
    for bank in sample_plan.banks:
        for loan in bank.loans:
            loan.monthly_repayment *= 2
    rep = build_report(sample_plan, "2027Q1", today=TODAY)
    assert rep.request_text == agreed.request_text and "下書き" not in rep.request_text
    assert [b.action_id for b in rep.board] == [b.action_id for b in agreed.board]
    assert [(r.bank, r.contractual, r.planned) for r in rep.requests] == [
        (r.bank, r.contractual, r.planned) for r in agreed.requests
    ]
    assert (rep.cash.contractual_total, rep.cash.planned_total) == (
        agreed.cash.contractual_total,
        agreed.cash.planned_total,
    )
    # The monitoring records are the working plan's (they are never frozen).
    assert [c[:2] for c in rep.checks] == [c[:2] for c in agreed.checks]
