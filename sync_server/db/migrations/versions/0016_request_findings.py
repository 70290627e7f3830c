"""request findings: what the enumerator found on a request (layak / tidak layak, the reason,
the verification, who and when) and when the household's approval closed it

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

COLUMNS = (
    ("finding_result", sa.String(length=16)),
    ("finding_reason", sa.Text()),
    ("finding_verification_id", sa.Integer()),
    ("finding_by", sa.Integer()),
    ("finding_at", sa.String(length=40)),
    ("closed_at", sa.String(length=40)),
)


def upgrade() -> None:
    # Nullable columns without a default: no table rebuild on SQLite; every request so far
    # has no finding and is open.
    for name, kind in COLUMNS:
        op.add_column("citizen_requests", sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("citizen_requests") as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
