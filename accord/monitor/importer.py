"""Reading an incident file into reports for a case: the format's reader, the case's names, the
gazetteer. Writes nothing: the caller stores the reports (``accord monitor import``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accord.errors import AccordError
from accord.gcpause import gc_paused
from accord.monitor.formats import READERS
from accord.monitor.formats.build import Parsed, build
from accord.monitor.formats.rows import Context
from accord.monitor.gazetteer import Gazetteer
from accord.monitor.names import Names
from accord.monitor.timing import zone
from accord.record.snapshot import Snapshot

#: the datasets' own names, used in report ids (acled-syr1234)
DATASET = {"acled": "acled", "ucdp-ged": "ged", "ushahidi": "ushahidi", "geojson": "geojson"}


def read_file(snap: Snapshot, path: Path, fmt: str, *, grade: tuple[str, int] = ("F", 6), time_zone: str | None = None,
              country: str | None = None, tolerance: dt.timedelta = dt.timedelta(days=1),
              gazetteers: list[Path] | None = None, dataset: str | None = None) -> Parsed:
    if fmt not in READERS:
        raise AccordError(f"--format {fmt!r}: unknown (known: {', '.join(READERS)})")
    if time_zone is not None:
        try:
            zone(time_zone)
        except Exception:
            raise AccordError(f"--tz {time_zone!r}: unknown time zone (expected an IANA name such as Asia/Damascus)") from None
    gaz = Gazetteer.load(gazetteers)
    if country is not None and gaz.country(country) is None:
        raise AccordError(f"--country {country!r}: no gazetteer for it (known: {', '.join(sorted(gaz.countries))})")
    read, columns = READERS[fmt]
    ctx = Context(str(path), dataset or DATASET[fmt], Names(snap), gaz, grade, time_zone, tolerance, country, columns)
    # millions of cells and values that live until the import ends, none in a cycle: the collector
    # would walk them again and again for nothing (it doubled the time of a 200,000-row file)
    with gc_paused():
        return build(read(path), ctx)
