"""The records of plan versions and amendments, as the plan file holds them.

Apart from ``versions.py`` (which freezes, finds and compares plans) so that ``plan.py`` can hold
these records without importing the module that reads plans.
"""

from datetime import datetime

from pydantic import Field, JsonValue

from .common import GivenBy, KGModel, YearMonth


class PlanVersion(KGModel):
    """A frozen version of the plan (金融機関に提出した計画): 第1版 = 当初計画, later = 修正計画."""

    number: int = Field(title="版", ge=1)
    frozen_at: datetime = Field(title="確定した日時")
    frozen_by: GivenBy = Field(default="advisor", title="確定した人 (owner=経営者 / advisor=支援者)")
    note: str = Field(default="", title="メモ (提出先・理由など)")
    effective_from: YearMonth | None = Field(default=None, title="この版で比較を始める月 (空欄=計画の最初から)")
    schema_version: int = Field(title="確定したときの計画ファイルのスキーマのバージョン")
    snapshot: str = Field(title="確定した計画の内容 (JSON)")
    digest: str = Field(title="内容のSHA-256 (書き換えの検出用)")


class Amendment(KGModel):
    """訂正: a change of a reported month's actuals or answers, kept with its before and after."""

    item: str = Field(title="訂正した項目 (actuals.sales, 質問IDなど)")
    label: str = Field(default="", title="項目名")
    before: JsonValue = Field(default=None, title="訂正前")
    after: JsonValue = Field(default=None, title="訂正後")
    given_by: GivenBy = Field(default="advisor", title="訂正した人 (owner=経営者 / advisor=支援者)")
    given_at: datetime = Field(title="訂正した日時")
    reason: str = Field(default="", title="訂正の理由")
    reported_at: datetime | None = Field(default=None, title="この訂正を報告した日時 (空欄=まだ報告していない)")
