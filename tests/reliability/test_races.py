"""Two real processes racing on one record or one candidate, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from accord.ingest import queue
from accord.record.model import Actor, Case, Document, Issue
from accord.store import Store
from accord.store.schema import ingest_candidate, tx
from tests.reliability.racer import race

ROUNDS = 6
CITE = ["https://example.org/fixture"]


def _case_with_candidates(db: str, n: int) -> list[int]:
    store = Store.open(db)
    with store.unit_of_work("t", by="test") as uow:
        uow.put(Case(id="t", name="Race case"))
        uow.put(Document(id="doc-1", title="A made-up report", text="Alpha met Beta.", published="2020-01-02"))
        uow.put(Issue(id="timing", name="Timing", cite=CITE))
        uow.put(Actor(id="alpha", kind="state", name="Alpha", cite=CITE))
        queue.enqueue(uow.conn, "t", "doc-1", [
            {"kind": "actor", "start": 0, "end": 5, "text": "Alpha", "confidence": 0.9, "actor": None,
             "actor_kind": "state", "name": f"Newland {i}"} for i in range(n)])
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(select(ingest_candidate.c.id).order_by(ingest_candidate.c.id))]
    store.close()
    return ids


def test_two_reviewers_accepting_one_candidate_at_once_exactly_one_wins(db_url):
    ids = _case_with_candidates(db_url, ROUNDS)
    rounds = race(db_url, *(["cli-each", ",".join(map(str, ids)), "review", "accept", "{}", "--case", "t", "--json",
                             "--by", who] for who in ("alice", "bob")), rounds=ROUNDS)
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        audit = conn.execute(select(tx.c.by, tx.c.note).where(tx.c.operation == "review accept")).all()
        rows = {r.id: r for r in conn.execute(select(ingest_candidate))}
    for i, (cid, pair) in enumerate(zip(ids, rounds)):
        won = [r for r in pair if r["exit"] == 0]
        lost = [r for r in pair if r["exit"] != 0]
        assert len(won) == 1 and len(lost) == 1, pair
        assert lost[0]["exit"] == 2 and "already accepted" in lost[0]["err"], lost[0]
        winner = json.loads(won[0]["out"])["reviewed_by"]
        assert rows[cid].status == "accepted" and rows[cid].reviewed_by == winner
        assert [a.by for a in audit if a.note == f"ingest candidate {cid}"] == [winner]
        assert store.get_versioned("t", f"newland-{i}")[1] == 1


def test_two_writers_of_one_position_that_read_the_same_version_one_is_refused(db_url):
    _case_with_candidates(db_url, 0)
    rounds = race(db_url, ["set", "t", "timing", "alpha", "20", "alice", str(ROUNDS)],
                  ["set", "t", "timing", "alpha", "30", "bob", str(ROUNDS)], rounds=ROUNDS)
    store = Store.open(db_url)
    history = store.history("t", "timing.alpha.2020-06-01")
    for i, pair in enumerate(rounds):
        won = [r for r in pair if r["exit"] == 0]
        lost = [r for r in pair if r["exit"] != 0]
        assert len(won) == 1 and len(lost) == 1, pair
        # the refusal names the version the loser would have overwritten: the winner's
        assert lost[0]["exit"] == 2 and f"is at version {won[0]['out']}, not {i}" in lost[0]["err"], pair
        assert "\n" not in lost[0]["err"].strip()
    # every write in the history replaced exactly the version its writer had read
    assert [e.version for e in history] == list(range(1, ROUNDS + 1))


def test_the_cli_refuses_a_position_set_whose_record_changed_since_its_read(mini):
    # (the read-then-write of one CLI call, with another writer in between, is what the racers above
    # force; here the CLI's own default: the version it read is the one it requires)
    args = ["position", "set", "vote-timing", "alpha", "40", "--date", "2020-06-01", "--cite", "https://e.org"]
    assert mini.json(*args)["version"] == 1
    assert mini.json(*args[:4], "41", *args[5:])["version"] == 2
    r = mini(*args[:4], "42", *args[5:], "--if-version", "1", ok=False)
    assert r.exit_code == 2 and "is at version 2, not 1" in r.stderr
