"""ACLED's CSV export: one row per event, ``event_id_cnty`` its id (kept as the report's source_id)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.monitor.oracle import csvfile
from accord.monitor.formats.rows import Row, RowError, number, timestamp
from accord.monitor.timing import ACLED_PRECISION

REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "country")
#: the columns `accord monitor export --format acled` writes (a subset of ACLED's, in its order)
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "timestamp",
)

#: the file's column for each of the common fields (for error messages)
COLUMNS_OF = {"event_time": "event_date", "time_zone": "time_zone", "type": "event_type", "perpetrator": "actor1", "target": "actor2", "latitude": "latitude", "longitude": "longitude", "country": "country", "fatalities": "fatalities", "id": "event_id_cnty"}


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
    precision = (r.get("time_precision") or "1").strip()
    if precision not in ACLED_PRECISION:
        raise RowError("time_precision", f"{precision!r} is not 1, 2 or 3")
    deaths = number(r.get("fatalities"), "fatalities", int, 0)
    if deaths < 0:
        raise RowError("fatalities", f"{deaths} is negative")
    return Row(
        number=line, source_id=r["event_id_cnty"].strip() or None,
        event_time=timestamp(r["event_date"], "event_date"), time_precision=ACLED_PRECISION[precision],
        time_zone=(r.get("time_zone") or "").strip() or None,
        reported_at=timestamp(r.get("timestamp"), "timestamp"),
        type=r["event_type"], sub_type=(r.get("sub_event_type") or "").strip() or None,
        perpetrator=r["actor1"].strip(), target=(r.get("actor2") or "").strip() or None,
        place_name=(r.get("location") or "").strip() or None,
        country=(r.get("iso3") or r.get("country") or "").strip() or None,
        admin1=(r.get("admin1") or "").strip() or None, admin2=(r.get("admin2") or "").strip() or None,
        lat=number(r.get("latitude"), "latitude"), lon=number(r.get("longitude"), "longitude"),
        geo_precision=_geo(r.get("geo_precision")), casualties=(deaths, deaths, deaths),
        # one dataset, one source: ACLED does not list an event twice, so its rows never merge with each other
        source="ACLED", source_kind="monitor",
        summary=" ".join(x for x in ((r.get("notes") or "").strip(), _outlets(r.get("source"))) if x) or None,
    )


def _geo(value: str | None) -> int:
    p = number(value, "geo_precision", int, 1)
    if p not in (1, 2, 3):
        raise RowError("geo_precision", f"{p} is not 1, 2 or 3")
    return p


def _outlets(value: str | None) -> str:
    return f"[sources: {value.strip()}]" if value and value.strip() else ""
