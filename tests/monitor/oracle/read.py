"""read_file as it was: the format's per-row reader, then the per-row build."""

from __future__ import annotations

from pathlib import Path

from accord.monitor.formats.rows import Context
from accord.monitor.gazetteer import Gazetteer
from accord.monitor.importer import DATASET
from accord.monitor.names import Names
from tests.monitor.oracle import acled, geojson, rows, ucdp, ushahidi

READERS = {"acled": acled, "ucdp-ged": ucdp, "ushahidi": ushahidi, "geojson": geojson}


def read_file(snap, path: Path, fmt: str, *, grade=("F", 6), time_zone=None, country=None, tolerance=None,
              dataset=None) -> rows.Parsed:
    import datetime as dt

    m = READERS[fmt]
    ctx = Context(str(path), dataset or DATASET[fmt], Names(snap), Gazetteer.load(None), grade, time_zone,
                  tolerance or dt.timedelta(days=1), country, m.COLUMNS_OF)
    return rows.parse(m.read(path), ctx)
