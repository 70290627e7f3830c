"""The review queue: households of a reviewer's scope (and round) by state and open flag,
with counts per open flag for the filter buttons.

    page = queue(conn, user, scope="32.04", round_="2026-11", flag="conflict")
"""

from sqlalchemy import Connection, and_, func, or_, select

from dtks import review, wilayah
from sync_server.db import jsontext
from sync_server.db.tables import flags, households, verifications
from sync_server.errors import Forbidden, ScopeViolation
from sync_server.roles import can
from sync_server.scopes import covers, normalise_scope
from sync_server.services import rounds
from sync_server.services.access import reached_in
from sync_server.services.eligibility import RESULT_FIELD, code
from sync_server.services.review import open_conflict_counts, open_flags
from sync_server.services.users import User


def reviewer_scopes(user: User, scope: str | None, action: str = "review") -> list[str]:
    """The scopes a reviewer asks for: the one given (inside theirs, else 403) or all theirs."""
    if not can(user.role, action):
        raise Forbidden(f"role {user.role} cannot {action} households")
    if not scope:
        return list(user.scopes)
    plain = normalise_scope(scope)
    if not covers(user.scopes, plain):
        raise ScopeViolation(f"scope {scope} lies outside your scopes")
    return [plain]


def queue(
    conn: Connection,
    user: User,
    scope=None,
    flag=None,
    state=None,
    limit=200,
    offset=0,
    round_=None,
    verified=False,
) -> dict:
    """{households, counts, total, awaiting_approval}: the page of the queue, the counts per
    open flag, and how many open households have a verification (an approval waits for them).

    ``verified`` keeps only households with a verification (of the round, when given): with
    ``state=open`` that is the list of households waiting for approval.
    """
    scopes = reviewer_scopes(user, scope)
    here = and_(rounds.under(scopes), households.c.deleted.is_(False))
    # A household listed elsewhere whose ids point here (flag=anomaly only): this reviewer
    # can find it and read it; counts and approvals stay with the region it is listed in.
    reached = and_(households.c.household_id.in_(reached_in(scopes)), households.c.deleted.is_(False))  # fmt: skip
    if round_:
        here = and_(here, rounds.in_round(conn, round_))
        reached = and_(reached, rounds.in_round(conn, round_))
    where = or_(here, reached) if flag == review.FLAG_ANOMALY else here
    q = select(households).where(where)
    if flag:
        q = q.where(households.c.household_id.in_(_flagged(flag)))
    if state or not flag:
        q = q.where(households.c.state == (state or review.NEEDS_REVIEW))
    if verified:
        q = q.where(_verified(round_))
    total = conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()
    rows = conn.execute(
        q.order_by(households.c.updated_at, households.c.household_id).limit(limit).offset(offset)
    ).all()
    return {
        "households": _items(conn, rows, round_, scopes),
        "counts": _flag_counts(conn, here) | _reached_anomalies(conn, here, reached),
        "total": total,
        "awaiting_approval": _awaiting_approval(conn, here, round_),
    }


def _verified(round_):
    """A SQL condition: the household has a verification (in the round, when given)."""
    if round_:
        return rounds.verified_in(round_)
    return households.c.household_id.in_(select(verifications.c.household_id))


def _awaiting_approval(conn: Connection, where, round_) -> int:
    """Open households with a verification: no flag holds them, and an approval waits."""
    q = (
        select(func.count())
        .select_from(households)
        .where(where, households.c.state == review.OPEN, _verified(round_))
    )
    return conn.execute(q).scalar_one()


def _flagged(kind: str):
    return select(flags.c.household_id).where(flags.c.kind == kind, flags.c.cleared_at.is_(None))


def _flag_counts(conn: Connection, where) -> dict[str, int]:
    q = (
        select(flags.c.kind, func.count(func.distinct(flags.c.household_id)))
        .join(households, households.c.household_id == flags.c.household_id)
        .where(where, flags.c.cleared_at.is_(None))
        .group_by(flags.c.kind)
    )
    return {kind: n for kind, n in conn.execute(q).all()}


def _reached_anomalies(conn: Connection, here, reached) -> dict[str, int]:
    """The anomaly count of the filter button, the households reached from here included
    (what flag=anomaly lists); {} when none is open."""
    q = (
        select(func.count(func.distinct(flags.c.household_id)))
        .join(households, households.c.household_id == flags.c.household_id)
        .where(
            or_(here, reached), flags.c.kind == review.FLAG_ANOMALY, flags.c.cleared_at.is_(None)
        )
    )
    n = conn.execute(q).scalar_one()
    return {review.FLAG_ANOMALY: n} if n else {}


def _items(conn: Connection, rows, round_, scopes) -> list[dict]:
    ids = [r.household_id for r in rows]
    flagged = open_flags(conn, ids)
    counts = open_conflict_counts(conn, ids)
    latest = rounds.latest_verifications(conn, ids, round_)
    out = []
    for r in rows:
        v = latest.get(r.household_id)
        answers = jsontext.loads(v.answers) if v is not None else {}
        out.append(
            {
                "household_id": r.household_id,
                "kode_wilayah": r.kode_wilayah,
                "nama_krt": jsontext.loads(r.values).get("nama_krt"),
                "state": r.state,
                "version": r.version,
                "proposed": r.proposed,
                "flags": sorted(flagged.get(r.household_id, ())),
                "open_conflicts": counts.get(r.household_id, 0),
                "updated_at": r.updated_at,
                "round": round_
                or (
                    v.round if v is not None else rounds.newest_round_covering(conn, r.kode_wilayah)
                ),
                "result": code(answers, RESULT_FIELD),
                "desa": wilayah.lookup(r.kode_wilayah),
                "reached": not covers(scopes, r.kode_wilayah),
            }
        )
    return out
