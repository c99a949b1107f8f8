"""会社概要 of the plan (債務者概況表, 企業集団の状況): the company, its officers, shareholders, group and history."""

from .common import Amount, F, KGModel, Ratio, YearMonth

# ---------------------------------------------------------------------------------------------
# 会社概要 (債務者概況表, 企業集団の状況)


class Officer(KGModel):
    """役員 (債務者概況表 ②)."""

    name: str = F("氏名")
    title: str = F("役職", "")
    age: int | None = F("年齢", None, ge=0, le=120)
    shares: int = F("持株数", 0, ge=0)
    relation: str = F("代表者との関係", "")
    lends_to_company: Amount = F("会社への貸付金 (役員借入金)", 0, ge=0)
    borrows_from_company: Amount = F("会社からの借入金 (役員貸付金)", 0, ge=0)


class Shareholder(KGModel):
    """株主 (債務者概況表 ③)."""

    name: str = F("株主名")
    shares: int = F("持株数", ge=0)
    relation: str = F("代表者との関係", "")


class GroupCompany(KGModel):
    """企業集団の状況: a related company and how it ties to the debtor."""

    name: str = F("会社名")
    relation: str = F("関係 (子会社・関連会社・代表者個人会社など)", "")
    ownership: Ratio | None = F("出資比率", None)
    business: str = F("事業内容", "")
    sales: Amount | None = F("売上高", None)
    transactions: str = F("当社との取引内容", "")
    loans_and_guarantees: str = F("貸借・保証の状況", "")


class HistoryEvent(KGModel):
    """沿革."""

    month: YearMonth = F("年月")
    event: str = F("出来事")


class Company(KGModel):
    """会社概要 (表紙, 債務者概況表 ①, 概要 ①企業の概況)."""

    name: str = F("商号", "")
    address: str = F("所在地", "")
    established: YearMonth | None = F("設立年月", None)
    capital: Amount = F("資本金", 0, ge=0)
    industry: str = F("業種", "")
    business: str = F("事業内容", "")
    employees: int = F("従業員数", 0, ge=0)
    fiscal_month: int = F("決算月", 3, ge=1, le=12)
    representative: str = F("代表者名", "")
    representative_age: int | None = F("経営者の年齢", None, ge=18, le=120)
    philosophy: str = F("経営理念", "")
    successor: str = F("後継者 (有無・候補)", "")
    officers: list[Officer] = F("役員", default_factory=list)
    shareholders: list[Shareholder] = F("株主", default_factory=list)
    group_companies: list[GroupCompany] = F("グループ会社 (企業集団)", default_factory=list)
    history: list[HistoryEvent] = F("沿革", default_factory=list)
