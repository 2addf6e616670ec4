"""Ushahidi's CSV export (the classic platform's columns): ``#`` is the post's id, INCIDENT DATE its
time, LATITUDE/LONGITUDE or LOCATION its place, CATEGORY its kind. A crowd report names no
perpetrator: it is unknown unless a PERPETRATOR column says. Categories map to ACLED's types by the
words in them (attack, shelling, air strike -> Explosions/Remote violence; clash, fighting ->
Battles; civilian, killing -> Violence against civilians; protest -> Protests; riot -> Riots);
any other is refused, naming the category.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tests.monitor.oracle import csvfile
from accord.monitor.formats.rows import Row, RowError, number, timestamp

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


def read(path: Path) -> Iterator[Row | tuple[int, RowError]]:
    for line, rec in csvfile.rows(path, REQUIRED):
        if isinstance(rec, RowError):
            yield line, rec
            continue
        try:
            yield _row(line, rec)
        except RowError as e:
            yield line, e


def _kind(category: str) -> str:
    for pattern, kind in _KINDS:
        if re.search(pattern, category, re.I):
            return kind
    raise RowError("CATEGORY", f"{category!r} matches none of the incident kinds (attack, clash, civilian, protest, riot)")


def _row(line: int, r: dict[str, str]) -> Row:
    when = timestamp(r["INCIDENT DATE"], "INCIDENT DATE")
    exact = bool(re.search(r"\d:\d", r["INCIDENT DATE"]))
    return Row(
        number=line, source_id=r["#"].strip() or None, event_time=when, time_precision="exact" if exact else "day",
        time_zone=(r.get("TIME ZONE") or "").strip() or None, type=_kind(r["CATEGORY"]),
        sub_type=r["CATEGORY"].strip() or None, perpetrator=(r.get("PERPETRATOR") or "").strip() or None,
        place_name=(r.get("LOCATION") or "").strip() or None, country=(r.get("COUNTRY") or "").strip() or None,
        lat=number(r.get("LATITUDE"), "LATITUDE"), lon=number(r.get("LONGITUDE"), "LONGITUDE"),
        source="Ushahidi", source_kind="other",
        grade=("F", 2 if (r.get("VERIFIED") or "").strip().upper() in ("YES", "TRUE", "1") else 6),
        summary=" ".join(x for x in ((r.get("INCIDENT TITLE") or "").strip(), (r.get("DESCRIPTION") or "").strip()) if x) or None,
    )
