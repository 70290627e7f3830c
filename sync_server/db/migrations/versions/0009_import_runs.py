"""import runs: a pre-list import streams through staging tables and can resume

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("directory", sa.Text(), nullable=False),
        sa.Column("files", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=32), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("households_line", sa.Integer(), nullable=False),
        sa.Column("members_line", sa.Integer(), nullable=False),
        sa.Column("applied_through", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("started_at", sa.String(length=40), nullable=False),
        sa.Column("finished_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    op.create_table(
        "import_rows",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("kode_wilayah", sa.String(length=10), nullable=True),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint(
            "run_id", "household_id", "kind", "line", name=op.f("pk_import_rows")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "import_problems",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("file", sa.String(length=32), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_problems")),
    )
    op.create_index(
        "ix_import_problems_run", "import_problems", ["run_id", "file", "line"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_import_problems_run", table_name="import_problems")
    op.drop_table("import_problems")
    op.drop_table("import_rows")
    op.drop_table("import_runs")
