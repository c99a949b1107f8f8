"""Issue 11.1: one writer per plan, between real processes.

Before the fix a TUI and a headless `interview --answers` on the same plan both wrote, and the next
save of one silently dropped the other's answers (6 of 6 trials).
"""

from __future__ import annotations

import json
import os
import sys

import pytest
from reliability_helpers import Holder, cli

from kaizen_guide.engine import Interview, dump_answers_yaml
from kaizen_guide.model import load_plan
from kaizen_guide.model.lock import PlanLock, PlanLockedError, lock_paths
from kaizen_guide.tui.app import open_interview


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.json"
    iv = Interview.open(path)
    assert iv.answer("company.name", "株式会社テスト").accepted
    iv.close()
    return path


def _answers(tmp_path, **answers):
    path = tmp_path / "answers.yaml"
    path.write_text(dump_answers_yaml(answers), encoding="utf-8")
    return path


def test_headless_waits_then_exits_2_while_a_tui_holds_the_plan(plan, tmp_path):
    before = plan.read_bytes()
    holder = Holder(plan)
    try:
        r = cli(
            "interview",
            str(plan),
            "--answers",
            str(_answers(tmp_path, **{"company.name": "別の会社"})),
            "--wait",
            "0.3",
        )
        assert r.returncode == 2, r.stdout + r.stderr
        out = r.stdout + r.stderr
        assert "編集中" in out and "待ちました" in out and "Traceback" not in out
        assert plan.read_bytes() == before  # the headless run wrote nothing
    finally:
        holder.close()
    # once the other side is closed, the same command goes through
    r = cli("interview", str(plan), "--answers", str(_answers(tmp_path, **{"company.name": "別の会社"})), "--wait", "0")
    assert "編集中" not in r.stdout + r.stderr
    assert load_plan(plan).company.name == "別の会社"


def test_second_tui_opens_read_only_and_never_writes(plan):
    holder = Holder(plan)
    try:
        before = plan.read_bytes()
        iv = open_interview(plan)
        assert iv.read_only and "編集中" in iv.notice
        res = iv.answer("company.name", "上書きしようとした会社")
        assert not res.accepted and "読み取り専用" in res.error
        assert iv.plan.company.name == "株式会社テスト"  # the screen shows what is on disk
        iv.goto(iv.bank.questions[0].id)  # moving around does not write either
        assert plan.read_bytes() == before
        iv.close()
    finally:
        holder.close()


def test_interview_open_refuses_while_held(plan):
    holder = Holder(plan)
    try:
        with pytest.raises(PlanLockedError) as info:
            Interview.open(plan)
        msg = info.value.message
        assert "編集中" in msg and "プロセス番号" in msg and str(holder.proc.pid) in msg
    finally:
        holder.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_holder_leaves_no_lock_and_the_next_opener_takes_over(plan):
    """filelock's OS lock dies with its process; the side file tells the next opener."""
    holder = Holder(plan)
    _, owner = lock_paths(plan)
    assert json.loads(owner.read_text(encoding="utf-8"))["pid"] == holder.proc.pid
    holder.kill()  # SIGKILL: no cleanup code runs
    assert owner.exists()  # the record of the dead holder is still there
    iv = Interview.open(plan)  # no wait needed: the kernel released the lock
    assert iv.notice and "引き継ぎました" in iv.notice
    assert iv.answer("company.name", "引き継いだ会社").accepted
    iv.close()
    assert not owner.exists()
    assert load_plan(plan).company.name == "引き継いだ会社"


def test_a_live_holder_recorded_without_an_os_lock_still_counts_as_busy(plan):
    """A filesystem whose locks do nothing: the side file naming a live process keeps us out."""
    _, owner = lock_paths(plan)
    holder = Holder(plan)
    record = owner.read_text(encoding="utf-8")
    holder.close()
    # the holder is gone; pretend a live process (our parent shell) wrote that record
    data = json.loads(record)
    data["pid"] = os.getppid()
    data["proc_start"] = None
    owner.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanLockedError):
        PlanLock(plan).acquire(timeout=0)


def test_two_interviews_in_one_process_share_the_lock(plan):
    a = Interview.open(plan)
    b = Interview.open(plan)
    assert a.notice is None and b.notice is None
    a.close()
    assert b.lock is not None and b.lock.held  # b still holds it
    b.close()


def test_a_change_on_disk_by_someone_else_is_never_overwritten(plan):
    iv = Interview.open(plan)
    # an editor (which takes no lock) changes the plan under us
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["company"]["name"] = "エディタで直した会社"
    plan.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    edited = plan.read_bytes()
    res = iv.answer("company.name", "アプリの回答")
    assert not res.accepted and "外で変更" in res.error and "読み込み直しました" in res.error
    assert plan.read_bytes() == edited  # not overwritten
    assert iv.plan.company.name == "エディタで直した会社"  # reloaded: the screen shows theirs
    # the next answer is saved on top of their version
    assert iv.answer("company.name", "アプリの回答").accepted
    assert load_plan(plan).company.name == "アプリの回答"
    iv.close()


def test_touching_the_file_without_changing_it_is_not_a_conflict(plan):
    iv = Interview.open(plan)
    st = plan.stat()
    os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert iv.answer("company.name", "変わらない会社").accepted
    iv.close()


# The monthly review writes the same plan file: it takes the same lock (issue 14 builds on 11.1).


def _sample_plan_file(tmp_path):
    from kaizen_guide.model import save_plan
    from kaizen_guide.sample import build_sample_plan

    path = tmp_path / "sample.json"
    save_plan(build_sample_plan(monitoring=True), path)
    return path


def test_headless_review_waits_then_exits_2_while_another_holds_the_plan(tmp_path):
    from kaizen_guide.monitoring.headless import run_monitor
    from kaizen_guide.sample import SAMPLE_REVIEW_YAML

    plan_path = _sample_plan_file(tmp_path)
    answers = tmp_path / "review.yaml"
    answers.write_text(SAMPLE_REVIEW_YAML, encoding="utf-8")
    holder = Holder(plan_path)
    try:
        before = plan_path.read_bytes()  # after the holder opened it (opening may normalise the file)
        out: list[str] = []
        code = run_monitor(plan_path, answers=answers, out=out.append, lock_wait=0.2)
        assert code == 2 and "編集中" in "\n".join(out)
        assert plan_path.read_bytes() == before
        # only showing the comparison writes nothing and needs no lock
        assert run_monitor(plan_path, month="2027-06", out=out.append) == 0
    finally:
        holder.close()
    out = []
    assert run_monitor(plan_path, answers=answers, out=out.append, lock_wait=0) in (0, 1), "\n".join(out)
    assert load_plan(plan_path).monitoring[-1].month == "2027-07"


def test_review_open_refuses_a_plan_another_process_holds(tmp_path):
    from kaizen_guide.monitoring.review import Review

    plan_path = _sample_plan_file(tmp_path)
    holder = Holder(plan_path)
    try:
        with pytest.raises(PlanLockedError) as exc:
            Review.open(plan_path, "2027-07")
        assert "編集中" in exc.value.full_message
    finally:
        holder.close()
    review = Review.open(plan_path, "2027-07")
    try:
        assert review.lock is not None and review.lock.held
    finally:
        review.close()
    assert not PlanLock(plan_path).holder()  # the side file went with the lock


@pytest.mark.skipif(not os.path.exists("/proc/self/stat") or not hasattr(os, "waitid"), reason="Linux /proc")
def test_a_killed_holder_not_yet_reaped_does_not_keep_the_plan(plan):
    """A zombie (killed, not reaped: a container whose init does not reap) still answers
    kill(pid, 0); it holds nothing, so the next opener takes over instead of opening read-only."""
    import signal
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        os.kill(child.pid, signal.SIGKILL)
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # dead, and left unreaped
        holder = Holder(plan)
        _, owner = lock_paths(plan)
        record = json.loads(owner.read_text(encoding="utf-8"))
        holder.close()
        record["pid"] = child.pid  # the side file names the unreaped process
        record["proc_start"] = None
        owner.write_text(json.dumps(record), encoding="utf-8")
        lock = PlanLock(plan)
        assert lock.acquire(timeout=0) and "引き継ぎました" in lock.notice
        lock.release()
    finally:
        child.wait()
