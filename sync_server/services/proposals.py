"""Approved proposals (usulan baru) get a permanent DTKS id: 10-digit desa code + 6-digit serial.

The household row, its members (renumbered household id + 2 digits), verifications (and so
their photo links), conflicts, flags, approvals and the requests it was proposed by (usul
warga, usulan Kemensos: services/citizen_requests.py) move to the new id; the proposal's row stays as a
tombstone (deleted, replaced_by) so pulls of its desa delete the UUID, and the new row carries
``replaces`` so the proposing device moves its local record. The audit log stays append-only:
history reads the old id's events through ``replaces``.
"""

from sqlalchemy import Connection, func, insert, select, update

from sync_server.db import jsontext
from sync_server.db.engine import Sequence
from sync_server.db.tables import (
    approvals,
    citizen_requests,
    conflicts,
    flags,
    households,
    members,
    verifications,
)
from sync_server.errors import StateConflict

SERIAL_DIGITS = 6
MEMBER_DIGITS = 2


def next_household_id(conn: Connection, desa: str) -> str:
    """The desa code plus the next free 6-digit serial in that desa (callers hold the write lock)."""
    if len(desa) != 10 or not desa.isdigit():
        raise StateConflict(
            f"kode wilayah {desa} is not a 10-digit desa code", field="kode_wilayah"
        )
    q = select(households.c.household_id).where(
        households.c.household_id >= desa + "0" * SERIAL_DIGITS,
        households.c.household_id <= desa + "9" * SERIAL_DIGITS,
        func.length(households.c.household_id) == 10 + SERIAL_DIGITS,
    )
    serials = [int(h[10:]) for h in conn.execute(q).scalars() if h[10:].isdigit()]
    serial = max(serials, default=0) + 1
    if serial >= 10**SERIAL_DIGITS:
        raise StateConflict(f"desa {desa} has no free household serial left")
    return f"{desa}{serial:0{SERIAL_DIGITS}d}"


def make_permanent(ctx, seq: Sequence) -> str:
    """Move the approved proposal of ctx (a review DecisionContext) to a permanent id; return it."""
    conn, old = ctx.conn, ctx.row.household_id
    row = conn.execute(select(households).where(households.c.household_id == old)).first()
    new = next_household_id(conn, row.kode_wilayah)
    copy = {c.name: getattr(row, c.name) for c in households.columns}
    copy.update(household_id=new, replaces=old, replaced_by=None, seq=seq.next())
    conn.execute(insert(households).values(**copy))
    renumbered = _move_members(conn, old, new)
    for table in (verifications, conflicts, flags, approvals, citizen_requests):
        conn.execute(update(table).where(table.c.household_id == old).values(household_id=new))
    for before, after in renumbered.items():
        conn.execute(
            update(conflicts)
            .where(conflicts.c.household_id == new, conflicts.c.member_id == before)
            .values(member_id=after)
        )
    conn.execute(
        update(households)
        .where(households.c.household_id == old)
        .values(deleted=True, replaced_by=new, seq=seq.next(), updated_at=ctx.now)
    )
    ctx.row = conn.execute(select(households).where(households.c.household_id == new)).first()
    ctx.audit(None, "@id", {"household_id": old}, {"household_id": new, "members": renumbered})
    return new


def _move_members(conn: Connection, old: str, new: str) -> dict[str, str]:
    """Renumber the proposal's members new + 01, 02... (head first); return {old id: new id}."""
    rows = conn.execute(select(members).where(members.c.household_id == old)).all()
    rows.sort(key=_member_order)
    if len(rows) >= 10**MEMBER_DIGITS:
        raise StateConflict(f"household {old}: too many members for 2-digit member numbers", old)
    renumbered = {}
    for i, m in enumerate(rows, start=1):
        after = f"{new}{i:0{MEMBER_DIGITS}d}"
        conn.execute(
            update(members)
            .where(members.c.member_id == m.member_id)
            .values(member_id=after, household_id=new, replaces=m.member_id)
        )
        renumbered[m.member_id] = after
    return renumbered


def _member_order(m) -> tuple:
    v = jsontext.loads(m.values)
    hubungan = v.get("hubungan")
    return (
        m.status != "active",
        hubungan if isinstance(hubungan, int) else 99,
        str(v.get("tanggal_lahir") or ""),
        m.member_id,
    )
