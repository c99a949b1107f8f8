"""The portfolio's listing: columns from the real engine, broken plans listed, the cache."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime
from pathlib import Path

from kaizen_guide.cli import main
from kaizen_guide.portfolio import cache as cache_mod
from kaizen_guide.portfolio.cache import cache_path, list_folder
from kaizen_guide.portfolio.columns import columns


def _by_file(listing, root: Path) -> dict[str, object]:
    return {Path(s.path).relative_to(root).as_posix(): s for s in listing.summaries}


def test_every_plan_is_listed_with_its_figures(practice: Path) -> None:
    listing = list_folder(practice, jobs=1)
    rows = _by_file(listing, practice)
    assert sorted(rows) == ["2027/midori.json", "broken.json", "future.json", "new.json", "sakura.json"]
    sakura = rows["sakura.json"]
    assert sakura.company == "株式会社さくら亭" and sakura.industry.startswith("飲食業")
    assert sakura.sections_total >= 10 and sakura.sections_done == sakura.sections_total
    assert sakura.last_month == "2027-06"
    assert sakura.months_recorded == 3
    # June's 売上 is the sample's watch-or-miss month: the figure is the engine's own comparison.
    from kaizen_guide.model.store import load_plan
    from kaizen_guide.monitoring.compare import compare_month

    plan = load_plan(practice / "sakura.json")
    actuals = {r.month: dict(r.actuals) for r in plan.monitoring if r.actuals}
    june = compare_month(plan, "2027-06", actuals).row("sales")
    assert sakura.sales_band == june.band and abs(sakura.sales_rate - float(june.rate)) < 1e-4
    assert sakura.edited_by in ("owner", "advisor") and sakura.edited_at
    midori = rows["2027/midori.json"]
    assert midori.sales_band == "miss" and midori.months_missed == 3
    new = rows["new.json"]
    assert new.sections_done == 0 and new.errors > 0 and new.last_month is None


def test_version_in_force_and_what_is_due_come_from_the_calendar(practice: Path) -> None:
    from kaizen_guide.model.store import load_plan
    from kaizen_guide.monitoring.calendar import due_items

    day = date(2027, 8, 25)  # the sample's 第1四半期 report (due 7/20) is late
    rows = _by_file(list_folder(practice, jobs=1, today=day), practice)
    sakura = rows["sakura.json"]
    expected = [i for i in due_items(load_plan(practice / "sakura.json"), day) if i.pending]
    assert sakura.overdue == sum(i.overdue for i in expected) >= 1
    assert sakura.due_label == next(i.label for i in expected if i.overdue)
    assert sakura.version is None and sakura.versions == 0  # never frozen: the working plan
    text = {c.key: c.text(sakura) for c in columns(practice)}
    assert text["version"] == "作業中の計画" and text["due"].startswith("期限切れ")
    assert rows["new.json"].due_label is None
    early = _by_file(list_folder(practice, jobs=1, today=date(2027, 7, 1)), practice)["sakura.json"]
    assert early.overdue == 0  # a day's figures are recomputed when the day moves past valid_until


def test_due_figures_are_recomputed_only_when_a_date_passes(practice: Path) -> None:
    first = list_folder(practice, jobs=1, today=date(2027, 7, 1))
    assert first.computed == 5
    sakura = _by_file(first, practice)["sakura.json"]
    assert sakura.valid_until and sakura.valid_until > "2027-07-01"
    assert list_folder(practice, jobs=1, today=date(2027, 7, 1)).computed == 0
    later = list_folder(practice, jobs=1, today=date.fromisoformat(sakura.valid_until))
    assert 1 <= later.computed < 5  # the plans with monitoring; the broken ones and the empty one stay


def test_frozen_version_is_shown(practice: Path) -> None:
    from kaizen_guide.model import save_plan
    from kaizen_guide.model.store import load_plan
    from kaizen_guide.model.versions import freeze

    path = practice / "sakura.json"
    plan = load_plan(path)
    freeze(plan, note="当初計画", by="advisor", at=datetime(2027, 3, 20, 10, 0))
    save_plan(plan, path, backup=False)
    sakura = _by_file(list_folder(practice, jobs=1), practice)["sakura.json"]
    assert sakura.version == 1 and sakura.versions == 1
    assert {c.key: c.text(sakura) for c in columns(practice)}["version"] == "当初計画"


def test_broken_and_newer_files_are_listed_with_the_reason(practice: Path) -> None:
    rows = _by_file(list_folder(practice, jobs=1), practice)
    assert "読めません" in rows["broken.json"].error
    assert rows["future.json"].error and "新しい" in rows["future.json"].error
    text = {c.key: c.text(rows["broken.json"]) for c in columns(practice)}
    assert text["company"] == "(読めません)" and text["error"]


def test_second_open_comes_from_the_cache(practice: Path, monkeypatch) -> None:
    first = list_folder(practice, jobs=1)
    assert first.computed == 5
    assert oct(cache_path().stat().st_mode & 0o777) == "0o600"

    def no_summaries(path):  # the second open must not read a single plan
        raise AssertionError(f"summarised {path} again")

    monkeypatch.setattr(cache_mod, "summarize_file", no_summaries)
    second = list_folder(practice, jobs=1)
    assert second.computed == 0
    assert [s.as_json() for s in second.summaries] == [s.as_json() for s in first.summaries]


def test_a_changed_file_is_summarised_again(practice: Path) -> None:
    list_folder(practice, jobs=1)
    from kaizen_guide.model import save_plan
    from kaizen_guide.model.store import load_plan

    path = practice / "sakura.json"
    plan = load_plan(path)
    plan.company.name = "株式会社さくら亭 (改称)"
    save_plan(plan, path, backup=False)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a new mtime even on a coarse clock
    again = list_folder(practice, jobs=1)
    assert again.computed == 1
    assert _by_file(again, practice)["sakura.json"].company == "株式会社さくら亭 (改称)"
    (practice / "new.json").unlink()
    after = list_folder(practice, jobs=1)
    assert "new.json" not in _by_file(after, practice)
    assert not any(k.endswith("new.json") for k in json.loads(cache_path().read_text())["entries"])


def test_a_corrupt_cache_is_ignored(practice: Path) -> None:
    cache_path().write_text("{not json", encoding="utf-8")
    assert list_folder(practice, jobs=1).computed == 5
    data = json.loads(cache_path().read_text(encoding="utf-8"))
    data["entries"] = {k: {"key": v["key"], "summary": {"bogus": 1}} for k, v in data["entries"].items()}
    cache_path().write_text(json.dumps(data), encoding="utf-8")
    listing = list_folder(practice, jobs=1)  # entries that do not read as summaries are made again
    assert listing.computed == 5
    assert _by_file(listing, practice)["sakura.json"].company == "株式会社さくら亭"


def test_worker_processes_give_the_same_summaries(practice: Path, monkeypatch) -> None:
    serial = [s.as_json() for s in list_folder(practice, jobs=1).summaries]
    cache_path().unlink()
    monkeypatch.setattr(cache_mod, "POOL_FROM", 2)
    pooled = [s.as_json() for s in list_folder(practice, jobs=2).summaries]
    assert pooled == serial


def test_cli_exit_1_when_anything_is_overdue(practice: Path, capsys) -> None:
    assert main(["portfolio", str(practice), "--format", "json", "--today", "2027-08-25"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["overdue"] >= 2
    assert main(["portfolio", str(practice), "--format", "json", "--today", "2027-07-01"]) == 0
    assert main(["portfolio", str(practice), "--today", "いつか"]) == 2


def test_cli_json_and_csv(practice: Path, capsys) -> None:
    assert main(["portfolio", str(practice), "--format", "json", "--today", "2027-07-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["plans"] == 5 and data["summary"]["unreadable"] == 2
    assert {p["file"] for p in data["plans"]} >= {"sakura.json", "2027/midori.json"}
    assert main(["portfolio", str(practice), "--format", "csv", "--today", "2027-07-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    midori = next(r for r in rows if r["ファイル"] == "2027/midori.json")
    assert midori["会社名"] == "株式会社みどり工業" and midori["業種"] == "製造業" and "未達" in midori["売上 達成率"]
    assert midori["未達の月"] == "3/3"
    broken = next(r for r in rows if r["ファイル"] == "broken.json")
    assert broken["読めない理由"]


def test_cli_refuses_a_missing_folder(tmp_path: Path, capsys) -> None:
    assert main(["portfolio", str(tmp_path / "nope"), "--format", "json"]) == 2
    assert "フォルダではありません" in capsys.readouterr().err
