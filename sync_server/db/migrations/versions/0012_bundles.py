"""bundles: device keys registered at login, push bundles received with their replies, and the
relayer of a change-set and its audit rows (null for a direct push)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 08:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("ed25519", sa.String(length=64), nullable=False),
        sa.Column("x25519", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.String(length=40), nullable=False),
        sa.Column("revoked_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_devices_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "device_id", name=op.f("pk_devices")),
    )
    op.create_table(
        "bundles",
        sa.Column("bundle_id", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("relayer_id", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.String(length=64), nullable=False),
        sa.Column("reply", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_bundles_user_id_users")),
        sa.ForeignKeyConstraint(
            ["relayer_id"], ["users.id"], name=op.f("fk_bundles_relayer_id_users")
        ),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_bundles")),
        sa.UniqueConstraint("reply_id", name=op.f("uq_bundles_reply_id")),
    )
    for table in ("audit", "changesets"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("relayer_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                op.f(f"fk_{table}_relayer_id_users"), "users", ["relayer_id"], ["id"]
            )


def downgrade() -> None:
    for table in ("audit", "changesets"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"fk_{table}_relayer_id_users"), type_="foreignkey")
            batch.drop_column("relayer_id")
    op.drop_table("bundles")
    op.drop_table("devices")
