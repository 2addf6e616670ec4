"""Shared fixtures: a store per test on SQLite, and on PostgreSQL when ACCORD_TEST_PG_URL is set."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
PG_URL = os.environ.get("ACCORD_TEST_PG_URL")


def _pg_schema_url(base: str):
    """A fresh PostgreSQL schema for one test, and a function that drops it."""
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-csearch_path%3D{schema}"

    def drop() -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()

    return url, drop


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL for an empty store: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "accord.db")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need ACCORD_TEST_PG_URL (set by .ci/run when a server answers)")
    url, drop = _pg_schema_url(PG_URL)
    yield url
    drop()


@pytest.fixture
def sqlite_url(tmp_path):
    return str(tmp_path / "accord.db")


@pytest.fixture(autouse=True)
def _own_forecast_cache(tmp_path_factory, monkeypatch):
    """Each test its own forecast cache (accord/forecast/cache.py): a test computes what it checks, and
    nothing is written to the user's ~/.cache. Subprocesses inherit it through the environment."""
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
