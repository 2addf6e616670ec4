"""Words of a date's form that name no time: a person's final night or evening ('his last night in the camp'),
and the months that are also first names ('June', 'April') as a clause's subject or complement."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

_OWNERS = ["his", "her", "their", "its", "our", "my", "your", "the minister's", "a", "this", "His", "Their", "one",
           "the very", "a final", "that", "whose", "One", "That"]


def dates(result: dict) -> list[tuple[str, object]]:
    return [(d["text"], d["value"] or d["range"]) for d in of(result, "date")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_OWNERS), st.sampled_from(["night", "evening"]), st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)))
def test_an_owner_s_last_night_is_no_day(run, owner, part, published):
    assert dates(run(f"The envoy spent {owner} last {part} in the camp with the families.", published)) == []


def test_last_night_alone_is_still_the_evening_before(run):
    assert dates(run("Shelling resumed last night near the camp.", dt.date(2016, 3, 16))) == [("last night", "2016-03-15")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["June", "April"]), st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)))
def test_a_month_that_is_a_first_name_is_no_date_as_subject_or_complement(run, name, published):
    assert dates(run(f"Her name is {name}.", published)) == []
    assert [t for t, _ in dates(run(f"{name} was elected to the council.", published))] == []
    # after a preposition it is still the month
    assert [t for t, _ in dates(run(f"The council was elected in {name}.", published))] == [name]


def test_a_month_no_name_is_still_a_subject(run):
    assert dates(run("January will come, but the talks may not.", dt.date(2015, 12, 21))) == [
        ("January", ["2016-01-01", "2016-01-31"])]
