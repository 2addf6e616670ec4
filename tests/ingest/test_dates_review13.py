"""The thirteenth round's review of the date rules: an infinitive that is no infinitive ('agreed to the truce'), the
causal 'due', a month before its noun in a past clause, a weekday used attributively ('a Sunday vote'), a span whose
second day has no year, 'overnight on <Month> <day>', a decimal number before a year, and fixed Saka days."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.conftest import of


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


THURSDAY = dt.date(2016, 2, 25)
MAY_2015 = ["2015-05-01", "2015-05-31"]


@pytest.mark.parametrize("text, published, expected", [
    # 'to' + a determiner is a preposition, not an infinitive
    ("The rebels agreed to the truce in May.", dt.date(2016, 2, 10), MAY_2015),
    ("The government agreed to a ceasefire in May.", dt.date(2016, 2, 10), MAY_2015),
    # the infinitive in a relative clause tells nothing of the main clause's month
    ("Kerry, who had hoped to reach a deal, said in October that the talks had failed.", dt.date(2016, 6, 10),
     ["2015-10-01", "2015-10-31"]),
    ("The rebels, who had agreed to sign the truce, said in May that it was dead.", dt.date(2016, 2, 10), MAY_2015),
])
def test_a_plan_told_in_the_past_needs_an_infinitive_in_the_months_clause(run, text, published, expected):
    assert [d[1] for d in dates(run(text, published))] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The delay was due in part to heavy fighting on Sunday, the monitor said.", "2016-02-21"),
    ("The collapse was due in large part to an attack on Monday near Aleppo.", "2016-02-22"),
    ("The failure was due at least in part to the closure of the border crossing on Monday.", "2016-02-22"),
    ("The delay was due largely to the fighting on Sunday.", "2016-02-21"),
])
def test_a_causal_due_is_no_plan(run, text, expected):
    assert [d[1] for d in dates(run(text, THURSDAY))] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The August deal collapsed.", []),  # the past of a month not yet come: no date rather than a wrong one
    ("The March deadline was missed.", [["2015-03-01", "2015-03-31"]]),
    ("She joined the March protesters in Cairo.", [["2015-03-01", "2015-03-31"]]),
    ("The March deadline is still within reach.", [["2016-03-01", "2016-03-31"]]),
    # a state told as going on is the nearest such month, as in the present
    ("He said the March deadline remained in place.", [["2016-03-01", "2016-03-31"]]),
])
def test_a_month_before_its_noun_in_a_past_clause_is_past(run, text, expected):
    got = [d[1] for d in dates(run(text, THURSDAY))]
    if expected == []:
        assert "2016-08-01" not in str(got)
    else:
        assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Parliament will hold a Sunday vote on the deal.", "2016-02-28"),
    ("He said a Friday meeting had been cancelled.", "2016-02-19"),
])
def test_a_weekday_before_its_noun_is_a_day(run, text, expected):
    assert [d[1] for d in dates(run(text, THURSDAY))] == [expected]
    # (the tense of 'is preparing for' is not read: a Sunday, whichever)
    got = dates(run("Parliament is preparing for a Sunday vote on the deal.", THURSDAY))
    assert len(got) == 1 and dt.date.fromisoformat(got[0][1]).weekday() == 6


def test_a_weekday_after_an_adjective_or_every_is_no_day(run):
    assert dates(run("I wish everyone a good Sunday.", THURSDAY)) == []
    assert dates(run("They pray together every Friday.", THURSDAY)) == []


@pytest.mark.parametrize("text, expected", [
    ("The mission ran from 5 March 2014 to 2 April.", ["2014-03-05", "2014-04-02"]),
    ("The mission ran from March 5, 2014 to April 2.", ["2014-03-05", "2014-04-02"]),
    ("The mission ran from 5 December 2014 to 2 January.", ["2014-12-05", "2015-01-02"]),
])
def test_a_span_takes_the_first_days_year_for_its_second(run, text, expected):
    assert [d[1] for d in dates(run(text, THURSDAY))] == [expected]


def test_an_impossible_span_gives_its_two_days(run):
    got = [d[1] for d in dates(run("The mission ran from 12 March 2016 to 14 March 2015.", THURSDAY))]
    assert got == ["2016-03-12", "2015-03-14"]


@pytest.mark.parametrize("text, expected", [
    ("Shells fell on the town overnight on February 12, residents said.", ["2016-02-12"]),
    ("Shells fell on the town overnight on 12 February, residents said.", ["2016-02-12"]),
    ("Shells fell on the town overnight on Christmas Eve, residents said.", ["2015-12-24"]),
])
def test_overnight_on_a_named_day_is_that_day(run, text, expected):
    assert [d[1] for d in dates(run(text, dt.date(2016, 2, 20)))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Growth slowed to 1.2. 2015 had been a better year for the economy.", [["2015-01-01", "2015-12-31"]]),
    ("The ceasefire held in zone 3.4. 2016 will be decisive.", [["2016-01-01", "2016-12-31"]]),
])
def test_a_decimal_ending_a_sentence_before_a_year_is_no_day(run, text, expected):
    assert [d[1] for d in dates(run(text, THURSDAY))] == expected


def test_a_spaced_numeric_header_is_still_a_day(run):
    assert [d[1] for d in dates(run("Belgrade\n\n24. 06. 2016. | 16:10\n\nThe talks ended.", THURSDAY))] == [
        "2016-06-24"]


@pytest.mark.parametrize("day, saka", [
    # published equivalences (the Indian national calendar: 1 Chaitra is 22 March, 21 March in a Gregorian leap year)
    (dt.date(2016, 3, 21), (1938, 1, 1)),
    (dt.date(2016, 3, 22), (1938, 1, 2)),
    (dt.date(2015, 3, 22), (1937, 1, 1)),
    (dt.date(2016, 3, 20), (1937, 12, 30)),  # Phalguna has 30 days
    (dt.date(2015, 4, 20), (1937, 1, 30)),  # Chaitra has 30 days (31 when its year begins in a leap year)
    (dt.date(2015, 4, 21), (1937, 2, 1)),
    (dt.date(2016, 4, 20), (1938, 1, 31)),
    (dt.date(2016, 4, 21), (1938, 2, 1)),
    (dt.date(2016, 1, 1), (1937, 10, 11)),  # 11 Pausha 1937
    (dt.date(2017, 1, 26), (1938, 11, 6)),  # Republic Day 2017: 6 Magha 1938
    (dt.date(2016, 8, 15), (1938, 5, 24)),  # Independence Day 2016: 24 Shravana 1938
])
def test_known_saka_days(day, saka):
    from accord.ingest.timex import gregorian_to_saka, saka_to_gregorian

    assert gregorian_to_saka(day) == saka
    assert saka_to_gregorian(*saka) == day
