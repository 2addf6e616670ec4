from __future__ import annotations

import pytest

from tests.cli.conftest import Accord


@pytest.fixture
def accord(db_url):
    return Accord(db_url)
