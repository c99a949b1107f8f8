"""The sample company's 伴走支援 records (2027年4〜6月) and its July review answers file.

Kept apart from :mod:`kaizen_guide.sample` (the plan itself) so each stays small; the sample
re-exports what callers use.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from .model.plan import (
    ActionCheck,
    ActionStatus,
    MonitoringRecord,
    NextAction,
    RevisedMeasure,
    SegmentActual,
    VarianceCause,
)


def _at(month: str, day: int) -> datetime:
    y, m = (int(x) for x in month.split("-"))
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return datetime(y, m, day, 10, 0, tzinfo=UTC)


def monitoring_records() -> list[MonitoringRecord]:
    """Three months of 計画1年目: 4月 on plan, 5月 watch, 6月 a miss (宴会の延期) with causes,
    revised measures and 次月アクション; each month first checks the previous month's actions."""
    return [
        MonitoringRecord(
            month="2027-04",
            actuals_source="試算表 (手入力)",
            completed_at=_at("2027-04", 12),
            actuals={
                "sales": 37650,
                "cost_of_sales": 14050,
                "sga": 23050,
                "personnel": 12900,
                "non_operating_income": 170,
                "non_operating_expenses": 460,
                "cash_end": 12900,
                "borrowings_end": 321395,
            },
            next_actions=[
                NextAction(
                    text="葬儀社8社を招いて法要弁当の試食会を開き、見積を提出する",
                    owner="取締役 本店店長 桜井 翔",
                    due=date(2027, 5, 20),
                    target="試食会1回・見積5件",
                    action_id="A4",
                ),
                NextAction(
                    text="主要食材3品目 (鮮魚・和牛・米) の相見積を2社から取る",
                    owner="専務取締役 桜井 由美",
                    due=date(2027, 5, 25),
                    target="相見積3品目×2社",
                    action_id="A2",
                ),
            ],
            action_status=[
                ActionStatus(
                    action_id="A1", status="in_progress", kpi_actual=D("37.5"), comment="レシピカード12品 / 30品"
                ),
                ActionStatus(action_id="A2", status="in_progress", comment="青果の相見積を取得"),
                ActionStatus(
                    action_id="A3",
                    status="done",
                    evaluation="good",
                    kpi_actual=D("5500"),
                    comment="4月から新コース。既存の法人顧客には3月中に説明済み",
                ),
                ActionStatus(action_id="A4", status="in_progress", comment="葬儀社8社・寺院20か所のリストを作成"),
                ActionStatus(action_id="A5", status="in_progress", kpi_actual=D("3950")),
                ActionStatus(
                    action_id="A6",
                    status="done",
                    evaluation="good",
                    kpi_actual=D("2400"),
                    effect_actual=2400,
                    comment="重複する保険2件を3月末で解約 (年間の削減額)",
                ),
                ActionStatus(
                    action_id="A7", status="in_progress", kpi_actual=D("15"), comment="4月分は翌月15日に締めた"
                ),
            ],
        ),
        MonitoringRecord(
            month="2027-05",
            actuals_source="試算表 (手入力)",
            completed_at=_at("2027-05", 11),
            actuals={
                "sales": 37000,
                "cost_of_sales": 13650,
                "sga": 21800,
                "personnel": 12700,
                "non_operating_income": 170,
                "non_operating_expenses": 460,
                "cash_end": 13300,
                "borrowings_end": 320690,
            },
            action_checks=[
                ActionCheck(
                    month="2027-04",
                    index=0,
                    text="葬儀社8社を招いて法要弁当の試食会を開き、見積を提出する",
                    status="partial",
                    result="試食会1回 (6社参加)・見積3件 / 目標5件",
                    reason="葬儀社2社の担当者が5月は繁忙で日程が合わず、見積の提出が3件にとどまった。6月は残り2社と日程を確定済み。",
                    new_due=date(2027, 6, 20),
                ),
                ActionCheck(
                    month="2027-04",
                    index=1,
                    text="主要食材3品目 (鮮魚・和牛・米) の相見積を2社から取る",
                    status="done",
                    result="3品目×2社の相見積を取得。鮮魚は4%安い仕入先に切り替えた",
                ),
            ],
            next_actions=[
                NextAction(
                    text="試食会に来られなかった葬儀社2社を訪問し、法要弁当の見積を提出する",
                    owner="取締役 本店店長 桜井 翔",
                    due=date(2027, 6, 20),
                    target="見積2件・受注1件",
                    action_id="A4",
                ),
                NextAction(
                    text="6月の宴会の空き日を埋めるため、法人30社へ空き日の案内を送る",
                    owner="代表取締役 桜井 健一",
                    due=date(2027, 6, 15),
                    target="案内30社・予約5件",
                    action_id="A3",
                ),
            ],
            action_status=[
                ActionStatus(
                    action_id="A1", status="in_progress", kpi_actual=D("37.0"), comment="レシピカード20品 / 30品"
                ),
                ActionStatus(
                    action_id="A2",
                    status="done",
                    evaluation="good",
                    kpi_actual=D("-4"),
                    comment="鮮魚の仕入先を切り替え (4%安)",
                ),
                ActionStatus(action_id="A4", status="in_progress", comment="試食会1回・見積3件"),
                ActionStatus(action_id="A5", status="in_progress", kpi_actual=D("4050")),
                ActionStatus(action_id="A7", status="in_progress", kpi_actual=D("12")),
            ],
        ),
        MonitoringRecord(
            month="2027-06",
            actuals_source="試算表 (手入力)",
            completed_at=_at("2027-06", 12),
            actuals={
                "sales": 28100,
                "cost_of_sales": 11200,
                "sga": 22500,
                "personnel": 12800,
                "non_operating_income": 150,
                "non_operating_expenses": 470,
                "cash_end": 8200,
                "borrowings_end": 319985,
            },
            action_status=[
                ActionStatus(
                    action_id="A1",
                    status="in_progress",
                    evaluation="fair",
                    kpi_actual=D("39.9"),
                    comment="レシピカードは24品 / 30品。宴会の廃棄で6月の原価率は計画を上回った",
                ),
                ActionStatus(action_id="A4", status="in_progress", comment="見積2件・7月分の法要弁当を受注"),
                ActionStatus(
                    action_id="A5",
                    status="in_progress",
                    kpi_actual=D("3900"),
                    comment="宴会の減少で人時売上高は4月並みに戻った",
                ),
                ActionStatus(
                    action_id="A7",
                    status="done",
                    evaluation="good",
                    kpi_actual=D("10"),
                    comment="6月分から翌月10日までに月次決算",
                ),
            ],
            segment_actuals=[
                SegmentActual(name="店舗飲食", quantity=8050, sales=19900),
                SegmentActual(name="宴会", quantity=900, sales=4650),
                SegmentActual(name="仕出し", quantity=1140, sales=3550),
            ],
            action_checks=[
                ActionCheck(
                    month="2027-05",
                    index=0,
                    text="試食会に来られなかった葬儀社2社を訪問し、法要弁当の見積を提出する",
                    status="done",
                    result="2社を訪問・見積2件を提出、1社から7月分の法要弁当 (月約120食) を受注",
                ),
                ActionCheck(
                    month="2027-05",
                    index=1,
                    text="6月の宴会の空き日を埋めるため、法人30社へ空き日の案内を送る",
                    status="not_done",
                    result="案内0社 / 目標30社",
                    reason="宴会の空き日案内は、代表が6月に宴会場の空調故障の対応に追われ送付できなかった。案内文は作成済みで、7月5日に発送する。",
                    new_due=date(2027, 7, 5),
                ),
            ],
            variance_causes=[
                VarianceCause(
                    line="sales",
                    tag="mixed",
                    amount=-7225,
                    text="法人宴会の最大顧客A社 (年間約1,800人) が6月の社内懇親会を秋に延期し、宴会人数が計画より900人少なかった (約−4,700千円)。A社以外の法人への宴会営業をしておらず、空いた日を埋められなかった。",
                ),
                VarianceCause(
                    line="gross_profit",
                    tag="internal",
                    amount=-5425,
                    text="宴会のキャンセルで仕込んだ食材の廃棄が増え、6月の原価率が39.9%と計画の36.8%を3.1ポイント上回った。予約人数が減ったときに仕入量を見直すルールがなかった。",
                ),
                VarianceCause(
                    line="cash_end",
                    tag="mixed",
                    amount=-4666,
                    text="宴会場の空調が故障し、修理費1,100千円を6月に現金で支払った。宴会の減少で法人宴会の入金も約3,000千円少なかった。",
                ),
            ],
            revised_measures=[
                RevisedMeasure(
                    line="sales",
                    link="M2",
                    text="過去3年に宴会利用のあった法人40社を代表が訪問して秋の宴会プランを提案し、9月までに新規10社・宴会人数600人を獲得してA社への依存を下げる。",
                ),
                RevisedMeasure(
                    line="gross_profit",
                    link="A1",
                    text="宴会の予約人数が確定した3日前に仕入量を決めるルールにし、料理長が毎週廃棄量を記録して原価率を36%台に戻す。",
                ),
                RevisedMeasure(
                    line="cash_end",
                    link="M5",
                    text="7月の賞与支払前に資金繰り表を週次で更新し、空調修理費の分割払いを業者と交渉する。ひまわり銀行に6月の実績と7月の資金見通しを7月10日までに説明する。",
                ),
            ],
            next_actions=[
                NextAction(
                    text="過去3年に宴会利用のあった法人40社に秋の宴会プランの案内を送り、20社を訪問する",
                    owner="代表取締役 桜井 健一",
                    due=date(2027, 7, 25),
                    target="案内40社・訪問20件・予約5件",
                    line="sales",
                ),
                NextAction(
                    text="宴会の仕入量を予約確定人数で決めるルールを作り、毎週の廃棄量を記録する",
                    owner="料理長 山田 誠",
                    due=date(2027, 7, 15),
                    target="ルール1枚作成・廃棄記録4週分",
                    line="gross_profit",
                    action_id="A1",
                ),
                NextAction(
                    text="週次の資金繰り表を作り、空調修理費の分割払いを業者に申し入れる",
                    owner="専務取締役 桜井 由美",
                    due=date(2027, 7, 10),
                    target="週次資金繰り表4回・分割払いの合意書",
                    line="cash_end",
                ),
            ],
        ),
    ]


SAMPLE_REVIEW_MONTH = "2027-07"

SAMPLE_REVIEW_YAML = """\
# kaizen-guide 月次モニタリング (伴走支援) の回答ファイル — サンプル (株式会社さくら亭 2027年7月)
# 使い方: kaizen-guide monitor sample_plan.json --answers この回答ファイル.yaml [--format json]
# 金額は千円単位 (「350万円」「▲500」のようにふだんどおりに書けます)。
month: 2027-07
given_by: advisor          # owner (経営者) / advisor (支援者)

# 1. 前回 (6月) 決めた次月アクションの結果 (順番どおり)。status: 済 / 一部 / 未実施
prior:
  - status: 一部
    result: 案内40社・訪問14件 / 目標20件・予約3件
    reason: 7月前半は法要の仕出しが重なり、代表が配達に入った日が6日あった。8月は火曜と木曜を訪問日に固定する。
    new_due: 2027年8月20日
  - status: 済
    result: 仕入ルールを作成 (1枚)・廃棄記録4週分。7月の廃棄は6月の半分
  - status: 済
    result: 週次資金繰り表を4回作成。空調修理費は3回払いで合意

# 2. 今月の実績 (試算表から)。粗利・営業利益・経常利益は自動で計算します
actuals:
  売上高: 36,500
  売上原価: 13,900
  販売費及び一般管理費: 29,300
  うち人件費: 19,500
  営業外収益: 160
  営業外費用: 470
  月末現預金: 5,100
  月末借入金残高: 319,280

# 3. 売上が計画に届かないときの深掘り: 区分ごとの数量 (と売上)
segments:
  店舗飲食: {quantity: 8650, sales: 21600}
  宴会: {quantity: 1700, sales: 8950}
  仕出し: {quantity: 1900}          # 売上は残りから計算

# 4. 未達の項目ごとの原因 (tag: 内部 / 外部 / 混合) と 5. 改善策の見直し (未達の月だけ使います)
causes: {}
measures: {}

# 6. 次月アクション (担当・来月中の期限・確かめられる目標)
next_actions:
  - text: 秋の宴会プランを案内した法人のうち未訪問の6社を訪問し、9月の宴会予約を取る
    owner: 代表取締役 桜井 健一
    due: 2027年8月20日
    target: 訪問6件・予約3件 (宴会人数120人)
  - text: 8月の賞与後の資金繰りを週次で確認し、ひまわり銀行に7月の実績を報告する
    owner: 専務取締役 桜井 由美
    due: 2027年8月10日
    target: 週次資金繰り表4回・報告資料1部

# 7. アクションプランの進捗: 今月に実施中か、期限を過ぎて済になっていない施策 (状態: 済 / 実施中 / 未着手 / 遅延。
#    書かない施策は期限から判断した状態。遅延・未着手には reason が必要)。kpi_actual は KPI の今月の実績
plan_actions:
  A1: {status: 済, kpi_actual: 36.5}
  A4: {status: 実施中}
  A5: {status: 実施中, kpi_actual: 4200}
"""
