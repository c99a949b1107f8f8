"""The plan file: byte-stable round trips, safe failures, atomic saves, owner-only mode."""

from __future__ import annotations

import json
import os
import stat

import pytest

from kaizen_guide.model import SCHEMA_VERSION, Plan, PlanFileError, dumps_plan, load_plan, save_plan, store


def test_sample_round_trips_byte_stable(tmp_path, sample_plan):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    first = path.read_bytes()
    reloaded = load_plan(path)
    assert reloaded == sample_plan
    save_plan(reloaded, path)
    assert path.read_bytes() == first


def test_file_is_readable_japanese_utf8(tmp_path, sample_plan):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    text = path.read_text(encoding="utf-8")
    assert "株式会社さくら亭" in text
    assert "\\u" not in text
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def test_saved_file_and_backup_are_owner_only(tmp_path, sample_plan):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    save_plan(sample_plan, path)
    bak = path.with_name("plan.json.bak")
    assert bak.exists()
    assert stat.S_IMODE(bak.stat().st_mode) == 0o600


def test_backup_keeps_previous_version(tmp_path, sample_plan):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    before = path.read_bytes()
    sample_plan.company.name = "株式会社さくら亭 (改)"
    save_plan(sample_plan, path)
    assert path.with_name("plan.json.bak").read_bytes() == before
    assert load_plan(path).company.name == "株式会社さくら亭 (改)"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b'{"schema_version": 1, "company": {"name": ', "壊れている"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2, 3]", "形式ではありません"),
        (b'{"company": {}}', "schema_version"),
    ],
)
def test_corrupt_file_gives_japanese_message_and_is_untouched(tmp_path, content, expected):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert expected in info.value.message
    assert str(path) in info.value.message
    assert path.read_bytes() == content


def test_newer_schema_version_is_refused_and_untouched(tmp_path, sample_plan):
    data = json.loads(dumps_plan(sample_plan))
    data["schema_version"] = SCHEMA_VERSION + 1
    path = tmp_path / "future.json"
    raw = json.dumps(data, ensure_ascii=False).encode()
    path.write_bytes(raw)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert "新しい版" in info.value.message
    assert path.read_bytes() == raw
    # check_writable refuses to let a save clobber it.
    with pytest.raises(PlanFileError):
        store.check_writable(path)
    assert path.read_bytes() == raw


def test_invalid_field_is_named_in_japanese(tmp_path, sample_plan):
    data = json.loads(dumps_plan(sample_plan))
    data["banks"][1]["loans"][0]["balance"] = "たくさん"
    data["company"]["fiscal_month"] = 13
    path = tmp_path / "invalid.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    text = info.value.full_message
    assert "金融機関・借入 2件目 › 借入 1件目 › 借入残高" in text
    assert "整数で入力してください" in text
    assert "決算月" in text and "12 以下" in text


def test_unknown_key_is_reported_not_dropped(tmp_path, sample_plan):
    data = json.loads(dumps_plan(sample_plan))
    data["company"]["nmae"] = "typo"
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert "nmae" in info.value.full_message


def test_missing_file_message(tmp_path):
    with pytest.raises(PlanFileError) as info:
        load_plan(tmp_path / "nope.json")
    assert "見つかりません" in info.value.message


class _Boom(Exception):
    pass


@pytest.mark.parametrize("step", ["write", "fsync", "fchmod", "link", "replace", "fsync_dir"])
def test_interrupted_save_leaves_old_or_new_file_whole(tmp_path, sample_plan, monkeypatch, step):
    path = save_plan(sample_plan, tmp_path / "plan.json")
    old = path.read_bytes()
    changed = sample_plan.model_copy(deep=True)
    changed.company.name = "新しい名前"
    new = dumps_plan(changed).encode("utf-8")

    real = {
        "fsync": os.fsync,
        "fchmod": os.fchmod,
        "link": os.link,
        "replace": os.replace,
    }

    def boom(*a, **k):
        raise _Boom(step)

    if step == "write":
        import tempfile as _tf

        real_mkstemp = _tf.mkstemp

        def mkstemp_then_fail(*a, **k):
            fd, name = real_mkstemp(*a, **k)
            os.write(fd, new[: len(new) // 2])  # half-written temp file, then the crash
            raise _Boom("write")

        monkeypatch.setattr(store.tempfile, "mkstemp", mkstemp_then_fail)
    elif step == "fsync_dir":
        monkeypatch.setattr(store, "_fsync_dir", boom)
    else:
        monkeypatch.setattr(store.os, step, boom)

    with pytest.raises(_Boom):
        save_plan(changed, path)
    monkeypatch.undo()
    now = path.read_bytes()
    assert now in (old, new)
    load_plan(path)  # whole and valid either way
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp") and p.name != path.name]
    if step != "write":  # a crash inside mkstemp's caller may leave its temp; it never replaces the plan
        assert leftovers == []
    del real


def test_json_schema_has_japanese_titles():
    schema = Plan.model_json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    assert "借入残高" in text and "商号" in text


def test_a_version_1_file_loads_and_is_saved_as_the_current_version(tmp_path):
    # Version 1 had none of the fields added since (all defaulted): it must load unchanged and
    # be written back with the current version, so an older app refuses it cleanly.
    path = tmp_path / "old.json"
    path.write_text('{"schema_version": 1, "company": {"name": "株式会社旧版"}}', encoding="utf-8")
    plan = load_plan(path)
    assert plan.company.name == "株式会社旧版" and plan.monitoring == []
    save_plan(plan, path)
    assert SCHEMA_VERSION == 4
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_a_version_2_file_loads_and_is_saved_as_the_current_version(tmp_path):
    # Version 2 had no plan versions, reported months or amendments (all defaulted since).
    path = tmp_path / "v2.json"
    path.write_text(
        '{"schema_version": 2, "company": {"name": "株式会社二版"},'
        ' "monitoring": [{"month": "2027-04", "actuals": {"sales": 100}}]}',
        encoding="utf-8",
    )
    plan = load_plan(path)
    assert plan.versions == [] and plan.monitoring[0].reported_at is None
    save_plan(plan, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION == 4


def test_a_version_3_file_loads_and_is_saved_as_the_current_version(tmp_path):
    # Version 3 had no review notes (defaulted since): it loads unchanged and is written back as 4.
    path = tmp_path / "v3.json"
    path.write_text(
        '{"schema_version": 3, "company": {"name": "株式会社三版"},'
        ' "monitoring": [{"month": "2027-04", "actuals": {"sales": 100}}]}',
        encoding="utf-8",
    )
    plan = load_plan(path)
    assert plan.notes == [] and plan.company.name == "株式会社三版"
    save_plan(plan, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION == 4


def test_a_file_with_notes_from_a_newer_app_gets_the_newer_version_message(tmp_path):
    # What an app of version 3 would see: the file says 4 (it carries notes); here, one above ours.
    path = tmp_path / "v5.json"
    raw = (
        f'{{"schema_version": {SCHEMA_VERSION + 1}, "notes": [{{"id": "N1", "question_id": "company.name",'
        ' "text": "x", "created_at": "2027-12-01T10:30:00+09:00", "colour": "red"}]}'
    ).encode()
    path.write_bytes(raw)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert "新しい版" in info.value.message
    assert path.read_bytes() == raw
