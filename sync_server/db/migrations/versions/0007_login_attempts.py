"""login throttling in the database: attempts per username and address

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 11:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.Float(), nullable=False),
        sa.Column("last_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("username", "address", name=op.f("pk_login_attempts")),
    )
    op.create_index(op.f("ix_login_attempts_last_at"), "login_attempts", ["last_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_login_attempts_last_at"), table_name="login_attempts")
    op.drop_table("login_attempts")
