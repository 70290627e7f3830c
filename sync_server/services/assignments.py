"""Assignments: a user, a round (YYYY-MM), a wilayah scope and the form to use."""

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from dtks import cycle
from dtks import scope as scope_rule
from sync_server import clock
from sync_server.db.tables import assignments
from sync_server.errors import NotFound, ScopeViolation, UsageError
from sync_server.roles import can
from sync_server.scopes import covers, normalise_scope
from sync_server.services.users import User, get_user

DEFAULT_FORM_ID = "verivali_dtks"
DEFAULT_FORM_VERSION = "2026120401"
"""The version of forms/verivali-dtks.xlsx (forms/build_verivali.py VERSION; a test keeps them equal)."""


@dataclass(frozen=True)
class Assignment:
    """One assignment row."""

    id: int
    user_id: int
    round: str
    scope: str
    form_id: str
    form_version: str


def assign(
    conn: Connection,
    username: str,
    scope: str,
    round_: str,
    form_id: str = DEFAULT_FORM_ID,
    form_version: str = DEFAULT_FORM_VERSION,
) -> Assignment:
    """Assign a user a scope for a round; the scope must lie inside the user's own scopes."""
    try:
        cycle.parse_round(round_)
    except cycle.InvalidRound as e:
        raise UsageError(str(e)) from None
    user = get_user(conn, username)
    plain = normalise_scope(scope)
    if not covers(user.scopes, plain):
        raise UsageError(
            f"scope {scope} lies outside {username}'s scopes ({', '.join(user.scopes)})"
        )
    existing = conn.execute(
        select(assignments).where(
            assignments.c.user_id == user.id,
            assignments.c.round == round_,
            assignments.c.scope == plain,
        )
    ).first()
    if existing:
        conn.execute(
            assignments.update()
            .where(assignments.c.id == existing.id)
            .values(form_id=form_id, form_version=form_version)
        )
        return Assignment(existing.id, user.id, round_, plain, form_id, form_version)
    aid = conn.execute(
        insert(assignments).values(
            user_id=user.id,
            round=round_,
            scope=plain,
            form_id=form_id,
            form_version=form_version,
            created_at=clock.now(),
        )
    ).inserted_primary_key[0]
    return Assignment(aid, user.id, round_, plain, form_id, form_version)


def mine(conn: Connection, user: User) -> list[Assignment]:
    """Return the user's assignments, newest round first."""
    rows = conn.execute(
        select(assignments)
        .where(assignments.c.user_id == user.id)
        .order_by(assignments.c.round.desc(), assignments.c.id)
    )
    return [_assignment(r) for r in rows]


def readable(conn: Connection, user: User, assignment_id: int) -> Assignment:
    """Return an assignment the user may pull: their own, or one inside their scopes."""
    row = conn.execute(select(assignments).where(assignments.c.id == assignment_id)).first()
    if row is None:
        raise NotFound(f"assignment {assignment_id} does not exist")
    if row.user_id == user.id:
        return _assignment(row)
    if can(user.role, "read_household") and covers(user.scopes, row.scope):
        return _assignment(row)
    raise ScopeViolation(f"assignment {assignment_id} is not yours")


def round_for(conn: Connection, user: User, kode_wilayah: str, form_id: str | None) -> str | None:
    """Return the round of the newest assignment of the user covering a household, if any."""
    return rounds_for(conn, user, form_id)(kode_wilayah)


def rounds_for(conn: Connection, user: User, form_id: str | None):
    """round_for as a function of the kode wilayah, reading the assignments once (a push
    asks for every desa it touches)."""
    read: dict[str, list] = {}

    def newest_first(key: str, query) -> list:
        if key not in read:
            read[key] = conn.execute(query.order_by(assignments.c.round.desc())).all()
        return read[key]

    def of(kode_wilayah: str) -> str | None:
        rows = newest_first("user", select(assignments).where(assignments.c.user_id == user.id))
        matching = [r for r in rows if scope_rule.covers(r.scope, kode_wilayah)]
        for r in matching:
            if form_id is None or r.form_id == form_id:
                return r.round
        if matching:
            return matching[0].round
        rows = newest_first("all", select(assignments))
        return next((r.round for r in rows if scope_rule.covers(r.scope, kode_wilayah)), None)

    return of


def _assignment(row) -> Assignment:
    return Assignment(row.id, row.user_id, row.round, row.scope, row.form_id, row.form_version)
