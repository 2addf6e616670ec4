"""ACLED's CSV export: one row per event, ``event_id_cnty`` its id (kept as the report's source_id)."""

from __future__ import annotations

from pathlib import Path

from accord.monitor.formats import csvfile
from accord.monitor.formats.rows import Batch, RowError, mapped, number, stripped, timestamp
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


def read(path: Path) -> Batch:
    t = csvfile.table(path, REQUIRED)
    errors = t.errors
    # each cell read once per distinct value, in the order a row's fields were always read (a row's
    # error is the first of them it fails)
    precision = mapped(t.get("time_precision"), _precision, errors)
    deaths = mapped(t.get("fatalities"), _deaths, errors)
    event_time = mapped(t.get("event_date"), lambda v: timestamp(v, "event_date"), errors)
    reported = mapped(t.get("timestamp"), lambda v: timestamp(v, "timestamp"), errors)
    lat = mapped(t.get("latitude"), lambda v: number(v, "latitude"), errors)
    lon = mapped(t.get("longitude"), lambda v: number(v, "longitude"), errors)
    geo = mapped(t.get("geo_precision"), _geo, errors)
    n = len(t)
    return Batch.of(
        t.lines, errors, source_id=stripped(t.get("event_id_cnty")), event_time=event_time, time_precision=precision,
        time_zone=stripped(t.get("time_zone")), reported_at=reported, type=t.get("event_type"),
        sub_type=stripped(t.get("sub_event_type")), perpetrator=[v.strip() for v in t.get("actor1")],
        target=stripped(t.get("actor2")), place_name=stripped(t.get("location")),
        country=[(a or b or "").strip() or None for a, b in zip(t.get("iso3"), t.get("country"))],
        admin1=stripped(t.get("admin1")), admin2=stripped(t.get("admin2")), lat=lat, lon=lon, geo_precision=geo,
        casualties=[(d, d, d) for d in deaths],
        # one dataset, one source: ACLED does not list an event twice, so its rows never merge with each other
        source=["ACLED"] * n, source_kind=["monitor"] * n,
        summary=_summaries(t.get("notes"), t.get("source")),
    )


def _precision(value: str | None) -> str:
    precision = (value or "1").strip()
    if precision not in ACLED_PRECISION:
        raise RowError("time_precision", f"{precision!r} is not 1, 2 or 3")
    return ACLED_PRECISION[precision]


def _deaths(value: str | None) -> int:
    deaths = number(value, "fatalities", int, 0)
    if deaths < 0:
        raise RowError("fatalities", f"{deaths} is negative")
    return deaths


def _geo(value: str | None) -> int:
    p = number(value, "geo_precision", int, 1)
    if p not in (1, 2, 3):
        raise RowError("geo_precision", f"{p} is not 1, 2 or 3")
    return p


def _summaries(notes: list[str | None], sources: list[str | None]) -> list[str | None]:
    """The notes, then the outlets ACLED names; None when neither says anything."""
    outlets = {v: _outlets(v) for v in set(sources)}
    out = []
    for n, s in zip(notes, sources):
        n, o = (n or "").strip(), outlets[s]
        out.append((n + " " + o if n and o else n or o) or None)
    return out


def _outlets(value: str | None) -> str:
    return f"[sources: {value.strip()}]" if value and value.strip() else ""
