"""The fault-injection benchmark's store check (bench/faults.py) passes a store that commands wrote and
finds each kind of broken version chain."""

from __future__ import annotations

import sqlite3

import pytest

from bench.faults import check_store, digest


@pytest.fixture
def written(mini, sqlite_url):
    mini("position", "set", "vote-timing", "alpha", "20", "--date", "2020-04", "--cite", "https://example.org/a", "--by", "t")
    mini("position", "set", "vote-timing", "alpha", "30", "--date", "2020-04", "--cite", "https://example.org/a", "--by", "t")
    return mini.db


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_written_store_is_well_formed(written):
    assert check_store(written) == []
    assert any(v[3] == "update" for v in digest(written)["versions"])


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("spoil", "found"), [
    # (two current versions of a record the store's unique index refuses by itself)
    ("UPDATE record SET tx_to = tx_from WHERE op = 'create' AND known_to IS NOT NULL", "not closed by"),
    ("UPDATE record SET version = 7 WHERE op = 'update'", "not 1..2"),
    ("DELETE FROM record WHERE op = 'update'", "the last version is closed"),
    ("UPDATE record SET data = NULL WHERE op = 'update'", "has no data"),
])
def test_a_broken_chain_is_found(written, spoil, found):
    with sqlite3.connect(written) as conn:
        conn.execute(spoil)
    problems = check_store(written)
    assert any(found in p for p in problems), problems
