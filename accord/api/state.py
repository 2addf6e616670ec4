"""What a server process holds: its store and the views it has built from it (accord.views.cache)."""

from __future__ import annotations

from accord.store import Store
from accord.views.cache import Views


class State:
    def __init__(self, db: str, public_read: bool = False):
        self.db = db
        self.store = Store.open(db)
        self.public_read = public_read
        self.views = Views(self.store)

    def close(self) -> None:
        self.store.close()
