"""The unit of work: one audited write transaction (SQLAlchemy Core; see ``Store.unit_of_work``).

Kept apart from store.py so that reading the record imports neither SQLAlchemy nor the record model's
writers (docs/python-api.md, "How the store reads")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update
from sqlalchemy.exc import DBAPIError

from accord.errors import AccordError, NotFound, StaleWrite
from accord.record.model import Record
from accord.store.schema import record as R
from accord.store.schema import tx as TX
from accord.store import batches
from accord.store.schema import batch as B
from accord.store.store import LOAD_OPERATION, WriteSummary, _pyformat, _same, encode


@dataclass
class _Current:
    """A record's current version: a row of ``record`` (its pk), or a batch's member (pk None)."""

    pk: int | None
    id: str
    version: int
    data: str | None
    kind: str = ""
    tx_from: int = 0
    operation: str = ""

class UnitOfWork:
    """One transaction: every put or delete appends a version stamped with this transaction."""

    def __init__(self, conn: Connection, case_id: str, tx_id: int, at: dt.datetime):
        self.conn, self.case_id, self.tx_id, self.at = conn, case_id, tx_id, at
        self.summary = WriteSummary()
        #: after a ``sync`` keeping user records: their (kind, data) by id
        self.kept_data: dict[str, tuple[str, str]] = {}
        self._bulk = _bulk(conn.dialect)
        #: versions ``_insert`` appended to ``record`` (a batch writes none: see ``add_batch``)
        self.appended = 0
        # rows carry the time as the bulk path hands it to the driver (SQLite: SQLAlchemy's text form)
        self._stamp = _bind(conn.dialect, R.c.known_from, at) if self._bulk == "sqlite" else at

    def _read(self, sql: str, params: dict[str, Any]) -> list[Any]:
        """Plain SQL with ``:name`` parameters on this transaction's connection (accord.store.batches)."""
        convert = _pyformat if self.conn.dialect.name == "postgresql" else _same
        return self.conn.exec_driver_sql(convert(sql), params).all()

    def _current(self, record_id: str) -> Any:
        row = self.conn.execute(
            select(R.c.pk, R.c.version, R.c.data, R.c.kind).where(
                R.c.case_id == self.case_id, R.c.id == record_id, R.c.known_to.is_(None)
            )
        ).first()
        if row is not None:
            return _Current(row.pk, record_id, row.version, row.data, row.kind)
        return self._members([record_id]).get(record_id)

    def _members(self, ids: list[str] | None = None, kinds: Iterable[str] | None = None) -> dict[str, _Current]:
        """The current versions that are batches' members (of these ids; all if None)."""
        latest = batches.latest(self._read, self.case_id, kinds=kinds, ids=ids)
        if not latest:
            return {}
        return {m.id: _Current(None, m.id, m.version, data, m.kind, m.tx_from)
                for m, data in batches.texts(self._read, latest.values())}

    def version_of(self, record_id: str) -> int | None:
        cur = self._current(record_id)
        return cur.version if cur is not None and cur.data is not None else None

    def put(self, rec: Record, expected_version: int | None = None) -> int:
        """Create or update a record; with expected_version, fail if it changed since it was read."""
        return self._put(rec.record_kind, rec.id, rec.parent, encode(rec), expected_version)

    def _put(self, kind: str, rid: str, parent: str | None, data: str, expected_version: int | None = None) -> int:
        cur = self._current(rid)
        live = cur is not None and cur.data is not None
        _same_kind(rid, cur, kind)
        if expected_version is not None and (cur.version if live else 0) != expected_version:
            raise StaleWrite(
                f"{rid}: the record is at version {cur.version if live else 0}, not {expected_version}: "
                "someone changed it since you read it; read it again and retry"
            )
        if live and cur.data == data:
            self.summary.unchanged += 1
            return cur.version
        if cur is not None and cur.pk is not None:
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
        if cur.pk is not None:
            self._close([cur.pk])
        self._insert([(self.case_id, cur.kind, record_id, None, cur.version + 1, "delete", None, self.tx_id, self._stamp)])
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
            _same_kind(rid, cur, kind)
            if live and cur.data == data:
                s.unchanged += 1
                continue
            if cur.pk is not None:
                closes.append(cur.pk)
            later.append((case_id, kind, rid, parent, cur.version + 1, "update" if live else "create", data, tx_id, at))
            (s.updated if live else created).append(rid)
        self._close(closes)
        self._insert(later)
        for rid, parent, data in again:
            self._put(kind, rid, parent, data)
        return s

    def _current_of(self, ids: list[str]) -> dict[str, Any]:
        """The current versions (pk, id, version, data, kind) of those of ``ids`` the case holds: rows of
        ``record``, and batches' members where no row is current."""
        current = self._rows_of(ids)
        if len(current) < len(set(ids)):
            members = self._members([i for i in ids if i not in current])
            current.update(members)
        return current

    def _rows_of(self, ids: list[str]) -> dict[str, Any]:
        """The current rows of ``record`` (pk, id, version, data, kind) of those of ``ids`` the case holds. On SQLite,
        when the case's current records between the smallest and the largest id are few (a fresh
        import, or the same file again), one range scan of the current-version index reads them all
        (not one query per 500 ids). Not on PostgreSQL: a database's collation may order ids otherwise
        than Python does; there (psycopg) the ids go as one array, one query (400 queries of 500 were
        1-2 s of the client's CPU for 200,000 ids); when the range holds many others, 500 ids a query."""
        columns = (R.c.pk, R.c.id, R.c.version, R.c.data, R.c.kind)
        live = (R.c.case_id == self.case_id, R.c.known_to.is_(None))
        if ids and self._bulk == "psycopg":
            table, pk, rid, version, data, kind, case_id, known_to = _quoted(
                self.conn.dialect, R, "pk", "id", "version", "data", "kind", "case_id", "known_to")
            sql = (f"SELECT {pk}, {rid}, {version}, {data}, {kind} FROM {table} WHERE {case_id} = %(case_id)s"
                   f" AND {known_to} IS NULL AND {rid} = ANY(%(ids)s)")
            found = self.conn.exec_driver_sql(sql, {"case_id": self.case_id, "ids": ids})
            return {row.id: row for row in found}
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
        current: dict[str, Any] = {
            row.id: row
            for row in self.conn.execute(
                select(R.c.pk, R.c.id, R.c.kind, R.c.version, R.c.data, R.c.tx_from, TX.c.operation)
                .join(TX, TX.c.id == R.c.tx_from)
                .where(R.c.case_id == self.case_id, R.c.known_to.is_(None))
            )
        }
        members = self._members()
        if members:
            operations = dict(self.conn.execute(select(TX.c.id, TX.c.operation).where(
                TX.c.id.in_({m.tx_from for m in members.values()}))).all())
            for rid, m in members.items():
                m.operation = operations[m.tx_from]
                current[rid] = m
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
                elif _same_kind(rid, cur, rec.record_kind) or cur.data == data:
                    unchanged += 1
                elif keep_user and cur.data is not None and cur.operation != LOAD_OPERATION and cur.tx_from > last_load:
                    s.refused_overwrites.append(rid)
                    s.kinds[rid], s.written_by[rid] = cur.kind, cur.operation
                else:
                    if cur.pk is not None:
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
                if cur.pk is not None:
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

    def add_batch(self, kind: str, ids: list[str], template: str, columns: list[list[Any]]) -> WriteSummary:
        """``add_encoded`` for records of one kind, none with a parent, given as a format string and its
        columns (row k's JSON is ``template % (the columns' k-th cells)``, as ``encode`` gives it): the
        new and changed ones written as one batch (accord.store.batches), a row of ``record`` they
        supersede closed, unchanged ones counted. An id given twice goes the way of ``add_encoded``."""
        if len(set(ids)) < len(ids):
            rows = list(map(template.__mod__, zip(*columns)))
            return self.add_encoded(kind, [(rid, None, data) for rid, data in zip(ids, rows)])
        s = self.summary
        current = self._current_of(ids)
        versions: list[int] | None = None
        if current:
            keep, versions, closes = [], [], []
            texts = map(template.__mod__, zip(*columns))
            for k, (rid, data) in enumerate(zip(ids, texts)):
                cur = current.get(rid)
                if cur is None:
                    keep.append(k)
                    versions.append(1)
                    s.created.append(rid)
                    continue
                live = cur.data is not None
                _same_kind(rid, cur, kind)
                if live and cur.data == data:
                    s.unchanged += 1
                    continue
                keep.append(k)
                versions.append(cur.version + 1)
                (s.updated if live else s.created).append(rid)
                if cur.pk is not None:
                    closes.append(cur.pk)
            self._close(closes)
            if len(keep) < len(ids):
                ids = [ids[k] for k in keep]
                columns = [[col[k] for k in keep] for col in columns]
            if set(versions) == {1}:
                versions = None
        else:
            s.created.extend(ids)
        # rows of a few thousand members: a read of one record unpacks its row, not the whole import
        step = batches.ROWS
        for i in range(0, len(ids), step):
            part = versions[i : i + step] if versions is not None else None
            self.conn.execute(B.insert().values(
                case_id=self.case_id, kind=kind, tx_from=self.tx_id, known_from=self.at, rows=len(ids[i : i + step]),
                ids=json.dumps(ids[i : i + step], ensure_ascii=False),
                versions=None if part is None or set(part) == {1} else json.dumps(part),
                data=batches.pack(template, [col[i : i + step] for col in columns])))
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
        self.appended += len(rows)
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


def _same_kind(rid: str, cur: Any, kind: str) -> bool:
    """Refuses a write that would give a live record's id to a record of another kind (ids are unique
    within a case; the reads of one kind would otherwise still see the old record). Returns False so
    that it can stand first in a condition."""
    if cur is not None and cur.data is not None and cur.kind != kind:
        raise AccordError(f"{rid}: the case holds a record of kind {cur.kind} with this id; one of kind {kind} "
                          "cannot take it (ids are unique within a case: delete the other first)")
    return False
