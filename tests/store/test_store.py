"""The store on SQLite and PostgreSQL: audited writes, as-known-on reads, lost-update protection, atomicity."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from accord.errors import NotFound, StaleWrite
from accord.record.bundle import read_bundle
from accord.record.model import Actor, Position
from accord.store import Store

MINI = Path(__file__).resolve().parents[1] / "record" / "data" / "mini"


@pytest.fixture
def store(db_url):
    s = Store.open(db_url)
    s.load("mini", read_bundle(MINI).records, by="tester", source="mini")
    yield s
    s.close()


def _position(value: float, date: str = "2020-06-01") -> Position:
    return Position(issue="vote-timing", actor="alpha", value=value, salience=0.8, date=date,
                    cite=["https://example.org/new"])


def test_load_is_idempotent(store):
    again = store.load("mini", read_bundle(MINI).records, by="tester", source="mini")
    assert (again.created, again.updated, again.deleted, again.unchanged) == ([], [], [], 16)


def test_valid_time_and_transaction_time(store):
    before_change = dt.datetime.now(dt.timezone.utc)
    with store.unit_of_work("mini", by="ann", operation="position set", cite=_position(0).cite) as uow:
        uow.put(_position(30))
    snap = store.snapshot("mini")
    assert [p.value for p in snap.positions("vote-timing", dt.date(2020, 6, 2)) if p.actor == "alpha"] == [30]
    assert [p.value for p in snap.positions("vote-timing", dt.date(2020, 3, 15)) if p.actor == "alpha"] == [10]
    old = store.snapshot("mini", as_known_on=before_change)
    assert [p.value for p in old.positions("vote-timing", dt.date(2020, 6, 2)) if p.actor == "alpha"] == [10]


def test_history_has_who_when_before_after(store):
    with store.unit_of_work("mini", by="ann", operation="edit", note="renamed") as uow:
        uow.put(Actor(id="beta", kind="state", name="Beta Republic", cite=["https://example.org/beta"]))
    entries = store.history("mini", "beta")
    assert [(e.op, e.by, e.version) for e in entries] == [("create", "tester", 1), ("update", "ann", 2)]
    assert entries[1].before["name"] == "Beta" and entries[1].after["name"] == "Beta Republic"
    assert entries[1].note == "renamed" and entries[1].at >= entries[0].at
    assert store.get("mini", "beta").name == "Beta Republic"
    assert store.get("mini", "beta", as_known_on=entries[0].at).name == "Beta"


def test_an_issue_history_includes_its_positions(store):
    with store.unit_of_work("mini", by="ann", operation="position set") as uow:
        uow.put(_position(30))
    ids = [e.id for e in store.history("mini", "vote-timing")]
    assert "vote-timing.alpha.2020-06-01" in ids and "vote-timing" in ids


def test_a_stale_write_fails_and_changes_nothing(store):
    _, version = store.get_versioned("mini", "beta")
    with store.unit_of_work("mini", by="ann") as uow:
        uow.put(Actor(id="beta", kind="state", name="B1", cite=["https://e.org"]), expected_version=version)
    with pytest.raises(StaleWrite, match="version 2, not 1"):
        with store.unit_of_work("mini", by="bob") as uow:
            uow.put(Actor(id="beta", kind="state", name="B2", cite=["https://e.org"]), expected_version=version)
    assert store.get("mini", "beta").name == "B1"
    assert len(store.history("mini", "beta")) == 2


def test_two_racing_writers_never_lose_an_update(store):
    """Both read version 1; both try to write. Exactly one wins, the other gets StaleWrite."""
    _, version = store.get_versioned("mini", "beta")
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def writer(name: str) -> None:
        barrier.wait()
        try:
            with store.unit_of_work("mini", by=name) as uow:
                uow.put(Actor(id="beta", kind="state", name=name, cite=["https://e.org"]), expected_version=version)
            results[name] = "won"
        except StaleWrite:
            results[name] = "stale"

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("w1", "w2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results.values()) == ["stale", "won"]
    winner = next(n for n, r in results.items() if r == "won")
    assert store.get("mini", "beta").name == winner
    assert [e.version for e in store.history("mini", "beta")] == [1, 2]


def test_delete_then_as_known_on(store):
    t0 = dt.datetime.now(dt.timezone.utc)
    with store.unit_of_work("mini", by="ann") as uow:
        uow.delete("statement-1")
    with pytest.raises(NotFound):
        store.get("mini", "statement-1")
    assert store.get("mini", "statement-1", as_known_on=t0).id == "statement-1"
    assert store.history("mini", "statement-1")[-1].op == "delete"


def test_unknown_case_and_record(store):
    with pytest.raises(NotFound, match="no case 'nope'"):
        store.resolve_case("nope")
    with pytest.raises(NotFound, match="no record with id 'nope'"):
        store.get("mini", "nope")


KILLED_LOAD = r"""
import sys
from accord.record.bundle import read_bundle
from accord.store import Store, UnitOfWork

real_insert = UnitOfWork._insert

def insert_then_wait(self, rows):
    real_insert(self, rows)
    print("inside the transaction", flush=True)
    sys.stdin.readline()  # parked here until the test kills us

UnitOfWork._insert = insert_then_wait
store = Store.open(sys.argv[1])
records = read_bundle(sys.argv[2]).records
for r in records:
    if r.id == "beta":
        r.name = "Changed by a load that never finished"
store.load("mini", records, by="killed", source="test")
"""


def test_kill_9_during_a_load_leaves_the_store_as_it_was(store, db_url):
    before = store.count_versions()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_LOAD, db_url, str(MINI)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "inside the transaction"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reopened = Store.open(db_url)
    assert reopened.count_versions() == before
    assert reopened.get("mini", "beta").name == "Beta"
    reopened.close()


def _current_rows(store, case_id):
    from sqlalchemy import select

    from accord.store.schema import record as R
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(
            select(R.c.id, R.c.kind, R.c.parent, R.c.version, R.c.op, R.c.data).where(R.c.case_id == case_id)))


def test_add_encoded_on_existing_ids_writes_what_one_put_per_row_writes(db_url):
    """A re-import reads the current versions in a few set-based queries; the versions it writes and its
    summary are those of one ``put`` per row: new, unchanged, changed, deleted and given again, an id twice."""
    rows0 = [(f"r{i}", None, f'{{"n":{i}}}') for i in range(6)]
    rows1 = [("r0", None, '{"n":0}'), ("r1", None, '{"n":10}'), ("r2", None, '{"n":2}'), ("r3", None, '{"n":3}'),
             ("new", None, '{"n":9}'), ("r4", None, '{"n":40}'), ("r4", None, '{"n":41}'), ("r5", None, '{"n":5}')]
    results = []
    for case_id, bulk in (("bulk", True), ("one", False)):
        s = Store.open(db_url)
        try:
            with s.unit_of_work(case_id, by="t") as uow:
                uow.add_encoded("actor", rows0)
            with s.unit_of_work(case_id, by="t") as uow:
                uow.delete("r3")
                uow.delete("r5")
            with s.unit_of_work(case_id, by="t") as uow:
                if bulk:
                    summary = uow.add_encoded("actor", rows1)
                else:
                    for rid, parent, data in rows1:
                        uow._put("actor", rid, parent, data)
                    summary = uow.summary
            results.append((_current_rows(s, case_id), sorted(summary.created), sorted(summary.updated), summary.unchanged))
        finally:
            s.close()
    assert results[0] == results[1]
    assert results[0][1:] == (["new", "r3", "r5"], ["r1", "r4", "r4"], 2)


def test_a_write_finds_the_last_transaction_time_by_index(tmp_path):
    """Every write reads the store's last transaction time; scanning every transaction for it made an
    ingest of 100,000 documents (one transaction each) slow down as the store grew."""
    import sqlite3

    Store.open(str(tmp_path / "plan.db")).close()
    plan = sqlite3.connect(tmp_path / "plan.db").execute("EXPLAIN QUERY PLAN SELECT max(at) FROM tx").fetchall()
    assert any("ix_tx_at" in row[-1] for row in plan), plan
