"""Views kept while the record they were built from is unchanged: per process, bounded (least recently
used first out).

A view is a pure function of (case, its arguments, as_known_on, the store's state). The store's state
is named by the case's last transaction time, read on every use with one query on the (case, time)
index of the transaction table: a write to the case, from this process or any other, moves it, so a
kept view is never served stale and nothing has to be told to forget. Transaction times of one case
increase in commit order (its writers take turns, see ``Store.unit_of_work``), so a later commit never
hides behind an earlier one's time.

The case list (which ``case=None`` resolves against) is keyed on the last transaction of any case.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, func, select

from accord.record.snapshot import Snapshot
from accord.store.schema import tx as TX

# built once: making a statement costs more than running it (about 110 of 180 µs on SQLite)
CASE_VERSION = select(func.max(TX.c.at)).where(TX.c.case_id == bindparam("case"))
STORE_VERSION = select(func.max(TX.c.id))


class Lru:
    def __init__(self, size: int):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def peek(self, key: Any) -> Any:
        """The value kept under ``key``, or None."""
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def get(self, key: Any, build: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = build()  # outside the lock: two readers may build the same thing once each, never wait
        self.put(key, value)
        return value

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def __len__(self) -> int:
        return len(self.items)


class Views:
    """The views of one store that this process has built, each under the version it was built at."""

    def __init__(self, store: Any, size: int = 64, snapshots: int = 8):
        self.store = store
        self._snapshots = Lru(snapshots)
        self._views = Lru(size)

    # -------------------------------------------------------------------------- versions

    def version(self, case_id: str) -> str:
        """The case's last transaction time ("" if it has none): what every kept view of it is keyed on."""
        with self.store.engine.connect() as conn:
            at = conn.execute(CASE_VERSION, {"case": case_id}).scalar()
        return at.isoformat() if at is not None else ""

    def store_version(self) -> int:
        """The last transaction of any case: what the case list is keyed on."""
        with self.store.engine.connect() as conn:
            return conn.execute(STORE_VERSION).scalar() or 0

    def resolve(self, case: str | None, as_known_on: dt.datetime | None = None) -> tuple[str, str]:
        """The case named (checked to exist), or the only one, and its version: one query when named."""
        if case is None:
            case = self._views.get(("case", None, as_known_on, self.store_version()),
                                   lambda: self.store.resolve_case(None, as_known_on))
            return case, self.version(case)
        version = self.version(case)
        return self._views.get(("case", case, as_known_on, version),
                               lambda: self.store.resolve_case(case, as_known_on)), version

    def case_id(self, case: str | None, as_known_on: dt.datetime | None = None) -> str:
        return self.resolve(case, as_known_on)[0]

    def cases(self) -> list[str]:
        return self._views.get(("cases", self.store_version()), self.store.cases)

    # -------------------------------------------------------------------------- reads
    # ``at``: the (case id, version) pair ``resolve`` gave, when the caller already has it

    def snapshot(self, case: str | None, as_known_on: dt.datetime | None = None,
                 at: tuple[str, str] | None = None) -> Snapshot:
        case_id, version = at or self.resolve(case, as_known_on)
        return self._snapshots.get((case_id, as_known_on, version), lambda: self.store.snapshot(case_id, as_known_on))

    def get(self, name: str, case: str | None, as_known_on: dt.datetime | None, args: tuple,
            build: Callable[[Snapshot], Any], at: tuple[str, str] | None = None) -> Any:
        """The view ``name`` of the case with ``args`` (all hashable): ``build(snapshot)`` once per version."""
        at = at or self.resolve(case, as_known_on)
        return self._views.get((name, *at, as_known_on, args),
                               lambda: build(self.snapshot(None, as_known_on, at)))

    def json(self, name: str, case: str | None, as_known_on: dt.datetime | None, args: tuple,
             build: Callable[[Snapshot], Any], at: tuple[str, str] | None = None) -> tuple[bytes, str]:
        """The same view, kept serialised with its ETag (a hash of the bytes, so the same in every process
        and changed by any change of the answer): a popular read costs a lookup, not an encoding."""
        at = at or self.resolve(case, as_known_on)

        def encode() -> tuple[bytes, str]:
            body = json.dumps(self.get(name, None, as_known_on, args, build, at), ensure_ascii=False,
                              allow_nan=False).encode()
            return body, etag(body)

        return self._views.get((name + ".json", *at, as_known_on, args), encode)

    def kept_json(self, name: str, as_known_on: dt.datetime | None, args: tuple, at: tuple[str, str]) -> tuple[bytes, str] | None:
        """What ``json`` gives if it is kept at this version (costs no query), else None."""
        return self._views.peek((name + ".json", *at, as_known_on, args))


def etag(body: bytes) -> str:
    """A strong validator of a response body."""
    import hashlib

    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
