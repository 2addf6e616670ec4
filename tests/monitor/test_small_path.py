"""The violation rule and the compliance counts over lists (a few incidents: no NumPy imported) against
the same over arrays (from accord.monitor.columns.VECTORISED incidents on): the same codes, days, reasons
and counts on generated incidents, under ceasefires with and without an end and an area."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.monitor.ceasefire import Ceasefire, ceasefire
from accord.monitor.columns import from_incidents
from accord.monitor.compliance import _slope, compliance
from accord.monitor.incidents import incident
from accord.monitor.violations import Judgement
from tests.monitor.conftest import report

ACTORS = [None, "syria-government", "hnc", "al-nusra", "isil", "armed-opposition", "jaysh-al-islam", "russia"]
_reports = st.builds(
    dict,
    event_time=st.datetimes(min_value=dt.datetime(2016, 2, 20), max_value=dt.datetime(2016, 3, 20)).map(
        lambda d: d.replace(microsecond=0)),
    time_precision=st.sampled_from(["exact", "day", "week", "month"]),
    perpetrator=st.sampled_from(ACTORS), target=st.sampled_from(ACTORS),
    place=st.builds(dict, country=st.sampled_from(["SYR", "SYR", "LBN", "TUR"]),
                    admin1=st.sampled_from([None, "Idleb", "Aleppo", "Hatay"])),
    credibility=st.integers(1, 6), reliability=st.sampled_from("ABCDEF"),
)
_terms = st.fixed_dictionaries({
    "end": st.sampled_from([None, dt.datetime(2016, 3, 5, 12), dt.datetime(2016, 3, 15)]),
    "area": st.sampled_from([[], ["SYR"], ["SYR/Idleb", "LBN"], ["TUR/Hatay"]]),
})


def _ceasefire(syria, terms: dict) -> Ceasefire:
    proc = ceasefire(syria, "coh-2016").process
    return Ceasefire(proc.model_copy(update={"ceasefire": proc.ceasefire.model_copy(update=terms)}))


@settings(max_examples=80, deadline=None)
@given(specs=st.lists(_reports, max_size=25), terms=_terms, period=st.sampled_from(["day", "week"]),
       first=st.dates(dt.date(2016, 2, 18), dt.date(2016, 3, 10)), days=st.integers(0, 20))
def test_lists_and_arrays_judge_and_count_alike(syria, specs, terms, period, first, days):
    cf = _ceasefire(syria, terms)
    items = [incident([report(f"r{k}", **s)]) for k, s in enumerate(specs)]
    lists, arrays = (Judgement(syria, cf, from_incidents(items, arrays=a)) for a in (False, True))
    assert lists.cols.plain and not arrays.cols.plain
    assert lists.days == arrays.days.tolist() and lists.codes == arrays.codes.tolist()
    assert [lists.reason(k, inc) for k, inc in enumerate(items)] == [arrays.reason(k, inc) for k, inc in enumerate(items)]
    last = first + dt.timedelta(days=days)
    assert compliance(lists, period, first, last) == compliance(arrays, period, first, last)


@given(st.lists(st.integers(0, 10_000), max_size=60))
def test_the_trend_is_the_least_squares_slope(counts):
    expected = float(np.polyfit(np.arange(len(counts)), counts, 1)[0]) if len(counts) >= 2 else 0.0
    assert abs(_slope(counts) - expected) <= 1e-9 * max(1.0, abs(expected))
