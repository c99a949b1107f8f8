"""The validated bank is cached per user (issue 18): unpickled, it is the bank its files build, with
its conditions compiled again, and its models build no validators (a start does not pay for them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from kaizen_guide.banks import load_bank
from kaizen_guide.locations import question_banks_dir

PRIVATE = ("_section_id", "_file", "_order", "_refs", "_grid_mode", "_int_min", "_int_max", "_allow_negative")


def _shape(bank) -> list[tuple]:
    return [
        (q.model_dump(), tuple(getattr(q, name) for name in PRIVATE), q._when_fn is None, bank.section_of(q.id).id)
        for q in bank.questions
    ]


def test_a_bank_from_the_disk_cache_is_the_bank_its_files_build(tmp_path, monkeypatch):
    monkeypatch.setenv("KAIZEN_GUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KAIZEN_GUIDE_NO_CACHE", raising=False)
    banks = tmp_path / "question_banks"
    shutil.copytree(question_banks_dir(), banks)
    built = load_bank(banks, use_cache=False)
    assert list((tmp_path / "cache").glob("bank-question_banks-True-*.pickle"))
    cached = load_bank(banks, use_cache=False)
    assert cached is not built
    assert _shape(cached) == _shape(built)
    assert cached._dependants == built._dependants and cached.directory == str(banks.resolve())
    conditional = [q for q in built.questions if q.when]
    assert conditional
    for q in conditional:  # the conditions are compiled again and read the answers the same way
        for value in ("", "はい", 0, 1, True, False):
            lookup = {ref: value for ref in q._refs}.get
            assert cached.question(q.id)._when_fn.evaluate(lookup) == q._when_fn.evaluate(lookup)


def test_a_bank_from_the_disk_cache_builds_no_validators(tmp_path):
    env = {**os.environ, "KAIZEN_GUIDE_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("KAIZEN_GUIDE_NO_CACHE", None)
    code = (
        "from kaizen_guide.banks import load_bank, models; load_bank(); "
        "print(sorted({type(c.__pydantic_validator__).__name__ for c in (models.Bank, models.Question, models.Section)}))"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, check=True, capture_output=True)  # the first start fills the cache
    out = subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert out == "['MockValSer']"
