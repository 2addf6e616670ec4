"""When an event happened, as an interval of UTC seconds: a reported wall time, its zone and precision.

A day-precise report in Damascus covers that local day, 00:00 to 24:00 Damascus time; a week-precise
one (ACLED's time_precision 2) the three days either side of its date; a month-precise one
(time_precision 3) its calendar month; an exact one the instant itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from accord.record.model import TimePrecision

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
#: ACLED's time_precision codes
ACLED_PRECISION: dict[str, TimePrecision] = {"1": "day", "2": "week", "3": "month"}
PRECISION_CODE = {v: k for k, v in ACLED_PRECISION.items()}


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def seconds(when: dt.datetime, tz: str) -> int:
    """UTC seconds of a wall time in a zone (an aware datetime keeps its own offset)."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=zone(tz))
    return int((aware - EPOCH).total_seconds())


def window(when: dt.datetime, precision: TimePrecision) -> tuple[dt.datetime, dt.datetime]:
    """The wall-time interval [lo, hi) a reported time with this precision may stand for."""
    if precision == "exact":
        return when, when
    day = dt.datetime(when.year, when.month, when.day)
    if precision == "day":
        return day, day + dt.timedelta(days=1)
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=4)
    first = day.replace(day=1)
    return first, first + dt.timedelta(days=calendar.monthrange(day.year, day.month)[1])


def interval(when: dt.datetime, precision: TimePrecision, tz: str) -> tuple[int, int]:
    """UTC seconds [lo, hi] (hi exclusive except for an exact time, where lo == hi)."""
    lo, hi = window(when, precision)
    return seconds(lo, tz), seconds(hi, tz)


def local(ts: int, tz: str) -> dt.datetime:
    """UTC seconds as a naive wall time in a zone."""
    return (EPOCH + dt.timedelta(seconds=ts)).astimezone(zone(tz)).replace(tzinfo=None)
