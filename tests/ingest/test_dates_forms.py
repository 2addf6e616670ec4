"""Date forms real wire copy, briefings and feeds use, and dates named again later in an article."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

WEDNESDAY = dt.date(2016, 2, 24)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


@pytest.mark.parametrize("text, expected", [
    # a weekday with the week it is in, before or after it
    ("The envoys met on Tuesday of last week.", [("Tuesday of last week", "2016-02-16", "day")]),
    ("They will meet again on Monday next week.", [("Monday next week", "2016-02-29", "day")]),
    ("The plan was agreed on Monday last.", [("Monday last", "2016-02-22", "day")]),
    ("Rain fell on Friday last year.", [("Friday", "2016-02-19", "day"), ("last year", ["2015-01-01", "2015-12-31"], "year")]),
    # a modifier opening the sentence
    ("Next Monday the talks resume.", [("Next Monday", "2016-02-29", "day")]),
    ("Last March the talks broke down.", [("Last March", ["2015-03-01", "2015-03-31"], "month")]),
    # an ordinal after the month and 'the'; a weekday cut short before a date, as feeds and headers write it
    ("Talks resume on February the 27th.", [("February the 27th", "2016-02-27", "day")]),
    ("Tue, 23 Feb 2016 14:05:00 GMT", [("Tue, 23 Feb 2016", "2016-02-23", "day")]),
    ("The ministers meet on Thurs., Feb. 25.", [("Thurs., Feb. 25", "2016-02-25", "day")]),
    # two days either side of publication
    ("The day before yesterday the convoy left.", [("The day before yesterday", "2016-02-22", "day")]),
    ("The day after tomorrow the vote is held.", [("The day after tomorrow", "2016-02-26", "day")]),
    # a part of a week is the week (precision week), as 'late last week' is
    ("A deal is expected by the end of the week.", [("end of the week", ["2016-02-22", "2016-02-28"], "week")]),
    ("The envoy travels to Moscow later in the week.", [("later in the week", ["2016-02-22", "2016-02-28"], "week")]),
    ("It was agreed in the middle of last week.", [("middle of last week", ["2016-02-15", "2016-02-21"], "week")]),
    ("Talks resume midweek.", [("midweek", ["2016-02-22", "2016-02-28"], "week")]),
])
def test_forms(run, text, expected):
    assert dates(run(text, WEDNESDAY)) == expected


@pytest.mark.parametrize("text, expected", [
    ("I'd expect them to talk again before the weekend.", ["2016-02-27", "2016-02-28"]),
    ("A deal by the weekend looks unlikely.", ["2016-02-27", "2016-02-28"]),  # a deadline is ahead
    ("They had talked before the weekend.", ["2016-02-20", "2016-02-21"]),
    ("Fighting has eased since the weekend.", ["2016-02-20", "2016-02-21"]),
])
def test_the_weekend_after_any_preposition_follows_the_tense(run, text, expected):
    assert dates(run(text, WEDNESDAY)) == [("the weekend", expected, "day")]


def test_a_weekday_named_again_without_a_tense_is_the_day_named_first(run):
    monday = dt.date(2016, 2, 22)
    r = run("The truce takes effect at midnight on Saturday. Nobody knows what might happen on Saturday morning.\n\n"
            "QUESTION: And who decides on Saturday?", monday)
    assert [d[1] for d in dates(r)] == ["2016-02-27"] * 3
    # a participle after the day is no tense for it ('on Friday, every party that wants to be covered has to ...')
    r = run("The truce starts this Saturday, at 2200 GMT on Friday. By noon on Friday, every party that wants to be "
            "covered has to say so.", monday)
    assert dates(r) == [("this Saturday", "2016-02-27", "day"), ("Friday", "2016-02-26", "day"),
                        ("Friday", "2016-02-26", "day")]


def test_two_mentions_each_fixed_by_their_own_words_keep_their_own_days(run):
    tuesday = dt.date(2016, 2, 23)
    r = run("The two powers announced that a truce would begin on Saturday. As the minister said in Paris on "
            "Saturday, the task forces matter.", tuesday)
    assert dates(r) == [("Saturday", "2016-02-27", "day"), ("Saturday", "2016-02-20", "day")]
    # a simple past after the day, or the saying it opens, fixes it as well
    r = run("Armed groups must accept the truce by noon on Friday. The Council on Friday endorsed the plan. "
            "Late on Friday, the committee's spokesman said a delegation would fly to Geneva.", dt.date(2016, 2, 25))
    assert dates(r) == [("Friday", "2016-02-26", "day"), ("Friday", "2016-02-19", "day"),
                        ("Friday", "2016-02-19", "day")]


def test_a_day_of_the_month_alone_is_the_one_the_article_gave_with_its_month(run):
    r = run("We will resume, at the latest, on the 25th of February.\n\nQuestion: When you say the 25th, is that "
            "firm?", dt.date(2016, 2, 3))
    assert dates(r) == [("the 25th of February", "2016-02-25", "day"), ("25th", "2016-02-25", "day")]
    # named first alone, then with its month
    r = run("Is the 25th firm? The envoy said talks resume on 25 February.", dt.date(2016, 2, 3))
    assert [d[1] for d in dates(r)] == ["2016-02-25", "2016-02-25"]


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_WEEKDAYS),
       st.sampled_from(["The truce takes effect on {wd}.", "Fighting resumed late on {wd}, residents said.",
                        "Talks resume next {wd}.", "The convoy left last {wd}.", "The ministers will meet on {wd}."]))
def test_a_weekday_named_again_is_the_same_day(run, published, wd, first):
    """Whatever the first mention's tense, a later bare mention of the weekday without a tense is that day."""
    found = dates(run(first.format(wd=wd) + f" Who decides what happens on {wd}?", published))
    assert len(found) == 2 and found[0][1] == found[1][1]
    assert dt.date.fromisoformat(found[1][1]).strftime("%A") == wd


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_WEEKDAYS),
       st.sampled_from(["of last week", "last week", "of next week", "next week", "this week"]))
def test_a_weekday_of_a_named_week_is_in_that_week(run, published, wd, week):
    found = dates(run(f"They met on {wd} {week}.", published))
    assert len(found) == 1
    day = dt.date.fromisoformat(found[0][1])
    shift = -1 if "last" in week else 1 if "next" in week else 0
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
    assert day.strftime("%A") == wd and monday <= day <= monday + dt.timedelta(days=6)


def _expected_relative(phrase: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """What each relative form names, from the calendar alone: the Monday-Sunday week of publication (or the one
    before), the weekend just past in a past-tense sentence (on a Saturday or Sunday, that weekend), two days
    either side."""
    monday = published - dt.timedelta(days=published.weekday())
    if phrase == "the middle of last week":
        monday -= dt.timedelta(weeks=1)
    if "week" in phrase and "weekend" not in phrase:
        return monday, monday + dt.timedelta(days=6)
    if "weekend" in phrase:
        saturday = monday + dt.timedelta(days=5)
        if published < saturday:
            saturday -= dt.timedelta(weeks=1)
        return saturday, saturday + dt.timedelta(days=1)
    day = published + dt.timedelta(days=2 if "after tomorrow" in phrase else -2)
    return day, day


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)),
       st.sampled_from(["by the end of the week", "later in the week", "the middle of last week", "midweek",
                        "before the weekend", "since the weekend", "the day before yesterday", "the day after tomorrow"]))
def test_relative_forms_name_the_days_the_calendar_gives(run, published, phrase):
    found = of(run(f"Something happened {phrase}.", published), "date")
    assert len(found) == 1
    first, last = found[0]["range"] or [found[0]["value"]] * 2
    assert (dt.date.fromisoformat(first), dt.date.fromisoformat(last)) == _expected_relative(phrase, published)


TUESDAY = dt.date(2016, 3, 1)


@pytest.mark.parametrize("text, expected", [
    # a limit looks ahead when nothing else gives the tense
    ("He is here in Washington through Thursday.", [("Thursday", "2016-03-03", "day")]),
    # two weekdays joined by 'and' are two days; 'between ... and' a span
    ("She was in Riyadh Wednesday and Thursday.", [("Wednesday", "2016-02-24", "day"), ("Thursday", "2016-02-25", "day")]),
    ("Talks ran between Wednesday and Thursday.", [("Wednesday and Thursday", ["2016-02-24", "2016-02-25"], "day")]),
    # 'a week ago' is a week, as 'two months ago' is a month
    ("Violence is down from where it was a week ago.", [("a week ago", ["2016-02-22", "2016-02-28"], "week")]),
    ("Talks resume after Easter.", [("Easter", "2016-03-27", "day")]),
    ("Shops reopened on Easter Monday.", [("Easter Monday", "2016-03-28", "day")]),
    ("They hope for a deal before the end of the year.", [("end of the year", ["2016-12-21", "2016-12-31"], "late")]),
    ("The vote is held early next year.", [("next year", ["2017-01-01", "2017-12-31"], "year")]),
    ("The accords were signed on February 12th of last year.", [("February 12th of last year", "2015-02-12", "day")]),
    ("The panel met from the 18th to the 21st of March 2016.", [("the 18th to the 21st of March 2016",
                                                                 ["2016-03-18", "2016-03-21"], "day")]),
    ("Talks ran from the 28th of February to the 1st of March.", [("the 28th of February to the 1st of March",
                                                                   ["2016-02-28", "2016-03-01"], "day")]),
    ("The first test comes over the weekend of 27-28 February.", [("27-28 February", ["2016-02-27", "2016-02-28"], "day")]),
    ("The truce began on the 27th of last month.", [("27th of last month", "2016-02-27", "day")]),
    ("The talks on the 20th and 21st of last month failed.", [("20th and 21st of last month", ["2016-02-20", "2016-02-21"], "day")]),
    ("We announced our commitment the day before it started.", []),  # counted from an event the text does not date
    ("Troops advanced again overnight towards the border.", [("overnight", ["2016-02-29", "2016-03-01"], "day")]),
    # a modal looks ahead; a passive participle has its auxiliary's tense
    ("He told a forum earlier this month that a deal could still be signed by June.",
     [("earlier this month", ["2016-03-01", "2016-03-31"], "month"), ("June", ["2016-06-01", "2016-06-30"], "month")]),
    ("He said the first session would be held on Saturday.", [("Saturday", "2016-03-05", "day")]),
    ("The envoy told me on Friday that he intends to reconvene the talks.", [("Friday", "2016-02-26", "day")]),
    # a preposition opening the sentence
    ("Over the weekend, rebels shelled the town.", [("the weekend", ["2016-02-27", "2016-02-28"], "day")]),
    # a count before 'ago' in any words, no finer than its unit; a vague count is unresolved
    ("Rebels seized the town a fortnight ago.", [("a fortnight ago", ["2016-02-15", "2016-02-21"], "week")]),
    ("They met a couple of days ago.", [("couple of days ago", "2016-02-28", "day")]),
    ("The siege began 18 months ago.", [("18 months ago", ["2014-09-01", "2014-09-30"], "month")]),
    ("Twelve years ago the border was quiet.", [("Twelve years ago", ["2004-01-01", "2004-12-31"], "year")]),
    ("He arrived in Geneva a few days ago.", [("a few days ago", None, "day")]),
    # the end of a longer count is no count: no date rather than a wrong one (found in review)
    ("The siege began twenty-five days ago.", []),
    ("The ruins stood 1,000 years ago.", []),
    ("The Council met on 12 February and the truce began twenty-one days later.", [("12 February", "2016-02-12", "day")]),
    ("In the weeks ahead, the parties must keep their word.", [("the weeks ahead", None, "week")]),
    # a count of days after the day the sentence gives
    ("The Council met on 12 February and the truce began fifteen days later.",
     [("12 February", "2016-02-12", "day"), ("fifteen days later", "2016-02-27", "day")]),
    # the present tense of a plan, and 'slated', look ahead
    ("The minister leaves for Moscow on Friday.", [("Friday", "2016-03-04", "day")]),
    ("Talks are slated for Friday.", [("Friday", "2016-03-04", "day")]),
    ("The vote takes place on Friday.", [("Friday", "2016-03-04", "day")]),
    # a modal before a verb of a plan looks ahead ('could not resume' is no plan)
    ("He said on Monday that talks could resume on Thursday.",
     [("Monday", "2016-02-29", "day"), ("Thursday", "2016-03-03", "day")]),
    ("The Council may vote on Friday.", [("Friday", "2016-03-04", "day")]),
    ("The talks could not resume on Monday.", [("Monday", "2016-02-29", "day")]),
])
def test_more_forms(run, text, expected):
    assert dates(run(text, TUESDAY)) == expected


def test_this_weekend_on_a_monday_follows_the_tense(run):
    monday = dt.date(2016, 2, 22)
    assert dates(run("It'll be our approach this weekend.", monday)) == [("this weekend", ["2016-02-27", "2016-02-28"], "day")]
    assert dates(run("Fighting eased this weekend.", monday)) == [("this weekend", ["2016-02-20", "2016-02-21"], "day")]


def test_a_quotation_after_the_day_gives_it_no_tense(run):
    r = run('Speaking at the base on Wednesday, he said: "Today we begin to turn the page."', dt.date(2016, 4, 1))
    assert dates(r) == [("Wednesday", "2016-03-30", "day"), ("Today", "2016-03-30", "day")]


def test_a_weekday_with_its_own_verb_keeps_its_own_day(run):
    """A verb further on in the clause fixes the day: it is not taken from a later mention."""
    r = run("On Monday, Presidents Vladimir Putin and Barack Obama approved the joint statement. The task force "
            "meets again in Geneva on Monday.", dt.date(2016, 2, 26))
    assert dates(r) == [("Monday", "2016-02-22", "day"), ("Monday", "2016-02-29", "day")]


@given(st.integers(1583, 4099))
def test_easter_is_a_sunday_in_its_season_and_as_dateutil_computes_it(y):
    from dateutil.easter import easter

    from accord.ingest import timex

    d = timex.easter(y)
    assert d == easter(y) and d.weekday() == 6 and dt.date(y, 3, 22) <= d <= dt.date(y, 4, 25)


@pytest.mark.parametrize("text, published, expected", [
    ("From July 19th to the 21st, the Secretary will visit the region.", dt.date(2016, 7, 16),
     [("July 19th to the 21st", ["2016-07-19", "2016-07-21"], "day")]),
    # months in capitals, as release headings and wire slugs write them
    ("FOR IMMEDIATE RELEASE\nFEBRUARY 24, 2016", dt.date(2016, 2, 24), [("FEBRUARY 24, 2016", "2016-02-24", "day")]),
    ("SPOKESMAN (JAN. 29): The attack is condemned.", dt.date(2016, 2, 1), [("JAN. 29", "2016-01-29", "day")]),
    ("SYRIA MAY BE CLOSE TO A DEAL, OFFICIALS SAY", dt.date(2016, 2, 1), []),
    # a weekday with its date in brackets is one mention
    ("Jets struck on Sunday (July 23), a day after the truce.", dt.date(2017, 7, 24), [("Sunday (July 23)", "2017-07-23", "day")]),
    ("There will be challenges in the days to come.", dt.date(2016, 9, 12), [("the days to come", None, "day")]),
    # a procedure's number is no year; a text named by its month was written before
    ("The item is [2016/2541(RSP)].", dt.date(2016, 2, 3), []),
    ("The resolution of December must be implemented.", dt.date(2016, 2, 3), [("December", ["2015-12-01", "2015-12-31"], "month")]),
])
def test_headings_brackets_and_texts(run, text, published, expected):
    assert dates(run(text, published)) == expected


def test_a_night_across_two_days_and_days_of_the_month_between(run):
    assert dates(run("Shelling went on through the night of 27/28 February.", WEDNESDAY)) == [
        ("27/28 February", ["2016-02-27", "2016-02-28"], "day")]
    assert dates(run("Between the 15th and 17th, aid arrived.", WEDNESDAY)) == [
        ("15th and 17th", ["2016-02-15", "2016-02-17"], "day")]
    assert dates(run("On the 11th and 14th they met.", WEDNESDAY)) == [("11th and 14th", "2016-02-11", "day")]


def test_a_quote_opening_its_sentence_was_said_on_the_day_the_sentence_before_gives(run):
    r = run('The president had warned on Tuesday that he would not be rushed. "We will not sign a bad deal just '
            'because tomorrow is the date we chose," he told reporters.', dt.date(2016, 3, 24))
    assert dates(r) == [("Tuesday", "2016-03-22", "day"), ("tomorrow", "2016-03-23", "day")]
    # in another paragraph the day is not the quote's: publication's
    r = run('The president had warned on Tuesday that he would not be rushed.\n\n"Tomorrow is the date," he said.',
            dt.date(2016, 3, 24))
    assert dates(r) == [("Tuesday", "2016-03-22", "day"), ("Tomorrow", "2016-03-25", "day")]


@pytest.mark.parametrize("head", ["Recorded 24 February 2016. Transcript lightly edited.",
                                  "Aired February 24, 2016 - 20:00 ET"])
def test_a_transcript_headed_by_its_recording_day_counts_from_that_day(run, head):
    r = run(f"Crossroads, episode 41\n\n{head}\n\nHOST: With me today is Fred. Kerry told senators yesterday that "
            "there is a Plan B.", dt.date(2016, 2, 25))
    assert [d[1] for d in dates(r)] == ["2016-02-24", "2016-02-24", "2016-02-23"]
    # a day more than a week before publication is no recording day of this text
    r = run("Recorded 24 January 2016.\n\nHOST: With me today is Fred.", dt.date(2016, 2, 25))
    assert [d[1] for d in dates(r)] == ["2016-01-24", "2016-02-25"]


def test_a_news_line_filmed_on_a_day_is_no_recording_day(run):
    """Only a transcript counts from the day it was recorded: a report's 'Filmed on' line dates footage, not the
    report's 'yesterday' (found in review)."""
    r = run("Filmed on 20 February 2016, the footage shows the convoy. The envoy said yesterday that it got through.",
            dt.date(2016, 2, 25))
    assert [d[1] for d in dates(r)] == ["2016-02-20", "2016-02-24"]
