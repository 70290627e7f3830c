"""anomalies: the anomaly worklist per household, the NIK index of the duplicate check

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 12:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "anomalies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("related", sa.Text(), nullable=False),
        sa.Column("detected_at", sa.String(length=40), nullable=False),
        sa.Column("cleared_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anomalies")),
    )
    op.create_index(op.f("ix_anomalies_household_id"), "anomalies", ["household_id"])
    niks = op.create_table(
        "member_niks",
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("nik", sa.String(length=64), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_niks")),
    )
    op.create_index(op.f("ix_member_niks_nik"), "member_niks", ["nik"])
    op.create_index(op.f("ix_member_niks_household_id"), "member_niks", ["household_id"])
    _backfill(niks)


def _backfill(niks) -> None:
    """Index the NIKs of existing active members of live households (the anomaly worklist
    itself fills on the next import or push of each household)."""
    query = sa.text(
        'SELECT m.member_id, m.household_id, m."values" FROM members m '
        "JOIN households h ON h.household_id = m.household_id "
        "WHERE m.status = 'active' AND NOT h.deleted"
    ).execution_options(stream_results=True, yield_per=BATCH)
    rows = op.get_bind().execute(query)
    batch = []
    for member_id, household_id, values in rows:
        nik = str(json.loads(values).get("nik") or "").strip()[:64]
        if nik:
            batch.append({"member_id": member_id, "nik": nik, "household_id": household_id})
        if len(batch) >= BATCH:
            op.bulk_insert(niks, batch)
            batch = []
    if batch:
        op.bulk_insert(niks, batch)


def downgrade() -> None:
    op.drop_table("member_niks")
    op.drop_table("anomalies")
