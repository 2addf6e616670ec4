"""Persistence: a SQLite file by default, PostgreSQL by URL; every write audited in its transaction.

Reads answer two questions of time: the valid date is the snapshot's business (``Snapshot`` queries
take ``on``); the transaction time is ours: ``as_known_on`` returns the record as it stood then.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, func, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError

from accord.gcpause import gc_paused
from accord.errors import AccordError, NotFound, StaleWrite
from accord.record.model import Citation, Record, record_class
from accord.record.snapshot import Snapshot
from accord.store.schema import record as R
from accord.store.schema import tx as TX

MIGRATIONS = Path(__file__).with_name("migrations")


def _utc(ts: dt.datetime | None) -> dt.datetime | None:
    """Naive UTC, the form the tables hold."""
    if ts is None:
        return None
    if ts.tzinfo is not None:
        ts = ts.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return ts


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def encode(rec: Record) -> str:
    """The canonical JSON a record is stored as (defaults left out, so old rows stay comparable)."""
    return rec.model_dump_json(by_alias=True, exclude_defaults=True)


def decode(kind: str, data: str) -> Record:
    return record_class(kind).model_validate_json(data)


@dataclass
class AuditEntry:
    tx: int
    at: dt.datetime
    by: str
    operation: str
    op: str
    kind: str
    id: str
    version: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    cite: list[dict[str, Any]] | None = None
    note: str | None = None
    os_user: str | None = None
    api_user: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "tx": self.tx, "at": self.at.isoformat() + "Z", "by": self.by, "os_user": self.os_user,
            "api_user": self.api_user, "operation": self.operation,
            "op": self.op, "kind": self.kind, "id": self.id, "version": self.version,
            "before": self.before, "after": self.after, "cite": self.cite, "note": self.note,
        }


@dataclass
class WriteSummary:
    """What a write did, or (refused, a dry run) would do: ids per change, and each id's kind."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    #: records entered outside the bundle (position set, review accept…) and not in it: left as they are
    kept: list[str] = field(default_factory=list)
    #: records the bundle no longer holds, which a reload deletes only when told to prune
    refused_deletions: list[str] = field(default_factory=list)
    #: records changed outside the bundle since it was last loaded, which the bundle would overwrite
    refused_overwrites: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    #: for each kept or refused id: the command that last wrote it (``position set``, ``edit``…)
    written_by: dict[str, str] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return bool(self.refused_deletions or self.refused_overwrites)

    def by_kind(self, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for rid in sorted(ids):
            out.setdefault(self.kinds.get(rid, "?"), []).append(rid)
        return dict(sorted(out.items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "created": len(self.created), "updated": len(self.updated), "deleted": len(self.deleted),
            "unchanged": self.unchanged, "kept": len(self.kept),
            "diff": {
                name: self.by_kind(getattr(self, name))
                for name in ("created", "updated", "deleted", "kept", "refused_deletions", "refused_overwrites")
            },
            "written_by": dict(sorted(self.written_by.items())),
        }


class ReloadRefused(AccordError):
    """A reload that would delete records or overwrite changes made outside the bundle, unasked."""

    def __init__(self, summary: WriteSummary):
        self.summary = summary
        def records(n: int) -> str:
            return f"{n} record{'s' if n != 1 else ''}"

        parts = []
        if summary.refused_deletions:
            parts.append(f"delete {records(len(summary.refused_deletions))} the bundle no longer holds "
                         "(--prune to delete them)")
        if summary.refused_overwrites:
            parts.append(f"overwrite {records(len(summary.refused_overwrites))} changed outside the bundle since it "
                         "was last loaded (export the case to keep the changes, or --discard-user-changes)")
        super().__init__(f"the reload would {' and '.join(parts)}; nothing was written")


#: the operation of a transaction that writes a bundle; every other operation is a user's change
LOAD_OPERATION = "case load"


class UnitOfWork:
    """One transaction: every put or delete appends a version stamped with this transaction."""

    def __init__(self, conn: Connection, case_id: str, tx_id: int, at: dt.datetime):
        self.conn, self.case_id, self.tx_id, self.at = conn, case_id, tx_id, at
        self.summary = WriteSummary()
        #: after a ``sync`` keeping user records: their (kind, data) by id
        self.kept_data: dict[str, tuple[str, str]] = {}
        self._bulk = _bulk(conn.dialect)
        # rows carry the time as the bulk path hands it to the driver (SQLite: SQLAlchemy's text form)
        self._stamp = _bind(conn.dialect, R.c.known_from, at) if self._bulk == "sqlite" else at

    def _current(self, record_id: str) -> Any:
        return self.conn.execute(
            select(R.c.pk, R.c.version, R.c.data).where(
                R.c.case_id == self.case_id, R.c.id == record_id, R.c.known_to.is_(None)
            )
        ).first()

    def version_of(self, record_id: str) -> int | None:
        cur = self._current(record_id)
        return cur.version if cur is not None and cur.data is not None else None

    def put(self, rec: Record, expected_version: int | None = None) -> int:
        """Create or update a record; with expected_version, fail if it changed since it was read."""
        return self._put(rec.record_kind, rec.id, rec.parent, encode(rec), expected_version)

    def _put(self, kind: str, rid: str, parent: str | None, data: str, expected_version: int | None = None) -> int:
        cur = self._current(rid)
        live = cur is not None and cur.data is not None
        if expected_version is not None and (cur.version if live else 0) != expected_version:
            raise StaleWrite(
                f"{rid}: the record is at version {cur.version if live else 0}, not {expected_version}: "
                "someone changed it since you read it; read it again and retry"
            )
        if live and cur.data == data:
            self.summary.unchanged += 1
            return cur.version
        if cur is not None:
            self._close([cur.pk])
        version = cur.version + 1 if cur is not None else 1
        self._insert([(self.case_id, kind, rid, parent, version, "update" if live else "create", data, self.tx_id, self._stamp)])
        (self.summary.updated if live else self.summary.created).append(rid)
        return version

    def delete(self, record_id: str, expected_version: int | None = None) -> None:
        cur = self._current(record_id)
        if cur is None or cur.data is None:
            raise NotFound(f"no record with id {record_id!r} in case {self.case_id!r}")
        if expected_version is not None and cur.version != expected_version:
            raise StaleWrite(f"{record_id}: the record is at version {cur.version}, not {expected_version}")
        kind = self.conn.execute(select(R.c.kind).where(R.c.pk == cur.pk)).scalar_one()
        self._close([cur.pk])
        self._insert([(self.case_id, kind, record_id, None, cur.version + 1, "delete", None, self.tx_id, self._stamp)])
        self.summary.deleted.append(record_id)

    def add(self, records: list[Record]) -> WriteSummary:
        """Write many records of one import: new ones appended in bulk, the others through ``put``
        (unchanged ones stay as they are, changed ones get a new version)."""
        by_kind: dict[str, list[tuple[str, str | None, str]]] = {}
        for rec in records:
            by_kind.setdefault(rec.record_kind, []).append((rec.id, rec.parent, encode(rec)))
        for kind, rows in by_kind.items():
            self.add_encoded(kind, rows)
        return self.summary

    def add_encoded(self, kind: str, rows: list[tuple[str, str | None, str]]) -> WriteSummary:
        """``add`` for records of one kind already encoded: (id, parent, data as ``encode`` gives it).
        The ids' current versions are read in a few set-based queries (not one per row: a re-import of a
        200,000-row file took 20 s CPU that way); new ids are appended in bulk, changed ones closed and
        appended, unchanged ones counted. Summary lists: the new ids first, then the others in order."""
        current = self._current_of([r[0] for r in rows])
        s = self.summary
        created = s.created
        case_id, tx_id, at = self.case_id, self.tx_id, self._stamp
        if current:
            new = [(case_id, kind, rid, parent, 1, "create", data, tx_id, at)
                   for rid, parent, data in rows if rid not in current]
        else:
            new = [(case_id, kind, rid, parent, 1, "create", data, tx_id, at) for rid, parent, data in rows]
        created.extend(r[2] for r in new)
        self._insert(new)
        del new
        if not current:
            return s
        closes: list[int] = []
        later: list[tuple[Any, ...]] = []
        again: list[tuple[str, str | None, str]] = []  # an id given twice: its second write sees the first
        for rid, parent, data in rows:
            if rid not in current:
                continue
            cur = current[rid]
            if cur is None:
                again.append((rid, parent, data))
                continue
            current[rid] = None
            live = cur.data is not None
            if live and cur.data == data:
                s.unchanged += 1
                continue
            closes.append(cur.pk)
            later.append((case_id, kind, rid, parent, cur.version + 1, "update" if live else "create", data, tx_id, at))
            (s.updated if live else created).append(rid)
        self._close(closes)
        self._insert(later)
        for rid, parent, data in again:
            self._put(kind, rid, parent, data)
        return s

    def _current_of(self, ids: list[str]) -> dict[str, Any]:
        """The current versions (pk, id, version, data) of those of ``ids`` the case holds. On SQLite,
        when the case's current records between the smallest and the largest id are few (a fresh
        import, or the same file again), one range scan of the current-version index reads them all
        (not one query per 500 ids). Not on PostgreSQL: a database's collation may order ids otherwise
        than Python does; there and when the range holds many others, 500 ids a query."""
        columns = (R.c.pk, R.c.id, R.c.version, R.c.data)
        live = (R.c.case_id == self.case_id, R.c.known_to.is_(None))
        if ids and self.conn.dialect.name == "sqlite":
            where = (*live, R.c.id.between(min(ids), max(ids)))
            if self.conn.execute(select(func.count()).select_from(R).where(*where)).scalar_one() <= 4 * len(ids):
                wanted = set(ids)
                return {row.id: row for row in self.conn.execute(select(*columns).where(*where)) if row.id in wanted}
        current: dict[str, Any] = {}
        for i in range(0, len(ids), 500):
            for row in self.conn.execute(select(*columns).where(*live, R.c.id.in_(ids[i : i + 500]))):
                current[row.id] = row
        return current

    def sync(self, records: Iterable[Record], prune: bool = True, keep_user: bool = False) -> WriteSummary:
        """Make the case hold these records: create, update and delete in bulk. Without ``prune``, a
        record missing from ``records`` is not deleted but listed in ``refused_deletions``; with
        ``keep_user``, records written by a user's command rather than a load are kept when missing
        and not overwritten when changed since the last load (``refused_overwrites``). The caller
        decides what a refusal means (``Store.load`` writes nothing)."""
        current = {
            row.id: row
            for row in self.conn.execute(
                select(R.c.pk, R.c.id, R.c.kind, R.c.version, R.c.data, R.c.tx_from, TX.c.operation)
                .join(TX, TX.c.id == R.c.tx_from)
                .where(R.c.case_id == self.case_id, R.c.known_to.is_(None))
            )
        }
        last_load = self.conn.execute(
            select(func.max(TX.c.id)).where(TX.c.case_id == self.case_id, TX.c.operation == LOAD_OPERATION,
                                            TX.c.id != self.tx_id)
        ).scalar() or 0
        s = self.summary
        case_id, tx_id, at = self.case_id, self.tx_id, self._stamp
        later: list[tuple[Any, ...]] = []  # new versions of current records: appended after the close
        closes: list[int] = []
        seen: set[str] = set()
        created, updated = s.created, s.updated
        unchanged = 0
        # records new to the case cannot collide with a close: they stream in as they are encoded
        # (on PostgreSQL the server indexes them while we encode the rest)
        with self._appending() as append:
            for rec in records:
                rid = rec.id
                seen.add(rid)
                data = encode(rec)
                cur = current.get(rid)
                if cur is None:
                    append((case_id, rec.record_kind, rid, rec.parent, 1, "create", data, tx_id, at))
                    created.append(rid)
                    s.kinds[rid] = rec.record_kind
                elif cur.data == data:
                    unchanged += 1
                elif keep_user and cur.data is not None and cur.operation != LOAD_OPERATION and cur.tx_from > last_load:
                    s.refused_overwrites.append(rid)
                    s.kinds[rid], s.written_by[rid] = cur.kind, cur.operation
                else:
                    closes.append(cur.pk)
                    live = cur.data is not None
                    later.append((case_id, rec.record_kind, rid, rec.parent, cur.version + 1,
                                  "update" if live else "create", data, tx_id, at))
                    (updated if live else created).append(rid)
                    s.kinds[rid] = rec.record_kind
        s.unchanged += unchanged
        for rid, cur in current.items():
            if rid in seen or cur.data is None:
                continue
            s.kinds[rid] = cur.kind
            if keep_user and cur.operation != LOAD_OPERATION:
                s.kept.append(rid)
                s.written_by[rid] = cur.operation
            elif not prune:
                s.refused_deletions.append(rid)
            else:
                closes.append(cur.pk)
                later.append((case_id, cur.kind, rid, None, cur.version + 1, "delete", None, tx_id, at))
                s.deleted.append(rid)
        del seen
        self.kept_data = {rid: (current[rid].kind, current[rid].data) for rid in s.kept}
        del current
        if s.refused:
            return s  # nothing more to write: the caller rolls the transaction back
        self._close(closes)
        self._insert(later)
        return s

    # ------------------------------------------------------------------------------ internals

    def _close(self, pks: list[int]) -> None:
        """Close the current versions with these keys; fail if another writer closed one first."""
        if not pks:
            return
        conn, dialect, bulk = self.conn, self.conn.dialect, self._bulk
        if bulk:
            table, known_to, tx_to, pk = _quoted(dialect, R, "known_to", "tx_to", "pk")
            at = _bind(dialect, R.c.known_to, self.at)
            closed = 0
            if bulk == "psycopg":
                sql = f"UPDATE {table} SET {tx_to} = %s, {known_to} = %s WHERE {pk} = ANY(%s) AND {known_to} IS NULL"
                for i in range(0, len(pks), _CHUNK):
                    closed += conn.exec_driver_sql(sql, (self.tx_id, at, pks[i : i + _CHUNK])).rowcount
            else:
                sql = f"UPDATE {table} SET {tx_to} = ?, {known_to} = ? WHERE {pk} = ? AND {known_to} IS NULL"
                for i in range(0, len(pks), _CHUNK):
                    closed += conn.exec_driver_sql(sql, [(self.tx_id, at, k) for k in pks[i : i + _CHUNK]]).rowcount
        else:
            stmt = (
                update(R)
                .where(R.c.pk == bindparam("b_pk"), R.c.known_to.is_(None))
                .values(tx_to=self.tx_id, known_to=self.at)
            )
            closed = self.conn.execute(stmt, [{"b_pk": pk} for pk in pks]).rowcount
        if closed != len(pks):
            raise StaleWrite("another writer changed these records at the same time; nothing was written; retry")

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        """Append versions (tuples in _INSERT_COLUMNS order). On SQLite the list goes to the driver's
        executemany as it is, in chunks: no call per row in Python."""
        if rows and self._bulk == "sqlite":
            table, *cols = _quoted(self.conn.dialect, R, *_INSERT_COLUMNS)
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            for i in range(0, len(rows), _CHUNK):
                self.conn.exec_driver_sql(sql, rows[i : i + _CHUNK])
        elif rows:
            with self._appending() as append:
                for row in rows:
                    append(row)

    @contextmanager
    def _appending(self) -> Iterator[Callable[[tuple[Any, ...]], None]]:
        """A function that appends one version (a tuple in _INSERT_COLUMNS order); all are written
        when the block ends. COPY on PostgreSQL (psycopg), an executemany of plain tuples per chunk on
        SQLite: no per-row work in SQLAlchemy. Core executemany elsewhere."""
        conn, dialect, bulk = self.conn, self.conn.dialect, self._bulk
        if bulk == "psycopg":
            with _copying(conn) as write_row:
                yield write_row
            return
        if bulk == "sqlite":
            table, *cols = _quoted(dialect, R, *_INSERT_COLUMNS)
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"

            def flush(chunk: list[tuple[Any, ...]]) -> None:
                conn.exec_driver_sql(sql, chunk)
        else:

            def flush(chunk: list[tuple[Any, ...]]) -> None:
                conn.execute(R.insert(), [dict(zip(_INSERT_COLUMNS, r)) for r in chunk])

        buffer: list[tuple[Any, ...]] = []

        def append(row: tuple[Any, ...]) -> None:
            buffer.append(row)
            if len(buffer) >= _CHUNK:
                flush(buffer[:])
                buffer.clear()

        yield append
        if buffer:
            flush(buffer)


#: columns a new version is written with; tx_to and known_to start NULL
_INSERT_COLUMNS = ("case_id", "kind", "id", "parent", "version", "op", "data", "tx_from", "known_from")
_CHUNK = 50_000


def _bulk(dialect: Any) -> str | None:
    """Which hand-written bulk path serves this driver, if any."""
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        return "psycopg"
    if dialect.name == "sqlite" and dialect.driver == "pysqlite" and dialect.paramstyle == "qmark":
        return "sqlite"
    return None


def _quoted(dialect: Any, table: Any, *columns: str) -> list[str]:
    prep = dialect.identifier_preparer
    return [prep.format_table(table), *(prep.quote(c) for c in columns)]


def _bind(dialect: Any, column: Any, value: Any) -> Any:
    """A value as the driver is to receive it for this column (what SQLAlchemy would send)."""
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(value) if process is not None else value


@contextmanager
def _copying(conn: Connection) -> Iterator[Callable[[tuple[Any, ...]], None]]:
    """COPY rows into the record table (psycopg 3), in the connection's transaction; errors come out
    as SQLAlchemy's, as from any other statement."""
    table, *cols = _quoted(conn.dialect, R, *_INSERT_COLUMNS)
    sql = f"COPY {table} ({', '.join(cols)}) FROM STDIN"
    raw = conn.connection.driver_connection
    dbapi = conn.dialect.loaded_dbapi
    try:
        with raw.cursor() as cur, cur.copy(sql) as copy:
            yield copy.write_row
    except dbapi.Error as e:
        raise DBAPIError.instance(sql, None, e, dbapi.Error, dialect=conn.dialect) from e


class Store:
    """The record's persistence. Open with ``Store.open(path_or_url)``; schema is migrated on open."""

    def __init__(self, engine: Engine, api_user: str | None = None):
        self.engine = engine
        #: the authenticated API user its transactions are recorded as made by (see ``acting``)
        self.api_user = api_user

    def acting(self, api_user: str) -> Store:
        """This store (same engine, same connections), its writes audited as made by an API user."""
        return Store(self.engine, api_user)

    # ------------------------------------------------------------------------------ opening

    @classmethod
    def open(cls, target: str | Path, connections: int | None = None) -> Store:
        """``connections``: how many the engine keeps open for threads reading at once (a server's),
        so that none is opened and closed per request; by default SQLAlchemy's pool."""
        url = _to_url(str(target))
        kwargs: dict[str, Any] = {} if connections is None else {"pool_size": connections, "max_overflow": 0}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
            _create_private(url)
        try:
            engine = create_engine(url, **kwargs)
        except (ArgumentError, ModuleNotFoundError) as e:
            raise AccordError(f"--db {target}: not a usable database URL ({e})") from None
        if engine.dialect.name == "sqlite":
            _sqlite_setup(engine)
        store = cls(engine)
        try:
            store.migrate()
        except OperationalError as e:
            raise AccordError(f"--db {target}: cannot open the store ({' '.join(str(e.orig).split())})") from None
        return store

    def migrate(self) -> None:
        # a store already at the head is the common case: say so without importing Alembic (a third of
        # a read command's start-up)
        head = _head_revision()
        if head is not None:
            with self.engine.connect() as conn:
                if _current_revision(conn) == head:
                    return
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        with self._write() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def one_statement(self) -> Engine:
        """The engine (the same connections) for reads of a single statement, which is consistent by
        itself: run with no transaction around it, so no BEGIN and no ROLLBACK (two round trips on
        PostgreSQL). On SQLite, whose driver is left in autocommit, by not sending our BEGIN; on
        PostgreSQL by psycopg's autocommit (on SQLite that costs a PRAGMA per use: measured slower)."""
        if self.engine.dialect.name == "sqlite":
            return self.engine.execution_options(accord_one_statement=True)
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(accord_write=True) as conn:
            with conn.begin():
                yield conn

    # ------------------------------------------------------------------------------ writing

    @contextmanager
    def unit_of_work(
        self,
        case_id: str,
        by: str,
        operation: str = "edit",
        cite: Iterable[Citation] | None = None,
        note: str | None = None,
    ) -> Iterator[UnitOfWork]:
        """One audited transaction. Everything inside commits together or not at all."""
        at = now_utc()
        cites = [c.model_dump(exclude_none=True) for c in cite] if cite else None
        try:
            with self._write() as conn:
                if conn.dialect.name == "postgresql":
                    # one writer per case at a time, as SQLite's BEGIN IMMEDIATE gives: a writer's version
                    # check then sees every write committed before its own (and names the version it found)
                    conn.execute(select(func.pg_advisory_xact_lock(_lock_key(case_id))))
                last = conn.execute(select(func.max(TX.c.at))).scalar()
                if last is not None and last >= at:
                    # transaction times must increase, or "as known on" would be ambiguous
                    at = last + dt.timedelta(microseconds=1)
                tx_id = conn.execute(
                    TX.insert().values(case_id=case_id, at=at, by=by, operation=operation, cite=cites, note=note,
                                       os_user=os_user(), api_user=self.api_user)
                ).inserted_primary_key[0]
                yield UnitOfWork(conn, case_id, tx_id, at)
        except IntegrityError:
            raise StaleWrite(
                f"case {case_id!r}: another writer changed the same records at the same time; nothing was written; retry"
            ) from None

    def load(self, case_id: str, records: list[Record], by: str, source: str, *, prune: bool = False,
             keep_user: bool = True, dry_run: bool = False) -> WriteSummary:
        """Write a bundle's records as the case, in one transaction. Records the bundle no longer holds
        are deleted only with ``prune`` (else ReloadRefused, nothing written); records users entered
        outside the bundle are kept, and their changes not overwritten, unless ``keep_user`` is False.
        Kept records must still agree with the bundle (their references, scales, spans). A
        ``dry_run`` computes the same summary and writes nothing."""
        try:
            with gc_paused(), self.unit_of_work(case_id, by, operation=LOAD_OPERATION, note=f"from {source}") as uow:
                summary = uow.sync(records, prune=prune, keep_user=keep_user)
                if summary.refused:
                    raise ReloadRefused(summary)
                if summary.kept:
                    _check_kept(records, uow.kept_data, summary)
                if dry_run:
                    raise _DryRun(summary)
        except _DryRun as done:
            return done.summary
        self._analyze(len(summary.created) + len(summary.updated) + len(summary.deleted))
        return summary

    #: versions written at once past which PostgreSQL's statistics are refreshed at the end of a load
    ANALYZE_AFTER = 10_000

    def _analyze(self, written: int) -> None:
        """Refresh PostgreSQL's statistics of the record table after a bulk load: with none (a server
        without autovacuum, or before it runs) the planner reads an issue's positions or a list of ids
        through the wrong index, 100 ms per query instead of 1 ms. SQLite's plans do not need them."""
        if written < self.ANALYZE_AFTER or self.engine.dialect.name != "postgresql":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE record")
            conn.commit()

    def delete_case(self, case_id: str, by: str) -> WriteSummary:
        with self.unit_of_work(case_id, by, operation="case delete") as uow:
            return uow.sync([])

    # ------------------------------------------------------------------------------ reading

    def cases(self, as_known_on: dt.datetime | None = None) -> list[str]:
        q = select(R.c.case_id).where(R.c.kind == "case", R.c.data.is_not(None), *self._known(as_known_on))
        with self.engine.connect() as conn:
            return sorted({row[0] for row in conn.execute(q)})

    def resolve_case(self, case_id: str | None, as_known_on: dt.datetime | None = None) -> str:
        cases = self.cases(as_known_on)
        if case_id is not None:
            if case_id not in cases:
                known = ", ".join(cases) or "none; load one with `accord case load`"
                raise NotFound(f"no case {case_id!r} in the store (cases: {known})")
            return case_id
        if len(cases) == 1:
            return cases[0]
        if not cases:
            raise NotFound("the store holds no case; load one with `accord case load NAME|PATH`")
        raise AccordError(f"the store holds several cases ({', '.join(cases)}): say which with --case")

    def snapshot(self, case_id: str, as_known_on: dt.datetime | None = None,
                 kinds: Iterable[str] | None = None) -> Snapshot:
        """The case's records as known then; with ``kinds``, only records of those kinds (a reader that
        needs the actors need not decode a case's hundreds of thousands of reports)."""
        q = select(R.c.kind, R.c.data).where(
            R.c.case_id == case_id, R.c.data.is_not(None), *self._known(as_known_on)
        )
        if kinds is not None:
            q = q.where(R.c.kind.in_(list(kinds)))
        with gc_paused(), self.engine.connect() as conn:
            return Snapshot((decode(kind, data) for kind, data in conn.execute(q)), case_id=case_id)

    def records(self, case_id: str, ids: Iterable[str], as_known_on: dt.datetime | None = None) -> list[Record]:
        """Only these records, as known then (accord.store.parts): no snapshot built."""
        from accord.store import parts

        return parts.records(self.engine, case_id, ids, as_known_on)

    def children(self, case_id: str, parent: str, kind: str, as_known_on: dt.datetime | None = None) -> list[Record]:
        """The records of a kind belonging to ``parent`` (an issue's positions), as known then."""
        from accord.store import parts

        return parts.children(self.engine, case_id, parent, kind, as_known_on)

    def latest_positions(self, case_id: str, issue: str, on: dt.date | None = None,
                         as_known_on: dt.datetime | None = None) -> list[Record]:
        """Each actor's latest position on an issue dated on or before ``on``, as known then."""
        from accord.store import parts

        return parts.latest_positions(self.engine, case_id, issue, on, as_known_on)

    def read_for_write(self, case_id: str) -> tuple[Snapshot, dict[str, int]]:
        """The case now and the version of each record, read in one statement (so they agree): a
        writer builds its change from the snapshot and writes it only if its record is still at the
        version it read (see ``accord.store.writes``)."""
        q = select(R.c.kind, R.c.data, R.c.id, R.c.version).where(
            R.c.case_id == case_id, R.c.data.is_not(None), R.c.known_to.is_(None)
        )
        versions: dict[str, int] = {}
        with gc_paused(), self.engine.connect() as conn:
            rows = conn.execute(q).all()
        for row in rows:
            versions[row.id] = row.version
        return Snapshot((decode(kind, data) for kind, data, _, _ in rows), case_id=case_id), versions

    def get(self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> Record:
        rec, _ = self.get_versioned(case_id, record_id, as_known_on)
        return rec

    def get_versioned(
        self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None
    ) -> tuple[Record, int]:
        q = select(R.c.kind, R.c.data, R.c.version).where(
            R.c.case_id == case_id, R.c.id == record_id, *self._known(as_known_on)
        )
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if row is None or row.data is None:
            when = f" as known on {as_known_on.isoformat()}" if as_known_on else ""
            raise NotFound(f"no record with id {record_id!r} in case {case_id!r}{when}")
        return decode(row.kind, row.data), row.version

    def history(self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> list[AuditEntry]:
        """Every change to the record and to the records that belong to it (an issue's positions)."""
        cond = [R.c.case_id == case_id, or_(R.c.id == record_id, R.c.parent == record_id)]
        if as_known_on is not None:
            cond.append(R.c.known_from <= _utc(as_known_on))
        q = (
            select(R.c.id, R.c.kind, R.c.version, R.c.op, R.c.data, TX.c.id.label("tx"), TX.c.at, TX.c.by,
                   TX.c.operation, TX.c.cite, TX.c.note, TX.c.os_user, TX.c.api_user)
            .join(TX, TX.c.id == R.c.tx_from)
            .where(*cond)
            .order_by(TX.c.id, R.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            # a child deleted and re-created keeps its parent column only on live versions
            ids = {r.id for r in rows}
            if not rows:
                exists = conn.execute(select(R.c.pk).where(R.c.case_id == case_id, R.c.id == record_id)).first()
                if exists is None:
                    raise NotFound(f"no record with id {record_id!r} in case {case_id!r}")
        last: dict[str, dict[str, Any] | None] = {i: None for i in ids}
        out = []
        for r in rows:
            after = json.loads(r.data) if r.data is not None else None
            out.append(AuditEntry(r.tx, r.at, r.by, r.operation, r.op, r.kind, r.id, r.version, last[r.id], after,
                                  r.cite, r.note, r.os_user, r.api_user))
            last[r.id] = after
        return out

    def count_versions(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(R)).scalar_one()

    @staticmethod
    def _known(as_known_on: dt.datetime | None) -> list[Any]:
        if as_known_on is None:
            return [R.c.known_to.is_(None)]
        t = _utc(as_known_on)
        return [R.c.known_from <= t, or_(R.c.known_to.is_(None), R.c.known_to > t)]


class _DryRun(Exception):
    """Leaves a unit of work so that it rolls back, carrying what it would have done."""

    def __init__(self, summary: WriteSummary):
        self.summary = summary


def _check_kept(records: list[Record], kept: dict[str, tuple[str, str]], summary: WriteSummary) -> None:
    """Records kept from outside the bundle must still fit it: raise BundleErrors for those that do not."""
    from accord.errors import MAX_LISTED, BundleErrors
    from accord.record.bundle import record_errors

    kept_records = [decode(kind, data) for kind, data in kept.values()]
    where = {r.id: (f"(kept: entered by {summary.written_by[r.id]})", None) for r in kept_records}
    errors = [e for e in record_errors([*records, *kept_records], where) if e.id in kept]
    if errors:
        raise BundleErrors(errors[:MAX_LISTED], len(errors))


def os_user() -> str:
    """The operating-system user running this process (its uid where it has no name)."""
    import getpass
    import os

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def _create_private(url: str) -> None:
    """Create a new SQLite file readable by its owner only (0600): the record may hold unpublished
    material. SQLite gives its -wal and -shm files the same mode."""
    import os

    database = make_url(url).database
    if not database or database == ":memory:":
        return
    try:
        os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as e:
        raise AccordError(f"--db {database}: cannot create the store ({e.strerror})") from None


def _lock_key(case_id: str) -> int:
    """A case's advisory lock number (a signed 64-bit int, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(case_id.encode(), digest_size=8).digest(), "big", signed=True)


def _to_url(target: str) -> str:
    if "://" in target:
        try:
            make_url(target)
        except ArgumentError:
            raise AccordError(f"--db {target}: not a database URL") from None
        if target.startswith("postgresql://"):
            target = "postgresql+psycopg://" + target[len("postgresql://") :]
        return target
    path = Path(target).expanduser()
    if not path.parent.exists():
        raise AccordError(f"--db {target}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def _head_revision() -> str | None:
    """The one migration no other builds on, read from the files; None when any file is not plainly
    written (then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        if found is None:
            return None
        revisions.add(found.group(1))
        parents.update(m.group(1) for m in _DOWN.finditer(text))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revision(conn: Connection) -> str | None:
    try:
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:
        conn.rollback()
        return None
    return rows[0][0] if len(rows) == 1 else None


def _sqlite_setup(engine: Engine) -> None:
    """WAL for readers beside a writer; writers take the lock up front so two never deadlock."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        if not options.get("accord_one_statement"):  # see Store.one_statement
            conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("accord_write") else "BEGIN")


__all__ = ["AuditEntry", "ReloadRefused", "Store", "UnitOfWork", "WriteSummary"]
