"""The plan: everything a 経営改善計画 and its 伴走支援 hold, as one pydantic model.

Each field carries a Japanese ``title``: validation messages, the review screen and the JSON
Schema use it, so a user reads 「借入残高」 rather than ``balance``. Which sheet of the SME Agency
sample form each part feeds is noted on the class.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, Self

from pydantic import JsonValue, field_validator, model_validator

# 会社概要, 決算, 借入 and 現状分析 are in company.py, financials.py, lending.py and analysis.py;
# re-exported here.
from .analysis import Analysis as Analysis
from .analysis import FlowStep as FlowStep
from .analysis import LocalBenchmarkViews as LocalBenchmarkViews
from .analysis import TradePartner as TradePartner
from .common import Amount, F, GivenBy, KGModel, NonNegative, PerYear, PerYearRate, Rate, Ratio, YearMonth
from .company import (
    Company as Company,
)
from .company import (
    GroupCompany as GroupCompany,
)
from .company import (
    HistoryEvent as HistoryEvent,
)
from .company import (
    Officer as Officer,
)
from .company import (
    Shareholder as Shareholder,
)
from .financials import (
    BalanceSheet as BalanceSheet,
)
from .financials import (
    Financials as Financials,
)
from .financials import (
    FiscalYearActual as FiscalYearActual,
)
from .financials import (
    ProfitAndLoss as ProfitAndLoss,
)
from .financials import (
    RealBalanceAdjustment as RealBalanceAdjustment,
)
from .lending import (
    Bank as Bank,
)
from .lending import (
    Collateral as Collateral,
)
from .lending import (
    Lien as Lien,
)
from .lending import (
    Loan as Loan,
)
from .lending import (
    LoanKind as LoanKind,
)
from .notes import ReviewNote
from .version_records import Amendment, PlanVersion

# 2: monitoring records, plan lock/drafts, support follow-on, action flags, imports settings, vision
# (all added with defaults: a version-1 file loads unchanged and is saved as version 2, so an
# older app refuses the new file with its "newer version" message instead of a field error).
# 3: plan versions (当初計画/修正計画), reported months and their amendments, period reviews,
# 遅延 as an action status (again all defaulted: a version-2 file loads unchanged and is saved as 3).
# 4: review notes between advisor and owner (``notes``, defaulted; a version-3 file is saved as 4).
SCHEMA_VERSION = 4


# ---------------------------------------------------------------------------------------------
# 表紙 / meta


class PlanMeta(KGModel):
    """表紙: who wrote the plan, for whom, and which style (405 full plan or 早期経営改善計画)."""

    title: str = F("計画書の名称", "経営改善計画書")
    plan_style: Literal["full", "early"] = F("計画の種類 (full=405事業 / early=早期経営改善計画)", "full")
    created_on: date | None = F("作成年月日", None)
    support_agency: str = F("認定経営革新等支援機関", "")
    main_bank: str = F("メインバンク", "")
    prepared_by: str = F("作成者 (代表者名)", "")


# ---------------------------------------------------------------------------------------------
# 窮境要因 → 課題 → 基本方針 → 対策 → アクションプラン (概要, 実施計画, 計数計画・具体的施策)


class DistressCause(KGModel):
    """窮境要因: why the company got into difficulty, with the amount where known."""

    id: str = F("ID")
    description: str = F("内容")
    kind: Literal["internal", "external"] = F("区分 (internal=内部要因 / external=外部要因)", "internal")
    impact: Amount | None = F("影響額 (年額)", None)


class Issue(KGModel):
    """経営課題 (課題・問題点)."""

    id: str = F("ID")
    title: str = F("課題")
    description: str = F("内容", "")
    priority: int = F("優先順位", 1, ge=1)
    cause_ids: list[str] = F("関連する窮境要因", default_factory=list)


MeasureCategory = Literal["profitability", "cost", "cash"]
"""収益性向上 / コスト削減 / 資金繰り改善."""

MEASURE_CATEGORY_LABELS: dict[str, str] = {
    "profitability": "収益性向上",
    "cost": "コスト削減",
    "cash": "資金繰り改善",
}


class Countermeasure(KGModel):
    """対策 (具体的施策), linked to the 課題 it answers."""

    id: str = F("ID")
    title: str = F("対策")
    description: str = F("具体的な内容", "")
    category: MeasureCategory = F("区分 (profitability=収益性向上 / cost=コスト削減 / cash=資金繰り改善)")
    issue_ids: list[str] = F("対応する課題", default_factory=list)


PlLine = Literal[
    "sales",
    "cost_of_sales",
    "personnel",
    "other_sga",
    "non_operating_income",
    "non_operating_expenses",
    "extraordinary",
]
"""The 損益計画 line an action moves."""

PL_LINE_LABELS: dict[str, str] = {
    "sales": "売上高",
    "cost_of_sales": "売上原価",
    "personnel": "人件費",
    "other_sga": "その他販管費",
    "non_operating_income": "営業外収益",
    "non_operating_expenses": "営業外費用",
    "extraordinary": "特別損益",
}


class Kpi(KGModel):
    """KPI: what is measured, the target level, and why that level is realistic (根拠)."""

    name: str = F("指標")
    target: Decimal = F("目標値")
    unit: str = F("単位", "")
    basis: str = F("根拠", "")


class ActionItem(KGModel):
    """アクションプラン item (実施計画). ``effects[i]`` is the improvement in plan year i+1.

    Effects are improvements in 千円 on ``pl_line``: more sales, or less cost. The finance
    engine applies the sign by line, so a reader can trace every yen of improvement.
    """

    id: str = F("ID")
    measure_id: str = F("対応する対策")
    title: str = F("実施項目")
    method: str = F("方法・手順", "")
    owner: str = F("責任者")
    start: YearMonth = F("開始")
    due: YearMonth = F("期限")
    kpi: Kpi | None = F("KPI", None)
    pl_line: PlLine = F("影響する損益項目", "sales")
    effects: list[Amount] = F("効果額 (計画1年目から)", default_factory=list)
    one_off: bool = F("一時的な効果 (記入した年度だけ効果があり、以降の年度に引き継がない)", False)
    carries_cost_of_sales: bool = F("売上の効果に売上原価がかかる (数量の増加=はい / 値上げ=いいえ)", True)
    budget: Amount = F("予算", 0, ge=0)

    @model_validator(mode="after")
    def _due_after_start(self) -> Self:
        if self.due < self.start:
            raise ValueError(f"期限 ({self.due}) が開始 ({self.start}) より前になっています")
        return self


class Targets(KGModel):
    """計画期間・改善目標 (概要 ④)."""

    plan_years: int = F("計画期間 (年)", 5, ge=1, le=10)
    first_plan_year_label: str = F("計画1年目の決算期 (例: 2028年3月期)", "")
    profit_target_year: int = F("経常利益黒字化の目標 (計画何年目)", 3, ge=1, le=10)
    solvency_target_year: int = F("実質債務超過解消の目標 (計画何年目)", 5, ge=1, le=10)
    debt_years_target: Decimal = F("債務償還年数の目標 (年以内)", Decimal("10"))
    goals: str = F("改善目標 (文章)", "")
    category_gap_reason: str = F("対策の区分に抜けがある場合の理由", "")


# ---------------------------------------------------------------------------------------------
# 数値計画 drivers (損益計画, 資金計画, 貸借対照表計画, タックスプラン)


class SalesSegment(KGModel):
    """売上 segment: 単価 (円) × 数量 per plan year (index 0 = 計画0年目)."""

    name: str = F("区分名")
    unit: str = F("数量の単位 (例: 食, 件, 個)", "")
    # Negative prices or volumes are typos (a loss is not a negative quantity): refused.
    unit_price_yen: list[NonNegative] = F("単価 (円)", default_factory=list)
    quantity: list[NonNegative] = F("数量", default_factory=list)
    basis: str = F("前提・根拠", "")


class CapexItem(KGModel):
    """設備投資 in a plan year, depreciated straight-line over its life."""

    year: int = F("実施年度 (計画何年目)", ge=0, le=10)
    description: str = F("内容", "")
    amount: Amount = F("金額", ge=0)
    useful_life: int = F("耐用年数", 5, ge=1, le=50)


class NewBorrowing(KGModel):
    """新規借入 in a plan year."""

    year: int = F("実行年度 (計画何年目)", ge=0, le=10)
    bank: str = F("金融機関名")
    amount: Amount = F("金額", ge=0)
    term_years: int = F("返済期間 (年)", 5, ge=1, le=30)
    interest_rate: Rate = F("金利", Decimal("0.02"))


class LossCarryforward(KGModel):
    """繰越欠損金 at the start of the plan, by the fiscal year it arose."""

    arising_label: str = F("発生事業年度 (例: 2024年3月期)")
    arising_year_offset: int = F("発生年度 (計画0年目を0とした相対年, 例: -2)", le=0)
    amount: Amount = F("残高", ge=0)


class TaxSettings(KGModel):
    """タックスプラン settings."""

    effective_rate: Rate = F("実効税率", Decimal("0.34"))
    per_capita_levy: Amount = F("均等割 (年額)", 70, ge=0)
    sme_full_loss_use: bool = F("中小法人 (繰越欠損金を所得の100%まで控除)", True)
    carryforward_years: int = F("繰越期限 (年)", 10, ge=1, le=20)
    loss_carryforwards: list[LossCarryforward] = F("繰越欠損金", default_factory=list)


class Drivers(KGModel):
    """数値計画の前提 (drivers). Per-year lists start at 計画0年目 and carry forward."""

    segments: list[SalesSegment] = F("売上区分", default_factory=list)
    cost_ratio: PerYearRate = F("売上原価率", default_factory=list)
    personnel: PerYear = F("人件費", default_factory=list)
    other_sga: PerYear = F("その他販管費 (減価償却費を除く)", default_factory=list)
    existing_depreciation: PerYear = F("既存資産の減価償却費", default_factory=list)
    capex: list[CapexItem] = F("設備投資", default_factory=list)
    new_borrowings: list[NewBorrowing] = F("新規借入", default_factory=list)
    non_operating_income: PerYear = F("営業外収益", default_factory=list)
    other_non_operating_expenses: PerYear = F("支払利息以外の営業外費用", default_factory=list)
    extraordinary: PerYear = F("特別損益 (純額)", default_factory=list)
    tax: TaxSettings = F("税金", default_factory=TaxSettings)
    minimum_cash: Amount = F("最低限必要な手元資金", 0, ge=0)


class CashFlowInputs(KGModel):
    """資金繰り inputs: terms, seasonality and the months of lumpy payments."""

    cash_sales_ratio: Ratio = F("現金売上の割合", Decimal("0"))
    collection_months: Decimal = F("売掛金の回収サイト (月)", Decimal("1"), ge=0, le=12)
    notes_receivable_months: Decimal = F("受取手形のサイト (月)", Decimal("0"), ge=0, le=12)
    inventory_months: Decimal = F("在庫の回転期間 (月)", Decimal("0.5"), ge=0, le=24)
    payment_months: Decimal = F("買掛金の支払サイト (月)", Decimal("1"), ge=0, le=12)
    seasonality: list[Decimal] = F("月別売上の季節指数 (期首月から12か月)", default_factory=list)
    tax_payment_months: list[int] = F("納税の月", default_factory=list)
    social_insurance_months: list[int] = F("労働保険料など年払い社保の月", default_factory=list)
    bonus_months: list[int] = F("賞与の月", default_factory=list)
    bonus_ratio: Ratio = F("人件費に占める賞与の割合", Decimal("0"))

    @model_validator(mode="after")
    def _months_in_range(self) -> Self:
        for field in ("tax_payment_months", "social_insurance_months", "bonus_months"):
            for m in getattr(self, field):
                if not 1 <= m <= 12:
                    raise ValueError(f"{m}月は月として正しくありません (1〜12で入力してください)")
        if self.seasonality and len(self.seasonality) != 12:
            raise ValueError("季節指数は12か月分を入力してください")
        return self


# ---------------------------------------------------------------------------------------------
# 金融支援, 伴走支援


SupportType = Literal[
    "principal_grace",
    "reduced_repayment",
    "term_extension",
    "rate_reduction",
    "refinancing",
    "new_money",
    "dds",
    "debt_forgiveness",
]

SUPPORT_TYPE_LABELS: dict[str, str] = {
    "principal_grace": "元金据置",
    "reduced_repayment": "返済額の減額 (リスケ)",
    "term_extension": "返済期間の延長",
    "rate_reduction": "金利の減免",
    "refinancing": "借換え・一本化",
    "new_money": "新規融資",
    "dds": "DDS・資本性借入金",
    "debt_forgiveness": "債権放棄",
}


class FinancialSupport(KGModel):
    """金融支援の依頼内容 (金融機関別返済計画・金融支援計画)."""

    needed: bool = F("金融支援を依頼するか", True)
    types: list[SupportType] = F("支援の種類", default_factory=list)
    start: YearMonth | None = F("開始月", None)
    period_months: int = F("期間 (月)", 12, ge=0, le=240)
    allocation_basis: Literal["balance", "unsecured"] = F(
        "配分基準 (balance=残高プロラタ / unsecured=信用残高プロラタ)", "balance"
    )
    guaranteed_on_contract: bool = F("保証協会付借入は約定どおり返済する", False)
    repayment_share_of_cf: Ratio = F("返済に充てる簡易CFの割合", Decimal("0.8"))
    after_period: Literal["contract", "cf_share"] = F(
        "支援期間が終わった後の返済 (contract=約定返済に戻す / cf_share=簡易CFの割合による返済を続ける)",
        "contract",
    )
    after_share_of_cf: Ratio | None = F("支援期間後に返済に充てる簡易CFの割合 (未入力は期間中と同じ)", None)
    request: str = F("依頼内容 (文章)", "")
    reasons: str = F("理由", "")


class MonitoringPlan(KGModel):
    """伴走支援計画 (モニタリング計画)."""

    frequency: Literal["monthly", "quarterly", "half_yearly", "yearly"] = F(
        "頻度 (monthly=毎月 / quarterly=四半期 / half_yearly=半期 / yearly=決算時)", "quarterly"
    )
    attendees: list[str] = F("出席者", default_factory=list)
    period_years: int = F("期間 (年)", 3, ge=1, le=10)
    report_items: str = F("報告内容", "")
    start: YearMonth | None = F("開始月", None)
    band_ok: Decimal = F("「計画どおり」とする達成率 (実務の目安 100%)", Decimal("1"), gt=0, le=2)
    band_watch: Decimal = F("「注意」とする達成率の下限 (実務の目安 80%。これ未満は未達)", Decimal("0.8"), gt=0, le=2)


class AnswerRecord(KGModel):
    """Provenance of one accepted answer: the raw text, who gave it and when, and its status.

    ``value`` keeps the parsed value so an answer hidden by a later change can be restored;
    outputs read the plan parts above, never this record.
    """

    raw: JsonValue = F("入力されたままの回答", None)
    value: JsonValue = F("解釈した値", None)
    given_by: GivenBy = F("回答者 (owner=経営者 / advisor=支援者)", "owner")
    given_at: datetime = F("回答日時")
    status: Literal["ok", "kept_weak", "needs_review", "hidden"] = F("状態", "ok")
    probes: int = F("追加質問の回数", 0, ge=0)
    finding_ids: list[str] = F("指摘のルールID", default_factory=list)


ActualsTarget = Literal[
    "sales",
    "cost_of_sales",
    "sga",
    "personnel",
    "non_operating_income",
    "non_operating_expenses",
    "cash_end",
    "borrowings_end",
    "ignore",
]
"""Where an accounting-software account goes when actuals are imported (personnel also counts in sga)."""


class ActualsImportSettings(KGModel):
    """会計ソフトからの実績の取り込み: the plan's tax basis and this company's account answers."""

    tax_basis: Literal["excluded", "included"] = F("計画の消費税の扱い (excluded=税抜 / included=税込)", "excluded")
    account_mapping: dict[str, ActualsTarget] = F(
        "会計ソフトの科目と計画の項目の対応 (一度答えた科目は次回から聞きません)", default_factory=dict
    )


class ActionStatus(KGModel):
    """One アクションプラン item's progress at a monitoring review."""

    action_id: str = F("アクションID")
    status: Literal["done", "in_progress", "not_started", "delayed"] = F(
        "実施状況 (済/実施中/未着手/遅延。遅延=期限を過ぎて済でない、本人が確認したもの)"
    )
    evaluation: Literal["good", "fair", "poor"] | None = F("評価 (○/△/×)", None)
    kpi_actual: Decimal | None = F("KPI実績", None)
    effect_actual: Amount | None = F("効果額の実績", None)
    comment: str = F("コメント", "")


class NextAction(KGModel):
    """次月アクション: checkable at the next review (a count, amount, date or deliverable)."""

    text: str = F("内容")
    owner: str = F("担当", "")
    due: date | None = F("期限", None)
    target: str = F("確認できる目標 (件数・金額・期日・成果物)", "")
    line: str = F("対応する乖離の項目 (sales など。空欄=月の重点)", "")
    action_id: str = F("関連するアクションプラン", "")


class ActionCheck(KGModel):
    """前月の次月アクションの確認: 済 / 一部 / 未実施, its result, and why when not done."""

    month: YearMonth = F("アクションを決めた月")
    index: int = F("その月の次月アクションの番号 (0から)", ge=0)
    text: str = F("アクションの内容 (確認時点の写し)", "")
    status: Literal["done", "partial", "not_done"] = F("実施状況 (done=済 / partial=一部 / not_done=未実施)")
    result: str = F("結果 (例: 訪問18件 / 目標20件)", "")
    reason: str = F("一部・未実施の理由", "")
    new_due: date | None = F("新しい期限", None)


CauseTag = Literal["internal", "external", "mixed"]

CAUSE_TAG_LABELS: dict[str, str] = {"internal": "内部", "external": "外部", "mixed": "混合"}


class VarianceCause(KGModel):
    """乖離の原因: which line missed, why, and whether it is 内部 / 外部 / 混合."""

    line: str = F("乖離した項目 (sales, gross_profit など)", "")
    text: str = F("原因")
    tag: CauseTag | None = F("区分 (internal=内部 / external=外部 / mixed=混合)", None)
    amount: Amount | None = F("差異額", None)


class RevisedMeasure(KGModel):
    """改善策の見直し, linked to the miss and to the plan's measures/actions."""

    line: str = F("対応する乖離の項目", "")
    text: str = F("見直した対策")
    link: str = F("関連する対策・アクション (M1, A3 など。空欄=新規)", "")


class SegmentActual(KGModel):
    """One 売上区分's month: quantity (客数・件数・受注数) and, where known, its sales."""

    name: str = F("区分名")
    quantity: int | None = F("数量", None, ge=0)
    sales: Amount | None = F("売上高", None)


class ActualsEntry(KGModel):
    """One entry of a month's actuals, kept when it is replaced (who, when, from where)."""

    values: dict[str, Amount] = F("実績 (項目 → 千円)", default_factory=dict)
    source: str = F("入力元 (手入力・ファイル名)", "手入力")
    given_by: GivenBy = F("入力者 (owner=経営者 / advisor=支援者)", "owner")
    given_at: datetime = F("入力日時")
    replaced_at: datetime | None = F("置き換えた日時", None)


def _texts_to_rows(value: Any, key: str = "text") -> Any:
    """Older files kept causes and measures as plain strings."""
    if isinstance(value, list):
        return [{key: v} if isinstance(v, str) else v for v in value]
    return value


class MonitoringRecord(KGModel):
    """One month's 伴走支援 record: plan vs actual, AP status, causes, next actions.

    ``answers`` holds the provenance of each review answer (who, when, raw text, findings);
    ``actuals_history`` keeps earlier actuals a later entry replaced.
    """

    month: YearMonth = F("対象月")
    period: str = F("振り返りの期間 (2027Q1・2027H1・FY2027 = その期間の最終月に記録。空欄=その月)", "")
    actuals: dict[str, Amount] = F("実績 (損益項目 → 千円)", default_factory=dict)
    actuals_source: str = F("実績の入力元", "")
    actuals_history: list[ActualsEntry] = F("実績の入力履歴", default_factory=list)
    segment_actuals: list[SegmentActual] = F("売上区分別の実績 (数量)", default_factory=list)
    action_checks: list[ActionCheck] = F("前月の次月アクションの確認", default_factory=list)
    action_status: list[ActionStatus] = F("アクションプランの実施状況", default_factory=list)
    variance_causes: list[VarianceCause] = F("乖離の原因", default_factory=list)
    revised_measures: list[RevisedMeasure] = F("見直した対策", default_factory=list)
    next_actions: list[NextAction] = F("次月アクション", default_factory=list)
    bank_requests: str = F("金融機関への要請", "")
    reported_to: list[str] = F("報告先", default_factory=list)
    answers: dict[str, AnswerRecord] = F("回答履歴", default_factory=dict)
    current: str | None = F("現在の質問ID", None)
    completed_at: datetime | None = F("完了日時", None)
    reported_at: datetime | None = F("金融機関に報告した日時 (報告後の訂正は amendments に残ります)", None)
    amendments: list[Amendment] = F("報告後の訂正", default_factory=list)

    @field_validator("variance_causes", "revised_measures", mode="before")
    @classmethod
    def _plain_texts(cls, value: Any) -> Any:
        return _texts_to_rows(value)


# ---------------------------------------------------------------------------------------------
# Interview record: who said what, when (provenance; values live in the parts above)


class InterviewState(KGModel):
    """Where the interview stands, so reopening continues at the same question."""

    depth: Literal["full", "short"] = F("深さ (full=405本格 / short=早期簡易)", "full")
    current: str | None = F("現在の質問ID", None)
    answers: dict[str, AnswerRecord] = F("回答履歴", default_factory=dict)
    history: list[str] = F("回答した質問の順序", default_factory=list)
    drafts: dict[str, JsonValue] = F("送信前に終了した入力の下書き (質問ID→入力中の内容)", default_factory=dict)


# ---------------------------------------------------------------------------------------------
# The plan


class Plan(KGModel):
    """経営改善計画: the single source of truth; the plan file is this model serialised."""

    schema_version: int = F("スキーマのバージョン", SCHEMA_VERSION)
    meta: PlanMeta = F("表紙", default_factory=PlanMeta)
    company: Company = F("会社概要", default_factory=Company)
    financials: Financials = F("財務実績", default_factory=Financials)
    banks: list[Bank] = F("金融機関・借入", default_factory=list)
    collaterals: list[Collateral] = F("担保", default_factory=list)
    analysis: Analysis = F("現状分析", default_factory=Analysis)
    distress_causes: list[DistressCause] = F("窮境要因", default_factory=list)
    issues: list[Issue] = F("経営課題", default_factory=list)
    vision: str = F("ありたい姿・将来像 (経営者が目指す数年後の会社の姿)", "")
    long_term_issues: str = F("中長期の課題 (カーボンニュートラル・デジタル化・人材不足・IT導入など)", "")
    basic_policy: str = F("基本方針", "")
    measures: list[Countermeasure] = F("対策", default_factory=list)
    actions: list[ActionItem] = F("アクションプラン", default_factory=list)
    targets: Targets = F("計画期間・改善目標", default_factory=Targets)
    drivers: Drivers = F("数値計画の前提", default_factory=Drivers)
    cash: CashFlowInputs = F("資金繰りの前提", default_factory=CashFlowInputs)
    support: FinancialSupport = F("金融支援", default_factory=FinancialSupport)
    monitoring_plan: MonitoringPlan = F("伴走支援計画", default_factory=MonitoringPlan)
    monitoring: list[MonitoringRecord] = F("モニタリング記録", default_factory=list)
    actuals_import: ActualsImportSettings = F("実績の取り込み設定", default_factory=ActualsImportSettings)
    interview: InterviewState = F("インタビューの状態", default_factory=InterviewState)
    versions: list[PlanVersion] = F("確定した版 (当初計画・修正計画)", default_factory=list)
    notes: list[ReviewNote] = F("支援者と経営者のメモ (金融機関向けの出力には載せない)", default_factory=list)

    @model_validator(mode="after")
    def _one_main_bank(self) -> Self:
        """The メインバンク is asked once (meta.main_bank); banks[].is_main follows it. A file
        that only marked a bank as main (version 1, when each bank was asked; or a plan built in
        code without meta.main_bank) names it there. Otherwise an empty meta.main_bank (an answer
        cleared) marks no bank: the mark must not come back from the bank marked before."""
        given = "main_bank" in self.meta.model_fields_set and self.schema_version >= 2
        if not self.meta.main_bank and not given:
            marked = next((b.name for b in self.banks if b.is_main), "")
            if marked:
                object.__setattr__(self.meta, "main_bank", marked)
        for b in self.banks:
            if b.is_main != (b.name == self.meta.main_bank):
                object.__setattr__(b, "is_main", b.name == self.meta.main_bank)
        return self

    @property
    def main_bank(self) -> Bank | None:
        """The メインバンク (meta.main_bank), if it is one of the banks."""
        return self.bank(self.meta.main_bank) if self.meta.main_bank else None

    # Convenience lookups (not serialised).
    def bank(self, name: str) -> Bank | None:
        return next((b for b in self.banks if b.name == name), None)

    @property
    def total_borrowings(self) -> int:
        return sum(b.balance for b in self.banks)
