"""The ingest review queue: candidates found in documents, waiting for review.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ingest_candidate",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("document_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, comment="actor | quote | date | event | stance"),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False, comment="the kind's fields, as in `accord ingest --json`"),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("record_id", sa.String(200), nullable=True, comment="the record an accepted candidate became"),
        sa.Column("reviewed_by", sa.String(200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True, comment="UTC, naive"),
    )
    op.create_index("ix_ingest_candidate_status", "ingest_candidate", ["case_id", "status", "kind"])
    op.create_index("ix_ingest_candidate_document", "ingest_candidate", ["case_id", "document_id"])


def downgrade() -> None:
    op.drop_table("ingest_candidate")
