"""Which households belong to a round: under an assignment scope of it, or verified in it.

cond = in_round(conn, "2026-11")          # a SQL condition on households
label = round_of(conn, ["3204122002000001"])  # {household_id: round} for labels
"""

from sqlalchemy import Connection, and_, false, or_, select

from dtks import scope as scope_rule
from sync_server.db.tables import assignments, households, verifications
from sync_server.scopes import scope_range
from sync_server.services.household_store import chunks


def round_scopes(conn: Connection, round_: str) -> list[str]:
    """The distinct assignment scopes of a round."""
    q = select(assignments.c.scope).where(assignments.c.round == round_).distinct()
    return sorted(conn.execute(q).scalars())


def under(scopes) -> object:
    """A SQL condition: the household's kode_wilayah lies under one of the scopes."""
    conds = [
        and_(households.c.kode_wilayah >= lo, households.c.kode_wilayah < hi)
        for lo, hi in map(scope_range, scopes)
    ]
    return or_(*conds) if conds else false()


def verified_in(round_: str):
    """A SQL condition: the household has a verification in the round."""
    return households.c.household_id.in_(
        select(verifications.c.household_id).where(verifications.c.round == round_)
    )


def in_round(conn: Connection, round_: str):
    """A SQL condition: the household is under the round's assignments or verified in it."""
    return or_(under(round_scopes(conn, round_)), verified_in(round_))


def latest_verifications(conn: Connection, ids: list[str], round_: str | None = None) -> dict:
    """{household_id: the latest verifications row (of the round, when given)}."""
    out = {}
    for part in chunks(ids):
        q = select(verifications).where(verifications.c.household_id.in_(part))
        if round_:
            q = q.where(verifications.c.round == round_)
        for v in conn.execute(q.order_by(verifications.c.id)):
            out[v.household_id] = v
    return out


def newest_round_covering(conn: Connection, kode_wilayah: str) -> str | None:
    """The newest round with an assignment covering the kode wilayah."""
    rows = conn.execute(select(assignments.c.round, assignments.c.scope).distinct()).all()
    found = [r.round for r in rows if scope_rule.covers(r.scope, kode_wilayah)]
    return max(found) if found else None
