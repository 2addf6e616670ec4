from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.record.bundle import read_bundle
from accord.record.snapshot import Snapshot

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def syria() -> Snapshot:
    b = read_bundle("syria-2015")
    return Snapshot(b.records, b.id)


def report(id: str, **kw):
    """A synthetic report with defaults (Damascus, a day-precise battle on 1 March 2016)."""
    from accord.record.model import Report

    base = dict(id=id, source=kw.pop("source", id), event_time=dt.datetime(2016, 3, 1), time_zone="Asia/Damascus",
                type="battles", synthetic=True, place={"country": "SYR", "admin1": "Idleb", "lat": 35.93, "lon": 36.63})
    return Report(**{**base, **kw})
