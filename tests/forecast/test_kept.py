"""A forecast read back from the cache without NumPy or the models (accord.forecast.issue.kept): the same
report the computation gave, found under the same key, or nothing."""

from __future__ import annotations

import datetime as dt
import json

import hypothesis.strategies as st
from hypothesis import given

from accord.forecast import cache
from accord.forecast.inputs import IssueRows, build_stakeholders, issue_rows
from accord.forecast.issue import kept
from accord.views import forecasts

from .conftest import record_snapshot

DAY = dt.date(2015, 12, 18)


def _no_compute(*a, **k):
    raise AssertionError("computed again")


def test_a_computed_forecast_is_read_back_the_same_without_computing(monkeypatch):
    snap = record_snapshot()
    first = forecasts.issue_report(snap, "assad-role", DAY, "nash,weighted-median", 300, 1)
    monkeypatch.setattr(forecasts, "_computed", _no_compute)
    again = forecasts.issue_report(snap, "assad-role", DAY, "nash,weighted-median", 300, 1)
    assert json.dumps(again.to_json()) == json.dumps(first.to_json())
    assert again.runs == first.runs and again.scale == first.scale == (0.0, 100.0)


def test_nothing_is_read_back_before_a_computation_or_for_other_options():
    rows = issue_rows(record_snapshot(), "assad-role", DAY)
    assert kept(rows, DAY, ["nash"]) is None  # nothing computed yet under this code: no model's key known
    forecasts.issue_report(record_snapshot(), "assad-role", DAY, "nash", 300, 0)
    assert kept(rows, DAY, ["nash"], draws=300) is not None
    assert kept(rows, DAY, ["nash"], draws=300, seed=1) is None
    assert kept(rows, DAY, ["nash", "eum"], draws=300) is None
    assert kept(rows, DAY, ["oracle"], draws=300) is None


def test_another_version_of_the_code_reads_nothing_back(monkeypatch):
    forecasts.issue_report(record_snapshot(), "assad-role", DAY, "nash", 300, 0)
    rows = issue_rows(record_snapshot(), "assad-role", DAY)
    monkeypatch.setattr(cache, "code_version", lambda: "another")
    assert kept(rows, DAY, ["nash"], draws=300) is None


def test_no_cache_reads_nothing_back(monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", "")
    forecasts.issue_report(record_snapshot(), "assad-role", DAY, "nash", 300, 0)
    assert kept(issue_rows(record_snapshot(), "assad-role", DAY), DAY, ["nash"], draws=300) is None


def _pairs(n: int, zero_sd: bool) -> st.SearchStrategy:
    value = st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False))
    sd = st.just(0.0) if zero_sd else st.one_of(st.just(0.0), st.integers(0, 5), st.floats(0, 5, allow_nan=False))
    return st.lists(st.tuples(value, sd), min_size=n, max_size=n)


@st.composite
def issue_inputs(draw) -> IssueRows:
    n = draw(st.integers(1, 6))
    lo = draw(st.integers(-10, 0))
    return IssueRows("q", "issue q", [f"a{i}" for i in range(n)], draw(_pairs(n, draw(st.booleans()))),
                     draw(_pairs(n, draw(st.booleans()))), draw(_pairs(n, True)),
                     (float(lo), float(draw(st.integers(100, 200)))))


@given(issue_inputs())
def test_the_rows_describe_themselves_as_their_arrays_do(rows):
    arrays = build_stakeholders(rows.actors, rows.capability, rows.position, rows.salience, rows.scale, rows.issue)
    assert json.dumps(rows.described(), sort_keys=True) == json.dumps(cache.inputs(arrays), sort_keys=True)
