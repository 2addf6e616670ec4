"""What a server process holds: its store and the views it has built from it (accord.views.cache)."""

from __future__ import annotations

import functools

from accord.api import checks
from accord.store import Store
from accord.views.cache import Lru, Views

#: threads a worker runs requests in, and connections its store keeps open for them: the handlers hold
#: the GIL but for their queries, so more threads only add switching; one connection per thread means
#: none is opened per request (on PostgreSQL, workers × THREADS stays under the server's 100)
THREADS = 12


class State:
    def __init__(self, db: str, public_read: bool = False):
        self.db = db
        self.store = Store.open(db, connections=THREADS)
        self.public_read = public_read
        self.views = Views(self.store)
        #: whole responses of the overview's reads, under what they depend on (accord.api.kept)
        self.responses = Lru(256)
        #: the kept reads' check of token and markers, one query for the requests waiting together
        engine = self.store.one_statement()  # the check is one statement
        self.checks = checks.Checks(functools.partial(checks.query, engine))

    def close(self) -> None:
        self.checks.close()
        self.store.close()
