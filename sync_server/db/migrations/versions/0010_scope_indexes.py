"""scope indexes: (kode_wilayah, seq) and (substr(kode_wilayah, 1, n), seq) for n = 2, 4, 6 on
households and tombstones, so a pull page of any scope is an index walk in seq order; (state,
kode_wilayah) on households for the review queue. The single kode_wilayah and seq indexes go:
the composite ones start with kode_wilayah, and only pulls order by seq.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 07:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("households", "tombstones")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_kode_wilayah_seq", table, ["kode_wilayah", "seq"])
        for n in (2, 4, 6):
            op.create_index(
                f"ix_{table}_scope{n}_seq", table, [sa.text(f"substr(kode_wilayah, 1, {n})"), "seq"]
            )
        op.drop_index(f"ix_{table}_kode_wilayah", table_name=table)
        op.drop_index(f"ix_{table}_seq", table_name=table)
    op.create_index("ix_households_state_kode_wilayah", "households", ["state", "kode_wilayah"])


def downgrade() -> None:
    op.drop_index("ix_households_state_kode_wilayah", table_name="households")
    for table in TABLES:
        op.create_index(f"ix_{table}_kode_wilayah", table, ["kode_wilayah"])
        op.create_index(f"ix_{table}_seq", table, ["seq"])
        for n in (2, 4, 6):
            op.drop_index(f"ix_{table}_scope{n}_seq", table_name=table)
        op.drop_index(f"ix_{table}_kode_wilayah_seq", table_name=table)
