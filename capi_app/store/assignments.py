"""The user's assignments and, per assignment, the pull position (last seq)."""

from __future__ import annotations

from sqlite_utils import Database

from capi_app.store.codec import now_iso
from capi_app.store.db import write
from capi_app.store.errors import StoreError
from dtks.model import Assignment


def save_assignments(db: Database, assignments: list[Assignment]) -> None:
    """Store the assignments from ``GET /assignments/mine``, keeping each one's last seq."""
    with write(db):
        for a in assignments:
            db.execute(
                """INSERT INTO assignments (id, round, scope, form_id, form_version)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET round = excluded.round, scope = excluded.scope,
                       form_id = excluded.form_id, form_version = excluded.form_version""",
                [a.id, a.round, a.scope, a.form_id, a.form_version],
            )


def assignments(db: Database) -> list[Assignment]:
    """The stored assignments."""
    return [
        Assignment(**r)
        for r in db.query(
            "SELECT id, round, scope, form_id, form_version FROM assignments ORDER BY id"
        )
    ]


def last_seq(db: Database, assignment_id: int) -> int:
    """Where the next pull of this assignment starts (``since``)."""
    row = db.execute("SELECT last_seq FROM assignments WHERE id = ?", [assignment_id]).fetchone()
    return row[0] if row else 0


def set_last_seq(db: Database, assignment_id: int, seq: int) -> None:
    """Record the pull position; call inside the transaction that stored the page."""
    cur = db.execute(
        "UPDATE assignments SET last_seq = ?, pulled_at = ? WHERE id = ?",
        [seq, now_iso(), assignment_id],
    )
    if cur.rowcount == 0:
        raise StoreError(f"assignment {assignment_id}: unknown; save the assignments first")
