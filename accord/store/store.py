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

from typing import TYPE_CHECKING

from accord.gcpause import gc_paused
from accord.errors import AccordError, NotFound, StaleWrite
from accord.store import batches

if TYPE_CHECKING:  # imported where used: reading the record needs neither SQLAlchemy nor every record class
    from sqlalchemy import Connection, Engine

    from accord.record.model import Citation, Record
    from accord.record.snapshot import Snapshot
    from accord.store.unit import UnitOfWork

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
    from accord.record.model import record_class

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


class Store:
    """The record's persistence. Open with ``Store.open(path_or_url)``; schema is migrated on open.

    Reads are plain SQL (the statements below, the same on SQLite and PostgreSQL) run on the driver's
    own connection: a store opened by ``open`` for a command reads through a connection of sqlite3 or
    psycopg made for it and imports SQLAlchemy only when it writes (its engine is made on first use);
    a store given an engine (a server's pool) reads through that engine's connections. Either way the
    rows come from the driver, unconverted (docs/python-api.md, "How the store reads")."""

    def __init__(self, engine: Engine | None = None, api_user: str | None = None, *,
                 _target: str | None = None, _direct: Any = None, _dialect: str | None = None):
        self._engine = engine
        #: how to make the engine when a write first needs it (a store opened by ``open`` for reading)
        self._target = _target
        #: the driver's connection reads go through, in place of the engine's (see ``open``)
        self._direct = _direct
        self.dialect = _dialect or (engine.dialect.name if engine is not None else "sqlite")
        #: the authenticated API user its transactions are recorded as made by (see ``acting``)
        self.api_user = api_user

    @property
    def engine(self) -> Engine:
        """SQLAlchemy's engine for this store, made on first use by a store opened for reading."""
        if self._engine is None:
            assert self._target is not None
            self._engine = _engine(self._target, None)
        return self._engine

    def acting(self, api_user: str) -> Store:
        """This store (same engine, same connections), its writes audited as made by an API user."""
        return Store(self.engine, api_user)

    # ------------------------------------------------------------------------------ opening

    @classmethod
    def open(cls, target: str | Path, connections: int | None = None) -> Store:
        """``connections``: how many the engine keeps open for threads reading at once (a server's),
        so that none is opened and closed per request; by default SQLAlchemy's pool.

        Without ``connections``, a store that exists and is at the newest migration is opened for
        reading on a driver connection alone (no SQLAlchemy, no Alembic); anything else (a new file,
        an old schema, a URL of another driver, an error) goes the way that makes the engine, migrates
        and reports errors."""
        if connections is None:
            direct = _connect_direct(str(target))
            if direct is not None:
                return cls(None, _target=str(target), _direct=direct[1], _dialect=direct[0])
        store = cls(_engine(str(target), connections))
        try:
            store.migrate()
        except Exception as e:
            from sqlalchemy.exc import OperationalError

            if not isinstance(e, OperationalError):
                raise
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
        if self._direct is not None:
            self._direct.close()
            self._direct = None
        if self._engine is not None:
            self._engine.dispose()

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
        from sqlalchemy import func, select
        from sqlalchemy.exc import IntegrityError

        from accord.store.schema import tx as TX
        from accord.store.unit import UnitOfWork

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
        self.refresh_statistics(len(summary.created) + len(summary.updated) + len(summary.deleted))
        return summary

    #: versions written at once past which PostgreSQL's statistics are refreshed at the end of a load
    ANALYZE_AFTER = 10_000

    def refresh_statistics(self, written: int) -> None:
        """Refresh PostgreSQL's statistics of the record table after a bulk write (a load, a monitor
        import) of ``written`` versions: with none (a server without autovacuum, or before it runs) the
        planner reads an issue's positions or a list of ids through the wrong index, 100 ms per query
        instead of 1 ms (a re-import of 200,000 ACLED rows: minutes of the server's CPU in its 400 id
        lookups). SQLite's plans do not need them."""
        if written < self.ANALYZE_AFTER or self.engine.dialect.name != "postgresql":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE record")
            conn.commit()

    def delete_case(self, case_id: str, by: str) -> WriteSummary:
        with self.unit_of_work(case_id, by, operation="case delete") as uow:
            return uow.sync([])

    # ------------------------------------------------------------------------------ reading

    @contextmanager
    def reading(self) -> Iterator[Callable[[str, dict[str, Any]], list[Any]]]:
        """A function running one read statement (SQL with ``:name`` parameters, as in this module)
        and returning its rows as the driver gives them; the statements of one block share a
        connection."""
        convert = _pyformat if self.dialect == "postgresql" else _same
        if self._direct is not None:
            cur = self._direct.cursor()
            try:
                yield lambda sql, params: cur.execute(convert(sql), params).fetchall()
            finally:
                cur.close()
            return
        with self.engine.connect() as conn:
            yield lambda sql, params: conn.exec_driver_sql(convert(sql), params).all()

    def _time(self, ts: dt.datetime) -> Any:
        """A transaction time as the tables hold it: naive UTC; on SQLite in SQLAlchemy's text form."""
        ts = _utc(ts)
        if self.dialect == "sqlite":
            return (f"{ts.year:04d}-{ts.month:02d}-{ts.day:02d} {ts.hour:02d}:{ts.minute:02d}:{ts.second:02d}"
                    f".{ts.microsecond:06d}")
        return ts

    def known(self, as_known_on: dt.datetime | None, params: dict[str, Any], table: str = "") -> str:
        """The condition selecting the versions known at ``as_known_on`` (the current ones if None);
        its parameter goes into ``params``."""
        if as_known_on is None:
            return f"{table}known_to IS NULL"
        params["known_at"] = self._time(as_known_on)
        return f"{table}known_from <= :known_at AND ({table}known_to IS NULL OR {table}known_to > :known_at)"

    def cases(self, as_known_on: dt.datetime | None = None) -> list[str]:
        params: dict[str, Any] = {}
        sql = (f"SELECT DISTINCT case_id FROM record WHERE kind = 'case' AND data IS NOT NULL"
               f" AND {self.known(as_known_on, params)}")
        with self.reading() as rows:
            return sorted(row[0] for row in rows(sql, params))

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
                 kinds: Iterable[str] | None = None, plain: bool = False) -> Snapshot:
        """The case's records as known then; with ``kinds``, only records of those kinds (a reader that
        needs the actors need not decode a case's hundreds of thousands of reports). ``plain``: as plain
        records (accord.record.plain), read without pydantic, for a reader that only reads them."""
        from accord.record.snapshot import Snapshot

        if plain:
            from accord.record.plain import decode as read
        else:
            read = decode

        params: dict[str, Any] = {"case_id": case_id}
        sql = f"SELECT kind, data FROM record WHERE case_id = :case_id AND data IS NOT NULL AND {self.known(as_known_on, params)}"
        if kinds is not None:
            sql += f" AND kind IN ({in_list(params, 'kind', list(kinds))})"
        with gc_paused(), self.reading() as rows:
            found = rows(sql, params)
            members = [(m.kind, data) for m, data in self._members(rows, case_id, as_known_on, kinds=kinds)]
            return Snapshot((read(kind, data) for kind, data in [*found, *members]), case_id=case_id)

    def _members(self, read: Callable[[str, dict[str, Any]], list[Any]], case_id: str,
                 as_known_on: dt.datetime | None, kinds: Iterable[str] | None = None,
                 ids: Iterable[str] | None = None) -> list[tuple[batches.Member, str]]:
        """The batches' members known then (accord.store.batches), each with its JSON: the versions rows
        of ``record`` would be."""
        known_at = None if as_known_on is None else self._time(as_known_on)
        return batches.texts(read, batches.latest(read, case_id, known_at, kinds, ids).values())

    def records(self, case_id: str, ids: Iterable[str], as_known_on: dt.datetime | None = None) -> list[Record]:
        """Only these records, as known then (accord.store.parts): no snapshot built."""
        from accord.store import parts

        return parts.records(self, case_id, ids, as_known_on)

    def children(self, case_id: str, parent: str, kind: str, as_known_on: dt.datetime | None = None) -> list[Record]:
        """The records of a kind belonging to ``parent`` (an issue's positions), as known then."""
        from accord.store import parts

        return parts.children(self, case_id, parent, kind, as_known_on)

    def read_for_write(self, case_id: str) -> tuple[Snapshot, dict[str, int]]:
        """The case now and the version of each record, read in one statement (so they agree): a
        writer builds its change from the snapshot and writes it only if its record is still at the
        version it read (see ``accord.store.writes``)."""
        from accord.record.snapshot import Snapshot

        sql = "SELECT kind, data, id, version FROM record WHERE case_id = :case_id AND data IS NOT NULL AND known_to IS NULL"
        versions: dict[str, int] = {}
        with gc_paused(), self.reading() as read:
            rows = read(sql, {"case_id": case_id})
            rows += [(m.kind, data, m.id, m.version) for m, data in self._members(read, case_id, None)]
        for row in rows:
            versions[row[2]] = row[3]
        return Snapshot((decode(kind, data) for kind, data, _, _ in rows), case_id=case_id), versions

    def get(self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> Record:
        rec, _ = self.get_versioned(case_id, record_id, as_known_on)
        return rec

    def get_versioned(
        self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None
    ) -> tuple[Record, int]:
        params: dict[str, Any] = {"case_id": case_id, "id": record_id}
        sql = f"SELECT kind, data, version FROM record WHERE case_id = :case_id AND id = :id AND {self.known(as_known_on, params)}"
        with self.reading() as read:
            found = read(sql, params)
            if not found:
                found = [(m.kind, data, m.version) for m, data in self._members(read, case_id, as_known_on, ids=[record_id])]
        if not found or found[0][1] is None:
            when = f" as known on {as_known_on.isoformat()}" if as_known_on else ""
            raise NotFound(f"no record with id {record_id!r} in case {case_id!r}{when}")
        kind, data, version = found[0]
        return decode(kind, data), version

    def history(self, case_id: str, record_id: str, as_known_on: dt.datetime | None = None) -> list[AuditEntry]:
        """Every change to the record and to the records that belong to it (an issue's positions)."""
        params: dict[str, Any] = {"case_id": case_id, "id": record_id}
        sql = ('SELECT r.id, r.kind, r.version, r.op, r.data, t.id, t."at", t."by", t.operation, t.cite, t.note,'
               ' t.os_user, t.api_user FROM record r JOIN tx t ON t.id = r.tx_from'
               " WHERE r.case_id = :case_id AND (r.id = :id OR r.parent = :id)")
        if as_known_on is not None:
            sql += " AND r.known_from <= :known_at"
            params["known_at"] = self._time(as_known_on)
        sql += " ORDER BY t.id, r.id"
        with self.reading() as read:
            rows = read(sql, params)
            members = batches.history(read, case_id, record_id, params.get("known_at"))
            if not rows and not members and not read(
                    "SELECT pk FROM record WHERE case_id = :case_id AND id = :id LIMIT 1",
                    {"case_id": case_id, "id": record_id}):
                raise NotFound(f"no record with id {record_id!r} in case {case_id!r}")
        if members:
            # a member's op is what a row would say: a create after nothing or a deletion, else an update
            rows = [(rid, kind, version, None, *rest) for rid, kind, version, *rest in members] + list(rows)
            rows.sort(key=lambda r: (r[5], r[0], r[2]))
            live: set[str] = set()
            ordered = []
            for r in rows:
                op = r[3] if r[3] is not None else ("update" if r[0] in live else "create")
                (live.add if r[4] is not None else live.discard)(r[0])
                ordered.append((r[0], r[1], r[2], op, *r[4:]))
            rows = ordered
        # a child deleted and re-created keeps its parent column only on live versions
        last: dict[str, dict[str, Any] | None] = {r[0]: None for r in rows}
        out = []
        for rid, kind, version, op, data, tx, at, by, operation, cite, note, os_user_, api_user in rows:
            after = json.loads(data) if data is not None else None
            if isinstance(at, str):  # SQLite: SQLAlchemy's text form of the time
                at = dt.datetime.fromisoformat(at)
            if isinstance(cite, str):  # SQLite keeps JSON as text; psycopg reads it
                cite = json.loads(cite)
            out.append(AuditEntry(tx, at, by, operation, op, kind, rid, version, last[rid], after,
                                  cite, note, os_user_, api_user))
            last[rid] = after
        return out

    def count_versions(self) -> int:
        with self.reading() as read:
            return read("SELECT count(*) FROM record", {})[0][0] + batches.count(read)


def in_list(params: dict[str, Any], name: str, values: list[Any]) -> str:
    """``:name0, :name1, …`` for an IN (…) list, the values put into ``params``."""
    for i, v in enumerate(values):
        params[f"{name}{i}"] = v
    return ", ".join(f":{name}{i}" for i in range(len(values))) or "NULL"


_PARAM = re.compile(r":(\w+)")


def _same(sql: str) -> str:
    return sql


def _pyformat(sql: str, _cache: dict[str, str] = {}) -> str:  # noqa: B006 (a cache, on purpose)
    """``:name`` parameters as psycopg's ``%(name)s`` (the statements here hold no other colon or %)."""
    out = _cache.get(sql)
    if out is None:
        out = _cache[sql] = _PARAM.sub(r"%(\1)s", sql)
    return out


def sqlite_path(target: str) -> Path | None:
    """The file a --db target names when it is a SQLite store (a path or a sqlite:/// URL); None for
    other URLs."""
    if "://" not in target or target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///") if "://" in target else target).expanduser()
    return None


def _connect_direct(target: str) -> tuple[str, Any] | None:
    """(dialect, a driver connection) for reading an existing store already at the newest migration,
    or None: then ``Store.open`` makes the engine, migrates if need be and reports any error."""
    head = _head_revision()
    if head is None:
        return None
    if target.startswith(("postgresql://", "postgresql+psycopg://")):
        dialect = "postgresql"
        try:
            import psycopg

            conn = psycopg.connect("postgresql://" + target.split("://", 1)[1], autocommit=True)
        except Exception:
            return None
    elif (path := sqlite_path(target)) is not None:
        dialect = "sqlite"
        if "?" in target or not path.is_file():
            return None  # a new store, or options: the engine's way
        import sqlite3

        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)  # autocommit, as the engine's
        except sqlite3.Error:
            return None
    else:
        return None
    try:
        cur = conn.cursor()
        if dialect == "sqlite":
            cur.execute("PRAGMA busy_timeout=30000")
        rows = cur.execute("SELECT version_num FROM alembic_version").fetchall()
        cur.close()
        if len(rows) == 1 and rows[0][0] == head:
            return dialect, conn
    except Exception:
        pass
    conn.close()
    return None


def _engine(target: str, connections: int | None) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import ArgumentError

    url = _to_url(target)
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
    return engine


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

    from sqlalchemy.engine import make_url

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
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

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
    from sqlalchemy.exc import DBAPIError

    try:
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:
        conn.rollback()
        return None
    return rows[0][0] if len(rows) == 1 else None


def _sqlite_setup(engine: Engine) -> None:
    """WAL for readers beside a writer; writers take the lock up front so two never deadlock."""
    from sqlalchemy import event

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


def __getattr__(name: str) -> Any:
    # the unit of work lives with SQLAlchemy in accord.store.unit; still importable from here
    if name == "UnitOfWork":
        from accord.store.unit import UnitOfWork

        return UnitOfWork
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["AuditEntry", "ReloadRefused", "Store", "UnitOfWork", "WriteSummary"]
