"""What a server process holds: its store, and the snapshots and briefs it has built.

A snapshot of the record now is rebuilt only when a transaction has been written since (one indexed
``max(id)`` per request tells); one at a past moment never changes. Many readers of the same page then
cost one build, not one each.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from accord.record.snapshot import Snapshot
from accord.store import Store
from accord.store.schema import tx as TX


class _Lru:
    def __init__(self, size: int):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: Any, build: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = build()  # outside the lock: two readers may build the same thing once each, never wait
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


class State:
    def __init__(self, db: str, public_read: bool = False):
        self.db = db
        self.store = Store.open(db)
        self.public_read = public_read
        self._snapshots = _Lru(8)
        self._views = _Lru(64)

    def last_tx(self) -> int:
        with self.store.engine.connect() as conn:
            return conn.execute(select(func.max(TX.c.id))).scalar() or 0

    def _when(self, as_known_on: dt.datetime | None) -> Any:
        return as_known_on if as_known_on is not None else self.last_tx()

    def case_id(self, case: str | None, as_known_on: dt.datetime | None, when: Any = None) -> str:
        when = self._when(as_known_on) if when is None else when
        return self._views.get(("case", case, when), lambda: self.store.resolve_case(case, as_known_on))

    def snapshot(self, case: str | None, as_known_on: dt.datetime | None = None, when: Any = None) -> Snapshot:
        when = self._when(as_known_on) if when is None else when
        case_id = self.case_id(case, as_known_on, when)
        return self._snapshots.get((case_id, when), lambda: self.store.snapshot(case_id, as_known_on))

    def view(self, name: str, case: str | None, as_known_on: dt.datetime | None, args: tuple,
             build: Callable[[Snapshot], Any], when: Any = None) -> Any:
        """A view of a snapshot, kept as long as the snapshot is current (for the costly ones: the brief)."""
        when = self._when(as_known_on) if when is None else when
        return self._views.get((name, case, when, args), lambda: build(self.snapshot(case, as_known_on, when)))

    def memo(self, key: tuple, when: Any, build: Callable[[], Any]) -> Any:
        """Anything that changes only with the record: kept while no transaction is written."""
        return self._views.get((*key, when), build)

    def view_json(self, name: str, case: str, as_known_on: dt.datetime | None, args: tuple,
                  build: Callable[[Snapshot], Any]) -> bytes:
        """The same, kept serialised: a popular read costs a cache hit, not an encoding."""
        import json

        when = self._when(as_known_on)
        return self._views.get((name + ".json", case, when, args), lambda: json.dumps(
            self.view(name, case, as_known_on, args, build, when), ensure_ascii=False, allow_nan=False).encode())

    def close(self) -> None:
        self.store.close()
