"""The external PLOVER check runs on the shared gold records (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

from accord.ingest.plover import DEFAULT, check

pytestmark = pytest.mark.shared


@pytest.mark.skipif(not DEFAULT.is_file(), reason="../shared/data/extraction/PLOVER_GSR_CAMEO.json is absent")
def test_plover_check_scores_every_record(pipeline):
    report = check(DEFAULT, pipeline)
    assert report["records"] > 300
    assert 0 <= report["event_type_accuracy"] <= 1
    assert set(report["country_accuracy"]) == {"source", "target"}
