"""Date forms of the fifteenth round: a record's sitting day behind a heading's words, a day written with a dot
before its month, a quote dated by a span of days, a closing or ending told in the present, a recalled day, a
month after 'cannot', and a span of years that names a session."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


FRIDAY = dt.date(2016, 2, 12)
_TURNS = ("\n\nThe Chair:\nThis morning the committee met. We vote tomorrow.\n\n"
          "Ms Falk (Greens):\nThank you. The minister said yesterday that the mission would go on.")


@pytest.mark.parametrize("heading", [
    "Sitting of Wednesday 10 February 2016",
    "Debates of 10 Feb 2016",
    "Panel discussion, Wednesday, February 10, 2016",
    "HAGUE, Wednesday, February 10, 2016",
    "Minutes number 12 of the ordinary session of Wednesday 10 February 2016",
    "HR 10.2.2016",
])
def test_a_record_headed_by_its_sitting_day_after_a_headings_words_counts_from_it(run, heading):
    """A record of a sitting put out two days later, whose heading line gives the day after a few words of its own
    ('Sitting of', 'Debates of', a place, a minutes number): the turns' 'this morning', 'tomorrow' and 'yesterday'
    count from the sitting day."""
    r = run("Proceedings of the House, session 2015-2016, no. 53\n\n" + heading + _TURNS, FRIDAY)
    assert [d[1] for d in dates(r)][-3:] == ["2016-02-10", "2016-02-11", "2016-02-09"]


def test_a_gazette_dated_on_publication_heads_the_record_of_an_earlier_sitting(run):
    r = run("OFFICIAL GAZETTE\n\nNo. 168 - Capital City, Friday, 12 February 2016\n\nMINUTES\n\n"
            "Minutes of the plenary session of Wednesday 10 February 2016" + _TURNS, FRIDAY)
    assert [d[1] for d in dates(r)][-3:] == ["2016-02-10", "2016-02-11", "2016-02-09"]


@pytest.mark.parametrize("heading", [
    "Published Wednesday 10 February 2016",
    "Updated: February 10, 2016",
    "The talks began on Wednesday 10 February 2016",
])
def test_a_publication_stamp_or_a_sentence_is_no_sitting_day(run, heading):
    r = run("Transcript\n\n" + heading + _TURNS, FRIDAY)
    assert [d[1] for d in dates(r)][-3:] == ["2016-02-12", "2016-02-13", "2016-02-11"]


def test_a_session_named_by_its_two_years_is_no_date(run):
    assert dates(run("Proceedings of the House, session 2015-2016, no. 53. The 2015–16 season ended.", FRIDAY)) == []


@pytest.mark.parametrize("text, expected", [
    ("Press release | Published 18. Feb 2016", "2016-02-18"),
    ("Berlin, 18. February 2016", "2016-02-18"),
])
def test_a_day_written_with_a_dot_before_its_month(run, text, expected):
    assert [d[1] for d in dates(run(text, dt.date(2016, 2, 18)))] == [expected]


def test_a_quote_in_a_reported_clause_dated_by_a_span_of_days(run):
    """'this week' quoted from a statement given on 11-12 February is that week, not the publication's."""
    r = run('The group stated in Munich on 11-12 February that access should begin "this week".',
            dt.date(2016, 2, 18))
    assert dates(r)[-1] == ("this week", ["2016-02-08", "2016-02-14"], "week")


@pytest.mark.parametrize("verb", ["closes", "ends", "concludes", "wraps up"])
def test_a_closing_told_in_the_present_is_ahead(run, verb):
    r = run(f"The conference, which opened on Wednesday, {verb} on Saturday.", dt.date(2016, 9, 1))
    assert dates(r)[-1] == ("Saturday", "2016-09-03", "day")


def test_a_recalled_day_is_past(run):
    r = run("You will recall that on Tuesday the member asked for a statement.", dt.date(2016, 5, 26))
    assert dates(r) == [("Tuesday", "2016-05-24", "day")]


def test_a_month_after_cannot_is_ahead(run):
    r = run("The bill was not passed before Congress adjourned in early February, and the government has told us "
            "that it cannot now be passed before the elections in May.", dt.date(2016, 3, 10))
    assert dates(r)[-1] == ("May", ["2016-05-01", "2016-05-31"], "month")


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=7))
def test_the_sitting_day_is_kept_only_within_a_week_before_publication(run, late):
    """Property: a record put out one to seven days after its sitting counts from the sitting."""
    published = dt.date(2016, 2, 10) + dt.timedelta(days=late)
    r = run("Sitting of Wednesday 10 February 2016" + _TURNS, published)
    assert dates(r)[1][1] == "2016-02-10"


def test_a_record_put_out_more_than_a_week_after_its_sitting_counts_from_publication(run):
    later = run("Sitting of Wednesday 10 February 2016" + _TURNS, dt.date(2016, 2, 19))
    assert dates(later)[1][1] == "2016-02-19"


@pytest.mark.parametrize("text, expected", [
    ("The leader was expected in the capital on Monday to be sworn in.", "2016-04-18"),  # a day before: that Monday
    ("The envoys were scheduled to meet on Friday.", "2016-04-22"),  # four days before: ahead
])
def test_a_plan_told_in_the_past_is_the_nearer_day(run, text, expected):
    assert dates(run(text, dt.date(2016, 4, 19)))[-1][1] == expected



def test_a_quote_in_a_story_filed_in_the_small_hours_counts_from_the_evening_before(pipeline):
    """Filed at 01:40 in Beirut (23:40 UTC): the story's quote was spoken before local midnight, the day before its
    local publication day; its 'tomorrow' is the local publication day. The narrator's own weekdays keep that day."""
    from accord.ingest.document import Article

    at = dt.datetime(2016, 3, 14, 23, 40, tzinfo=dt.timezone.utc)
    text = ('BEIRUT: Talks opened in Geneva Monday.\n\n"Starting from tomorrow, our troops will begin to withdraw," '
            "the president told his ministers. The committee meets the envoy Tuesday.")
    r = pipeline(Article(text=text, published=at.date(), published_at=at)).result()
    assert dates(r) == [("Monday", "2016-03-14", "day"), ("tomorrow", "2016-03-15", "day"),
                        ("Tuesday", "2016-03-15", "day")]
    # filed in the local afternoon, the quote counts from the publication day
    noon = dt.datetime(2016, 3, 15, 10, 0, tzinfo=dt.timezone.utc)
    r = pipeline(Article(text=text, published=noon.date(), published_at=noon)).result()
    assert dates(r)[1] == ("tomorrow", "2016-03-16", "day")


def test_a_sitting_day_whose_line_runs_on_into_the_next_is_read_on_its_own_line(run):
    """'Panel discussion, Thursday, March 10, 2016' over 'Uncorrected transcript.': a soft line break after the day
    (which the words read as a space) still ends the heading's line."""
    r = run("Policy Forum, Beirut\nPanel discussion, Wednesday, February 10, 2016\nUncorrected transcript." + _TURNS,
            FRIDAY)
    assert [d[1] for d in dates(r)][-3:] == ["2016-02-10", "2016-02-11", "2016-02-09"]
