"""Resolving date expressions against a publication date: pure functions, no text scanning.

A result is a ``FuzzyDate`` (accord.record.dates) so that precision is never finer than the source
gives: "in January" is a month, "early January" the first ten days, "last week" a range of days.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from accord.record.dates import FuzzyDate, add_months

Tense = Literal["past", "future", "neutral", "nearest"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
#: a month's name as a pattern, in full or cut short, capitalised ("Feb", "Feb.", "Sept", "February")
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


def day(d: dt.date) -> FuzzyDate:
    return FuzzyDate.day(d)


def month(year: int, mon: int, part: str | None = None) -> FuzzyDate:
    return FuzzyDate.parse(f"{year:04d}-{mon:02d}" + (f"-{part}" if part else ""))


def year(y: int) -> FuzzyDate:
    return FuzzyDate.parse(f"{y:04d}")


def span(start: dt.date, end: dt.date) -> FuzzyDate:
    return FuzzyDate.parse(f"{start.isoformat()}..{end.isoformat()}")


def weekday(published: dt.date, wd: int, modifier: str | None, tense: Tense) -> dt.date:
    """The day a weekday names: the nearest one on or before the published day, or on or after it in the
    future tense (news reports what happened: past by default). "last" is strictly before, "next"
    strictly after. A plan told in the past ("nearest") is ahead unless its day was just before."""
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7
    if modifier == "last":
        return published - dt.timedelta(days=back or 7)
    if modifier == "next":
        return published + dt.timedelta(days=ahead or 7)
    if tense == "future":
        return published + dt.timedelta(days=ahead)
    if tense == "nearest":  # a plan told in the past ('announced the truce, to begin on Saturday'): ahead, unless
        # the day was one or two days ago (a plan whose day is long past is told as done: 'began on Saturday')
        return published - dt.timedelta(days=back) if back <= 2 and back < ahead else published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def year_for(published: dt.date, mon: int, dom: int | None, tense: Tense) -> int:
    """The year of a month (and day) given without one: the nearest occurrence to the published date,
    after it in the future tense, on or before it in the past tense."""
    def first(y: int) -> dt.date:
        return dt.date(y, mon, min(dom or 1, calendar.monthrange(y, mon)[1]))

    def last(y: int) -> dt.date:
        return dt.date(y, mon, min(dom, calendar.monthrange(y, mon)[1]) if dom else calendar.monthrange(y, mon)[1])

    years = [published.year - 1, published.year, published.year + 1]
    if tense == "future":
        return next(y for y in years if last(y) >= published)
    if tense == "past":
        return [y for y in years if first(y) <= published][-1]
    return min(years, key=lambda y: min(abs((first(y) - published).days), abs((last(y) - published).days)))


def day_of_month(published: dt.date, dom: int, tense: Tense) -> dt.date | None:
    """'the 15th': that day of the publication month, or of the month before (past tense) or after (future)
    when the day is not yet (or already) past; in a neutral clause the nearest of the three months' days."""
    this = published.replace(day=1)

    def on(first: dt.date) -> dt.date | None:
        return first.replace(day=dom) if 1 <= dom <= calendar.monthrange(first.year, first.month)[1] else None

    here = on(this)
    if tense == "past":
        return here if here and here <= published else on(add_months(this, -1))
    if tense == "future":
        return here if here and here >= published else on(add_months(this, 1))
    options = [d for d in (on(add_months(this, -1)), here, on(add_months(this, 1))) if d]
    return min(options, key=lambda d: abs((d - published).days), default=None)


def relative_unit(published: dt.date, which: str, unit: str) -> FuzzyDate:
    """last / this / next week, month, year. A week runs Monday to Sunday."""
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "before last": -2,
             "after next": 2}[which]
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        return span(monday, monday + dt.timedelta(days=6))
    if unit == "weekend":
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        if shift < 0 or (shift == 0 and published.weekday() == 0):
            saturday -= dt.timedelta(days=7)
        if abs(shift) == 2:  # 'the weekend before last', 'the weekend after next': one more week away
            saturday += dt.timedelta(days=7 * (shift // 2))
        return span(saturday, saturday + dt.timedelta(days=1))
    if unit == "month":
        m = add_months(published.replace(day=1), shift)
        return month(m.year, m.month)
    return year(published.year + shift)


#: the months of India's national (Saka) calendar, as official records print them beside the Gregorian day
SAKA_MONTHS = {name.lower(): i for i, names in enumerate(
    ["Chaitra", "Vaisakha Vaishakha", "Jyaishtha Jyeshtha", "Ashadha Asadha", "Shravana Sravana", "Bhadra Bhadrapada",
     "Ashvina Ashwin Asvina", "Kartika", "Agrahayana", "Pausha Pausa", "Magha", "Phalguna"], 1) for name in names.split()}


def _chaitra_first(saka_year: int) -> dt.date:
    """1 Chaitra: 22 March of the Gregorian year 78 after, 21 March when that year is a leap year."""
    g = saka_year + 78
    return dt.date(g, 3, 21 if calendar.isleap(g) else 22)


def _saka_month_lengths(saka_year: int) -> list[int]:
    return [31 if calendar.isleap(saka_year + 78) else 30] + [31] * 5 + [30] * 6


def saka_to_gregorian(y: int, m: int, d: int) -> dt.date:
    """The Gregorian day of a day of the Saka calendar (ValueError: no such day)."""
    lengths = _saka_month_lengths(y)
    if not (1 <= m <= 12 and 1 <= d <= lengths[m - 1]):
        raise ValueError(f"no Saka day {d} in month {m}")
    return _chaitra_first(y) + dt.timedelta(days=sum(lengths[:m - 1]) + d - 1)


def gregorian_to_saka(day: dt.date) -> tuple[int, int, int]:
    y = day.year - 78 if day >= _chaitra_first(day.year - 78) else day.year - 79
    left = (day - _chaitra_first(y)).days
    for m, n in enumerate(_saka_month_lengths(y), 1):
        if left < n:
            return y, m, left + 1
        left -= n
    raise AssertionError(day)


def easter(y: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    mon = (h + l_ - 7 * m + 90) // 25
    return dt.date(y, mon, (h + l_ - 7 * m + 33 * mon + 19) % 32)
