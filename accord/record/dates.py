"""Dates as sources give them: with a precision, never with an invented day.

Written forms (the same in bundles, on the command line and in JSON):

    2015-12-18            a day
    2016-01-early         days 1-10 of a month (also -mid: 11-20, -late: 21-end)
    2016-01               a month
    2016                  a year
    2015-10-30..2015-11-14  a range; each end may itself be any of the forms above

A FuzzyDate is the closed interval [start, end] of days it may stand for.
"""

from __future__ import annotations

import calendar
import functools
import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # imported where used: a reader of stored JSON parses dates without pydantic
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import core_schema

Precision = Literal["day", "early", "mid", "late", "month", "year", "range"]

_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_SINGLE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}|early|mid|late))?)?$")


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _parse_single(text: str) -> tuple[dt.date, dt.date, Precision]:
    m = _SINGLE.match(text)
    if not m:
        raise ValueError(
            f"malformed date {text!r} (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-early|mid|late or A..B)"
        )
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    mon = int(month)
    if not 1 <= mon <= 12:
        raise ValueError(f"malformed date {text!r}: month {mon} does not exist")
    if day is None:
        return dt.date(year, mon, 1), dt.date(year, mon, _last_day(year, mon)), "month"
    if day in _PART_DAYS:
        lo, hi = _PART_DAYS[day]
        return dt.date(year, mon, lo), dt.date(year, mon, min(hi, _last_day(year, mon))), day  # type: ignore[return-value]
    try:
        d = dt.date(year, mon, int(day))
    except ValueError:
        raise ValueError(f"malformed date {text!r}: that day does not exist") from None
    return d, d, "day"


class FuzzyDate:
    """A date with a precision, or a range; immutable, hashable, ordered by (start, end)."""

    __slots__ = ("start", "end", "precision", "_text")

    def __init__(self, start: dt.date, end: dt.date, precision: Precision, text: str):
        if end < start:
            raise ValueError(f"malformed date {text!r}: the range ends before it starts")
        for name, value in zip(self.__slots__, (start, end, precision, text)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a FuzzyDate never changes (parsed ones are shared)")

    @classmethod
    def parse(cls, value: Any) -> FuzzyDate:
        if isinstance(value, FuzzyDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value, value, "day", value.isoformat())
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"malformed date {value!r}")
        return _parse_text(value.strip())

    @classmethod
    def day(cls, d: dt.date) -> FuzzyDate:
        return cls(d, d, "day", d.isoformat())

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"FuzzyDate({self._text!r})"

    def _key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FuzzyDate) and self._key() == other._key()

    def __lt__(self, other: FuzzyDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: FuzzyDate) -> bool:
        return self._key() <= other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        from pydantic_core import PydanticCustomError, core_schema

        def validate(value: Any) -> FuzzyDate:
            try:
                return cls.parse(value)
            except ValueError as e:
                raise PydanticCustomError("fuzzy_date", str(e)) from None

        return core_schema.no_info_plain_validator_function(
            validate,
            # a bare year may be written as a YAML number
            json_schema_input_schema=core_schema.union_schema([
                core_schema.str_schema(
                    pattern=r"^\d{4}(-\d{2}(-(\d{2}|early|mid|late))?)?(\.\.\d{4}(-\d{2}(-(\d{2}|early|mid|late))?)?)?$"
                ),
                core_schema.int_schema(ge=1, le=9999),
            ]),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


@functools.lru_cache(maxsize=100_000)
def _parse_text(text: str) -> FuzzyDate:
    """Cached: a case repeats few dates over many records, and a FuzzyDate never changes."""
    if ".." in text:
        left, _, right = text.partition("..")
        a, b = _parse_single(left.strip()), _parse_single(right.strip())
        return FuzzyDate(a[0], b[1], "range", f"{left.strip()}..{right.strip()}")
    start, end, precision = _parse_single(text)
    return FuzzyDate(start, end, precision, text)


def parse_day(text: str) -> dt.date:
    """A command-line --date: a day, or a coarser form read as its first day."""
    return FuzzyDate.parse(text).start


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months; the 31st of a shorter month falls on its last day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, _last_day(year, month)))


def to_utc(ts: dt.datetime) -> dt.datetime:
    """An aware moment in UTC; ValueError (not OverflowError) for one whose UTC form falls outside the
    calendar Python knows (``9999-12-31T23:59-14:00`` is in the year 10000 in UTC). A naive moment is
    taken as UTC already."""
    if ts.tzinfo is None:
        return ts.replace(tzinfo=dt.timezone.utc)
    try:
        return ts.astimezone(dt.timezone.utc)
    except OverflowError:
        raise ValueError(f"{ts.isoformat()} lies outside the years 1 to 9999 in UTC") from None
