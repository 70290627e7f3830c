"""reach_common: household_reach.common, the leading digits a reached region shares with the
kode wilayah the household is listed in, so a pull of a wide scope reads only the households
that come from outside it; ix_flags_open_kind, the open flags of a kind, for the review queue's
capped counts of a wide scope

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def upgrade() -> None:
    with op.batch_alter_table("household_reach") as batch:
        batch.add_column(sa.Column("common", sa.Integer(), nullable=False, server_default="0"))
    op.create_index(
        "ix_household_reach_common_kode", "household_reach", ["common", "kode", "household_id"]
    )
    op.create_index(
        "ix_flags_open_kind",
        "flags",
        ["kind", "household_id"],
        sqlite_where=sa.text("cleared_at IS NULL"),
        postgresql_where=sa.text("cleared_at IS NULL"),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT r.household_id, r.kode, h.kode_wilayah FROM household_reach r "
            "JOIN households h ON h.household_id = r.household_id"
        )
    ).all()
    todo = [
        {"h": hid, "k": kode, "c": _shared(kode, listed or "")}
        for hid, kode, listed in rows
        if _shared(kode, listed or "")
    ]
    if todo:
        conn.execute(
            sa.text("UPDATE household_reach SET common = :c WHERE household_id = :h AND kode = :k"),
            todo,
        )


def downgrade() -> None:
    op.drop_index("ix_flags_open_kind", table_name="flags")
    op.drop_index("ix_household_reach_common_kode", table_name="household_reach")
    with op.batch_alter_table("household_reach") as batch:
        batch.drop_column("common")
