"""Approvals of households, one row per level and time (the ``approvals`` table, append-only).

A kabkota reviewer's approval has no submission; a forward (provinsi) and the establishment
(kemensos) name the submission they approved the household in.

    record(conn, "3204122002000001", "kabkota", user.id, now)
    latest(conn, ["3204122002000001"])  # {household_id: Approval}
"""

from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select

from dtks import review
from sync_server.db.tables import approvals, users
from sync_server.services.household_store import chunks


@dataclass(frozen=True)
class Approval:
    """Who approved a household at a level, when, and in which submission."""

    household_id: str
    level: str
    username: str | None
    at: str
    submission_id: int | None


def record(
    conn: Connection, household_ids, level: str, user_id: int, at: str, submission_id=None
) -> None:
    """Append one approval per household (a str is one household)."""
    ids = [household_ids] if isinstance(household_ids, str) else list(household_ids)
    if ids:
        conn.execute(
            insert(approvals),
            [
                {
                    "household_id": hid,
                    "level": level,
                    "user_id": user_id,
                    "at": at,
                    "submission_id": submission_id,
                }
                for hid in ids
            ],
        )


def latest(conn: Connection, ids: list[str], level: str = review.KABKOTA) -> dict[str, Approval]:
    """{household_id: its newest approval at the level} for the ids that have one."""
    out = {}
    for part in chunks(ids):
        newest = (
            select(func.max(approvals.c.id))
            .where(approvals.c.household_id.in_(part), approvals.c.level == level)
            .group_by(approvals.c.household_id)
        )
        q = (
            select(approvals, users.c.username)
            .outerjoin(users, users.c.id == approvals.c.user_id)
            .where(approvals.c.id.in_(newest))
        )
        for r in conn.execute(q):
            out[r.household_id] = _approval(r)
    return out


def history(conn: Connection, household_id: str) -> list[Approval]:
    """Every approval of one household, oldest first."""
    q = (
        select(approvals, users.c.username)
        .outerjoin(users, users.c.id == approvals.c.user_id)
        .where(approvals.c.household_id == household_id)
        .order_by(approvals.c.id)
    )
    return [_approval(r) for r in conn.execute(q)]


def _approval(r) -> Approval:
    return Approval(r.household_id, r.level, r.username, r.at, r.submission_id)
