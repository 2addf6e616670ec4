"""UCDP's Georeferenced Event Dataset (GED) CSV: ``id`` is the event's id; deaths low/best/high.

type_of_violence 1 (state-based) and 2 (non-state) read as ACLED's Battles, 3 (one-sided) as Violence
against civilians; side_a is the perpetrator, side_b the target. date_prec 1 is a day, 2-3 a few days
(read as a week), 4 a month; 5 (a year) is too coarse to judge against a ceasefire and refused.
where_prec 1 is the place itself, 2-3 its surroundings, 4-7 a region.
"""

from __future__ import annotations

from pathlib import Path

from accord.monitor.formats import csvfile
from accord.monitor.formats.rows import Batch, RowError, mapped, number, stripped, timestamp

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "date_start", "best")
TYPES = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}
DATE_PREC = {"1": "day", "2": "week", "3": "week", "4": "month"}

#: the file's column for each of the common fields (for error messages)
COLUMNS_OF = {"event_time": "date_start", "type": "type_of_violence", "perpetrator": "side_a", "target": "side_b", "fatalities": "best", "id": "id"}


def read(path: Path) -> Batch:
    t = csvfile.table(path, REQUIRED)
    errors = t.errors
    # each cell read once per distinct value, in the order a row's fields were always read
    violence = mapped(t.get("type_of_violence"), _violence, errors)
    precision = mapped(t.get("date_prec"), _precision, errors)
    best = mapped(t.get("best"), lambda v: number(v, "best", int, 0), errors)
    low = mapped(t.get("low"), lambda v: number(v, "low", int), errors)  # blank: the best estimate
    high = mapped(t.get("high"), lambda v: number(v, "high", int), errors)
    where = mapped(t.get("where_prec"), lambda v: number(v, "where_prec", int, 1), errors)
    event_time = mapped(t.get("date_start"), lambda v: timestamp(v, "date_start"), errors)
    lat = mapped(t.get("latitude"), lambda v: number(v, "latitude"), errors)
    lon = mapped(t.get("longitude"), lambda v: number(v, "longitude"), errors)
    n = len(t)
    return Batch.of(
        t.lines, errors, source_id=stripped(t.get("id")), event_time=event_time, time_precision=precision,
        type=violence, perpetrator=[v.strip() for v in t.get("side_a")], target=stripped(t.get("side_b")),
        place_name=[(v or "").split(",")[0].strip() or None for v in t.get("where_coordinates")],
        country=[v.strip() for v in t.get("country")],
        admin1=[(v or "").split(" governorate")[0].strip() or None for v in t.get("adm_1")],
        admin2=stripped(t.get("adm_2")), lat=lat, lon=lon,
        geo_precision=[None if w is None else 1 if w <= 1 else 2 if w <= 3 else 3 for w in where],
        casualties=[None if b is None else (b if lo is None else lo, b, b if hi is None else hi)
                    for lo, b, hi in zip(low, best, high)],
        source=["UCDP GED"] * n, source_kind=["monitor"] * n, summary=stripped(t.get("source_headline")),
    )


def _violence(value: str | None) -> str:
    violence = (value or "").strip()
    if violence not in TYPES:
        raise RowError("type_of_violence", f"{violence!r} is not 1, 2 or 3")
    return TYPES[violence]


def _precision(value: str | None) -> str:
    prec = (value or "1").strip()
    if prec not in DATE_PREC:
        raise RowError("date_prec", f"{prec!r}: a date known only to the year (5) or unknown cannot be judged")
    return DATE_PREC[prec]
