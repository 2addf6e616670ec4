"""The store's last transaction time by index: every write reads it (transaction times only increase),
and the (case_id, at) index cannot answer it without reading every entry — 15 ms a write at 100,000
transactions, so an ingest of one document per transaction slowed as the store grew.

Revision ID: 0005
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tx_at", "tx", ["at"])


def downgrade() -> None:
    op.drop_index("ix_tx_at", table_name="tx")
