"""Users of the API, and who a transaction was made by beyond the declared name: the operating-system
user of the process and the authenticated API user.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Key = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "api_user",
        sa.Column("id", Key, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False, comment="viewer | analyst | editor | admin"),
        sa.Column("token_hash", sa.String(64), nullable=False, comment="sha256 of the token, hex"),
        sa.Column("created_at", sa.DateTime(), nullable=False, comment="UTC, naive"),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ux_api_user_name", "api_user", ["name"], unique=True)
    op.create_index("ux_api_user_token", "api_user", ["token_hash"], unique=True)
    with op.batch_alter_table("tx") as batch:
        batch.add_column(sa.Column("os_user", sa.String(200), nullable=True, comment="the process's OS user"))
        batch.add_column(sa.Column("api_user", sa.String(200), nullable=True, comment="the authenticated API user"))


def downgrade() -> None:
    with op.batch_alter_table("tx") as batch:
        batch.drop_column("api_user")
        batch.drop_column("os_user")
    op.drop_table("api_user")
