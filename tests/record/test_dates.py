import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.record.dates import FuzzyDate, add_months


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        ("2015-12-18", "2015-12-18", "2015-12-18", "day"),
        ("2016-01-early", "2016-01-01", "2016-01-10", "early"),
        ("2016-02-mid", "2016-02-11", "2016-02-20", "mid"),
        ("2016-02-late", "2016-02-21", "2016-02-29", "late"),
        ("2015-12", "2015-12-01", "2015-12-31", "month"),
        ("2016", "2016-01-01", "2016-12-31", "year"),
        ("2016-02-11..2016-02-12", "2016-02-11", "2016-02-12", "range"),
        ("2015-10..2016-01-early", "2015-10-01", "2016-01-10", "range"),
    ],
)
def test_forms(text, start, end, precision):
    d = FuzzyDate.parse(text)
    assert (d.start.isoformat(), d.end.isoformat(), d.precision, str(d)) == (start, end, precision, text)


@pytest.mark.parametrize("bad", ["2015-13", "2015-02-30", "18 Dec 2015", "2015-12-first", "2016-02-12..2016-02-11", ""])
def test_malformed(bad):
    with pytest.raises(ValueError, match="malformed date"):
        FuzzyDate.parse(bad)


def test_a_date_object_is_a_day():
    assert FuzzyDate.parse(dt.date(2015, 12, 18)).precision == "day"


days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
forms = st.one_of(
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: f"{d:%Y-%m}"),
    days.map(lambda d: f"{d:%Y}"),
    st.tuples(days, st.sampled_from(["early", "mid", "late"])).map(lambda t: f"{t[0]:%Y-%m}-{t[1]}"),
)


@given(forms)
def test_text_round_trips_and_interval_is_ordered(text):
    d = FuzzyDate.parse(text)
    assert str(FuzzyDate.parse(str(d))) == text
    assert d.start <= d.end
    assert d.covers(d.start) and d.covers(d.end)


@given(days, st.integers(min_value=0, max_value=240))
def test_add_months_never_invents_a_day(day, months):
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day


def test_parsed_dates_are_shared_and_cannot_change():
    a, b = FuzzyDate.parse("2016-01-early"), FuzzyDate.parse("2016-01-early")
    assert a is b
    with pytest.raises(AttributeError):
        a.start = dt.date(2016, 1, 5)
