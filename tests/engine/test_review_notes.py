"""Review notes: the model round trip, and the engine's add / reply / resolve / reopen / list."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta

import pytest

from kaizen_guide.engine import Interview
from kaizen_guide.engine.notes import (
    NoteDesk,
    NoteError,
    add_note,
    list_notes,
    notes_for,
    place_label,
    reopen_note,
    reply_note,
    resolve_note,
)
from kaizen_guide.model import load_plan, save_plan
from kaizen_guide.model.store import PlanChangedError

T0 = datetime(2027, 12, 1, 1, 30, tzinfo=UTC)


def test_a_note_round_trips_through_the_plan_file(tmp_path, sample_plan, bank):
    note = add_note(
        sample_plan, bank, question_id="issues", row="2", text="KPIの根拠を決算書の数字で", by="advisor", at=T0
    )
    reply_note(sample_plan, note.id, text="決算書の数字に直しました", by="owner", at=T0 + timedelta(hours=1))
    resolve_note(sample_plan, note.id, by="advisor", at=T0 + timedelta(days=1))
    path = save_plan(sample_plan, tmp_path / "plan.json")
    again = load_plan(path)
    assert again.notes == sample_plan.notes
    n = again.notes[0]
    assert (n.id, n.question_id, n.row, n.by, n.by_name) == (
        "N1",
        "issues",
        "I2",
        "advisor",
        "みなと経営サポート税理士法人 (認定経営革新等支援機関)",
    )
    assert n.replies[0].text == "決算書の数字に直しました" and n.replies[0].by == "owner"
    assert n.resolved_by == "advisor" and n.resolved_at == T0 + timedelta(days=1)


def test_a_row_note_keeps_the_row_id_when_rows_are_reordered(sample_plan, bank):
    note = add_note(sample_plan, bank, question_id="issues", row="3", text="優先順位の理由を", by="advisor")
    assert note.row == "I3"  # the 3rd row is named by its id, not its position
    again = add_note(sample_plan, bank, question_id="issues", row="i3", text="もう一つ", by="advisor")
    assert again.row == "I3"
    label = place_label(bank, note)
    assert label.endswith("課題 I3") and "経営課題" in label


def test_rows_without_ids_are_numbered_and_grid_lines_named(sample_plan, bank):
    officer = add_note(sample_plan, bank, question_id="company.officers", row="1", text="略歴を", by="advisor")
    assert officer.row == "1"
    line = add_note(sample_plan, bank, question_id="drivers.costs", row="人件費", text="昇給の前提は？", by="advisor")
    assert line.row == "personnel" and place_label(bank, line).endswith("人件費")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"question_id": "no.such"}, "質問「no.such」はありません"),
        ({"question_id": "issues", "row": "9"}, "課題「9」はありません (課題は4件: I1、I2、I3、I4"),
        ({"question_id": "company.name", "row": "1"}, "行のある質問ではありません"),
        ({"question_id": "drivers.costs", "row": "家賃"}, "行「家賃」はありません"),
        ({"question_id": "issues", "finding": "no.rule"}, "指摘「no.rule」はありません"),
        ({"question_id": "issues", "text": "  "}, "メモの内容が空です"),
    ],
)
def test_bad_targets_get_a_japanese_message_and_change_nothing(sample_plan, bank, kwargs, expected):
    args = {"text": "確認してください", "by": "advisor", **kwargs}
    with pytest.raises(NoteError) as info:
        add_note(sample_plan, bank, **args)
    assert expected in info.value.message
    assert sample_plan.notes == []


def test_a_finding_note_names_a_finding_the_question_has_now(sample_plan, bank):
    note = add_note(
        sample_plan, bank, question_id="drivers.costs", finding="numeric.sales_jump", text="根拠は？", by="advisor"
    )
    assert note.finding == "numeric.sales_jump"
    assert place_label(bank, note).endswith("指摘 numeric.sales_jump")


def test_open_notes_come_first_and_resolving_twice_is_refused(sample_plan, bank):
    a = add_note(sample_plan, bank, question_id="company.name", text="正式名称で", by="advisor", at=T0)
    b = add_note(sample_plan, bank, question_id="issues", text="優先順位は？", by="advisor", at=T0 + timedelta(1))
    c = add_note(sample_plan, bank, question_id="issues", text="件数を", by="owner", at=T0 + timedelta(2))
    resolve_note(sample_plan, "n1", by="owner")  # ids are read loosely: n1, N1, 1
    assert [n.id for n in list_notes(sample_plan)] == [b.id, c.id]
    assert [n.id for n in list_notes(sample_plan, include_resolved=True)] == [b.id, c.id, a.id]
    assert [n.id for n in notes_for(sample_plan, "issues")] == ["N2", "N3"]
    with pytest.raises(NoteError, match="もう解決済み"):
        resolve_note(sample_plan, "1", by="owner")
    reopen_note(sample_plan, "N1")
    assert sample_plan.notes[0].is_open and sample_plan.notes[0].resolved_by is None
    with pytest.raises(NoteError, match="N9」はこの計画にありません"):
        resolve_note(sample_plan, "N9", by="owner")


def test_ids_are_never_reused(sample_plan, bank):
    add_note(sample_plan, bank, question_id="company.name", text="a", by="advisor")
    add_note(sample_plan, bank, question_id="company.name", text="b", by="advisor")
    del sample_plan.notes[0]
    assert add_note(sample_plan, bank, question_id="company.name", text="c", by="advisor").id == "N3"


def test_the_desk_saves_every_change_at_once(tmp_path, sample_plan, bank):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    with Interview.open(path, bank=bank, given_by="advisor") as iv:
        desk = NoteDesk(iv)
        note, err = desk.add("issues", "KPIの根拠を決算書の数字で", row="2")
        assert err is None and note is not None
        on_disk = load_plan(path)
        assert [(n.id, n.row, n.by) for n in on_disk.notes] == [("N1", "I2", "advisor")]
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        note, err = desk.add("issues", "x", row="99")
        assert note is None and "課題「99」はありません" in (err or "")
        assert len(load_plan(path).notes) == 1
    with Interview.open(path, bank=bank, given_by="owner") as iv:
        desk = NoteDesk(iv)
        assert [n.id for n in desk.open_for("issues")] == ["N1"]
        desk.reply("N1", "直しました")
        desk.resolve("N1")
        on_disk = load_plan(path).notes[0]
        assert on_disk.replies[0].by == "owner" and on_disk.resolved_by == "owner"
        assert desk.open_for("issues") == []


def test_a_failed_save_puts_back_what_is_on_disk(tmp_path, sample_plan, bank, monkeypatch):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    with Interview.open(path, bank=bank, given_by="advisor") as iv:
        desk = NoteDesk(iv)

        def refuse(*a, **k):
            raise PlanChangedError("計画ファイルが外で変更されています。", path)

        monkeypatch.setattr(iv.saver, "_write", refuse)
        note, err = desk.add("company.name", "正式名称で")
        assert note is None and "このメモはまだ記録されていません" in (err or "")
        assert iv.plan.notes == [] and load_plan(path).notes == []


def test_a_row_note_survives_the_rows_being_reordered_in_the_interview(tmp_path, sample_plan, bank):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    with Interview.open(path, bank=bank, given_by="advisor") as iv:
        desk = NoteDesk(iv)
        note, _ = desk.add("issues", "優先順位の根拠を", row="2")
        assert note is not None and note.row == "I2"
        rows = iv.edit_value("issues")
        title = next(r for r in rows if r.get("id") == "I2")["title"]
        result = iv.answer("issues", list(reversed(rows)))  # the owner puts the issues the other way round
        assert result.accepted or result.follow_up, result.error
        reordered = [r["id"] for r in iv.value("issues")]
        assert reordered[0] == "I4" and reordered.index("I2") == 2
    again = load_plan(path)
    assert again.notes[0].row == "I2"
    assert next(i for i in again.issues if i.id == "I2").title == title  # still the same 課題
