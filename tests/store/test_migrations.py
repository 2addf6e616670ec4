"""The Alembic migrations build exactly the schema that accord.store.schema declares."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from accord.store import Store
from accord.store.schema import metadata


def test_migrated_schema_matches_the_declared_one(db_url):
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    store.close()
    assert diff == []


def test_opening_twice_migrates_once(db_url):
    Store.open(db_url).close()
    store = Store.open(db_url)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is not None
    store.close()
