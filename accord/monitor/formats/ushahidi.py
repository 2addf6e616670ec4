"""Ushahidi's CSV export (the classic platform's columns): ``#`` is the post's id, INCIDENT DATE its
time, LATITUDE/LONGITUDE or LOCATION its place, CATEGORY its kind. A crowd report names no
perpetrator: it is unknown unless a PERPETRATOR column says. Categories map to ACLED's types by the
words in them (attack, shelling, air strike -> Explosions/Remote violence; clash, fighting ->
Battles; civilian, killing -> Violence against civilians; protest -> Protests; riot -> Riots);
any other is refused, naming the category.
"""

from __future__ import annotations

import re
from pathlib import Path

from accord.monitor.formats import csvfile
from accord.monitor.formats.rows import Batch, RowError, mapped, number, stripped, timestamp

REQUIRED = ("#", "INCIDENT DATE", "CATEGORY")
_KINDS = (
    (r"shell|air ?strike|bomb|explosi|artillery|rocket|mortar|drone|attack", "Explosions/Remote violence"),
    (r"clash|fight|battle|armed", "Battles"),
    (r"civilian|killing|abduct|massacre", "Violence against civilians"),
    (r"protest|demonstrat", "Protests"),
    (r"riot", "Riots"),
)

#: the file's column for each of the common fields (for error messages)
COLUMNS_OF = {"event_time": "INCIDENT DATE", "time_zone": "TIME ZONE", "type": "CATEGORY", "perpetrator": "PERPETRATOR", "latitude": "LATITUDE", "longitude": "LONGITUDE", "country": "COUNTRY", "id": "#"}


def read(path: Path) -> Batch:
    t = csvfile.table(path, REQUIRED)
    errors = t.errors
    # each cell read once per distinct value, in the order a row's fields were always read
    dates = t.get("INCIDENT DATE")
    event_time = mapped(dates, lambda v: timestamp(v, "INCIDENT DATE"), errors)
    kinds = mapped(t.get("CATEGORY"), _kind, errors)
    lat = mapped(t.get("LATITUDE"), lambda v: number(v, "LATITUDE"), errors)
    lon = mapped(t.get("LONGITUDE"), lambda v: number(v, "LONGITUDE"), errors)
    n = len(t)
    exact = {v: bool(re.search(r"\d:\d", v)) for v in set(dates)}
    verified = {v: ("F", 2 if (v or "").strip().upper() in ("YES", "TRUE", "1") else 6) for v in set(t.get("VERIFIED"))}
    return Batch.of(
        t.lines, errors, source_id=stripped(t.get("#")), event_time=event_time,
        time_precision=["exact" if exact[v] else "day" for v in dates], time_zone=stripped(t.get("TIME ZONE")),
        type=kinds, sub_type=stripped(t.get("CATEGORY")), perpetrator=stripped(t.get("PERPETRATOR")),
        place_name=stripped(t.get("LOCATION")), country=stripped(t.get("COUNTRY")), lat=lat, lon=lon,
        source=["Ushahidi"] * n, source_kind=["other"] * n, grade=[verified[v] for v in t.get("VERIFIED")],
        summary=[" ".join(x for x in ((a or "").strip(), (b or "").strip()) if x) or None
                 for a, b in zip(t.get("INCIDENT TITLE"), t.get("DESCRIPTION"))],
    )


def _kind(category: str) -> str:
    for pattern, kind in _KINDS:
        if re.search(pattern, category, re.I):
            return kind
    raise RowError("CATEGORY", f"{category!r} matches none of the incident kinds (attack, clash, civilian, protest, riot)")
