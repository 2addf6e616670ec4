"""Batches: the reports of a monitor import kept as one row (accord.store.batches), not one row of
``record`` each (200,000 appends into a table with five indexes were most of the import's time).
The reports that earlier imports wrote are moved into batches, one per import transaction, each
version as it was (its transaction, its version number); the rows they leave are deleted.

Revision ID: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

from accord.store.batches import ROWS, pack

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "batch",
        sa.Column("pk", key, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("tx_from", key, sa.ForeignKey("tx.id"), nullable=False),
        sa.Column("known_from", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("ids", sa.Text(), nullable=False, comment="the members' ids, a JSON array"),
        sa.Column("versions", sa.Text(), nullable=True, comment="the members' versions, a JSON array; NULL: all 1"),
        sa.Column("data", sa.Text(), nullable=False, comment="the members' JSON as a format string and its columns"),
    )
    op.create_index("ix_batch_case", "batch", ["case_id", "kind", "known_from"])
    _move_imported_reports(op.get_bind())


def _move_imported_reports(conn: sa.Connection) -> None:
    """Each `monitor import` transaction's report versions (not deletions) into one batch. A moved
    version that was closed stays closed: a later version of its id exists, which is what closes a
    member (accord.store.batches)."""
    rows = conn.execute(sa.text(
        "SELECT r.pk, r.case_id, r.id, r.version, r.data, r.tx_from, r.known_from FROM record r"
        " JOIN tx t ON t.id = r.tx_from WHERE t.operation = 'monitor import' AND r.kind = 'report'"
        " AND r.data IS NOT NULL AND r.parent IS NULL ORDER BY r.tx_from, r.pk")).all()
    groups: dict[tuple[str, int], list] = {}
    for row in rows:
        groups.setdefault((row.case_id, row.tx_from), []).append(row)
    batch = sa.table("batch", *(sa.column(c) for c in ("case_id", "kind", "tx_from", "known_from", "rows", "ids",
                                                        "versions", "data")))
    for (case_id, tx_from), group in groups.items():
        for i in range(0, len(group), ROWS):
            members = group[i : i + ROWS]
            versions = [m.version for m in members]
            conn.execute(batch.insert().values(
                case_id=case_id, kind="report", tx_from=tx_from, known_from=members[0].known_from, rows=len(members),
                ids=json.dumps([m.id for m in members], ensure_ascii=False),
                versions=None if set(versions) == {1} else json.dumps(versions),
                data=pack("%s", [[m.data for m in members]])))
    # the rows moved, in one statement (not one per chunk of keys: minutes for 200,000 rows)
    conn.execute(sa.text(
        "DELETE FROM record WHERE kind = 'report' AND data IS NOT NULL AND parent IS NULL"
        " AND tx_from IN (SELECT id FROM tx WHERE operation = 'monitor import')"))


def downgrade() -> None:
    if op.get_bind().execute(sa.text("SELECT count(*) FROM batch")).scalar():
        raise RuntimeError("the store holds batches of reports: downgrading below 0006 would lose them")
    op.drop_index("ix_batch_case", table_name="batch")
    op.drop_table("batch")
