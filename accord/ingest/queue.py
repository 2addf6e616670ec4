"""The review queue: candidates waiting for a person to accept, reject or edit them.

Ingesting a document into a case writes, in one audited transaction, the ``Document`` record (id from
the content hash, so the same text is one document however often it is ingested) and one queue row per
candidate. Nothing here is a fact of the record until accepted (see ``accord.ingest.review``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection

from accord.store.schema import ingest_candidate as candidate

STATUSES = ("pending", "accepted", "rejected", "edited")


_BASE = ("kind", "start", "end", "text", "confidence")
#: the keys of ``as_dict`` that are the queue row's own; the others are the candidate's data
ROW_KEYS = frozenset({"id", "case", "document", "status", *_BASE, "record_id", "reviewed_by", "reviewed_at"})


def enqueue(conn: Connection, case_id: str, document_id: str, candidates: list[dict[str, Any]]) -> int:
    rows = [{"case_id": case_id, "document_id": document_id, "status": "pending",
             **{k: c[k] for k in _BASE}, "data": {k: v for k, v in c.items() if k not in _BASE}}
            for c in candidates]
    if rows:
        conn.execute(candidate.insert(), rows)
    return len(rows)


def as_dict(row: Any) -> dict[str, Any]:
    m = row._mapping
    return {"id": m["id"], "case": m["case_id"], "document": m["document_id"], "status": m["status"],
            **{k: m[k] for k in _BASE}, **m["data"], "record_id": m["record_id"], "reviewed_by": m["reviewed_by"],
            "reviewed_at": m["reviewed_at"].isoformat() if m["reviewed_at"] else None}


def listing(conn: Connection, case_id: str, status: str | None, kind: str | None, document: str | None,
            limit: int) -> list[dict[str, Any]]:
    q = select(candidate).where(candidate.c.case_id == case_id)
    if status:
        q = q.where(candidate.c.status == status)
    if kind:
        q = q.where(candidate.c.kind == kind)
    if document:
        q = q.where(candidate.c.document_id == document)
    return [as_dict(r) for r in conn.execute(q.order_by(candidate.c.id).limit(limit))]


def counts(conn: Connection, case_id: str) -> dict[str, int]:
    q = select(candidate.c.status, func.count()).where(candidate.c.case_id == case_id).group_by(candidate.c.status)
    return {s: n for s, n in conn.execute(q)}


#: candidate ids are 64-bit integers in both stores: a larger number names no candidate (and would not fit a query)
MAX_ID = 2**63 - 1


def get(conn: Connection, case_id: str, cid: int) -> dict[str, Any] | None:
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
