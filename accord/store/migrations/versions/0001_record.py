"""The record: versioned records and the transactions that wrote them.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "tx",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False, comment="UTC, naive"),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("operation", sa.String(100), nullable=False),
        sa.Column("cite", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
    )
    op.create_table(
        "record",
        sa.Column("pk", Key, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("parent", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(10), nullable=False, comment="create | update | delete"),
        sa.Column("data", sa.Text(), nullable=True, comment="the record as JSON; NULL for a deletion"),
        sa.Column("tx_from", Key, sa.ForeignKey("tx.id"), nullable=False),
        sa.Column("known_from", sa.DateTime(), nullable=False),
        sa.Column("tx_to", Key, sa.ForeignKey("tx.id"), nullable=True),
        sa.Column("known_to", sa.DateTime(), nullable=True),
    )
    op.create_index(
        "ux_record_current", "record", ["case_id", "id"], unique=True,
        sqlite_where=sa.text("known_to IS NULL"), postgresql_where=sa.text("known_to IS NULL"),
    )
    op.create_index("ux_record_version", "record", ["case_id", "id", "version"], unique=True)
    op.create_index("ix_record_kind", "record", ["case_id", "kind", "known_from"])
    op.create_index("ix_record_parent", "record", ["case_id", "parent"])
    op.create_index("ix_tx_case", "tx", ["case_id", "at"])


def downgrade() -> None:
    op.drop_table("record")
    op.drop_table("tx")
