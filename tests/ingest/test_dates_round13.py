"""Date forms of the thirteenth round: a session's day in a transcript's header, formal and numeric headers,
spans with two years, weeks and weekends counted twice, day-of-month forms, and a month named before its noun."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


THURSDAY = dt.date(2016, 2, 25)


def test_a_transcript_headed_by_its_session_day_counts_from_that_day(run):
    """An event's transcript headed by the day it was held (a line of its own, with its hours) and put out two days
    later: its 'yesterday' is the day before the session."""
    r = run("Transcript\n\nThe Road After Munich\n\nTuesday 23 February 2016, 18:00 to 19:15\n\n"
            "MODERATOR: Good evening. Yesterday the two powers published the terms of a truce.\n\n"
            "QUESTION: Thank you. The minister told us yesterday that it would hold.", THURSDAY)
    assert [d[1] for d in dates(r)] == ["2016-02-23", "2016-02-22", "2016-02-22"]


def test_a_news_story_with_an_older_date_line_keeps_its_publication_day(run):
    r = run("Talks in Geneva\n\nTuesday 23 February 2016\n\nThe envoy said yesterday that talks would resume.",
            THURSDAY)
    assert [d[1] for d in dates(r)] == ["2016-02-23", "2016-02-24"]


@pytest.mark.parametrize("text, expected", [
    ("Belgrade\n\n24. 06. 2016. | 16:10\n\nThe talks ended.", "2016-06-24"),
    ("Press conference\n\n2016.2.26\n\nMadrid", "2016-02-26"),
    ("Done in Abuja, this 13th Day of February 2016", "2016-02-13"),
    ("Signed on the 13th day of February 2016 in Abuja.", "2016-02-13"),
])
def test_numeric_and_formal_headers(run, text, expected):
    assert [d[1] for d in dates(run(text, dt.date(2016, 6, 24) if "06." in text else THURSDAY))][:1] == [expected]


def test_a_weekday_joined_to_its_date_by_a_dash_is_one_date(run):
    assert dates(run("Dáil Debate, Wednesday - 13 January 2016", dt.date(2016, 1, 13))) == [
        ("Wednesday - 13 January 2016", "2016-01-13", "day")]


def test_a_span_whose_first_day_has_its_own_year(run):
    assert dates(run("The report covers the period from 10 March 2011 to 30 November 2015.", THURSDAY)) == [
        ("10 March 2011 to 30 November 2015", ["2011-03-10", "2015-11-30"], "day")]
    assert dates(run("It covers March 10, 2011 to November 30, 2015.", THURSDAY)) == [
        ("March 10, 2011 to November 30, 2015", ["2011-03-10", "2015-11-30"], "day")]


def test_the_first_and_last_week_of_a_month(run):
    r = run("Talks are expected by the first week of March and a vote in the last week of April.", dt.date(2016, 2, 23))
    assert dates(r) == [("the first week of March", ["2016-03-01", "2016-03-10"], "early"),
                        ("the last week of April", ["2016-04-21", "2016-04-30"], "late")]


def test_the_week_or_weekend_before_last_and_after_next(run):
    tuesday = dt.date(2016, 2, 23)
    assert dates(run("Shelling has gone on since the weekend before last.", tuesday)) == [
        ("the weekend before last", ["2016-02-13", "2016-02-14"], "day")]
    assert dates(run("They met the week before last.", tuesday)) == [
        ("the week before last", ["2016-02-08", "2016-02-14"], "week")]
    assert dates(run("They will meet the week after next.", tuesday)) == [
        ("the week after next", ["2016-03-07", "2016-03-13"], "week")]
    assert dates(run('"They need a doctor next week and the week after," she said.', tuesday)) == [
        ("next week", ["2016-02-29", "2016-03-06"], "week"), ("the week after", ["2016-03-07", "2016-03-13"], "week")]
    assert dates(run("He left the week after the vote.", tuesday)) == []


def test_overnight_before_on_and_a_noun_is_the_night_before(run):
    r = run("Diplomats agreed overnight on what they call a truce.", dt.date(2016, 2, 12))
    assert dates(r) == [("overnight", ["2016-02-11", "2016-02-12"], "day")]
    assert dates(run("Shells fell overnight on Sunday.", dt.date(2016, 2, 16)))[0][0] == "Sunday"


def test_the_previous_day_before_a_that_clause(run):
    r = run("He arrived in Geneva on Saturday. On Sunday he said the previous day that he was ready.", dt.date(2016, 3, 14))
    assert dates(r) == [("Saturday", "2016-03-12", "day"), ("Sunday", "2016-03-13", "day"),
                        ("the previous day", "2016-03-12", "day")]


def test_of_that_year_takes_the_year_just_given(run):
    r = run("The package was signed on February 12, 2015; the truce was to start on February 15 of that year.",
            dt.date(2016, 3, 3))
    assert dates(r) == [("February 12, 2015", "2015-02-12", "day"), ("February 15 of that year", "2015-02-15", "day")]


def test_see_you_on_a_weekday_is_ahead(run):
    assert dates(run("Thank you. See you on Monday.", dt.date(2016, 2, 5))) == [("Monday", "2016-02-08", "day")]


def test_a_greeting_for_a_weekday_is_no_date(run):
    assert dates(run("I wish everyone a good Sunday.", dt.date(2016, 2, 28))) == []
    assert dates(run("The Russians put out a statement Sunday.", dt.date(2016, 3, 1))) == [("Sunday", "2016-02-28", "day")]


def test_an_ordinal_before_a_named_session_is_no_day(run):
    assert dates(run("They met on the margins of the 26th Ordinary Session of the Assembly.", dt.date(2016, 1, 31))) == []


def test_a_month_before_its_noun(run):
    r = run("IGAD, which mediated the August deal, meets again. The March deadline was still within reach.",
            dt.date(2016, 1, 30))
    assert dates(r) == [("August", ["2015-08-01", "2015-08-31"], "month"),
                        ("March", ["2016-03-01", "2016-03-31"], "month")]


def test_a_saka_date_beside_its_gregorian_day(run):
    r = run("LOK SABHA DEBATES\n\nTuesday, March 1, 2016 / Phalguna 11, 1937 (Saka)", dt.date(2016, 3, 1))
    assert dates(r) == [("Tuesday, March 1, 2016", "2016-03-01", "day"), ("Phalguna 11, 1937", "2016-03-01", "day")]
    r = run("Wednesday, April 22, 2015 / Vaisakha 2, 1937 (Saka)", dt.date(2015, 4, 22))
    assert dates(r)[1] == ("Vaisakha 2, 1937", "2015-04-22", "day")


@settings(max_examples=150, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_saka_calendar_round_trip(day):
    """Every Gregorian day is one Saka day, and reading that Saka day back gives it."""
    from accord.ingest.timex import gregorian_to_saka, saka_to_gregorian

    y, m, d = gregorian_to_saka(day)
    assert 1 <= m <= 12 and 1 <= d <= 31
    assert saka_to_gregorian(y, m, d) == day


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(2000, 1, 10), dt.date(2030, 12, 20)))
def test_week_before_last_is_two_weeks_back_and_after_next_two_ahead(published):
    from accord.ingest import timex

    last = timex.relative_unit(published, "last", "week")
    before_last = timex.relative_unit(published, "before last", "week")
    after_next = timex.relative_unit(published, "after next", "week")
    assert (last.start - before_last.start).days == 7 and before_last.start.weekday() == 0
    assert (after_next.start - timex.relative_unit(published, "next", "week").start).days == 7


def test_a_month_of_a_plan_told_in_the_past_is_the_nearest(run):
    r = run("The leaders agreed on Thursday to intensify their meetings in June. He told me that he wanted to see "
            "more progress before July. The deal was signed in June.", dt.date(2016, 5, 27))
    assert [d[1] for d in dates(r)] == ["2016-05-26", ["2016-06-01", "2016-06-30"], ["2016-07-01", "2016-07-31"],
                                        ["2015-06-01", "2015-06-30"]]


def test_was_due_in_a_place_on_a_weekday_is_the_nearer_such_day(run):
    friday = dt.date(2016, 1, 22)
    assert dates(run("The envoy was due in Khartoum on Sunday to press both sides.", friday)) == [
        ("Sunday", "2016-01-24", "day")]
    assert dates(run("The envoy was due in Khartoum on Thursday.", friday)) == [("Thursday", "2016-01-21", "day")]
