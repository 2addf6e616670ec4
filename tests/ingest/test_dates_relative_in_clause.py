"""Relative and partial dates read from their own clause: a weekday after a capitalised preposition or a
start ('Since Friday', 'starting Tuesday'), a reporting verb with a long circumstance before its day, the
narrator's tense kept out of a quotation, anniversaries counted 'ago today', 'the New Year', 'beyond the weekend'."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest.conftest import of

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def dates(result: dict) -> list[tuple[str, object, str]]:
    return [(d["text"], d["value"] or d["range"], d["precision"]) for d in of(result, "date")]


# (sentence, least and most days from publication to the day)
_FORMS = [
    # a capitalised 'Since' opens the sentence: a day gone by, whatever the verbs after it
    ("Since {wd}, the clinics are shelled every night and the roads are closed.", -6, 0),
    ("Since {wd} night, aid trucks have been waiting at the crossing.", -6, 0),
    # a start told as a participle after a past order: the nearer such day, ahead unless just gone by
    ("The minister ordered the troops home, starting {wd}, saying the task was done.", -2, 6),
    ("The government announced a curfew beginning {wd}, officials said.", -2, 6),
    # a reporting verb, a long circumstance of the saying, the day, then the words said
    ("The deputy leader said in a speech in the eastern outskirts of the capital {wd} night that the party would stay.",
     -6, 0),
    ("The minister said at a news conference after the cabinet meeting {wd} that the army would withdraw.", -6, 0),
]


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_WEEKDAYS), st.sampled_from(_FORMS))
def test_a_weekday_follows_its_clause_from_every_publication_day(run, published, wd, form):
    sentence, lo, hi = form
    found = of(run(sentence.format(wd=wd), published), "date")
    assert len(found) == 1 and found[0]["precision"] == "day"
    day = dt.date.fromisoformat(found[0]["value"])
    assert day.strftime("%A") == wd and lo <= (day - published).days <= hi


def test_a_start_just_gone_by_is_that_day(run):
    wednesday = dt.date(2016, 2, 24)
    r = run("The ministry ordered the pullout, starting Monday, saying the task was done.", wednesday)
    assert dates(r) == [("Monday", "2016-02-22", "day")]


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_MONTHS))
def test_a_month_ending_its_clause_takes_no_tense_from_the_next_clause(run, published, month):
    # 'lifted' is the next clause's (after the comma): the month is the nearest one, as a bare month is
    text = f'The analyst said the meeting had shown its limits. "Everyone is waiting. Berlin wants a result before {month}, Moscow wants sanctions lifted."'
    found = of(run(text, published), "date")
    assert len(found) == 1 and found[0]["precision"] == "month"
    first = dt.date.fromisoformat(found[0]["range"][0])
    last = dt.date.fromisoformat(found[0]["range"][1])
    assert first.strftime("%B") == month
    nearest = min(abs((first - published).days), abs((last - published).days))
    for y in (first.year - 1, first.year + 1):
        other_first = first.replace(year=y)
        other_last = other_first.replace(day=28)
        assert nearest <= min(abs((other_first - published).days), abs((other_last - published).days)) + 3


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 3, 1), dt.date(2018, 12, 31)),
       st.sampled_from([("One year ago today", 12), ("Two years ago today", 24), ("A month ago today", 1),
                        ("Six months ago today", 6)]))
def test_counted_back_to_today_is_that_day(run, published, form):
    words, months = form
    found = of(run(f"{words}, the parties signed the agreement in the capital.", published), "date")
    assert [(d["text"], d["precision"]) for d in found] == [(words, "day")]
    day = dt.date.fromisoformat(found[0]["value"])
    assert (published.year * 12 + published.month) - (day.year * 12 + day.month) == months
    assert day.day == published.day or (day.day < published.day and published.day > 28)


@settings(max_examples=40, deadline=None)
@given(st.dates(dt.date(2014, 3, 1), dt.date(2018, 12, 31)), st.sampled_from(["One year", "Three years", "Six months"]))
def test_ago_before_today_s_is_no_anniversary(run, published, words):
    # 'today's ruling' is the ruling's: the count back and 'today' are two dates, not one day counted back
    found = dates(run(f"{words} ago today's ruling would have been unthinkable.", published))
    assert [d[0] for d in found] == [f"{words} ago", "today"]


def test_a_week_ago_today_is_the_day_seven_days_before(run):
    assert dates(run("A week ago today the convoy was stopped.", dt.date(2016, 2, 24))) == \
        [("A week ago today", "2016-02-17", "day")]


def test_a_year_ago_alone_is_still_the_year(run):
    assert dates(run("One year ago, the parties signed the agreement.", dt.date(2016, 6, 20))) == \
        [("One year ago", ["2015-01-01", "2015-12-31"], "year")]


def test_the_new_year_is_the_first_of_january_nearest(run):
    r = run("The list will not be final before the New Year, his sources said.", dt.date(2015, 12, 21))
    assert dates(r) == [("New Year", "2016-01-01", "day")]
    r = run("Fighting has eased since the New Year.", dt.date(2016, 1, 20))
    assert dates(r) == [("New Year", "2016-01-01", "day")]
    # another calendar's new year, or the year's name in a title, is no first of January
    assert dates(run("Iranians celebrate the Persian New Year with a message.", dt.date(2016, 3, 20))) == []
    assert dates(run("Crowds gathered for the Lunar New Year.", dt.date(2016, 2, 8))) == []


def test_beyond_the_weekend_is_the_weekend_the_tense_gives(run):
    r = run("Nobody thinks the calm will hold beyond the weekend.", dt.date(2016, 2, 24))
    assert dates(r) == [("the weekend", ["2016-02-27", "2016-02-28"], "day")]
    r = run("One shopkeeper did not expect the calm to hold beyond the weekend.", dt.date(2016, 2, 27))
    assert dates(r) == [("the weekend", ["2016-02-27", "2016-02-28"], "day")]  # published on the Saturday: this one


def test_last_weekday_then_its_day_are_two_dates(run):
    r = run("Last Saturday, February 20, the minister met the council in the capital.", dt.date(2016, 2, 26))
    assert dates(r) == [("Last Saturday", "2016-02-20", "day"), ("February 20", "2016-02-20", "day")]
    # without a modifier the weekday and its day stay one date
    r = run("On Saturday, February 20, the minister met the council.", dt.date(2016, 2, 26))
    assert dates(r) == [("Saturday, February 20", "2016-02-20", "day")]


def test_a_start_in_the_future_tense_is_ahead(run):
    monday = dt.date(2016, 2, 22)
    r = run("So the proof will be on the ground, starting Saturday.", monday)
    assert dates(r) == [("Saturday", "2016-02-27", "day")]


@settings(max_examples=40, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(["year", "month", "week"]),
       st.sampled_from(["like", "than", "as"]))
def test_the_last_one_after_a_unit_is_the_last_such_unit(run, published, unit, join):
    text = f"The country cannot bear another {unit} {join} the last one, the envoy told the delegations."
    found = of(run(text, published), "date")
    assert [d["text"] for d in found] == ["last one"]
    first = dt.date.fromisoformat(found[0]["range"][0])
    if unit == "year":
        assert (first, found[0]["precision"]) == (dt.date(published.year - 1, 1, 1), "year")
    elif unit == "month":
        assert first.day == 1 and (published.year * 12 + published.month) - (first.year * 12 + first.month) == 1
    else:
        assert first.weekday() == 0 and 7 <= (published - first).days <= 13 and found[0]["precision"] == "week"


def test_the_last_one_counted_from_an_event_is_no_date(run):
    assert dates(run("They met a week after the last one.", dt.date(2016, 2, 24))) == []


@settings(max_examples=40, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(["year", "month", "week"]),
       st.sampled_from(["same {unit} as", "Same {unit} as", "very same {unit} as"]))
def test_the_same_unit_as_the_last_one_is_no_date(run, published, unit, form):
    # 'the same month as the last one' is the last event's month, which the text does not give
    text = f"The second round was held in the {form.format(unit=unit)} the last one."
    assert dates(run(text, published)) == []
    assert dates(run("This round was no better than the last one.", dt.date(2016, 2, 24))) == []


# an opening phrase before the date's comma (an adverb, a compound preposition): the verb after the comma is the
# date's own clause's, and tells its tense
_OPENING_PHRASES = [
    "Immediately after the vote in {m}, the minister said he had resigned.",
    "Ahead of the talks in {m}, the minister said the envoy had travelled.",
    "Prior to the summit in {m}, the delegations had met twice.",
    "Because of the storms in {m}, the convoys were halted.",
    # the sentence's first word more than 140 characters back: the phrase still opens with its preposition
    "In the long weeks of bargaining over the list of delegations and the order of the agenda and the seating of the "
    "observers from the neighbouring states in {m}, the envoy said nothing had moved.",
]
# a wish's object then an adverb or an auxiliary: the verb after it is the clause's own, a past one
_WISH_THEN_VERB = [
    "What the capital wants most happened in {m}.",
    "The food the town needs urgently arrived in {m}.",
    "Everything the council wanted was decided in {m}.",
    "All the region needs has been promised since {m}.",
]


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_MONTHS),
       st.sampled_from(_OPENING_PHRASES + _WISH_THEN_VERB))
def test_a_month_told_in_the_past_after_an_opening_phrase_or_a_wish_is_gone_by(run, published, month, form):
    found = of(run(form.format(m=month), published), "date")
    assert [(d["text"], d["precision"]) for d in found] == [(month, "month")]
    assert dt.date.fromisoformat(found[0]["range"][0]) <= published


def test_a_wish_s_object_completed_by_a_participle_still_has_no_time(run):
    r = run("Berlin wants a result before June, Moscow wants sanctions lifted.", dt.date(2016, 3, 3))
    assert dates(r) == [("June", ["2016-06-01", "2016-06-30"], "month")]


# a start after a report of a plan: the reporting verb dates the saying, not the plan, whose day is ahead
_REPORTED_STARTS = [
    "The agency said a new curfew will be imposed starting {wd}.",
    "Officials said the ban will take effect starting {wd}.",
    "The spokeswoman told reporters the crossings would stay shut, beginning {wd}.",
    "A spokesman said the new fares would apply effective {wd}.",
]


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_WEEKDAYS), st.sampled_from(_REPORTED_STARTS))
def test_a_start_after_a_reporting_verb_is_ahead(run, published, wd, form):
    found = of(run(form.format(wd=wd), published), "date")
    assert len(found) == 1 and found[0]["precision"] == "day"
    day = dt.date.fromisoformat(found[0]["value"])
    assert day.strftime("%A") == wd and 0 <= (day - published).days <= 7


def test_a_start_far_after_a_past_order_is_read_from_its_own_clause(run):
    # the order stands more than 80 characters before the start: it is no longer the start's plan
    wednesday = dt.date(2016, 3, 16)
    r = run("The cabinet ordered a review of the rules that govern the transport of grain, fuel and medicine across "
            "the border, and the new rules will apply starting Monday.", wednesday)
    assert dates(r) == [("Monday", "2016-03-21", "day")]


_PHRASE_HEADS = ["Amid", "Despite", "Under", "Within", "Among", "Against", "Without", "Upon", "Through", "Across",
                 "Beyond", "Following", "Shortly before", "Immediately after"]


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_MONTHS), st.sampled_from(_PHRASE_HEADS))
def test_a_month_in_an_opening_phrase_takes_the_tense_after_its_comma(run, published, month, head):
    # a preposition heads the phrase before the subject: the clause's verb after the comma dates the month
    for text in (f"{head} the talks in {month}, the minister said he had resigned.",
                 f"{head} the deal in {month}, the rebels had withdrawn."):
        found = of(run(text, published), "date")
        assert len(found) == 1 and found[0]["precision"] == "month"
        assert found[0]["range"] == of(run(text.replace(head, "During", 1), published), "date")[0]["range"]
        assert dt.date.fromisoformat(found[0]["range"][0]) <= published


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_MONTHS),
       st.sampled_from(["Italy", "Germany", "Beijing", "Berlin", "The board"]),
       st.sampled_from(["the minister said", "a spokesman added", "officials insisted", "she says"]))
def test_a_saying_inserted_after_the_comma_leaves_the_clause_open(run, published, month, subject, saying):
    # 'X in June, the minister said, had left': the subject's clause goes on after the saying, its verb dates the month
    found = of(run(f"{subject} in {month}, {saying}, had left the council.", published), "date")
    assert len(found) == 1 and dt.date.fromisoformat(found[0]["range"][0]) <= published


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 12, 31)), st.sampled_from(_MONTHS),
       st.sampled_from(["Italy", "Beijing", "Germany", "Berlin"]))
def test_a_name_ending_as_an_adverb_or_a_participle_is_a_subject(run, published, month, subject):
    # 'Italy' is a subject whose clause the comma ends, as 'Germany' is: the next clause's verb does not date the month
    other = "Germany" if subject != "Germany" else "France"
    found = of(run(f"{subject} in {month}, {other} had left the council.", published), "date")
    base = of(run(f"Berlin wants a result before {month}, Moscow had left the council.", published), "date")
    assert [d["range"] for d in found] == [d["range"] for d in base]
