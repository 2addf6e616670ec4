"""UCDP's Georeferenced Event Dataset (GED) CSV: ``id`` is the event's id; deaths low/best/high.

type_of_violence 1 (state-based) and 2 (non-state) read as ACLED's Battles, 3 (one-sided) as Violence
against civilians; side_a is the perpetrator, side_b the target. date_prec 1 is a day, 2-3 a few days
(read as a week), 4 a month; 5 (a year) is too coarse to judge against a ceasefire and refused.
where_prec 1 is the place itself, 2-3 its surroundings, 4-7 a region.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.monitor.oracle import csvfile
from accord.monitor.formats.rows import Row, RowError, number, timestamp

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "date_start", "best")
TYPES = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}
DATE_PREC = {"1": "day", "2": "week", "3": "week", "4": "month"}

#: the file's column for each of the common fields (for error messages)
COLUMNS_OF = {"event_time": "date_start", "type": "type_of_violence", "perpetrator": "side_a", "target": "side_b", "fatalities": "best", "id": "id"}


def read(path: Path) -> Iterator[Row | tuple[int, RowError]]:
    for line, rec in csvfile.rows(path, REQUIRED):
        if isinstance(rec, RowError):
            yield line, rec
            continue
        try:
            yield _row(line, rec)
        except RowError as e:
            yield line, e


def _row(line: int, r: dict[str, str]) -> Row:
    violence = r["type_of_violence"].strip()
    if violence not in TYPES:
        raise RowError("type_of_violence", f"{violence!r} is not 1, 2 or 3")
    prec = (r.get("date_prec") or "1").strip()
    if prec not in DATE_PREC:
        raise RowError("date_prec", f"{prec!r}: a date known only to the year (5) or unknown cannot be judged")
    best = number(r["best"], "best", int, 0)
    low, high = number(r.get("low"), "low", int, best), number(r.get("high"), "high", int, best)
    where = number(r.get("where_prec"), "where_prec", int, 1)
    return Row(
        number=line, source_id=r["id"].strip() or None, event_time=timestamp(r["date_start"], "date_start"),
        time_precision=DATE_PREC[prec], type=TYPES[violence],
        perpetrator=r["side_a"].strip(), target=r["side_b"].strip() or None,
        place_name=(r.get("where_coordinates") or "").split(",")[0].strip() or None,
        country=r["country"].strip(), admin1=(r.get("adm_1") or "").split(" governorate")[0].strip() or None,
        admin2=(r.get("adm_2") or "").strip() or None,
        lat=number(r.get("latitude"), "latitude"), lon=number(r.get("longitude"), "longitude"),
        geo_precision=1 if where <= 1 else 2 if where <= 3 else 3, casualties=(low, best, high),
        source="UCDP GED", source_kind="monitor", summary=(r.get("source_headline") or "").strip() or None,
    )
