"""The store's tables: one schema for SQLite and PostgreSQL.

Records are kept as versioned JSON documents (the pydantic model is their one definition). A write
never changes a version in place: it closes the current row (``known_to``) and appends the next one, so
the table is at once the record, its audit trail and its transaction-time history. ``tx`` says who made
each change, when, with which command and on what evidence.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, false, text,
)

metadata = MetaData()

# SQLite needs INTEGER PRIMARY KEY to autoincrement; PostgreSQL gets BIGINT identities.
Key = BigInteger().with_variant(Integer(), "sqlite")

tx = Table(
    "tx",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False),
    Column("at", DateTime(), nullable=False, comment="UTC, naive"),
    Column("by", String(200), nullable=False),
    Column("operation", String(100), nullable=False),
    Column("cite", JSON(), nullable=True),
    Column("note", Text(), nullable=True),
    # ``by`` is what the writer declared (--by, $ACCORD_USER); these two are what the system knows
    Column("os_user", String(200), nullable=True, comment="the process's OS user"),
    Column("api_user", String(200), nullable=True, comment="the authenticated API user"),
)

record = Table(
    "record",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("id", String(200), nullable=False),
    Column("parent", String(200), nullable=True),
    Column("version", Integer(), nullable=False),
    Column("op", String(10), nullable=False, comment="create | update | delete"),
    Column("data", Text(), nullable=True, comment="the record as JSON; NULL for a deletion"),
    Column("tx_from", ForeignKey("tx.id"), nullable=False),
    Column("known_from", DateTime(), nullable=False),
    Column("tx_to", ForeignKey("tx.id"), nullable=True),
    Column("known_to", DateTime(), nullable=True),
)

# At most one current version per record: two writers racing on the same record cannot both win.
Index(
    "ux_record_current",
    record.c.case_id,
    record.c.id,
    unique=True,
    sqlite_where=text("known_to IS NULL"),
    postgresql_where=text("known_to IS NULL"),
)
Index("ux_record_version", record.c.case_id, record.c.id, record.c.version, unique=True)
Index("ix_record_kind", record.c.case_id, record.c.kind, record.c.known_from)
# an issue's positions as known at a time (accord.store.parts.children); also a record's children
Index("ix_record_parent_kind", record.c.case_id, record.c.parent, record.c.kind, record.c.known_from)
Index("ix_tx_case", tx.c.case_id, tx.c.at)
# the store's last transaction time, read by every write (transaction times only increase): without it
# each write scanned every transaction, 15 ms a write at 100k of them
Index("ix_tx_at", tx.c.at)

# Records written together by one transaction and kept as one row (accord.store.batches): a monitor
# import's reports. Member k is version ``versions[k]`` (all 1 when NULL) of record ``ids[k]``, made by
# ``tx_from``; it stays the record's current version until a later version of that id is written (a
# record row, or a member of a later batch): appending 200,000 reports as rows of ``record`` with its
# indexes was most of the import's time. Members never have a parent.
batch = Table(
    "batch",
    metadata,
    Column("pk", Key, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("tx_from", ForeignKey("tx.id"), nullable=False),
    Column("known_from", DateTime(), nullable=False),
    Column("rows", Integer(), nullable=False),
    Column("ids", Text(), nullable=False, comment="the members' ids, a JSON array"),
    Column("versions", Text(), nullable=True, comment="the members' versions, a JSON array; NULL: all 1"),
    Column("data", Text(), nullable=False, comment="the members' JSON as a format string and its columns"),
)
Index("ix_batch_case", batch.c.case_id, batch.c.kind, batch.c.known_from)

# The ingest review queue (accord.ingest.queue): candidates are not records until a person accepts them.
ingest_candidate = Table(
    "ingest_candidate",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("case_id", String(200), nullable=False),
    Column("document_id", String(200), nullable=False),
    Column("kind", String(20), nullable=False, comment="actor | quote | date | event | stance"),
    Column("start", Integer(), nullable=False),
    Column("end", Integer(), nullable=False),
    Column("text", Text(), nullable=False),
    Column("confidence", Float(), nullable=False),
    Column("data", JSON(), nullable=False, comment="the kind's fields, as in `accord ingest --json`"),
    Column("status", String(10), nullable=False, server_default="pending"),
    Column("record_id", String(200), nullable=True, comment="the record an accepted candidate became"),
    Column("reviewed_by", String(200), nullable=True),
    Column("reviewed_at", DateTime(), nullable=True, comment="UTC, naive"),
)
Index("ix_ingest_candidate_status", ingest_candidate.c.case_id, ingest_candidate.c.status, ingest_candidate.c.kind)
Index("ix_ingest_candidate_document", ingest_candidate.c.case_id, ingest_candidate.c.document_id)

# Users of the API (accord.store.users). Only a hash of each token is kept: a copy of the store does not
# let its reader act as anyone.
api_user = Table(
    "api_user",
    metadata,
    Column("id", Key, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False, comment="viewer | analyst | editor | admin"),
    Column("token_hash", String(64), nullable=False, comment="sha256 of the token, hex"),
    Column("created_at", DateTime(), nullable=False, comment="UTC, naive"),
    Column("disabled", Boolean(), nullable=False, server_default=false()),
)
Index("ux_api_user_name", api_user.c.name, unique=True)
Index("ux_api_user_token", api_user.c.token_hash, unique=True)
