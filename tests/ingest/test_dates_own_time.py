"""The text's own time of speaking (a broadcast's time line with its zone, a record's masthead with its issue
number) and relative forms anchored to it: 'last Monday' on a Monday, 'this September',
'last evening', a month as a clause's subject, a plan told in the past ('starting Tuesday', 'was due to')."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from accord.ingest.document import Article
from tests.ingest.conftest import of


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


# (a zone as written and its offset from UTC in hours, or the IANA zone whose clock it follows: ET is -4 in summer)
ZONES = [("EST", -5), ("ET", "America/New_York"), ("CST", -6), ("PST", -8), ("GMT", 0), ("CET", 1), ("EET", 2), ("MSK", 3)]


@pytest.mark.parametrize("line", [
    "{date} at {time} {zone}",
    "{date}, {time} {zone}",
    "{date} | {time} {zone}",
])
def test_a_time_line_with_its_zone_gives_the_local_day_of_a_late_broadcast(pipeline, line):
    """An evening programme's transcript put on line after midnight UTC: its heading's day is its own."""
    at = dt.datetime(2016, 2, 23, 0, 40, tzinfo=dt.timezone.utc)  # 19:40 on Monday the 22nd in New York
    head = line.format(date="February 22, 2016", time="6:35 PM", zone="EST")
    text = (f"Transcript\n\n{head}\n\nANCHOR ONE: The two powers announced today that a truce will begin on "
            "Saturday.\n\nGUEST TWO: A clinic of ours was hit last Monday.")
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    found = dates(r)
    assert ("today", "2016-02-22", "day") in found
    assert ("last Monday", "2016-02-15", "day") in found  # on a Monday: the one before, not that day


@settings(max_examples=60, deadline=None)
@given(day=st.dates(dt.date(2012, 1, 2), dt.date(2030, 12, 28)), hour=st.integers(0, 23),
       zone=st.sampled_from(ZONES))
@example(day=dt.date(2012, 4, 1), hour=23, zone=("ET", "America/New_York"))  # 11:05 PM EDT: 03:05 UTC the next day
def test_a_heading_day_with_a_time_and_zone_is_the_day_when_it_is_the_moments_day_somewhere(pipeline, day, hour, zone):
    """Any day, any hour of the heading, any zone: the heading's day counts when it is the local day of the
    publication moment in that zone (then it is within a day of the UTC day)."""
    name, offset = zone
    local = dt.datetime.combine(day, dt.time(hour, 5))
    if isinstance(offset, str):
        offset = ZoneInfo(offset).utcoffset(local).total_seconds() / 3600
    at = (local - dt.timedelta(hours=offset)).replace(tzinfo=dt.timezone.utc)
    clock = f"{(hour % 12) or 12}:05 {'AM' if hour < 12 else 'PM'}"
    text = f"Transcript\n\n{day:%B} {day.day}, {day.year} at {clock} {name}\n\nHOST: We are live today."
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("today", day.isoformat(), "day") in dates(r)


def test_a_record_s_masthead_with_its_issue_number_dates_the_sitting(run):
    """A parliament's record whose masthead gives volume, sitting day and issue number, put on line two days
    later: 'yesterday' and 'this morning' said in it are of the sitting day."""
    text = ("Official Record\n\nHOUSE OF DELEGATES\n\nVol. 7 Tuesday, March 8, 2016 No. 21\n\n"
            "THE SPEAKER: The session is resumed.\n\nREP. ALPHA: Mr. Speaker, yesterday the envoy met both sides, "
            "and this morning the ministry confirmed it.")
    found = dates(run(text, dt.date(2016, 3, 10)))
    assert ("yesterday", "2016-03-07", "day") in found
    assert ("this morning", "2016-03-08", "day") in found


def test_a_capitals_masthead_with_city_and_issue_number(run):
    text = ("Record of Debates\n\nVol. 12 CAPITAL CITY, WEDNESDAY, MARCH 9, 2016 No. 30\n\n"
            "THE CHAIR: Order.\n\nMR. BETA: The minister spoke yesterday.")
    assert ("yesterday", "2016-03-08", "day") in dates(run(text, dt.date(2016, 3, 11)))


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2005, 1, 1), dt.date(2035, 12, 31)), st.integers(1, 12))
def test_this_month_name_is_that_month_of_the_publication_year(run, published, month):
    name = dt.date(2000, month, 1).strftime("%B")
    found = dates(run(f"Councils need a figure before they can plan school places for this {name}.", published))
    assert found and found[0][0] == f"this {name}"
    assert found[0][1][0] == dt.date(published.year, month, 1).isoformat()


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2005, 1, 1), dt.date(2035, 12, 31)), st.integers(0, 6))
def test_last_weekday_is_strictly_before_publication_within_a_week(run, published, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    found = dates(run(f"A clinic was hit last {name}.", published))
    day = dt.date.fromisoformat(found[0][1])
    assert day.weekday() == wd and 1 <= (published - day).days <= 7


def test_last_evening_is_the_day_before(run):
    assert dates(run("The decree was read on the state broadcaster last evening.", dt.date(2016, 2, 12))) == [
        ("last evening", "2016-02-11", "day")]
    assert dates(run("It was the last evening of the conference.", dt.date(2016, 2, 12))) == []


def test_a_month_as_the_subject_of_its_clause(run):
    found = dates(run("Talks are due in January. So is January realistic? January will come, but the talks may "
                      "not. I said from the start that February would be hard.", dt.date(2015, 12, 21)))
    assert [d[:2] for d in found] == [("January", ["2016-01-01", "2016-01-31"])] * 3 + [
        ("February", ["2016-02-01", "2016-02-29"])]
    assert dates(run("May will not attend, nor will Theresa May.", dt.date(2015, 12, 21))) == []


@pytest.mark.parametrize("text, expected", [
    # a Monday's roundup: a withdrawal ordered to start on the next day
    ("The president on Monday ordered the withdrawal of the main part of the contingent from the country, "
     "starting Tuesday, saying its tasks had been accomplished.", ["2016-03-14", "2016-03-15"]),
    ("The envoy met the government delegation on Monday and was due to receive the opposition on Tuesday.",
     ["2016-03-14", "2016-03-15"]),
    # the plan's day just past: that day
    ("The talks were due to resume on Saturday but were put off.", ["2016-03-12"]),
])
def test_a_plan_told_in_the_past_is_ahead_unless_its_day_just_passed(run, text, expected):
    assert [d[1] for d in dates(run(text, dt.date(2016, 3, 14)))] == expected


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2005, 1, 1), dt.date(2035, 12, 31)), st.integers(0, 6))
def test_starting_a_weekday_after_a_past_verb_is_the_nearer_such_day_ahead(run, published, wd):
    """Any publication day, any weekday: ahead (within six days) unless that weekday was one or two days ago."""
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    found = dates(run(f"The ministry ordered the troops home, starting {name}.", published))
    day = dt.date.fromisoformat(found[-1][1])
    back = (published.weekday() - wd) % 7
    assert day.weekday() == wd
    assert (published - day).days == back if 0 < back <= 2 else 0 <= (day - published).days <= 6


def test_a_plan_told_in_the_pluperfect_is_a_day_gone_by(run):
    thursday = dt.date(2016, 4, 21)
    assert dates(run("The talks had been due to begin on Monday, but the delegation stayed away.", thursday)) == [
        ("Monday", "2016-04-18", "day")]
    assert dates(run("The talks were due to begin on Monday.", thursday)) == [("Monday", "2016-04-25", "day")]


def test_a_participle_completing_a_wish_gives_no_past(run):
    r = run("Berlin and Paris want a success before June, Moscow wants sanctions lifted, and Kyiv cannot move.",
            dt.date(2016, 3, 3))
    assert dates(r) == [("June", ["2016-06-01", "2016-06-30"], "month")]
    r = run("The rebels seized the town before June, residents said, and the army retreated.", dt.date(2016, 3, 3))
    assert dates(r) == [("June", ["2015-06-01", "2015-06-30"], "month")]


def test_two_days_of_one_month_written_once_are_two_dates(run):
    found = dates(run("The first two meetings took place on January 11 and 18. Others met on 9 and 14 December.",
                      dt.date(2016, 2, 7)))
    assert [d[:2] for d in found] == [("January 11", "2016-01-11"), ("18", "2016-01-18"), ("9", "2015-12-09"),
                                      ("14 December", "2015-12-14")]
    assert [d[:2] for d in dates(run("Talks ran on December 9 and 10.", dt.date(2016, 2, 7)))] == [
        ("December 9 and 10", ["2015-12-09", "2015-12-10"])]


@pytest.mark.parametrize("stamp, at, day", [
    # a US page updated in the evening, Eastern time: the UTC day is the next one
    ("Updated: February 22, 2016 9:05 PM EST", dt.datetime(2016, 2, 23, 2, 5), "2016-02-22"),
    # a Hong Kong daily after local midnight: the UTC day is the one before
    ("PUBLISHED : Tuesday, 23 February, 2016, 12:39am", dt.datetime(2016, 2, 22, 16, 39), "2016-02-23"),
    # an East African daily after local midnight
    ("Posted Tuesday, February 23 2016 at 00:30", dt.datetime(2016, 2, 22, 21, 30), "2016-02-23"),
    ("First published on Tue 23 Feb 2016 00.20 EAT", dt.datetime(2016, 2, 22, 21, 20), "2016-02-23"),
])
def test_a_publication_stamp_with_its_local_time_gives_the_local_day(pipeline, stamp, at, day):
    at = at.replace(tzinfo=dt.timezone.utc)
    text = f"Talks stall in Geneva\n\n{stamp}\n\nThe envoy said today that the talks would go on."
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("today", day, "day") in dates(r)


def test_a_plan_in_the_present_perfect_is_still_ahead(run):
    wednesday = dt.date(2016, 3, 16)
    assert dates(run("The vote has been due to take place on Friday for weeks.", wednesday)) == [
        ("Friday", "2016-03-18", "day")]
    assert dates(run("The talks had been due to begin on Monday.", wednesday)) == [("Monday", "2016-03-14", "day")]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["has", "have", "'s", "'ve"]), st.sampled_from(["long ", "already ", "now ", "since been ", ""]),
       st.sampled_from(["due to open", "expected to open", "scheduled to open"]))
def test_a_plan_in_the_present_perfect_with_an_adverb_is_still_ahead(run, aux, adverb, plan):
    # an adverb between the auxiliary and 'been' keeps the present perfect: the day is ahead
    adverb = adverb.replace("since been ", "")
    subject = "It" if aux in ("has", "'s") else "They"
    text = f"{subject}{'' if aux.startswith(chr(39)) else ' '}{aux} {adverb}been {plan} on Friday."
    assert dates(run(text, dt.date(2016, 3, 16))) == [("Friday", "2016-03-18", "day")]


# (a clock zone's abbreviation, its offset from UTC in hours then)
_CLOCK_ZONES = [("EST", -5), ("ET", -5), ("PT", -8), ("GMT", 0), ("CET", 1), ("EET", 2), ("MSK", 3), ("EAT", 3),
                ("PKT", 5), ("JST", 9)]


@settings(max_examples=60, deadline=None)
@given(at=st.datetimes(dt.datetime(2012, 1, 2), dt.datetime(2030, 1, 31)).filter(lambda d: d.month in (1, 2, 11, 12)),
       zone=st.sampled_from(_CLOCK_ZONES), word=st.sampled_from(["Updated:", "Posted", "Published:"]),
       later=st.integers(0, 20))
def test_a_stamp_with_its_zone_is_the_publication_day_only_when_it_is_that_zone_s_local_day(pipeline, at, zone, word, later):
    """A stamp's day counts when it is the day of the publication moment in the stamp's own zone (standard time:
    the months drawn are winter's); a day later there (an update the next morning) is not the publication's,
    though it is within a day of the UTC day."""
    name, offset = zone
    at = at.replace(tzinfo=dt.timezone.utc)
    local = at + dt.timedelta(hours=offset)
    stamp = local + dt.timedelta(hours=later)  # the stamp's moment, up to 20 hours after publication
    stamp_day = stamp.date()
    clock = f"{(stamp.hour % 12) or 12}:{stamp.minute:02d} {'AM' if stamp.hour < 12 else 'PM'}"  # (its own clock)
    text = (f"Talks stall in Geneva\n\n{word} {stamp_day:%B} {stamp_day.day}, {stamp_day.year} {clock} {name}\n\n"
            "The envoy said today that the talks would go on.")
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    # (no other clue to the day: a stamp not of the local day leaves the UTC one)
    expected = local.date() if stamp_day == local.date() else at.date()
    assert ("today", expected.isoformat(), "day") in dates(r)


@pytest.mark.parametrize("zone", ["BST", "PST", "MST", "CDT", "CST", "IST", "AST"])
def test_a_stamp_in_a_zone_of_two_names_is_read_within_a_day_of_utc(pipeline, zone):
    # (British or Bangladesh, Pacific, Pakistan or Philippine, Mountain or Malaysia, Central or Cuba ...): no zone is
    # assumed; the stamp's day counts as it is within a day of the UTC one (in Pakistan it is already the 24th)
    at = dt.datetime(2016, 2, 23, 19, 30, tzinfo=dt.timezone.utc)
    text = (f"Talks stall in Geneva\n\nUpdated: February 24, 2016 12:30 AM {zone}\n\n"
            "The envoy said today that the talks would go on.")
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("today", "2016-02-24", "day") in dates(r)


def test_an_update_the_next_day_in_the_stamp_s_zone_is_not_the_publication_day(pipeline):
    at = dt.datetime(2016, 2, 22, 23, 0, tzinfo=dt.timezone.utc)  # 18:00 on the 22nd in New York
    text = ("Talks stall in Geneva\n\nUpdated: February 23, 2016 10:00 AM EST\n\n"
            "The envoy said today that the talks would go on.")
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("today", "2016-02-22", "day") in dates(r)
