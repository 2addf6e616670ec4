"""Date forms read on real pages of kinds the corpus does not use (agency feeds, ministry and NGO releases,
parliamentary records, briefings): a day written with hyphens around a short month, as document registers and some
agencies' feeds stamp it, and an ISO day carrying its clock time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

WEDNESDAY = dt.date(2016, 3, 16)


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


@pytest.mark.parametrize("form, value", [
    ("14-Mar-2016", "2016-03-14"),
    ("02-Apr-2016", "2016-04-02"),
    ("9-DEC-2015", "2015-12-09"),
    ("21-Sept-2015", "2015-09-21"),
])
def test_a_day_with_hyphens_around_its_month_is_that_day(run, form, value):
    assert dates(run(f"The office filed the note on {form} with the registry.", WEDNESDAY)) == [(form, value, "day")]


@pytest.mark.parametrize("stamp", ["2016-03-14T10:00Z", "2016-03-14T10:00:00+03:00", "2016-03-14T08:15:00"])
def test_an_iso_day_with_its_clock_time_is_that_day(run, stamp):
    r = run(f"Posted {stamp}\n\nThe council met to discuss the truce.", WEDNESDAY)
    assert dates(r) == [(stamp[:10], "2016-03-14", "day")]


@settings(max_examples=15, deadline=None)
@given(st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2018, 12, 28)))
def test_any_hyphenated_day_reads_back_as_itself(run, day):
    form = f"{day.day:02d}-{day.strftime('%b')}-{day.year}"
    assert [d[1] for d in dates(run(f"The note was stamped {form} by the registry.", WEDNESDAY))] == [day.isoformat()]


@pytest.mark.parametrize("text, form, precision", [
    ("Everyone will be watching the city during these next few days.", "these next few days", "day"),
    ("The envoy will report back in the next two weeks.", "the next two weeks", "week"),
    ("The talks should conclude in the next 10 days.", "the next 10 days", "day"),
    ("Aid will arrive over the next couple of weeks.", "the next couple of weeks", "week"),
    ("A second round is planned for the next three months.", "the next three months", "month"),
])
def test_a_counted_span_ahead_is_a_time_no_day_fixes(run, text, form, precision):
    """'the next two weeks' is, like 'the next few days' (docs/gold-format.md), a time the text gives that no day
    fixes: unresolved, with the unit's precision."""
    assert dates(run(text, WEDNESDAY)) == [(form, None, precision)]


def test_a_next_count_of_another_thing_is_no_date(run):
    assert dates(run("The next two rounds of talks and the next three convoys were cancelled.", WEDNESDAY)) == []


@pytest.mark.parametrize("text, value", [
    ("The envoy met the parties two Fridays ago.", "2016-03-04"),
    ("The convoy left three Sundays ago.", "2016-02-28"),
    ("The vote was held two Wednesdays ago.", "2016-03-02"),
])
def test_a_count_of_weekdays_ago_is_that_weekday_counted_back(run, text, value):
    """'two Fridays ago' (published on a Wednesday): the last Friday before publication is one, the one before it
    two: the count of that weekday strictly before publication, counted back."""
    assert [d[1:] for d in dates(run(text, WEDNESDAY))] == [(value, "day")]
