"""The review queue: households of a reviewer's scope (and round) by state and open flag,
with counts per open flag for the filter buttons.

    page = queue(conn, user, scope="32.04", round_="2026-11", flag="conflict")
"""

from sqlalchemy import Connection, and_, func, or_, select, union

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
    here = scope_condition(scopes)
    # A household listed elsewhere whose ids point here (flag=anomaly only): this reviewer
    # can find it and read it; counts and approvals stay with the region it is listed in.
    reached = and_(households.c.household_id.in_(reached_in(scopes)), households.c.deleted.is_(False))  # fmt: skip
    if round_:
        here = and_(here, rounds.in_round(conn, round_))
        reached = and_(reached, rounds.in_round(conn, round_))
    wide = any(len(s) < WIDE_BELOW for s in scopes)
    where = here
    if flag == review.FLAG_ANOMALY:  # a wide scope's UNION would list every household of it
        where = or_(here, reached) if wide else _here_or_reached(here, reached)
    q = select(households).where(where)
    if flag:
        q = q.where(households.c.household_id.in_(_flagged(flag)))
    if state or not flag:
        q = q.where(households.c.state == (state or review.NEEDS_REVIEW))
    if verified:
        q = q.where(_verified(round_))
    total = _capped_count(conn, q.with_only_columns(households.c.household_id))
    rows = conn.execute(
        q.order_by(households.c.updated_at, households.c.household_id).limit(limit).offset(offset)
    ).all()
    counts = _wide_flag_counts(conn, here) if wide else _flag_counts(conn, here)
    return {
        "households": _items(conn, rows, round_, scopes),
        "counts": counts | _reached_anomalies(conn, here, reached, wide),
        "total": total,
        "awaiting_approval": _awaiting_approval(conn, here, round_),
        "count_cap": COUNT_CAP,
    }


COUNT_CAP = 1000
"""The queue's ``total``, ``awaiting_approval`` and the flag counts of a wide scope are exact
up to COUNT_CAP; a larger number is given as COUNT_CAP + 1 (the window shows "1000+"), so a
page of a province costs the same with 10 thousand households or 10 million."""
WIDE_BELOW = 4
"""A scope shorter than a kabupaten/kota code (a province, the nation) counts its flags from
the open flags of each kind, capped; a kabupaten or narrower counts them exactly from its
own households (a cost that follows the scope, not the table)."""


def _capped_count(conn: Connection, q) -> int:
    """How many rows q gives, counting at most COUNT_CAP + 1 of them."""
    return conn.execute(_capped(q)).scalar_one()


def _capped(q):
    return select(func.count()).select_from(q.limit(COUNT_CAP + 1).subquery())


def _here_or_reached(here, reached):
    """A SQL condition: the household is under here or reached; as IN a UNION of two index
    reads (an OR of them is a scan of every household on PostgreSQL and SQLite)."""
    return households.c.household_id.in_(
        union(
            select(households.c.household_id).where(here),
            select(households.c.household_id).where(reached),
        )
    )


def _verified(round_):
    """A SQL condition: the household has a verification (in the round, when given)."""
    if round_:
        return rounds.verified_in(round_)
    return households.c.household_id.in_(select(verifications.c.household_id))


def _awaiting_approval(conn: Connection, where, round_) -> int:
    """Open households with a verification: no flag holds them, and an approval waits
    (capped at COUNT_CAP + 1)."""
    q = select(households.c.household_id).where(
        where, households.c.state == review.OPEN, _verified(round_)
    )
    return _capped_count(conn, q)


def _flagged(kind: str):
    return select(flags.c.household_id).where(flags.c.kind == kind, flags.c.cleared_at.is_(None))


def _flag_counts(conn: Connection, where) -> dict[str, int]:
    """The exact flag counts of a kabupaten or narrower scope."""
    return {kind: n for kind, n in conn.execute(exact_counts_query(where)).all()}


def exact_counts_query(where):
    """(kind, households) of the open flags of the households under where.

    Written as IN (the scope's households), so that SQLite reads the scope's households and
    their flags (ix_flags_household_id), not every open flag in the index of kinds."""
    scoped = select(households.c.household_id).where(where)
    return (
        select(flags.c.kind, func.count(func.distinct(flags.c.household_id)))
        .where(flags.c.household_id.in_(scoped), flags.c.cleared_at.is_(None))
        .group_by(flags.c.kind)
    )


def _wide_flag_counts(conn: Connection, where) -> dict[str, int]:
    """The flag counts of a wide scope: per kind, walking its open flags
    (ix_flags_open_kind) until COUNT_CAP + 1 households of the scope are found."""
    counts = {
        kind: conn.execute(flag_count_query(where, kind)).scalar_one() for kind in review.FLAG_KINDS
    }
    return {kind: n for kind, n in counts.items() if n}


def scope_condition(scopes):
    """A SQL condition: a live household under one of the scopes."""
    return and_(rounds.under(scopes), households.c.deleted.is_(False))


def flag_count_query(where, kind: str):
    """How many households under where have an open flag of the kind, counting at most
    COUNT_CAP + 1: a select of one number."""
    q = (
        select(flags.c.household_id)
        .distinct()
        .join(households, households.c.household_id == flags.c.household_id)
        .where(where, flags.c.kind == kind, flags.c.cleared_at.is_(None))
    )
    return _capped(q)


def _reached_anomalies(conn: Connection, here, reached, wide: bool) -> dict[str, int]:
    """The anomaly count of the filter button, the households reached from here included
    (what flag=anomaly lists); {} when none is open. Exact for a kabupaten or narrower (read
    from the scope's and the reached households), capped for a wide scope."""
    open_anomaly = and_(flags.c.kind == review.FLAG_ANOMALY, flags.c.cleared_at.is_(None))
    if wide:
        q = (
            select(flags.c.household_id)
            .distinct()
            .join(households, households.c.household_id == flags.c.household_id)
            .where(or_(here, reached), open_anomaly)
        )
        n = _capped_count(conn, q)
    else:
        # Two index reads joined by UNION: PostgreSQL reads an OR of them by a scan of every
        # household (200 ms at 1M households for one desa).
        scoped = union(
            select(households.c.household_id).where(here),
            select(households.c.household_id).where(reached),
        )
        q = select(func.count(func.distinct(flags.c.household_id))).where(
            flags.c.household_id.in_(scoped), open_anomaly
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
