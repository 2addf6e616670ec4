"""Narrow as-of reads: the versions of one kind belonging to one parent (an issue's positions), in
transaction-time order, found by index rather than by reading the case. The new index starts with the
old (case_id, parent) one, which it replaces.

Revision ID: 0004
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_record_parent_kind", "record", ["case_id", "parent", "kind", "known_from"])
    op.drop_index("ix_record_parent", table_name="record")


def downgrade() -> None:
    op.create_index("ix_record_parent", "record", ["case_id", "parent"])
    op.drop_index("ix_record_parent_kind", table_name="record")
