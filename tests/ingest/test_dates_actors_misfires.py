"""Defects a review found in the fifteenth round's rules: a future 'will recall', a span of years, a day with a dot
at a sentence's start, a capital after 'a' naming a state, 'depends on' reaching past a second 'on', and a
government's bare name read as another state's."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.conftest import of

WEDNESDAY = dt.date(2016, 4, 20)


def dates(result: dict) -> list[tuple[str, object]]:
    return [(d["text"], d["value"] or d["range"]) for d in of(result, "date")]


def actor_ids(result: dict) -> list[str | None]:
    return [c["actor"] for c in of(result, "actor")]


@pytest.mark.parametrize("text, day", [
    ("The embassy will recall its envoy on Monday.", "2016-04-25"),
    ("The town will remember its fallen on Sunday.", "2016-04-24"),
])
def test_will_recall_as_a_plain_future_verb_looks_ahead(run, text, day):
    """'will recall its envoy on Monday' is a plan: only 'will recall that ...' tells of a day gone by."""
    assert [d[1] for d in dates(run(text, WEDNESDAY))] == [day]


def test_will_recall_that_still_looks_back(run):
    r = run("Members will recall that on Monday the minister spoke.", WEDNESDAY)
    assert [d[1] for d in dates(r)] == ["2016-04-18"]


@pytest.mark.parametrize("text, year", [
    ("The conflict of 2011-2016 displaced millions.", "2011"),
    ("From 2012-2015, the fighting spread.", "2012"),
])
def test_a_span_of_years_keeps_its_years(run, text, year):
    """A year alone is a date (docs/gold-format.md), also when a span of years opens with it."""
    assert [year] == [d[0] for d in dates(run(text, WEDNESDAY))]


@pytest.mark.parametrize("text", ["Proceedings, session 2015-2016, no. 3.", "It was the best of the 2015–16 season."])
def test_a_session_or_season_span_is_no_date(run, text):
    assert dates(run(text, WEDNESDAY)) == []


@pytest.mark.parametrize("text, month", [
    ("The count of the dead rose to 18. May 2016 was the worst month.", "May 2016"),
    ("3. March 2016: the talks resume.", "March 2016"),
])
def test_a_number_ending_a_sentence_is_no_day(run, text, month):
    """A full stop after a day only after a comma, a weekday or 'Published' ('Berlin, 18. February 2016')."""
    assert [d[0] for d in dates(run(text, WEDNESDAY))] == [month]


@pytest.mark.parametrize("text, actor", [
    ("The rebels rejected a Moscow proposal on Monday.", "russia"),
    ("It was a Washington decision.", "us"),
    ("It was an Ankara initiative.", "turkey"),
])
def test_a_capital_after_a_naming_a_states_act_is_the_state(run, text, actor):
    assert actor in actor_ids(run(text))


def test_depends_on_does_not_reach_past_a_second_on(run):
    assert "syria" not in actor_ids(run("Much depends on the talks on Syria."))


@pytest.mark.parametrize("text, wrong", [
    ("The Houthi-run National Salvation Government in Sanaa said it would talk.", "libya-gnc"),
    ("Iraq's Presidential Council ratified the sentences.", "libya-gna"),
])
def test_another_states_body_of_the_same_name_is_not_libyas(run, text, wrong):
    assert wrong not in actor_ids(run(text))
