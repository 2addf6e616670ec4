"""The review queue read through the store's plain SQL (accord/ingest/queue_read.py: what `review list`,
`review show` and the API's review pages read) gives what SQLAlchemy's rows give, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from accord.ingest import queue, queue_read
from accord.record.model import Case, Document
from accord.store import Store
from accord.store.schema import ingest_candidate

KINDS = {"actor": {"actor": None, "actor_kind": "state", "name": "Newland"},
         "quote": {"speaker": None, "speaker_text": "a spokeswoman", "cue": "said", "direct": True},
         "date": {"value": "2020-01-02", "precision": "day", "range": None}}


def _queued(db: str) -> None:
    store = Store.open(db)
    with store.unit_of_work("t", by="test") as uow:
        uow.put(Case(id="t", name="Queue case"))
        uow.put(Document(id="doc-1", title="A made-up report", text="Alpha met Beta on 2 January.", published="2020-01-02"))
        queue.enqueue(uow.conn, "t", "doc-1", [
            {"kind": kind, "start": i, "end": i + 5, "text": "Alpha ünïcode", "confidence": 0.25 + i / 10, **data}
            for i, (kind, data) in enumerate([*KINDS.items(), *KINDS.items()])])
        queue.enqueue(uow.conn, "t", "doc-2", [{"kind": "date", "start": 1, "end": 2, "text": "x", "confidence": 1.0,
                                                **KINDS["date"]}])
        first, second = (r[0] for r in uow.conn.execute(select(ingest_candidate.c.id).order_by(ingest_candidate.c.id).limit(2)))
        queue.mark(uow.conn, first, "accepted", "alice", record_id="newland", data={"name": "Newland", "actor": "newland"})
        queue.mark(uow.conn, second, "rejected", "bob")
        # a review at a whole second: its ISO text has no fraction, as SQLAlchemy's datetime gives it
        uow.conn.execute(ingest_candidate.update().where(ingest_candidate.c.id == second)
                         .values(reviewed_at=dt.datetime(2026, 1, 2, 3, 4, 5)))
    store.close()


def test_plain_reads_of_the_queue_are_sqlalchemys(db_url):
    _queued(db_url)
    reader = Store.open(db_url)
    with Store.open(db_url, connections=1).engine.connect() as conn:  # SQLAlchemy's rows, as writers read them
        rows = conn.execute(select(ingest_candidate).order_by(ingest_candidate.c.id)).all()
        by_sqlalchemy = [queue_read.as_dict(r) for r in rows]
        counts = dict(conn.execute(select(ingest_candidate.c.status, func.count()).group_by(ingest_candidate.c.status)).all())
        one = queue.get(conn, "t", by_sqlalchemy[1]["id"])
    assert by_sqlalchemy[0]["reviewed_by"] == "alice" and by_sqlalchemy[1]["reviewed_at"] == "2026-01-02T03:04:05"
    # both sides go through as_dict: pin what it makes of a row independently, so one mapping bug shows
    first = {k: v for k, v in by_sqlalchemy[0].items() if k not in ("id", "reviewed_at")}
    assert first == {"case": "t", "document": "doc-1", "kind": "actor", "start": 0, "end": 5, "text": "Alpha ünïcode",
                     "confidence": 0.25, "status": "accepted", "record_id": "newland", "reviewed_by": "alice",
                     "actor": "newland", "name": "Newland"}, first  # the review's data replaced the candidate's
    assert by_sqlalchemy[4]["status"] == "pending" and by_sqlalchemy[4]["cue"] == "said" and by_sqlalchemy[4]["reviewed_by"] is None
    assert queue_read.listing(reader, "t", None, None, None, 100) == by_sqlalchemy
    assert queue_read.listing(reader, "t", "pending", "date", "doc-1", 100) == [
        c for c in by_sqlalchemy if c["status"] == "pending" and c["kind"] == "date" and c["document"] == "doc-1"]
    assert queue_read.listing(reader, "t", None, None, None, 2) == by_sqlalchemy[:2]
    assert queue_read.listing(reader, "other", None, None, None, 100) == []
    with reader.reading() as rows:
        assert queue_read.counted(rows, "t") == counts
    assert queue_read.one(reader, "t", one["id"]) == one
    assert queue_read.one(reader, "t", 2**63) is None and queue_read.one(reader, "other", one["id"]) is None
    reader.close()
