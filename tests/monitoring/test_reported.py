"""`kaizen-guide reported`: months reported to the banks count as done in `due`, and later
corrections of them become amendments."""

from __future__ import annotations

from kaizen_guide.cli import main
from kaizen_guide.model.store import load_plan, save_plan
from kaizen_guide.monitoring.review import Review


def test_reported_months_close_the_due_item_and_later_corrections_are_amendments(sample_plan, tmp_path, capsys):
    path = save_plan(sample_plan, tmp_path / "plan.json", backup=False)
    assert main(["due", str(path), "--today", "2027-07-25"]) == 1  # Q1 reviewed, not reported, late
    assert main(["reported", str(path), "2027-04", "2027-05", "令和9年6月", "--at", "2027-07-15"]) == 0
    assert "2027年4月、2027年5月、2027年6月" in capsys.readouterr().out
    plan = load_plan(path)
    assert [r.reported_at.astimezone().date().isoformat() for r in plan.monitoring] == ["2027-07-15"] * 3
    assert main(["due", str(path), "--today", "2027-07-25"]) == 0
    assert "期限の来ている振り返り・報告はありません" in capsys.readouterr().out

    rv = Review.open(path, "2027-06")
    try:
        assert rv.set_actuals({"cash_end": 8300}, source="手入力", confirm=True).accepted
    finally:
        rv.close()
    assert main(["reported", str(path), "2027-06"]) == 0
    out = capsys.readouterr().out
    assert "この報告に含めた、報告済みの月の訂正:" in out and "2027年6月 月末現預金: 8,200 → 8,300" in out
    assert all(a.reported_at is not None for a in load_plan(path).monitoring[2].amendments)


def test_reported_refuses_a_month_without_a_record(sample_plan, tmp_path, capsys):
    path = save_plan(sample_plan, tmp_path / "plan.json", backup=False)
    before = path.read_bytes()
    assert main(["reported", str(path), "2027-06", "2027-09"]) == 2
    assert "2027年9月のモニタリング記録がありません" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["reported", str(path), "そのうち"]) == 2
    assert main(["reported", str(tmp_path / "none.json"), "2027-06"]) == 2
