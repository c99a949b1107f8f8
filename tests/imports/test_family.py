"""The fixtures as a family: random combinations of the knobs a real export varies in."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaizen_guide.imports import read_actuals
from kaizen_guide.sample import build_sample_plan

from . import exports as ex

PLAN = build_sample_plan()
LEDGERS = {seed: ex.Ledger.build("2027-04", seed) for seed in (1, 2, 3)}

variants = st.fixed_dictionaries(
    {
        "seed": st.sampled_from(sorted(LEDGERS)),
        "encoding": st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
        "unit": st.sampled_from(["円", "千円"]),
        "labels": st.sampled_from(["ym", "slash", "r", "reiwa", "m", "do"]),
        "numbers": st.sampled_from(["comma", "triangle", "white", "paren", "fullwidth"]),
        "preamble": st.booleans(),
        "totals": st.booleans(),
        "cumulative": st.booleans(),
        "delimiter": st.sampled_from([",", "\t"]),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variants)
def test_any_generic_variant_reads_the_files_figures(v):
    led = LEDGERS[v["seed"]]
    with tempfile.TemporaryDirectory() as d:
        path = ex.generic_csv(
            Path(d) / "f.csv",
            led,
            encoding=v["encoding"],
            unit=v["unit"],
            preamble=v["preamble"],
            labels=v["labels"],
            totals=v["totals"],
            numbers=v["numbers"],
            cumulative=v["cumulative"] and v["preamble"],
            delimiter=v["delimiter"],
        )
        # Without a preamble the file states neither its unit nor 累計: the caller says so.
        kw = {} if v["preamble"] else {"unit": v["unit"]}
        r = read_actuals(path, PLAN, **kw)
    exp = led.expected(v["unit"], with_totals=v["totals"])
    assert sorted(r.months) == sorted(exp)
    for m in exp:
        assert r.months[m] == exp[m], m
    assert r.complete


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(sorted(LEDGERS)), st.booleans(), st.sampled_from(["cp932", "utf-8"]), st.integers(0, 3_000_000))
def test_any_yayoi_year_export(seed, header, encoding, kessan):
    led = LEDGERS[seed]
    with tempfile.TemporaryDirectory() as d:
        r = read_actuals(ex.yayoi_year(Path(d) / "y.csv", led, header=header, encoding=encoding, kessan=kessan), PLAN)
    assert r.source_format == "yayoi"
    assert r.months == led.expected("円")
