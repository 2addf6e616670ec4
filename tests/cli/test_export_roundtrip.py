"""`case export` → `case load` → `case export` of any valid bundle is byte-identical, on SQLite and on
PostgreSQL: bundles of every record kind are generated (tests/record/strategies.py), loaded into one
store, exported, loaded into a second, empty store and exported again."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings

from accord.record.bundle import read_bundle, record_errors
from accord.record.bundlewrite import write_bundle
from accord.record.model import KINDS
from tests.cli.conftest import Accord
from tests.conftest import PG_URL, _pg_schema_url
from tests.record.strategies import bundles

_CASES = itertools.count()


@pytest.fixture
def stores(db_url, tmp_path):
    """Two empty stores of the same backend."""
    if "://" not in db_url:
        yield Accord(db_url), Accord(str(tmp_path / "second.db"))
        return
    url, drop = _pg_schema_url(PG_URL)
    yield Accord(db_url), Accord(url)
    drop()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=bundles())
def test_export_load_export_is_byte_identical(stores, data):
    first, second = stores
    case = f"gen-{next(_CASES)}"
    records = [r.model_copy(update={"id": case}) if r.record_kind == "case" else r for r in data]
    assert [str(e) for e in record_errors(records, {})] == []  # the generator makes valid bundles
    with tempfile.TemporaryDirectory() as tmp:
        generated, exported, again = Path(tmp, "generated"), Path(tmp, "exported"), Path(tmp, "again")
        write_bundle(records, generated)
        first("case", "load", str(generated))
        first("case", "export", case, str(exported))
        second("case", "load", str(exported))
        second("case", "export", case, str(again))
        assert _files(again) == _files(exported)
        # and the store lost or changed nothing of what was loaded
        assert _files(exported) == _files(generated)
        back = {r.id: r for r in read_bundle(again).records}
        assert back == {r.id: r for r in records}


def test_the_generator_reaches_every_record_kind():
    # the property above is only as wide as its bundles: one of them holds a record of every kind
    every = find(bundles(), lambda recs: {r.record_kind for r in recs} == set(KINDS),
                 settings=settings(max_examples=300, database=None, phases=[Phase.generate]))
    assert {r.record_kind for r in every} == set(KINDS)
