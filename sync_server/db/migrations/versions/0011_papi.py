"""papi: the papi block of verifications, sampling per round, double-entry differences

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain nullable ADD COLUMN: existing verifications (CAPI, or PAPI before 0003) keep null.
    op.add_column("verifications", sa.Column("papi", sa.Text(), nullable=True))
    op.add_column("verifications", sa.Column("papi_batch", sa.String(length=64), nullable=True))
    op.add_column("verifications", sa.Column("papi_entry", sa.Integer(), nullable=True))
    op.create_index("ix_verifications_papi_batch", "verifications", ["papi_batch"])
    op.create_table(
        "papi_sampling",
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("every", sa.Integer(), nullable=True),
        sa.Column("percent", sa.Float(), nullable=True),
        sa.Column("set_by", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_by"], ["users.id"], name=op.f("fk_papi_sampling_set_by_users")
        ),
        sa.PrimaryKeyConstraint("round", "scope", name=op.f("pk_papi_sampling")),
    )
    op.create_table(
        "papi_differences",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("batch", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("entry1", sa.Text(), nullable=True),
        sa.Column("entry2", sa.Text(), nullable=True),
        sa.Column("keyed_by1", sa.String(length=64), nullable=False),
        sa.Column("keyed_by2", sa.String(length=64), nullable=False),
        sa.Column("verify", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
        sa.Column("take", sa.String(length=8), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resolved_by"], ["users.id"], name=op.f("fk_papi_differences_resolved_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_papi_differences")),
    )
    op.create_index("ix_papi_differences_household_id", "papi_differences", ["household_id"])


def downgrade() -> None:
    op.drop_index("ix_papi_differences_household_id", table_name="papi_differences")
    op.drop_table("papi_differences")
    op.drop_table("papi_sampling")
    op.drop_index("ix_verifications_papi_batch", table_name="verifications")
    with op.batch_alter_table("verifications") as batch_op:
        for name in ("papi_entry", "papi_batch", "papi"):
            batch_op.drop_column(name)
