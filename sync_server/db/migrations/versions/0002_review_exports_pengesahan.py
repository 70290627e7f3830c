"""review: permanent ids for proposals, approvals, pengesahan scans

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (nullable, no constraint): SQLite needs no table rebuild, which would
    # otherwise cascade-delete members through their foreign key.
    op.add_column("households", sa.Column("replaces", sa.String(length=64), nullable=True))
    op.add_column("households", sa.Column("replaced_by", sa.String(length=64), nullable=True))
    op.add_column("households", sa.Column("approved_by", sa.Integer(), nullable=True))
    op.add_column("households", sa.Column("approved_at", sa.String(length=40), nullable=True))
    op.add_column("members", sa.Column("replaces", sa.String(length=64), nullable=True))
    op.create_table(
        "pengesahan",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["users.id"], name=op.f("fk_pengesahan_uploaded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengesahan")),
        sa.UniqueConstraint("round", "scope", "sha256", name="uq_pengesahan_round_scope_sha256"),
    )


def downgrade() -> None:
    op.drop_table("pengesahan")
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_column("replaces")
    with op.batch_alter_table("households") as batch_op:
        for name in ("approved_at", "approved_by", "replaced_by", "replaces"):
            batch_op.drop_column(name)
