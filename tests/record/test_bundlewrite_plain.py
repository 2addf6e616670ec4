"""`accord case export` writes the plain records it reads (accord.record.bundlewrite, no pydantic): the same
files, byte for byte, as the model's records of the same store give, for both built-in cases."""

from __future__ import annotations

import pytest

from accord.record.bundle import read_bundle
from accord.record.bundlewrite import write_bundle
from accord.store import Store


@pytest.mark.parametrize("name", ["syria-2015", "yemen-2018"])
def test_plain_records_export_as_the_models_do(sqlite_url, tmp_path, name):
    store = Store.open(sqlite_url)
    store.load(name, read_bundle(name).records, by="test", source="test")
    model, plain = store.snapshot(name), store.snapshot(name, plain=True)
    assert type(plain.case).__module__ == "accord.record.plain"
    by_model = write_bundle(list(model.records.values()), tmp_path / "model")
    by_plain = write_bundle(list(plain.records.values()), tmp_path / "plain")
    assert [p.name for p in by_plain] == [p.name for p in by_model]
    assert [p.read_bytes() for p in by_plain] == [p.read_bytes() for p in by_model]
    store.close()
