from __future__ import annotations

from pathlib import Path

import pytest

from accord.forecast.base import Stakeholders
from accord.forecast.inputs import read_csv

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
EU_CSV = DATA / "eu-car-emissions.csv"


@pytest.fixture
def eu() -> Stakeholders:
    return read_csv(EU_CSV)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED
