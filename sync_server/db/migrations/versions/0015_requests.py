"""requests: usul warga, sanggahan and usulan Kemensos imported by sync-server import-requests,
one row per reference number

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 13:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizen_requests",
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("kode_wilayah", sa.String(length=10), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=True),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("programme", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("reference", name=op.f("pk_citizen_requests")),
    )
    op.create_index(op.f("ix_citizen_requests_kode_wilayah"), "citizen_requests", ["kode_wilayah"])
    op.create_index(op.f("ix_citizen_requests_household_id"), "citizen_requests", ["household_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_citizen_requests_household_id"), table_name="citizen_requests")
    op.drop_index(op.f("ix_citizen_requests_kode_wilayah"), table_name="citizen_requests")
    op.drop_table("citizen_requests")
