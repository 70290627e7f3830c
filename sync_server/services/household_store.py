"""Read households (with members, verifications, open flags) as dtks.model values, in batches."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, select

from dtks import review
from dtks.model import (
    Household,
    HouseholdState,
    Member,
    ReviewInfo,
    Verification,
    VerificationRecord,
)
from sync_server.db import jsontext
from sync_server.db.tables import flags, households, members, users, verifications

IN_BATCH = 500
"""Ids per IN (...) query: well under SQLite's and PostgreSQL's parameter limits."""


def chunks(ids: list, size: int = IN_BATCH) -> Iterable[list]:
    """Split a list into lists of at most size items."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def review_info(row) -> ReviewInfo | None:
    """The review part of a pulled household: shown once a reviewer has touched it."""
    if row.state in review.SHOWN_TO_FIELD or row.review_note:
        return ReviewInfo(row.state, row.review_note)
    return None


def member_from_row(row, values: dict | None = None) -> Member:
    """A members row as a dtks.model.Member (values: these instead of the row's own)."""
    return Member(
        member_id=row.member_id,
        status=row.status,
        values=jsontext.loads(row.values) if values is None else values,
        removal_reason=row.removal_reason,
        removal_date=date.fromisoformat(row.removal_date) if row.removal_date else None,
        version=row.version,
    )


def household_from_rows(row, member_rows) -> Household:
    """A households row and its members rows as a dtks.model.Household."""
    return Household(
        household_id=row.household_id,
        version=row.version,
        deleted=row.deleted,
        values=jsontext.loads(row.values),
        members=[member_from_row(m) for m in member_rows],
        review=review_info(row),
    )


def load_rows(conn: Connection, ids: list[str]):
    """Return ({id: households row}, {id: [members rows]}) for the ids that exist."""
    rows, member_rows = {}, defaultdict(list)
    for part in chunks(ids):
        for r in conn.execute(select(households).where(households.c.household_id.in_(part))):
            rows[r.household_id] = r
        for m in conn.execute(
            select(members)
            .where(members.c.household_id.in_(part))
            .order_by(members.c.household_id, members.c.member_id)
        ):
            member_rows[m.household_id].append(m)
    return rows, member_rows


def load_states(conn: Connection, ids: list[str]) -> dict[str, HouseholdState]:
    """Return the merge state of each existing household among ids."""
    return states_from_rows(conn, *load_rows(conn, ids))


def states_from_rows(conn: Connection, rows: dict, member_rows) -> dict[str, HouseholdState]:
    """The merge state of each household of rows (load_rows), its verifications and open
    flags read here."""
    found = list(rows)
    records, open_flags = defaultdict(list), defaultdict(set)
    for part in chunks(found):
        q = (
            select(verifications, users.c.username)
            .join(users, users.c.id == verifications.c.user_id)
            .where(verifications.c.household_id.in_(part))
            .order_by(verifications.c.id)
        )
        for v in conn.execute(q):
            records[v.household_id].append(verification_record(v))
        q = select(flags.c.household_id, flags.c.kind).where(
            flags.c.household_id.in_(part), flags.c.cleared_at.is_(None)
        )
        for f in conn.execute(q):
            open_flags[f.household_id].add(f.kind)
    return {
        hid: HouseholdState(
            household_from_rows(rows[hid], member_rows[hid]),
            records[hid],
            frozenset(open_flags[hid]),
        )
        for hid in found
    }


def verification_record(row) -> VerificationRecord:
    """A verifications row (joined with users.username) as a VerificationRecord."""
    verification = Verification.from_json(verification_json(row))
    return VerificationRecord(
        verification, row.changeset_id, row.device_id, row.round, row.mode or "CAPI", row.username
    )


def verification_json(row) -> dict:
    """The protocol JSON of a stored verification."""
    return {
        "status": row.status,
        "result": row.result,
        "answers": jsontext.loads(row.answers),
        "gps": jsontext.loads(row.gps),
        "photos": jsontext.loads(row.photos),
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        **({"papi": jsontext.loads(row.papi)} if getattr(row, "papi", None) else {}),
    }
