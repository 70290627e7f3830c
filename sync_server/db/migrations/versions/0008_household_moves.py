"""pending moves of households across wilayah, confirmed by the receiving side

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_moves",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("from_kode", sa.String(length=10), nullable=False),
        sa.Column("to_kode", sa.String(length=10), nullable=False),
        sa.Column("base", sa.String(length=10), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("changeset_id", sa.String(length=64), nullable=True),
        sa.Column("proposed_by", sa.Integer(), nullable=False),
        sa.Column("proposed_at", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["proposed_by"], ["users.id"], name=op.f("fk_household_moves_proposed_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_household_moves_decided_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_moves")),
    )
    op.create_index("ix_household_moves_household", "household_moves", ["household_id", "state"])
    op.create_index("ix_household_moves_state", "household_moves", ["state", "to_kode"])


def downgrade() -> None:
    op.drop_index("ix_household_moves_state", table_name="household_moves")
    op.drop_index("ix_household_moves_household", table_name="household_moves")
    op.drop_table("household_moves")
