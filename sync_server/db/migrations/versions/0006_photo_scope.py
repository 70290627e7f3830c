"""photos: every uploader, and the photos each verification names (for the scope check)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_photo_uploads_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "user_id", name=op.f("pk_photo_uploads")),
    )
    op.create_table(
        "verification_photos",
        sa.Column("verification_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["verification_id"],
            ["verifications.id"],
            name=op.f("fk_verification_photos_verification_id_verifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("verification_id", "sha256", name=op.f("pk_verification_photos")),
    )
    op.create_index(
        op.f("ix_verification_photos_sha256"), "verification_photos", ["sha256"], unique=False
    )
    _backfill()


def _backfill() -> None:
    """Existing photos keep their first uploader; existing verifications get their links."""
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "INSERT INTO photo_uploads (sha256, user_id, uploaded_at) "
            "SELECT sha256, uploaded_by, uploaded_at FROM photos"
        )
    )
    insert = sa.text("INSERT INTO verification_photos (verification_id, sha256) VALUES (:v, :s)")
    rows = conn.execute(sa.text("SELECT id, photos FROM verifications")).all()
    links = [
        {"v": vid, "s": sha}
        for vid, text in rows
        for sha in dict.fromkeys(s for s in json.loads(text or "[]") if isinstance(s, str))
    ]
    for start in range(0, len(links), 5000):
        conn.execute(insert, links[start : start + 5000])


def downgrade() -> None:
    op.drop_index(op.f("ix_verification_photos_sha256"), table_name="verification_photos")
    op.drop_table("verification_photos")
    op.drop_table("photo_uploads")
