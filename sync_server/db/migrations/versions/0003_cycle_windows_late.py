"""cycle: round windows changed by an admin, late verifications

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN with a constant default: no table rebuild on SQLite, existing rows get false.
    op.add_column(
        "verifications",
        sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("verifications", sa.Column("late_for", sa.String(length=7), nullable=True))
    op.create_table(
        "round_windows",
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("activity", sa.String(length=16), nullable=False),
        sa.Column("opens", sa.String(length=10), nullable=True),
        sa.Column("closes", sa.String(length=10), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_by"], ["users.id"], name=op.f("fk_round_windows_set_by_users")
        ),
        sa.PrimaryKeyConstraint("round", "scope", "activity", name=op.f("pk_round_windows")),
    )


def downgrade() -> None:
    op.drop_table("round_windows")
    with op.batch_alter_table("verifications") as batch_op:
        batch_op.drop_column("late_for")
        batch_op.drop_column("late")
