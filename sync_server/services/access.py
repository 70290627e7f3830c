"""Who may read or decide on which household: role plus wilayah scope."""

from sqlalchemy import Connection, and_, false, or_, select

from dtks import moves
from sync_server.db.tables import household_moves, household_reach, households
from sync_server.errors import Forbidden, NotFound, ScopeViolation
from sync_server.roles import FIELD_ROLES, can
from sync_server.scopes import covers, scope_range
from sync_server.services.users import User


def household_row(conn: Connection, household_id: str):
    """Return a households row or raise NotFound naming it."""
    row = conn.execute(select(households).where(households.c.household_id == household_id)).first()
    if row is None:
        raise NotFound(f"household {household_id} does not exist", household_id)
    return row


def read_scopes(conn: Connection, user: User) -> tuple[str, ...]:
    """The scopes a user reads households in: assignments for field roles, user scopes else."""
    return user.write_scopes(conn) if user.role in FIELD_ROLES else user.scopes


def readable_household(conn: Connection, user: User, household_id: str):
    """Return the household row if the user may read it (field roles: their assignments)."""
    row = household_row(conn, household_id)
    if not covers(read_scopes(conn, user), row.kode_wilayah):
        raise ScopeViolation(
            f"household {household_id} (wilayah {row.kode_wilayah}) lies outside your scope",
            household_id,
        )
    return row


def reviewable_household(conn: Connection, user: User, household_id: str, incoming=False):
    """Return the household row if the user is a reviewer with it in scope; with incoming, also
    a household whose pending move would bring it into their scope (the receiving reviewer
    looks at it before confirming the move) or whose ids point into it (listed in the wrong
    wilayah, docs/cycle.md); deciding on it stays with its own reviewer."""
    if not can(user.role, "review"):
        raise Forbidden(f"role {user.role} cannot review households")
    if incoming:
        row = household_row(conn, household_id)
        if household_id in incoming_households(conn, user, [household_id]):
            return row
    return readable_household(conn, user, household_id)


def reached_in(scopes):
    """A SQL subquery: the ids of households listed elsewhere whose ids point into one of the
    scopes (household_reach: an open wrong_wilayah anomaly).

    Only the reach rows of households listed outside the scope are read (``common`` below the
    scope's length, ix_household_reach_common_kode, on a kode range): a household listed
    inside it is the scope's own already, and a wide scope does not read every reach row
    under it."""
    return select(household_reach.c.household_id).where(
        or_(false(), *(_reaches_into(s) for s in scopes))
    )


def _reaches_into(scope: str):
    low, high = scope_range(scope)
    return and_(
        household_reach.c.common.in_(range(len(scope))),
        household_reach.c.kode >= low,
        household_reach.c.kode < high,
    )


def incoming_households(conn: Connection, user: User, household_ids) -> set[str]:
    """The ids among household_ids with a pending move into the user's scopes, or whose ids
    point into them (reviewers and admins only: the receiving side of dtks.moves, and the
    region a household listed in the wrong wilayah reaches); they read it, its own reviewer
    decides on it."""
    if not can(user.role, "review") or not household_ids:
        return set()
    ids = sorted(set(household_ids))
    q = select(household_moves.c.household_id, household_moves.c.to_kode).where(
        household_moves.c.household_id.in_(ids),
        household_moves.c.state == moves.PENDING,
    )
    found = {r.household_id for r in conn.execute(q) if covers(user.scopes, r.to_kode)}
    q = select(household_reach.c.household_id, household_reach.c.kode).where(
        household_reach.c.household_id.in_(ids)
    )
    return found | {r.household_id for r in conn.execute(q) if covers(user.scopes, r.kode)}
