"""approval chain: approvals, submissions (pengajuan), their households and events, the
established data of record; households.approved_by/approved_at move into approvals

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:00:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TIME = sa.String(length=40)
ID = sa.String(length=64)
LEVEL = sa.String(length=16)


def upgrade() -> None:
    _create_submissions()
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("level", LEVEL, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", TIME, nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_approvals_user_id_users")),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_approvals_submission_id_submissions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    op.create_index("ix_approvals_household", "approvals", ["household_id", "id"])
    op.create_table(
        "established",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("kode_wilayah", sa.String(length=10), nullable=False),
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("established_by", sa.Integer(), nullable=False),
        sa.Column("established_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_established_submission_id_submissions"),
        ),
        sa.ForeignKeyConstraint(
            ["established_by"], ["users.id"], name=op.f("fk_established_established_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_established")),
    )
    op.create_index("ix_established_household", "established", ["household_id", "id"])
    op.create_index("ix_established_kode_wilayah", "established", ["kode_wilayah"])
    _move_approvals()
    # Plain DROP COLUMN (SQLite >= 3.35 and PostgreSQL): no table rebuild, which on SQLite
    # would cascade-delete members through their foreign key.
    op.execute("ALTER TABLE households DROP COLUMN approved_at")
    op.execute("ALTER TABLE households DROP COLUMN approved_by")


def _create_submissions() -> None:
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round", sa.String(length=7), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("level", LEVEL, nullable=False),
        sa.Column("state", LEVEL, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("pengesahan_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["submissions.id"], name=op.f("fk_submissions_parent_id_submissions")
        ),
        sa.ForeignKeyConstraint(
            ["pengesahan_id"],
            ["pengesahan.id"],
            name=op.f("fk_submissions_pengesahan_id_pengesahan"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_submissions_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
        sa.UniqueConstraint("pengesahan_id", name=op.f("uq_submissions_pengesahan_id")),
    )
    op.create_index("ix_submissions_level_state", "submissions", ["level", "state"])
    op.create_table(
        "submission_households",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("household_id", ID, nullable=False),
        sa.Column("state", LEVEL, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_households_submission_id_submissions"),
        ),
        sa.PrimaryKeyConstraint(
            "submission_id", "household_id", name=op.f("pk_submission_households")
        ),
    )
    op.create_index(
        "ix_submission_households_household", "submission_households", ["household_id", "state"]
    )
    op.create_table(
        "submission_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("decision", LEVEL, nullable=False),
        sa.Column("from_level", LEVEL, nullable=False),
        sa.Column("to_level", LEVEL, nullable=False),
        sa.Column("from_state", LEVEL, nullable=False),
        sa.Column("to_state", LEVEL, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submissions.id"],
            name=op.f("fk_submission_events_submission_id_submissions"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_submission_events_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_events")),
    )
    op.create_index(
        op.f("ix_submission_events_submission_id"), "submission_events", ["submission_id"]
    )


def _move_approvals() -> None:
    """Every approval the audit log recorded (@review to approved), and the last approval of
        households.approved_by/at when the log lacks it, become kabkota rows of approvals (an
    approved proposal's under its permanent id)."""
    conn = op.get_bind()
    permanent = dict(  # an approved proposal's audit rows stay under its client UUID
        conn.execute(
            sa.text("SELECT replaces, household_id FROM households WHERE replaces IS NOT NULL")
        ).all()
    )
    rows = []
    audit = conn.execute(
        sa.text(
            "SELECT household_id, user_id, at, new FROM audit WHERE field = '@review' ORDER BY id"
        )
    )
    for hid, user_id, at, new in audit:
        state = (json.loads(new) or {}).get("state") if new else None
        if state == "approved":
            rows.append({"household_id": permanent.get(hid, hid), "user_id": user_id, "at": at})
    seen = {(r["household_id"], r["user_id"], r["at"]) for r in rows}
    last = conn.execute(
        sa.text(
            "SELECT household_id, approved_by, approved_at FROM households "
            "WHERE approved_at IS NOT NULL AND replaced_by IS NULL ORDER BY household_id"
        )
    )
    for hid, user_id, at in last:
        if (hid, user_id, at) not in seen:
            rows.append({"household_id": hid, "user_id": user_id, "at": at})
    rows.sort(key=lambda r: (r["at"], r["household_id"]))
    if rows:
        conn.execute(
            sa.text(
                "INSERT INTO approvals (household_id, level, user_id, at) "
                "VALUES (:household_id, 'kabkota', :user_id, :at)"
            ),
            rows,
        )


def downgrade() -> None:
    op.add_column("households", sa.Column("approved_by", sa.Integer(), nullable=True))
    op.add_column("households", sa.Column("approved_at", TIME, nullable=True))
    op.execute(
        "UPDATE households SET approved_by = (SELECT a.user_id FROM approvals a "
        "WHERE a.household_id = households.household_id AND a.level = 'kabkota' "
        "ORDER BY a.id DESC LIMIT 1), approved_at = (SELECT a.at FROM approvals a "
        "WHERE a.household_id = households.household_id AND a.level = 'kabkota' "
        "ORDER BY a.id DESC LIMIT 1)"
    )
    for name in ("established", "approvals", "submission_events", "submission_households"):
        op.drop_table(name)
    op.drop_table("submissions")
