"""The built-in sample company: 株式会社さくら亭, a struggling restaurant and catering business.

A complete, internally consistent plan (3 years of actuals whose balance sheets tie to the
profits, 4 banks with shared collateral, issues → measures → actions with effects, 5 years of
drivers) so that every sheet and check can be shown on it. All names are fictitious.

Numbers are literals on purpose: a reader can compare them with the workbook cell by cell.
This module holds the plan's story (company, causes, issues, measures, actions, the request);
the figures are in :mod:`.sample_financials`, the lenders in :mod:`.sample_banks`, the
伴走支援 records in :mod:`.sample_monitoring`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from .model.plan import (
    ActionItem,
    Analysis,
    CashFlowInputs,
    Company,
    Countermeasure,
    DistressCause,
    FinancialSupport,
    FlowStep,
    GroupCompany,
    HistoryEvent,
    Issue,
    Kpi,
    LocalBenchmarkViews,
    MonitoringPlan,
    Officer,
    Plan,
    PlanMeta,
    Shareholder,
    Targets,
    TradePartner,
)
from .sample_banks import banks, collaterals
from .sample_financials import drivers, financials
from .sample_monitoring import SAMPLE_REVIEW_MONTH, SAMPLE_REVIEW_YAML, monitoring_records

__all__ = ["SAMPLE_REVIEW_MONTH", "SAMPLE_REVIEW_YAML", "build_sample_plan"]


def build_sample_plan(*, monitoring: bool = False) -> Plan:
    """A fresh copy of the sample plan (callers may mutate it).

    ``monitoring``: with three months of 伴走支援 records (2027年4〜6月: on plan, watch, a miss),
    as the demo and ``kaizen-guide sample`` ship it. The plain plan is what the interview builds.
    """
    plan = Plan(
        meta=PlanMeta(
            title="経営改善計画書",
            plan_style="full",
            created_on=date(2026, 11, 20),
            support_agency="みなと経営サポート税理士法人 (認定経営革新等支援機関)",
            main_bank="ひまわり銀行",
            prepared_by="代表取締役 桜井 健一",
        ),
        company=_company(),
        financials=financials(),
        banks=banks(),
        collaterals=collaterals(),
        analysis=_analysis(),
        distress_causes=[
            DistressCause(
                id="C1",
                kind="internal",
                impact=-15000,
                description="メニュー別の原価を把握しておらず、仕入価格の上昇を価格に転嫁できないまま原価率が38%から41%に悪化した。",
            ),
            DistressCause(
                id="C2",
                kind="internal",
                impact=-20000,
                description="売上の3割を占める法人宴会に依存し、宴会の減少に対して個人客・仕出しの販路づくりが遅れた。",
            ),
            DistressCause(
                id="C3",
                kind="internal",
                impact=-6000,
                description="シフトが店長の経験頼みで、アイドルタイムにも人員が張り付き人件費率が40%と高い。",
            ),
            DistressCause(
                id="C4",
                kind="external",
                impact=-12000,
                description="新型コロナ以降の宴会需要の縮小と食材・光熱費の上昇。",
            ),
        ],
        issues=[
            Issue(
                id="I1",
                priority=1,
                cause_ids=["C1"],
                title="メニュー別の原価管理ができていない",
                description="定番メニューのレシピと盛付量が標準化されておらず、原価率が41%と業界平均(35%前後)より高い。仕入先も長年の付き合いで相見積をしていない。",
            ),
            Issue(
                id="I2",
                priority=2,
                cause_ids=["C2"],
                title="法人宴会に依存した売上構造",
                description="法人宴会への依存度が高く、宴会の減少を補う仕出し・法要需要の営業体制がない。宴会コースの価格も5年間据え置いている。",
            ),
            Issue(
                id="I3",
                priority=3,
                cause_ids=["C3"],
                title="時間帯別の人員配置ができていない",
                description="来店客数の時間帯別データを使わずにシフトを組んでおり、売上に対して人件費が固定化している。",
            ),
            Issue(
                id="I4",
                priority=4,
                cause_ids=["C1", "C2"],
                title="月次の採算・資金繰り管理がない",
                description="月次決算が税理士任せで締めから2か月遅れ、部門別の採算と資金繰りの見通しを経営判断に使えていない。",
            ),
        ],
        vision="仕出しと法事の料理で地域一番の店になり、5年後に長男へ黒字の状態で店を引き継ぐ。",
        long_term_issues=(
            "調理補助の採用が年々難しくなるため、予約・会計・シフトをPOSとクラウドで一元化し、仕込みの一部を"
            "セントラルキッチン化して少ない人数で回せる店にする。"
        ),
        basic_policy=(
            "①メニュー原価の標準化と仕入の見直しで原価率を36%に下げる。②宴会コースの価格改定と、"
            "葬儀社・寺院向けの仕出し営業で宴会依存から脱却する。③時間帯別のシフト管理で人件費を適正化する。"
            "④月次決算と資金繰り表を毎月10日までに作り、金融機関に定期報告する。"
        ),
        measures=[
            Countermeasure(
                id="M1",
                category="cost",
                issue_ids=["I1"],
                title="レシピ標準化と仕入先の相見積",
                description="定番メニュー30品のレシピカードと盛付基準を作り、主要仕入先3社から相見積を取って原価率を41%から36%に下げる。",
            ),
            Countermeasure(
                id="M2",
                category="profitability",
                issue_ids=["I2"],
                title="宴会コースの価格改定",
                description="宴会コースを料理内容の見直しとあわせて1人5,000円から5,500円に改定し、飲み放題は原価率の低い構成に変える。",
            ),
            Countermeasure(
                id="M3",
                category="profitability",
                issue_ids=["I2"],
                title="仕出し・法要弁当の新規開拓",
                description="市内の葬儀社8社・寺院20か所を店長が毎月20件訪問し、法要弁当の受注を年23,000食から33,000食に増やす。",
            ),
            Countermeasure(
                id="M4",
                category="cost",
                issue_ids=["I3"],
                title="時間帯別シフト管理の導入",
                description="POSの時間帯別客数からシフトを組むシステムを導入し、アイドルタイムの人員を1日延べ12時間減らす。",
            ),
            Countermeasure(
                id="M5",
                category="cash",
                issue_ids=["I4"],
                title="月次決算・資金繰り表の導入と保険の見直し",
                description="クラウド会計で翌月10日までに部門別月次損益と資金繰り表を作る。保障が重複する保険2件を解約し支払保険料を削減する。",
            ),
        ],
        actions=_actions(),
        targets=Targets(
            plan_years=5,
            first_plan_year_label="2028年3月期",
            profit_target_year=2,
            solvency_target_year=4,
            debt_years_target=D("10"),
            goals="計画2年目に経常利益の黒字化、計画4年目に実質債務超過の解消、計画最終年度に債務償還年数10年以内を目指す。",
            category_gap_reason="",
        ),
        drivers=drivers(),
        cash=CashFlowInputs(
            cash_sales_ratio=D("0.7"),
            collection_months=D("1"),
            notes_receivable_months=D("0"),
            inventory_months=D("0.5"),
            payment_months=D("1"),
            # April (期首) … March; 12月 is the 忘年会 peak, 2月 the trough.
            seasonality=[
                D(x)
                for x in (
                    "0.95",
                    "1.00",
                    "0.90",
                    "0.95",
                    "1.05",
                    "0.95",
                    "0.95",
                    "1.00",
                    "1.25",
                    "1.00",
                    "0.85",
                    "1.15",
                )
            ],
            tax_payment_months=[5, 11],
            social_insurance_months=[7],
            bonus_months=[7, 12],
            bonus_ratio=D("0.08"),
        ),
        support=FinancialSupport(
            needed=True,
            types=["principal_grace", "reduced_repayment"],
            # 暫定リスケは計画策定中の2026年10月から。計画0年目の残り6か月は簡易CFがマイナスの
            # ため元金据置、計画1年目から3年目末 (2030年3月) までは簡易CFの8割: 42か月。
            # その後は簡易CFの9割に増額 (依頼文のとおり)。
            start="2026-10",
            period_months=42,
            allocation_basis="balance",
            guaranteed_on_contract=False,
            repayment_share_of_cf=D("0.8"),
            after_period="cf_share",
            after_share_of_cf=D("0.9"),
            request=(
                "2026年10月から2030年3月 (計画3年目末) までの42か月、返済条件の変更をお願いしたい。"
                "計画0年目の残り6か月 (2026年10月〜2027年3月) は簡易キャッシュフローがマイナスのため元金の返済を据え置き、"
                "利息は約定どおり支払う。計画1年目からは元金返済額を簡易キャッシュフローの8割 "
                "(計画1年目は年間約11,100千円、2年目以降は年間約24,000〜28,000千円) として、"
                "各金融機関へ残高プロラタで配分して返済を続ける。"
                "4年目以降は返済額を簡易キャッシュフローの9割に増額し、正常返済への復帰を目指す。"
            ),
            reasons="現行の約定返済 (年49,800千円) は簡易キャッシュフローを大きく上回り、約定どおり返済すると進行期 (計画0年目) のうちに資金が不足するため。",
        ),
        monitoring_plan=MonitoringPlan(
            frequency="monthly",
            attendees=[
                "代表取締役 桜井 健一",
                "専務取締役 桜井 由美",
                "みなと経営サポート税理士法人",
                "ひまわり銀行",
                "あおば信用金庫",
            ],
            period_years=3,
            report_items="毎月の計画と実績の比較(売上高・原価率・経常利益・資金残高)、アクションプランの進捗、乖離の要因と対策、次月のアクション。"
            "資金繰りに余裕がないため社内の振り返りは毎月とし、金融機関には四半期ごとに試算表と進捗を報告、決算時は全金融機関に対面で報告する。",
            start="2027-07",
        ),
    )
    if monitoring:
        plan.monitoring = monitoring_records()
    return plan


def _company() -> Company:
    return Company(
        name="株式会社さくら亭",
        address="静岡県浜松市中央区中央1丁目2番3号",
        established="1985-04",
        capital=10000,
        industry="飲食業 (日本料理店・仕出し)",
        business="日本料理店2店舗(本店・駅西店)の運営、法人宴会、法要向け仕出し弁当の製造販売",
        employees=38,
        fiscal_month=3,
        representative="桜井 健一",
        representative_age=62,
        philosophy="地元の食材で、家族の節目を心に残るひとときにする。",
        successor="長男 桜井 翔 (取締役・本店店長) を後継者候補として育成中。承継は計画5年目を目途。",
        officers=[
            Officer(name="桜井 健一", title="代表取締役", age=62, shares=150, relation="本人", lends_to_company=20000),
            Officer(name="桜井 由美", title="専務取締役", age=58, shares=30, relation="妻"),
            Officer(name="桜井 翔", title="取締役 (本店店長)", age=34, shares=20, relation="長男"),
        ],
        shareholders=[
            Shareholder(name="桜井 健一", shares=150, relation="本人"),
            Shareholder(name="桜井 由美", shares=30, relation="妻"),
            Shareholder(name="桜井 翔", shares=20, relation="長男"),
        ],
        group_companies=[
            GroupCompany(
                name="有限会社さくら不動産",
                relation="代表者の個人会社",
                ownership=D("1"),
                business="本店駐車場用地の保有・賃貸",
                sales=4200,
                transactions="当社が駐車場を賃借 (年3,600千円)",
                loans_and_guarantees="当社との貸借なし。代表者が同社の借入を個人保証。",
            ),
        ],
        history=[
            HistoryEvent(month="1985-04", event="桜井健一が浜松市中央区に日本料理店として創業、株式会社さくら亭を設立"),
            HistoryEvent(month="1998-10", event="本店を建替え、宴会場(最大120名)を新設"),
            HistoryEvent(month="2008-06", event="駅西店を出店"),
            HistoryEvent(month="2012-04", event="仕出し部門を開設し、法要弁当の製造販売を開始"),
            HistoryEvent(month="2020-06", event="新型コロナ対応の保証協会付融資を受ける"),
        ],
    )


def _analysis() -> Analysis:
    return Analysis(
        end_users="浜松市内の個人客 (家族の祝い事・法要)、地元企業の宴会",
        customers=[
            TradePartner(
                name="個人来店客",
                share=D("0.58"),
                annual_amount=264000,
                terms="現金・カード (カードは月2回入金)",
                reason="地元食材の日本料理と個室。家族の節目に使われる。",
            ),
            TradePartner(
                name="法人宴会 (地元企業約60社)",
                share=D("0.27"),
                annual_amount=122000,
                terms="月末締め翌月末振込",
                reason="最大120名の宴会場と送迎バス。",
            ),
            TradePartner(
                name="葬儀社A社ほか (仕出し)",
                share=D("0.15"),
                annual_amount=69000,
                terms="月末締め翌月末振込",
                reason="法要弁当の味と当日配達の対応力。",
            ),
        ],
        suppliers=[
            TradePartner(
                name="浜松青果 (青果)", share=D("0.35"), terms="月末締め翌月末払い", reason="地元野菜の安定供給"
            ),
            TradePartner(
                name="遠州ミート (精肉)", share=D("0.25"), terms="月末締め翌月末払い", reason="遠州牛の取扱い"
            ),
            TradePartner(name="丸浜酒販 (酒類)", share=D("0.20"), terms="月末締め翌月末払い", reason="地酒の品揃え"),
        ],
        business_flow=[
            FlowStep(
                name="仕入", description="青果・精肉・鮮魚を地元業者から毎朝仕入れる", strength="地元食材の目利き"
            ),
            FlowStep(name="仕込み", description="本店の厨房で仕込み、駅西店・仕出しへ配送", strength="料理長の技術"),
            FlowStep(name="調理・提供", description="店舗で調理し個室・宴会場で提供", strength="個室と宴会場"),
            FlowStep(
                name="宴会・仕出し配達", description="送迎バスと配達車で宴会・法要に対応", strength="当日配達の対応力"
            ),
            FlowStep(name="アフター", description="予約客への礼状と次回の節目の案内 (現状は不定期)", strength=""),
        ],
        external_environment="法人宴会は新型コロナ以降、コロナ前の6割程度に縮小したまま。一方、市内の高齢化で法要・仕出しの需要は堅調。食材・光熱費の上昇が続く。",
        internal_environment="料理の評価は高いが、原価・人員配置が経験頼み。月次決算が遅く、部門別の採算が見えない。",
        strengths="地元食材の日本料理と料理長の技術、最大120名の宴会場、当日配達できる仕出し体制、創業40年の地元での信用。",
        weaknesses="原価管理とシフト管理の仕組みがない。営業は社長の人脈頼み。月次の数字を経営判断に使えていない。",
        local_benchmark=LocalBenchmarkViews(
            owner="経営理念は明文化済みだが従業員と共有する場がない。社長は改善意欲が高い。後継者候補は長男(34歳)で、計画5年目の承継を想定。",
            business="創業40年。強みは料理の品質と宴会場、弱みは原価・人員管理。IT投資は会計ソフトのみで、POSデータを活用していない。",
            environment="宴会市場は縮小、法要・仕出しは堅調。リピート率は個人客で約6割。従業員の平均勤続8年。取引金融機関4行、メインはひまわり銀行。",
            internal_control="経営計画はなく、会議は月1回の店長会のみ。品質管理は料理長任せ。人材育成はOJTのみで仕組みがない。",
        ),
    )


def _actions() -> list[ActionItem]:
    return [
        ActionItem(
            id="A1",
            measure_id="M1",
            title="定番メニュー30品のレシピカードと盛付基準の作成",
            method="原価計算表を作り、1品ごとの原価率を35%以下に設計し直す",
            owner="料理長 山田 誠",
            start="2027-01",
            due="2027-06",
            pl_line="cost_of_sales",
            kpi=Kpi(
                name="食材原価率", target=D("36"), unit="%", basis="同規模の日本料理店の平均原価率(35%前後)と試作結果"
            ),
            # Sized with A2 so that M1 brings 原価率 to its 36% target, not past it.
            effects=[12000, 18000, 18500, 18500, 18500],
            budget=300,
        ),
        ActionItem(
            id="A2",
            measure_id="M1",
            title="主要仕入先3社への相見積と価格交渉",
            method="青果・精肉・酒類で各2社以上から見積を取り、年1回見直す",
            owner="専務取締役 桜井 由美",
            start="2027-02",
            due="2027-05",
            pl_line="cost_of_sales",
            kpi=Kpi(name="主要食材の仕入単価", target=D("-5"), unit="%", basis="他社見積との価格差(5〜8%)"),
            effects=[3000, 5000, 5000, 5000, 5000],
        ),
        ActionItem(
            id="A3",
            measure_id="M2",
            title="宴会コースの価格改定 (5,000円→5,500円)",
            method="料理内容を見直した新コースを4月から案内し、既存の法人顧客には3月中に訪問して説明",
            owner="代表取締役 桜井 健一",
            start="2027-03",
            due="2027-04",
            pl_line="sales",
            kpi=Kpi(
                name="宴会コース客単価",
                target=D("5500"),
                unit="円",
                basis="近隣同業3店の宴会コース価格(5,500〜6,500円)",
            ),
            # A price increase: the same dishes sold dearer, so no extra 売上原価.
            effects=[8000, 8000, 8000, 8000, 8000],
            carries_cost_of_sales=False,
        ),
        ActionItem(
            id="A4",
            measure_id="M3",
            title="葬儀社・寺院への仕出し営業 (毎月20件訪問)",
            method="葬儀社8社・寺院20か所のリストを作り、法要弁当の試食会と見積を提案",
            owner="取締役 本店店長 桜井 翔",
            start="2027-04",
            due="2030-03",
            pl_line="sales",
            kpi=Kpi(name="仕出し販売食数", target=D("33000"), unit="食/年", basis="市内の法要件数と現状シェアから算定"),
            effects=[10000, 18000, 25000, 25000, 25000],
            budget=500,
        ),
        ActionItem(
            id="A5",
            measure_id="M4",
            title="時間帯別シフト管理システムの導入",
            method="POSの時間帯別客数データからシフトを作成し、週次で人時売上高を確認",
            owner="取締役 本店店長 桜井 翔",
            start="2027-04",
            due="2027-09",
            pl_line="personnel",
            kpi=Kpi(name="人時売上高", target=D("4500"), unit="円", basis="現状3,900円、アイドルタイム削減で算定"),
            effects=[4000, 6000, 6000, 6000, 6000],
            budget=3000,
        ),
        ActionItem(
            id="A6",
            measure_id="M5",
            title="重複する保険2件の解約",
            method="保険代理店と保障内容を棚卸しし、重複する2件を解約",
            owner="専務取締役 桜井 由美",
            start="2027-01",
            due="2027-03",
            pl_line="other_sga",
            kpi=Kpi(name="支払保険料の削減額", target=D("2400"), unit="千円/年", basis="解約対象2件の年間保険料"),
            effects=[2400, 2400, 2400, 2400, 2400],
        ),
        ActionItem(
            id="A7",
            measure_id="M5",
            title="クラウド会計による月次決算と資金繰り表の作成",
            method="翌月10日までに部門別月次損益と12か月資金繰り表を作り、廃棄ロスも月次で把握",
            owner="専務取締役 桜井 由美",
            start="2027-01",
            due="2027-06",
            pl_line="cost_of_sales",
            kpi=Kpi(name="月次決算の完了日", target=D("10"), unit="日 (翌月)", basis="税理士法人と合意した締め日程"),
            effects=[1500, 1500, 1500, 1500, 1500],
            budget=600,
        ),
    ]
