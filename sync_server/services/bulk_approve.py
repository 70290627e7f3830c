"""Bulk approval: every household of a scope verified in a round that ``dtks.review.bulk_may_take``
(not approved or past it, not returned, not a proposal, every open flag one that bulk approval
may take), with no open conflict and no open request (usul warga, sanggahan, usulan Kemensos:
a reviewer reads its finding); each approval audited like a single one.

    reply = bulk_approve(engine, user, "32.04.12.2002", "2026-11", device_id)
"""

from sqlalchemy import Engine, and_, select

from dtks import review
from sync_server import clock
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import households
from sync_server.services import citizen_requests, rounds
from sync_server.services.levels import check_household_level
from sync_server.services.review import (
    DecisionContext,
    clear_flags,
    open_conflict_counts,
    open_flags,
    record_decision,
)
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User


def bulk_approve(engine: Engine, user: User, scope: str | None, round_: str, device_id) -> dict:
    """Approve the unflagged verified households; return {approved: [ids], skipped: n}."""
    scopes = reviewer_scopes(user, scope)
    for s in scopes:
        check_household_level(user, s)
    with write_transaction(engine) as conn:
        rows = conn.execute(
            select(households)
            .where(
                and_(
                    rounds.under(scopes),
                    rounds.verified_in(round_),
                    households.c.deleted.is_(False),
                    households.c.state.notin_(review.PASSED_FIRST_LEVEL),
                )
            )
            .order_by(households.c.household_id)
        ).all()
        ids = [r.household_id for r in rows]
        flagged, conflicted = open_flags(conn, ids), open_conflict_counts(conn, ids)
        asked = citizen_requests.of_households(conn, ids, open_only=True)
        seq, now, approved = Sequence(conn), clock.now(), []
        for row in rows:
            hid = row.household_id
            if conflicted.get(hid) or asked.get(hid):
                continue  # a request's finding is for a reviewer to read
            if not review.bulk_may_take(row.state, flagged.get(hid, ()), row.proposed):
                continue
            clear_flags(conn, hid, user, now)
            record_decision(
                DecisionContext(conn, user, row, now, device_id),
                seq,
                review.APPROVED,
                None,
                row.version,
            )
            approved.append(hid)
        seq.save()
    return {"approved": approved, "skipped": len(rows) - len(approved)}
