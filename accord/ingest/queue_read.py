"""The review queue as its readers show it (`accord review list|show`, the API's and the dashboard's
review pages): read through the store's plain SQL (``Store.reading``), so a read imports no SQLAlchemy.
Writers read a candidate inside their own transaction through ``accord.ingest.queue.get``; both make the
same dict of a row (``as_dict``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

#: the queue's columns in its table's order (accord.store.schema.ingest_candidate), as SQLAlchemy selects them
COLUMNS = ("id", "case_id", "document_id", "kind", "start", "end", "text", "confidence", "data", "status",
           "record_id", "reviewed_by", "reviewed_at")
_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM ingest_candidate"
STATUSES = ("pending", "accepted", "rejected", "edited")
#: the columns a candidate of every kind has (its other fields are its data)
BASE = ("kind", "start", "end", "text", "confidence")
#: candidate ids are 64-bit integers in both stores: a larger number names no candidate (and would not fit a query)
MAX_ID = 2**63 - 1


def as_dict(row: Any) -> dict[str, Any]:
    """A candidate of a row of ``COLUMNS``, as SQLAlchemy gives it or as the driver does (SQLite: the data
    as JSON text, the time as text)."""
    m = dict(zip(COLUMNS, row))
    data = m["data"]
    if isinstance(data, str):
        data = json.loads(data)
    at = m["reviewed_at"]
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    return {"id": m["id"], "case": m["case_id"], "document": m["document_id"], "status": m["status"],
            **{k: m[k] for k in BASE}, **data, "record_id": m["record_id"], "reviewed_by": m["reviewed_by"],
            "reviewed_at": at.isoformat() if at else None}


def listing(store: Any, case_id: str, status: str | None, kind: str | None, document: str | None,
            limit: int) -> list[dict[str, Any]]:
    """The case's candidates (of a status, a kind, a document when given), by id, at most ``limit``."""
    with store.reading() as rows:
        return listed(rows, case_id, status, kind, document, limit)


def listed(rows: Any, case_id: str, status: str | None, kind: str | None, document: str | None,
           limit: int) -> list[dict[str, Any]]:
    """``listing`` within a reading block of the caller's (``Store.reading``)."""
    params: dict[str, Any] = {"case_id": case_id, "limit": limit}
    sql = _SELECT + " WHERE case_id = :case_id"
    for column, value in (("status", status), ("kind", kind), ("document_id", document)):
        if value:
            sql += f" AND {column} = :{column}"
            params[column] = value
    return [as_dict(r) for r in rows(sql + " ORDER BY id LIMIT :limit", params)]


def counted(rows: Any, case_id: str) -> dict[str, int]:
    """How many candidates of the case have each status, within a reading block of the caller's."""
    return {s: n for s, n in rows("SELECT status, count(*) FROM ingest_candidate WHERE case_id = :case_id"
                                  " GROUP BY status", {"case_id": case_id})}


def one(store: Any, case_id: str, cid: int) -> dict[str, Any] | None:
    """The candidate of that id in the case, None if there is none."""
    if not 0 < cid <= MAX_ID:
        return None
    with store.reading() as rows:
        found = rows(_SELECT + " WHERE case_id = :case_id AND id = :id", {"case_id": case_id, "id": cid})
    return as_dict(found[0]) if found else None
