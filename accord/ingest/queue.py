"""The review queue: candidates waiting for a person to accept, reject or edit them.

Ingesting a document into a case writes, in one audited transaction, the ``Document`` record (id from
the content hash, so the same text is one document however often it is ingested) and one queue row per
candidate. Nothing here is a fact of the record until accepted (see ``accord.ingest.review``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from accord.ingest.queue_read import BASE, MAX_ID, as_dict
from accord.store.schema import ingest_candidate as candidate

#: the keys of ``as_dict`` that are the queue row's own; the others are the candidate's data
ROW_KEYS = frozenset({"id", "case", "document", "status", *BASE, "record_id", "reviewed_by", "reviewed_at"})


def enqueue(conn: Connection, case_id: str, document_id: str, candidates: list[dict[str, Any]]) -> int:
    rows = [{"case_id": case_id, "document_id": document_id, "status": "pending",
             **{k: c[k] for k in BASE}, "data": {k: v for k, v in c.items() if k not in BASE}}
            for c in candidates]
    if rows:
        conn.execute(candidate.insert(), rows)
    return len(rows)


def get(conn: Connection, case_id: str, cid: int) -> dict[str, Any] | None:
    """The candidate as a writer's transaction sees it (readers: accord.ingest.queue_read)."""
    if not 0 < cid <= MAX_ID:
        return None
    row = conn.execute(select(candidate).where(candidate.c.case_id == case_id, candidate.c.id == cid)).first()
    return as_dict(row) if row else None


def claim(conn: Connection, case_id: str, cid: int, allowed: tuple[str, ...], status: str, by: str) -> bool:
    """Set the candidate's status only if it still has one of ``allowed`` (a conditional update: on
    PostgreSQL it waits for a concurrent reviewer's row lock and then sees that reviewer's status).
    False when it did not (unknown, or already reviewed)."""
    if not 0 < cid <= MAX_ID:
        return False
    stmt = (update(candidate)
            .where(candidate.c.case_id == case_id, candidate.c.id == cid, candidate.c.status.in_(allowed))
            .values(status=status, reviewed_by=by, reviewed_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
    return conn.execute(stmt).rowcount == 1


def mark(conn: Connection, cid: int, status: str, by: str, record_id: str | None = None,
         data: dict[str, Any] | None = None) -> None:
    values: dict[str, Any] = {"status": status, "reviewed_by": by,
                              "reviewed_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)}
    if record_id is not None:
        values["record_id"] = record_id
    if data is not None:
        values["data"] = data
    conn.execute(update(candidate).where(candidate.c.id == cid).values(**values))
