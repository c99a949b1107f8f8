"""現状分析 of the plan (ビジネスモデル俯瞰図, ロカベン): trade partners, the business flow, the local benchmark views."""

from .common import Amount, F, KGModel, Ratio

# ---------------------------------------------------------------------------------------------
# 現状分析 (ビジネスモデル俯瞰図, ロカベン)


class TradePartner(KGModel):
    """A customer or supplier in the 商流."""

    name: str = F("取引先名")
    share: Ratio | None = F("構成比", None)
    annual_amount: Amount | None = F("年間取引額", None)
    terms: str = F("回収・支払条件 (例: 月末締め翌月末現金)", "")
    reason: str = F("取引理由 (選ばれている理由)", "")


class FlowStep(KGModel):
    """業務フロー: one step of how the product or service is made and delivered."""

    name: str = F("工程")
    description: str = F("内容", "")
    strength: str = F("差別化ポイント・強み", "")


class LocalBenchmarkViews(KGModel):
    """ロカベン 4つの視点 (非財務)."""

    owner: str = F("経営者への着目 (理念・意欲・後継者)", "")
    business: str = F("事業への着目 (沿革・強み弱み・IT・生産性)", "")
    environment: str = F("企業を取り巻く環境・関係者への着目 (市場・顧客・従業員・金融機関)", "")
    internal_control: str = F("内部管理体制への着目 (組織・計画・会議・人材育成)", "")


class Analysis(KGModel):
    """現状分析: 商流, 業務フロー, 外部・内部環境, 強み・弱み, ロカベン."""

    end_users: str = F("エンドユーザー", "")
    customers: list[TradePartner] = F("主要販売先", default_factory=list)
    suppliers: list[TradePartner] = F("主要仕入先・外注先", default_factory=list)
    business_flow: list[FlowStep] = F("業務フロー", default_factory=list)
    external_environment: str = F("外部環境", "")
    internal_environment: str = F("内部環境", "")
    strengths: str = F("強み", "")
    weaknesses: str = F("弱み", "")
    local_benchmark: LocalBenchmarkViews = F("ロカベン 4つの視点", default_factory=LocalBenchmarkViews)
