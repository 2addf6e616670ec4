"""A served store: the mini case loaded, one user of each role, the app in-process (ASGI)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from accord.record.bundle import read_bundle
from accord.store import Store, users
from tests.cli.conftest import MINI


@dataclass
class Served:
    db: str
    app: object
    tokens: dict[str, str]

    def client(self, role: str | None = None):
        from fastapi.testclient import TestClient

        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return TestClient(self.app, headers=headers)


def prepare(db: str, bundle_path=MINI) -> dict[str, str]:
    """Load a case and make one user per role (named after it); their tokens by role."""
    store = Store.open(db)
    bundle = read_bundle(bundle_path)
    store.load(bundle.id, bundle.records, "loader", source="test")
    tokens = {r: users.add(store, r, r)[1] for r in users.ROLES}
    store.close()
    return tokens


@pytest.fixture
def served(db_url):
    from accord.api.app import create_app

    tokens = prepare(db_url)
    app = create_app(db_url)
    yield Served(db_url, app, tokens)
    app.state.accord.close()
