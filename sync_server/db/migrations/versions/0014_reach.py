"""reach: households listed in the wrong wilayah also reach the regions their ids point to
(the household id's desa, the No KK's kecamatan), filled from the open wrong_wilayah anomalies

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 13:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "household_reach",
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("kode", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("household_id", "kode", name=op.f("pk_household_reach")),
    )
    op.create_index("ix_household_reach_kode", "household_reach", ["kode", "household_id"])
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT household_id, related FROM anomalies "
            "WHERE kind = 'wrong_wilayah' AND cleared_at IS NULL"
        )
    ).all()
    reach = {(hid, str(code)[:10]) for hid, related in rows for code in json.loads(related or "[]")}
    if reach:
        table = sa.table("household_reach", sa.column("household_id"), sa.column("kode"))
        op.bulk_insert(table, [{"household_id": h, "kode": k} for h, k in sorted(reach)])


def downgrade() -> None:
    op.drop_index("ix_household_reach_kode", table_name="household_reach")
    op.drop_table("household_reach")
