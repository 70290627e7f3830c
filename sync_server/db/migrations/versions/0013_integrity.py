"""integrity: a verification's paradata, a photo's perceptual hashes made at upload, and the
visit-integrity findings (indicator, message, evidence) behind each household's integrity flag

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("verifications") as batch:
        batch.add_column(sa.Column("paradata", sa.Text(), nullable=True))
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("dhash", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("ahash", sa.String(length=16), nullable=True))
    op.create_table(
        "integrity_findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("kode_wilayah", sa.String(length=10), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_integrity_findings_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integrity_findings")),
    )
    op.create_index(
        op.f("ix_integrity_findings_household_id"), "integrity_findings", ["household_id"]
    )
    op.create_index(
        op.f("ix_integrity_findings_kode_wilayah"), "integrity_findings", ["kode_wilayah"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_integrity_findings_kode_wilayah"), table_name="integrity_findings")
    op.drop_index(op.f("ix_integrity_findings_household_id"), table_name="integrity_findings")
    op.drop_table("integrity_findings")
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("ahash")
        batch.drop_column("dhash")
    with op.batch_alter_table("verifications") as batch:
        batch.drop_column("paradata")
