from __future__ import annotations

from pathlib import Path

import pytest

from accord.forecast.base import Stakeholders
from accord.forecast.inputs import read_csv
from accord.record.model import Actor, Capability, Issue, Position, Record
from accord.record.snapshot import Snapshot

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
EU_CSV = DATA / "eu-car-emissions.csv"
CITE = ["https://example.org/coding"]


@pytest.fixture
def eu() -> Stakeholders:
    return read_csv(EU_CSV)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED


def record_snapshot(extra: tuple[Record, ...] | list[Record] = ()) -> Snapshot:
    """A two-actor case: the US moves over time, Russia has a general and an issue capability."""
    return Snapshot(
        [
            Issue(id="assad-role", name="Assad's role", scale_min=0, scale_max=100, cite=CITE),
            Actor(id="us", kind="state", name="United States", cite=CITE),
            Actor(id="russia", kind="state", name="Russia", cite=CITE),
            Position(issue="assad-role", actor="us", value=10, salience=0.9, date="2015-11-01", cite=CITE),
            Position(issue="assad-role", actor="us", value=30, salience=0.8, date="2015-12-15", cite=CITE, uncertainty=5),
            Position(issue="assad-role", actor="us", value=50, salience=0.8, date="2016-02-01", cite=CITE),
            Position(issue="assad-role", actor="russia", value=90, salience=1.0, date="2015-10", cite=CITE),
            Capability(actor="us", value=100, date="2015", cite=CITE),
            Capability(id="russia.general", actor="russia", value=40, date="2015", cite=CITE),
            Capability(id="russia.syria", actor="russia", value=80, date="2015-09", issue="assad-role", cite=CITE),
            *extra,
        ]
    )
