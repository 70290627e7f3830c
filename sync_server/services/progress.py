"""Progress of the field work per desa and per enumerator (GET /progress; DESIGN.md "Progress").

Per desa of the scope: live households; ``visited``: with a verification of the round (any
status); ``finalized``: with a finalized one; ``synced``: the server holds field data of it (a
verification of the round, or a field change applied from a change-set); ``approved``: passed
the first level (approved, submitted or established); ``returned``: sent back to the field;
``anomalies_open``: open anomalies of the worklist; ``requests_pending``: requests (usul
warga, sanggahan, usulan Kemensos) of its households still open without a finding. Per field user assigned within the scope:
the last sync (the newest change-set or bundle received from them; a pull that sent nothing
leaves no trace) with its device, days since then, households assigned and finalized by them.
Without a round: every round.
"""

from datetime import datetime

from sqlalchemy import Connection, false, func, select, union

from dtks import review, wilayah
from dtks.scope import covers_any
from sync_server import clock
from sync_server.db.tables import (
    anomalies,
    assignments,
    audit,
    bundles,
    changesets,
    citizen_requests,
    households,
    users,
    verifications,
)
from sync_server.roles import FIELD_ROLES
from sync_server.services import rounds
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User


def progress(conn: Connection, user: User, scope: str | None, round_: str | None) -> dict:
    """{"desa": [...], "users": [...]} within the user's scopes (403 outside them)."""
    scopes = reviewer_scopes(user, scope, "read_household")
    return {
        "scope": scope,
        "round": round_,
        "now": clock.now(),
        "desa": desa_counts(conn, scopes, round_),
        "users": user_rows(conn, scopes, round_),
    }


def _verified(round_: str | None, finalized: bool = False):
    q = select(verifications.c.household_id)
    if round_:
        q = q.where(verifications.c.round == round_)
    if finalized:
        q = q.where(verifications.c.status == "finalized")
    return q


def _count_in(ids) -> object:
    return func.count(households.c.household_id).filter(households.c.household_id.in_(ids))


def desa_counts(conn: Connection, scopes, round_: str | None) -> list[dict]:
    """One row per desa under the scopes, in kode wilayah order."""
    changed = select(audit.c.household_id).where(audit.c.changeset_id.is_not(None))
    synced = union(_verified(round_), changed)
    open_anomalies = (
        select(anomalies.c.household_id, func.count().label("n"))
        .where(anomalies.c.cleared_at.is_(None))
        .group_by(anomalies.c.household_id)
        .subquery()
    )
    pending = (
        select(citizen_requests.c.household_id, func.count().label("n"))
        .where(citizen_requests.c.closed_at.is_(None), citizen_requests.c.finding_result.is_(None))
        .group_by(citizen_requests.c.household_id)
        .subquery()
    )
    q = (
        select(
            households.c.kode_wilayah,
            func.count(households.c.household_id).label("households"),
            _count_in(_verified(round_)).label("visited"),
            _count_in(_verified(round_, True)).label("finalized"),
            _count_in(synced).label("synced"),
            func.count(households.c.household_id)
            .filter(households.c.state.in_(sorted(review.PASSED_FIRST_LEVEL)))
            .label("approved"),
            func.count(households.c.household_id)
            .filter(households.c.state == review.RETURNED)
            .label("returned"),
            func.coalesce(func.sum(open_anomalies.c.n), 0).label("anomalies_open"),
            func.coalesce(func.sum(pending.c.n), 0).label("requests_pending"),
        )
        .outerjoin(open_anomalies, open_anomalies.c.household_id == households.c.household_id)
        .outerjoin(pending, pending.c.household_id == households.c.household_id)
        .where(rounds.under(scopes), households.c.deleted == false())
        .group_by(households.c.kode_wilayah)
        .order_by(households.c.kode_wilayah)
    )
    return [
        {
            "kode_wilayah": wilayah.dotted(r.kode_wilayah),
            "name": wilayah.lookup(r.kode_wilayah) or "",
            "households": r.households,
            "visited": r.visited,
            "finalized": r.finalized,
            "synced": r.synced,
            "approved": r.approved,
            "returned": r.returned,
            "anomalies_open": int(r.anomalies_open),
            "requests_pending": int(r.requests_pending),
        }
        for r in conn.execute(q)
    ]


def _last_sync(conn: Connection, user_id: int) -> tuple[str | None, str | None]:
    """(when, device) of the newest change-set or bundle received from the user."""
    found = []
    for table in (changesets, bundles):
        row = conn.execute(
            select(table.c.received_at, table.c.device_id)
            .where(table.c.user_id == user_id)
            .order_by(table.c.received_at.desc())
            .limit(1)
        ).first()
        if row is not None:
            found.append((row.received_at, row.device_id))
    return max(found) if found else (None, None)


def _days_since(moment: str | None) -> int | None:
    if not moment:
        return None
    then = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    return (clock.current() - then).days


def user_rows(conn: Connection, scopes, round_: str | None) -> list[dict]:
    """One row per field user with an assignment (of the round) under the scopes, by name."""
    q = select(users.c.id, users.c.username, users.c.role, assignments.c.scope).join(
        assignments, assignments.c.user_id == users.c.id
    )
    if round_:
        q = q.where(assignments.c.round == round_)
    mine: dict[int, dict] = {}
    for r in conn.execute(q.where(users.c.role.in_(sorted(FIELD_ROLES)))):
        if covers_any(scopes, r.scope):
            mine.setdefault(r.id, {"username": r.username, "role": r.role, "scopes": set()})
            mine[r.id]["scopes"].add(r.scope)
    out = []
    for uid, u in mine.items():
        when, device = _last_sync(conn, uid)
        assigned = conn.execute(
            select(func.count()).where(
                rounds.under(sorted(u["scopes"])), households.c.deleted == false()
            )
        ).scalar()
        finalized = conn.execute(
            select(func.count(func.distinct(verifications.c.household_id))).where(
                verifications.c.user_id == uid,
                verifications.c.status == "finalized",
                *([verifications.c.round == round_] if round_ else []),
            )
        ).scalar()
        out.append(
            {
                "username": u["username"],
                "role": u["role"],
                "last_sync": when,
                "last_device_id": device,
                "days_since_sync": _days_since(when),
                "households_assigned": assigned,
                "finalized": finalized,
            }
        )
    return sorted(out, key=lambda row: row["username"])


__all__ = ["desa_counts", "progress", "user_rows"]
