"""A household's state as the enumerator sees it, derived from what the store holds."""

from __future__ import annotations

from sqlite_utils import Database

from capi_app.store import revisions
from dtks import review

RETURNED = review.RETURNED
"""Returned by the reviewer with a note: the local state takes the server's name."""
STATES = (
    "not_visited",
    "draft",
    "finalized",
    "pending_sync",
    "synced",
    "in_review",
    RETURNED,
)
"""Local states, as the enumerator's list shows them."""
DELETED = "deleted"  # a tombstone with no local data left: hidden from lists, counts, search


def derive(
    *,
    deleted: bool,
    dirty: bool,
    in_outbox: bool,
    verification_status: str | None,
    review_state: str | None,
    sync_state: str | None,
) -> str:
    """The state from its inputs; local unsent work comes first, then the server's word."""
    if in_outbox:
        return "pending_sync"
    if dirty:
        return "finalized" if verification_status == "finalized" else "draft"
    if deleted:
        return DELETED
    if review_state == review.RETURNED:
        return RETURNED
    if sync_state == "in_review" or (review_state and review_state not in review.DONE_FOR_FIELD):
        return "in_review"
    if sync_state == "synced":
        return "synced"
    return "not_visited"


def in_outbox(db: Database, household_id: str) -> bool:
    """Whether the household is in a change-set still waiting for the server's reply."""
    row = db.execute(
        """SELECT 1 FROM changeset_households ch JOIN changesets c USING (changeset_id)
           WHERE ch.household_id = ? AND c.state = 'pending' LIMIT 1""",
        [household_id],
    ).fetchone()
    return row is not None


def refresh(db: Database, household_id: str) -> str:
    """After a change of one household: move its revision on, recompute and store its state."""
    row = db.execute(
        """SELECT h.deleted, h.dirty, h.review_state, h.sync_state, v.status
           FROM households h LEFT JOIN verifications v USING (household_id)
           WHERE h.household_id = ?""",
        [household_id],
    ).fetchone()
    if row is None:
        return "not_visited"
    state = derive(
        deleted=bool(row[0]),
        dirty=bool(row[1]),
        in_outbox=in_outbox(db, household_id),
        verification_status=row[4],
        review_state=row[2],
        sync_state=row[3],
    )
    db.execute("UPDATE households SET state = ? WHERE household_id = ?", [state, household_id])
    revisions.bump(db, household_id)
    return state


def counts(db: Database) -> dict[str, int]:
    """Households per state (every state present, tombstones left out)."""
    out = dict.fromkeys(STATES, 0)
    for state, n in db.execute("SELECT state, count(*) FROM households GROUP BY state"):
        if state in out:
            out[state] = n
    return out
