"""Dates resolved against the publication date, with precision; properties of the resolver."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ingest import timex
from tests.ingest.conftest import of

FRIDAY = dt.date(2015, 12, 18)


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


def test_weekdays_follow_the_tense(run):
    r = run("Ministers met on Friday. They will meet again on Friday. The vote was held last Friday.", FRIDAY)
    assert dates(r) == [("Friday", "2015-12-18", "day"), ("Friday", "2015-12-18", "day"),
                        ("last Friday", "2015-12-11", "day")]


def test_months_parts_weeks_and_years(run):
    r = run("Talks open in early January. Jordan presented its list last week. "
            "The campaign began in 2014. Elections are due in March 2017.", FRIDAY)
    assert dates(r) == [("early January", ["2016-01-01", "2016-01-10"], "early"),
                        ("last week", ["2015-12-07", "2015-12-13"], "week"),
                        ("2014", ["2014-01-01", "2014-12-31"], "year"),
                        ("March 2017", ["2017-03-01", "2017-03-31"], "month")]


def test_month_and_day_take_the_nearest_year(run):
    assert dates(run("The talks start on January 25.", FRIDAY)) == [("January 25", "2016-01-25", "day")]
    assert dates(run("The ISSG met on 14 November.", FRIDAY)) == [("14 November", "2015-11-14", "day")]


def test_spans_of_days(run):
    assert dates(run("The conference was held on December 9-10.", FRIDAY)) == [
        ("December 9-10", ["2015-12-09", "2015-12-10"], "day")]


def test_not_dates(run):
    assert dates(run("The four-year-old war goes on. Resolution 2254 (2015) passed 15-0 within 18 months.", FRIDAY)) == []


def test_no_publication_date_leaves_relative_dates_unresolved(run):
    r = run("The envoy met them on Friday, and again on 18 December 2015.", None)
    assert dates(r) == [("Friday", None, None), ("18 December 2015", "2015-12-18", "day")]
    assert any("unresolved" in w for w in r["warnings"])


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(0, 6),
       st.sampled_from([None, "last", "next", "this"]), st.sampled_from(["past", "future", "neutral"]))
def test_weekday_lands_on_that_weekday_within_a_week(published, wd, modifier, tense):
    d = timex.weekday(published, wd, modifier, tense)
    assert d.weekday() == wd
    assert abs((d - published).days) <= 7
    if modifier == "last":
        assert d < published
    if modifier == "next":
        assert d > published
    if modifier is None and tense != "future":
        assert d <= published


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 12), st.integers(1, 28))
def test_nearest_year_is_never_more_than_half_a_year_off(published, month, day):
    y = timex.year_for(published, month, day, "neutral")
    assert abs((dt.date(y, month, day) - published).days) <= 184


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.sampled_from(["last", "this", "next"]))
def test_weeks_run_monday_to_sunday(published, which):
    w = timex.relative_unit(published, which, "week")
    assert w.start.weekday() == 0 and (w.end - w.start).days == 6
    if which == "this":
        assert w.start <= published <= w.end


def test_forms_of_official_and_wire_text(run):
    """A day of the month alone, two weekdays as a span, 'earlier in the day', 'this morning'; an ordinal is none."""
    monday = dt.date(2016, 2, 22)
    r = run("Aircraft struck a hospital on the 15th, the ministry said. The groups met between Wednesday and "
            "Thursday last week. Leaders spoke by telephone earlier in the day. The envoy arrived this morning. "
            "The talks will resume around the 24th. It was the 3rd round of talks.", monday)
    assert dates(r) == [("15th", "2016-02-15", "day"),
                        ("Wednesday and Thursday last week", ["2016-02-17", "2016-02-18"], "day"),
                        ("earlier in the day", "2016-02-22", "day"), ("this morning", "2016-02-22", "day"),
                        ("24th", "2016-02-24", "day")]


def test_a_month_after_for(run):
    assert dates(run("Kerry spoke as Council President for December.", FRIDAY)) == [
        ("December", ["2015-12-01", "2015-12-31"], "month")]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.integers(1, 31),
       st.sampled_from(["past", "future", "neutral"]))
def test_day_of_month_is_in_the_month_or_next_to_it_and_follows_the_tense(published, dom, tense):
    d = timex.day_of_month(published, dom, tense)
    if d is None:  # 'the 31st' after a month of 30 days
        assert dom > 28
        return
    assert d.day == dom and abs((d.year * 12 + d.month) - (published.year * 12 + published.month)) <= 1
    if tense == "past":
        assert d <= published
    if tense == "future":
        assert d >= published


def test_a_reporting_verb_dates_the_saying_not_the_reported_clause(run):
    wednesday = dt.date(2015, 12, 9)
    r = run("Lavrov said the meeting on Thursday would settle the list. Kerry said on Thursday that he would go.",
            wednesday)
    assert dates(r) == [("Thursday", "2015-12-10", "day"), ("Thursday", "2015-12-03", "day")]


@pytest.mark.parametrize("text", [
    # the medium or the audience between the verb and the day ('told' takes its audience first)
    "Rouhani told his cabinet on Sunday that Iran would work with any country.",
    "The ministry said in a statement on Sunday that it would keep advisers in Syria.",
    "Zarif told a Swiss newspaper on Sunday that Iran would stay.",
    "Zarif wrote on Twitter on Sunday that Iran would stay.",
    # the reporting verb after the day
    "Speaking on Sunday, Zarif said the talks would resume.",
    "Zarif, speaking to reporters on Sunday, said Iran would stay.",
    "Zarif on Sunday said Iran would stay.",
    "In a statement on Sunday, the ministry said the talks would resume.",
])
def test_the_day_of_a_saying_is_past_whatever_the_words_said(run, text):
    assert dates(run(text, dt.date(2016, 3, 2))) == [("Sunday", "2016-02-28", "day")]


@pytest.mark.parametrize("text, published, expected", [
    # put off: the day just passed
    ("The talks that were due to open on Thursday were put off. Moscow ordered its jets home, the withdrawal to "
     "begin on Thursday.", dt.date(2016, 1, 15), [("Thursday", "2016-01-14", "day"), ("Thursday", "2016-01-14", "day")]),
    # announced: ahead, its day not yet come
    ("The co-chairs announced the terms of a truce, to begin at midnight on Saturday. Parties have until noon on "
     "Friday to accept.", dt.date(2016, 2, 23), [("Saturday", "2016-02-27", "day"), ("Friday", "2016-02-26", "day")]),
])
def test_a_plan_told_in_the_past_is_ahead_unless_its_day_just_passed(run, text, published, expected):
    assert dates(run(text, published)) == expected


def test_a_statement_header_place_sets_the_local_day(pipeline):
    from accord.ingest.document import Article

    # filed at 01:30 UTC on the 19th from New York: still the 18th there
    text = ("Remarks\nJohn Kerry\nSecretary of State\nNew York City\nDecember 18, 2015\n\n"
            "SECRETARY KERRY: Today the group met for the third time.\n\nQUESTION: Will it hold?")
    at = dt.datetime(2015, 12, 19, 1, 30, tzinfo=dt.timezone.utc)
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("Today", "2015-12-18", "day") in dates(r)


def test_real_release_forms(run):
    # European numeric dates with dots; two days joined by 'and' are two dates unless a span
    r = run("The sides agreed on 27.02.2016 to share data. The group's statements of Oct. 30 and Nov. 14 stand. "
            "Convoys moved between 17 and 23 February. Talks ran on December 9 and 10.", dt.date(2016, 2, 29))
    found = dates(r)
    assert ("27.02.2016", "2016-02-27", "day") in found
    assert ("Oct. 30", "2015-10-30", "day") in found and ("Nov. 14", "2015-11-14", "day") in found
    assert ("between 17 and 23 February", ["2016-02-17", "2016-02-23"], "day") in found \
        or ("17 and 23 February", ["2016-02-17", "2016-02-23"], "day") in found
    assert ("December 9 and 10", ["2015-12-09", "2015-12-10"], "day") in found


def test_days_counted_back(run):
    r = run("The alliance said two days ago that it would avoid civilians. Villages were shelled the previous "
            "evening, a spokesman said. On Tuesday he said the talks had collapsed the previous night. "
            "The day before the vote, nobody spoke.", dt.date(2016, 2, 27))
    found = dates(r)
    assert ("two days ago", "2016-02-25", "day") in found
    assert ("the previous evening", "2016-02-26", "day") in found
    assert ("the previous night", "2016-02-22", "day") in found  # the day before Tuesday the 23rd
    assert not any(t.startswith("The day before") for t, _, _ in found)  # before an event, not a day


def test_wire_report_days(run):
    saturday = dt.date(2016, 2, 27)
    r = run("Rebels shelled the town last night, residents said. The talks collapsed a week ago. "
            "Fighting eased over the weekend. They met on 11 February. The following day they agreed. "
            "He wrote on 2/25/2016.", saturday)
    found = dates(r)
    assert ("last night", "2016-02-26", "day") in found
    assert ("a week ago", ["2016-02-15", "2016-02-21"], "week") in found  # a week, as 'two months ago' is a month
    assert ("the weekend", ["2016-02-27", "2016-02-28"], "day") in found  # published on the Saturday
    assert ("The following day", "2016-02-12", "day") in found
    assert ("2/25/2016", "2016-02-25", "day") in found  # month first: 25 is no month
    r = run("The envoy met them after the vote, and again the following day.", saturday)
    assert dates(r) == []  # nothing in the text fixes the day it follows
    r = run("Fighting eased over the weekend, monitors said.", dt.date(2016, 2, 24))  # a Wednesday
    assert ("the weekend", ["2016-02-20", "2016-02-21"], "day") in dates(r)


def test_a_day_or_month_with_a_year_relative_to_publication(run):
    r = run("The truce agreed on February 12 last year never held. Fighting began in mid-January last year. "
            "Talks resume on 3 March next year. Aid came in May last year.", FRIDAY)
    assert dates(r) == [("February 12 last year", "2014-02-12", "day"),
                        ("mid-January last year", ["2014-01-11", "2014-01-20"], "mid"),
                        ("3 March next year", "2016-03-03", "day"),
                        ("May last year", ["2014-05-01", "2014-05-31"], "month")]


def test_a_first_name_like_a_month_and_a_wait_and_see_future(run):
    r = run("The task force met under the chairmanship of Jan Egeland. Let us see what happens on Saturday.",
            dt.date(2016, 2, 24))
    assert dates(r) == [("Saturday", "2016-02-27", "day")]


def test_a_statement_dated_in_its_header_keeps_its_day_when_put_out_after_midnight(pipeline):
    from accord.ingest.document import Article

    text = "Statement of the group\n\nMunich, February 11, 2016\n\nThe task force will meet in Geneva tomorrow."
    at = dt.datetime(2016, 2, 11, 23, 40, tzinfo=dt.timezone.utc)  # 00:40 on the 12th in Munich
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("tomorrow", "2016-02-12", "day") in dates(r)


def test_a_span_of_weekdays_over_a_week_s_end(run):
    r = run("Violations were reported between Saturday and Monday. Talks will run from Saturday to Monday.",
            dt.date(2016, 2, 29))
    assert dates(r) == [("Saturday and Monday", ["2016-02-27", "2016-02-29"], "day"),
                        ("Saturday to Monday", ["2016-03-05", "2016-03-07"], "day")]


def test_a_day_of_the_month_opening_a_sentence_and_two_days_in_a_row(run):
    r = run("Aid reached the town on the 11th and 12th. The 17th was quiet.", dt.date(2016, 2, 20))
    assert dates(r) == [("11th and 12th", ["2016-02-11", "2016-02-12"], "day"), ("17th", "2016-02-17", "day")]


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# (sentence with {wd}, the first and last offset in days from publication the weekday may fall on)
_WEEKDAY_FORMS = [
    ("Rebels shelled the town on {wd} night, monitors said.", -6, 0),
    ("Fighting resumed late on {wd}, residents said.", -6, 0),
    ("The convoy left last {wd}.", -7, -1),
    ("The Council votes on {wd}.", 0, 6),
    ("Talks resume on {wd} in Geneva.", 0, 6),
    ("The envoy is travelling to Moscow on {wd}.", 0, 6),
    ("The truce takes effect on {wd}.", 0, 6),
    ("The ministers will meet again on {wd}.", 0, 6),
    ("Asked on {wd} whether the truce would hold, he said he hoped so.", -6, 0),
    ("He told reporters {wd} that the talks had stalled.", -6, 0),
    ("Talks resume next {wd}.", 1, 7),
]


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_WEEKDAYS), st.sampled_from(_WEEKDAY_FORMS))
def test_every_weekday_from_every_publication_day_follows_the_sentence(run, published, wd, form):
    sentence, lo, hi = form
    found = [d for d in of(run(sentence.format(wd=wd), published), "date")]
    assert len(found) == 1 and found[0]["precision"] == "day"
    day = dt.date.fromisoformat(found[0]["value"])
    assert day.strftime("%A") == wd and lo <= (day - published).days <= hi


def test_numeric_headings_with_two_digits_for_the_year_and_us_order(run):
    r = run("Statement by the Spokesperson (16.02.16)\n\nThe ministry condemns the strikes.", dt.date(2016, 2, 16))
    assert dates(r) == [("16.02.16", "2016-02-16", "day")]
    # both numbers could be a month: the reading nearer the publication date (a White House heading of 1 March)
    assert dates(run("For Immediate Release 3/1/2016", dt.date(2016, 3, 1))) == [("3/1/2016", "2016-03-01", "day")]
    assert dates(run("Brussels, 01/03/2016", dt.date(2016, 3, 1))) == [("01/03/2016", "2016-03-01", "day")]
    # a section number or a version is no date
    assert dates(run("See paragraph 1.2.16 and version 3.4.15.2.", dt.date(2016, 3, 1))) == []


def test_parts_of_months_and_weeks(run):
    r = run("Late February saw heavy fighting. The council will vote by the end of the month. "
            "Talks resume early next week. The End of March is the deadline.", dt.date(2016, 2, 10))
    assert dates(r) == [("Late February", ["2016-02-21", "2016-02-29"], "late"),
                        ("end of the month", ["2016-02-21", "2016-02-29"], "late"),
                        ("early next week", ["2016-02-15", "2016-02-21"], "week"),
                        ("The End of March", ["2016-03-21", "2016-03-31"], "late")]


def test_the_day_a_dateline_gives_is_the_local_day(pipeline):
    from accord.ingest.document import Article

    def local(text: str, at: dt.datetime) -> list:
        return dates(pipeline(Article(text=text, published=at.date(), published_at=at)).result())

    late = dt.datetime(2016, 2, 25, 23, 30, tzinfo=dt.timezone.utc)  # Friday 01:30 in Syria
    # a town the zone list does not hold: the dateline's day, or its country's zone
    assert local("ALEPPO, Syria, Feb 26 (Reuters) - Jets struck the city on Friday.", late) == [
        ("Feb 26", "2016-02-26", "day"), ("Friday", "2016-02-26", "day")]
    assert local("HASAKAH, Syria (Reuters) - Jets struck the city on Friday.", late) == [("Friday", "2016-02-26", "day")]
    # with its year, as some agencies write it; the place is no actor
    r = pipeline(Article(text="RIYADH, Jan 29, 2016 (Agency) - The bloc said on Friday it would go.",
                         published=dt.date(2016, 1, 29), published_at=dt.datetime(2016, 1, 29, 23, 30,
                                                                                 tzinfo=dt.timezone.utc))).result()
    assert not of(r, "actor") or all(a["text"] != "RIYADH" for a in of(r, "actor"))
    # a day the dateline gives that is no day at that moment anywhere (a story's first filing) is not taken
    assert local("HASAKAH, Feb 20 (Reuters) - Jets struck the city today.", late) == [
        ("Feb 20", "2016-02-20", "day"), ("today", "2016-02-25", "day")]


def test_a_relative_date_in_a_quote_is_of_the_day_the_words_were_spoken(run):
    thursday = dt.date(2016, 2, 25)
    r = run('"The regime attacked us two days ago," he said on Tuesday. On Monday, Lavrov said: "Tomorrow we '
            'decide." "We met today," an aide said.', thursday)
    assert dates(r) == [("two days ago", "2016-02-21", "day"), ("Tuesday", "2016-02-23", "day"),
                        ("Monday", "2016-02-22", "day"), ("Tomorrow", "2016-02-23", "day"),
                        ("today", "2016-02-25", "day")]  # no day given for the aide's words: publication's
    # a day said in the next sentence is not when the quote was spoken
    r = run('An official said: "Those who signed today represent nobody." Its speaker said on Tuesday that it was void.',
            thursday)
    assert ("today", "2016-02-25", "day") in dates(r)


def test_counted_back_in_months_and_years_and_the_day_just_given(run):
    r = run("The war began five years ago. Two months ago the group met. Aid slowed in mid-2015. The envoy met "
            "them on 11 February. Later that day, the sides agreed. That evening, fighting resumed. "
            "The talks after the vote the same day as the strikes failed.", dt.date(2016, 2, 25))
    assert dates(r) == [("five years ago", ["2011-01-01", "2011-12-31"], "year"),
                        ("Two months ago", ["2015-12-01", "2015-12-31"], "month"),
                        ("2015", ["2015-01-01", "2015-12-31"], "year"),
                        ("11 February", "2016-02-11", "day"), ("Later that day", "2016-02-11", "day"),
                        ("That evening", "2016-02-11", "day")]


def test_a_dated_document_put_out_after_midnight_utc_keeps_its_day(pipeline):
    from accord.ingest.document import Article

    text = "Security Council\nSC/12261\n26 February 2016\n\nThe Security Council today welcomed the cessation."
    at = dt.datetime(2016, 2, 27, 2, 0, tzinfo=dt.timezone.utc)  # 21:00 on the 26th in New York
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert ("today", "2016-02-26", "day") in dates(r)


def test_overnight_the_coming_days_and_hard_wrapped_lines(run):
    sunday = dt.date(2016, 2, 28)
    r = run("The truce held, with breaches reported overnight in Latakia. A truce cannot be declared overnight.\n\n"
            "Rebels fired shells overnight into Sunday. An overnight curfew holds. We will know in the coming\n"
            "days. The delegation arrived in Geneva on\nSaturday and said it would stay until the end.\n\n"
            "Crowds are expected in opposition-held towns on Tuesday. Russia halted its strikes on Saturday, having\n"
            "flown sorties the day before.", sunday)
    assert dates(r) == [("overnight", ["2016-02-27", "2016-02-28"], "day"), ("Sunday", "2016-02-28", "day"),
                        ("the coming\ndays", None, "day"), ("Saturday", "2016-02-27", "day"),
                        ("Tuesday", "2016-03-01", "day"), ("Saturday", "2016-02-27", "day"),
                        ("the day before", "2016-02-26", "day")]


def test_a_hijri_date_beside_the_gregorian_one_is_that_day(run):
    r = run("Riyadh, Jumada I 12, 1437, Feb 21, 2016 - The Command announced it. Mecca, 1 Ramadan 1437 AH, "
            "corresponding to 6 June 2016. Pilgrims gathered on Dhu al-Hijjah 10, 1436.", dt.date(2016, 6, 6))
    found = dates(r)
    assert ("Jumada I 12, 1437", "2016-02-21", "day") in found
    assert ("1 Ramadan 1437 AH", "2016-06-06", "day") in found  # the arithmetic calendar's 7 June, as given
    assert ("Dhu al-Hijjah 10, 1436", "2015-09-24", "day") in found


def test_days_counted_from_the_day_just_given_and_more_numeric_and_week_forms(run):
    monday = dt.date(2016, 2, 29)
    r = run("The truce began on Saturday. The day after, violations were reported. Two days later, the monitors "
            "met. Talks opened four days later than planned. Talks resumed this past weekend. The statement of "
            "23-02-2016 and the report of 2016/02/23 stand. The vote is set for the week of March 7.", monday)
    assert dates(r) == [("Saturday", "2016-02-27", "day"), ("The day after", "2016-02-28", "day"),
                        ("Two days later", "2016-03-01", "day"),
                        ("this past weekend", ["2016-02-27", "2016-02-28"], "day"),
                        ("23-02-2016", "2016-02-23", "day"), ("2016/02/23", "2016-02-23", "day"),
                        ("the week of March 7", ["2016-03-07", "2016-03-13"], "week")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the ", "a ", "his ", "not ", "n't ", "did ", "to ", "would ", "'s ", "3 ", "council ",
                                 "meets", "meet", "is ", "are ", "meeting", "opens", "kick off", "takes effect", "votes",
                                 " ", ".", "x", "reconvene", "enter into force", "comes into force", "voting"]),
                max_size=30))
def test_the_present_tense_pattern_s_lookahead_only_filters(parts):
    """The lookahead in front of the present-tense pattern (for speed) finds exactly what the pattern finds."""
    import re

    from accord.ingest.components import dates

    text = "".join(parts)
    from accord.ingest.words import grouped

    unfiltered = re.compile(dates._PRESENT.pattern.replace(rf"(?<!\w)(?=(?:{grouped(dates._PRESENT_WORDS)}))", "", 1))
    assert unfiltered.pattern != dates._PRESENT.pattern
    assert [m.span() for m in dates._PRESENT.finditer(text)] == [m.span() for m in unfiltered.finditer(text)]


@pytest.mark.parametrize("text", [
    # the reported words open right after the day: it dates the saying, whatever stands between verb and day
    "The minister told a breakfast programme on Sunday that the border would stay open.",
    "The council said as late as Sunday that no flights would land.",
    "The premier said it plainly on Sunday: nobody will be sent.",
])
def test_a_day_just_before_the_reported_words_dates_the_saying(run, text):
    assert dates(run(text, dt.date(2016, 3, 2))) == [("Sunday", "2016-02-28", "day")]


@pytest.mark.parametrize("text, expected", [
    # a present passive or progressive of a planned act: the coming day
    ("The parties are asked to reply by noon on Friday.", "2016-03-04"),
    ("Norway is co-hosting a donors' meeting in Oslo on Friday.", "2016-03-04"),
    ("The test is simple: between now and Friday, does the food get in?", "2016-03-04"),
    # a noun after a determiner is no verb of the present ('such visits'): the past verb before it tells
    ("The governor halted such visits on Friday after the clashes.", "2016-02-26"),
])
def test_present_forms_of_a_plan_put_a_weekday_ahead(run, text, expected):
    assert dates(run(text, dt.date(2016, 3, 2))) == [("Friday", expected, "day")]


def test_a_dateline_in_small_letters_with_its_day_and_outlet_gives_the_local_day(pipeline):
    from accord.ingest.document import Article

    at = dt.datetime(2016, 3, 31, 1, 20, tzinfo=dt.timezone.utc)  # still the 30th in the Americas
    r = pipeline(Article(text='Lima, 30 March 2016 (PRX).- Both sides opened talks. "Today we begin," one envoy said.',
                         published=at.date(), published_at=at)).result()
    assert dates(r) == [("30 March 2016", "2016-03-30", "day"), ("Today", "2016-03-30", "day")]


def test_the_beginning_of_a_year_is_its_first_ten_days_as_its_end_is_its_last(run):
    r = run("Shelling has grown since the beginning of the year, and a vote is due by the end of the year. "
            "The road should reopen at the start of next year.", dt.date(2016, 3, 10))
    assert [d[1:] for d in dates(r)] == [(["2016-01-01", "2016-01-10"], "early"), (["2016-12-21", "2016-12-31"], "late"),
                                         (["2017-01-01", "2017-01-10"], "early")]


def test_a_day_without_its_year_before_and_a_day_with_one_shares_that_year(run):
    r = run("The accord, signed on 15 May and 20 June 2015, holds. Rounds on December 28 and January 3, 2016 failed. "
            "Talks on 15 May and on 20 June are planned.", dt.date(2016, 2, 13))
    assert [d[:2] for d in dates(r)] == [("15 May", "2015-05-15"), ("20 June 2015", "2015-06-20"),
                                         ("December 28", "2015-12-28"), ("January 3, 2016", "2016-01-03"),
                                         ("15 May", "2016-05-15"), ("20 June", "2016-06-20")]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["the ", "a ", "his ", "not ", "n't ", "did ", "to ", "'s ", "3 ", "council ", "meets", "meet",
                                 "is ", "are ", "meeting", "votes", " ", "  ", ".", "-", "x", "_", "é", "\n", "said", "was",
                                 "ago", "last", "earlier", "told", "met", "led", "-led", "xsaid", "_was", "9met", "ésaid",
                                 "enter into force", "comes into force", "voting", "\u2014"]), max_size=30),
       st.integers(-1, 60), st.one_of(st.none(), st.integers(-1, 400)))
def test_the_tense_markers_found_at_words_starts_are_those_their_word_boundary_finds(parts, pos, endpos):
    """_PAST and _PRESENT open with '(?<!\\w)' before a letter, tried only at words' starts (AtWordStarts): the
    matches of the same pattern opening with '\\b', as it was written, over any range of the text."""
    import re

    from accord.ingest.components import dates

    text = "".join(parts)
    for pattern, at in ((dates._PAST, dates._PAST_AT), (dates._PRESENT, dates._PRESENT_AT)):
        assert pattern.pattern.startswith("(?<!\\w)")
        bounded = re.compile(r"\b" + pattern.pattern[len("(?<!\\w)"):])
        want = bounded.finditer(text, pos) if endpos is None else bounded.finditer(text, pos, endpos)
        assert [(m.span(), m.group()) for m in at.finditer(text, pos, endpos)] == [(m.span(), m.group()) for m in want]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 a.-\n\u0663\u0664\uff13\u00b2\u00bd\u07c0x_", max_size=40), st.integers(-1, 45),
       st.one_of(st.none(), st.integers(-1, 45)))
def test_the_digit_anchors_pattern_finds_what_a_run_of_digits_finds(text, pos, endpos):
    """_ANCHOR_DIGITS is written to open with one digit (the engine skips to its class): the spans of '\\d+' (other
    scripts' digits too; not superscripts or fractions), over any range of the text."""
    import re

    from accord.ingest.components import dates

    plain = re.compile(r"\d+")
    want = plain.finditer(text, pos) if endpos is None else plain.finditer(text, pos, endpos)
    got = dates._ANCHOR_DIGITS.finditer(text, pos) if endpos is None else dates._ANCHOR_DIGITS.finditer(text, pos, endpos)
    assert [m.span() for m in got] == [m.span() for m in want]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Recorded", "Recorded on: ", "Aired ", "Taped ", "This interview was recorded ", "x", " ",
                                 "\t", "\n", "\n\n", "24 February 2016", "Interview conducted ", "a"]), max_size=25),
       st.integers(0, 80))
def test_the_recorded_heading_found_at_line_starts_is_what_its_search_finds(parts, limit):
    """dates._recorded: the match of '_RECORDED.search(text, 0, limit)', tried at the starts of lines alone."""
    from accord.ingest.components import dates

    text = "".join(parts)
    got, want = dates._recorded(text, limit), dates._RECORDED.search(text, 0, limit)
    assert (got and got.span()) == (want and want.span())
