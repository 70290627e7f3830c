"""The audit trail of a household: every applied field change and review decision, oldest first.

An approved proposal's events before approval stay under its client UUID (the audit log is
append-only); they are read through ``households.replaces``.
"""

from sqlalchemy import Connection, select

from sync_server.db import jsontext
from sync_server.db.tables import audit, households, users

_relayers = users.alias("relayers")


def events(conn: Connection, household_id: str) -> list[dict]:
    """Return the audit events of one household (and of the proposal it replaces) as JSON."""
    replaces = conn.execute(
        select(households.c.replaces).where(households.c.household_id == household_id)
    ).scalar()
    ids = [household_id] + ([replaces] if replaces else [])
    q = (
        select(audit, users.c.username, _relayers.c.username.label("relayer"))
        .outerjoin(users, users.c.id == audit.c.user_id)
        .outerjoin(_relayers, _relayers.c.id == audit.c.relayer_id)
        .where(audit.c.household_id.in_(ids))
        .order_by(audit.c.id)
    )
    return [
        {
            "at": r.at,
            "user": r.username or r.device_id,
            "device_id": r.device_id,
            "changeset_id": r.changeset_id,
            "member_id": r.member_id,
            "field": r.field,
            "old": jsontext.loads(r.old),
            "new": jsontext.loads(r.new),
            "relayer": r.relayer,
        }
        for r in conn.execute(q)
    ]
