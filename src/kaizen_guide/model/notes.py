"""Review notes between the advisor and the owner (支援者と経営者のメモ), as the plan file holds them.

A note is attached to an answer (a question id), to one row of a group or a year grid (the question
id and the row's stable id: 「I2」 where the bank numbers rows, else the 1-based row number, or a
grid line's id), or to a finding (its rule id, on that question / row). It carries who wrote it and
when, an optional thread of replies, and who resolved it and when.

Notes are conversation about the plan, not the plan: they are never frozen into a version and no
bank output reads them (the workbook, the reports and the monitoring report).
"""

from datetime import datetime

from pydantic import Field

from .common import GivenBy, KGModel


class NoteReply(KGModel):
    """A reply in a note's thread (the owner answering the advisor, or the other way round)."""

    text: str = Field(title="返信", min_length=1)
    by: GivenBy = Field("owner", title="返信した人 (owner=経営者 / advisor=支援者)")
    by_name: str = Field("", title="返信した人の名前")
    at: datetime = Field(title="返信した日時")


class ReviewNote(KGModel):
    """One note: where it is attached, what it says, who wrote it and when, and whether it is resolved."""

    id: str = Field(title="メモのID (N1, N2 …。消したメモの番号は使い回さない)", pattern=r"^N[1-9][0-9]*$")
    question_id: str = Field(title="質問ID")
    row: str | None = Field(None, title="行 (行IDか1から数えた行の番号。空欄=質問全体)")
    finding: str | None = Field(None, title="指摘のルールID (空欄=指摘ではなく回答へのメモ)")
    text: str = Field(title="メモ", min_length=1)
    by: GivenBy = Field("advisor", title="書いた人 (owner=経営者 / advisor=支援者)")
    by_name: str = Field("", title="書いた人の名前")
    created_at: datetime = Field(title="書いた日時")
    replies: list[NoteReply] = Field(default_factory=list, title="返信")
    resolved_at: datetime | None = Field(default=None, title="解決した日時 (空欄=未解決)")
    resolved_by: GivenBy | None = Field(default=None, title="解決にした人")

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
