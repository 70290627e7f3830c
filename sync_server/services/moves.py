"""Pending moves: a household's change of kode_wilayah that the receiving side must confirm.

The rule of when a move waits is ``dtks.moves.needs_confirmation``. A push that would move a
household out of the pusher's scope (or into another kabupaten/kota) applies everything else
it carries; the kode_wilayah change becomes a row of ``household_moves`` (state pending) with
an open ``move_pending`` flag on the household, and the reply tells the client the field is in
conflict (the server value stays until a reviewer decides). A reviewer whose scope covers the
new code confirms (the household moves: new version, sequence number, tombstone for the old
desa, audit row) or refuses (it stays; the proposed value stays in the row; the household's
sequence number moves, so the field learns of the refusal at the next pull, where every
household carries its moves: services/move_history.py). Other sources of
a move (a household listed in the wrong wilayah) call ``propose`` with their own ``source``.

    change, move = split_move(change, row.kode_wilayah, writer_scopes)
"""

from dataclasses import dataclass, replace

from sqlalchemy import Connection, Engine, insert, select, update

from dtks import moves as rule
from dtks.model import ConflictRecord, HouseholdChange, HouseholdReply
from dtks.review import FLAG_MOVE_PENDING, FLAG_NEEDS_REVIEW, NEEDS_REVIEW, state_after_resolve
from dtks.scope import covers_any
from dtks.wilayah import dotted
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import audit, flags, household_moves, households, tombstones, users
from sync_server.errors import NotFound, ScopeViolation, StateConflict
from sync_server.services import anomalies
from sync_server.services.household_store import household_from_rows, load_rows
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User

FIELD = rule.FIELD


@dataclass(frozen=True)
class PendingMove:
    """A proposed move of one household, not yet stored."""

    household_id: str
    from_kode: str
    to_kode: str
    base: str | None = None
    """What the client saw as the household's code (None: not from a client's edit)."""


def split_move(
    change: HouseholdChange, server_kode: str, writer_scopes
) -> tuple[HouseholdChange, PendingMove | None]:
    """Take a kode_wilayah change that needs confirmation out of a household change."""
    fc = change.fields.get(FIELD)
    if change.new or fc is None or not isinstance(fc.value, str) or fc.value == server_kode:
        return change, None
    if not rule.needs_confirmation(server_kode, fc.value, writer_scopes):
        return change, None
    rest = {k: v for k, v in change.fields.items() if k != FIELD}
    base = fc.base if isinstance(fc.base, str) else None
    return replace(change, fields=rest), PendingMove(
        change.household_id, server_kode, fc.value, base
    )


def message(move: PendingMove) -> str:
    """What the client and the flag say about a held move."""
    return (
        f"household {move.household_id}, field {FIELD}: the move from {dotted(move.from_kode)} "
        f"to {dotted(move.to_kode)} waits for a reviewer of {dotted(move.to_kode)} to confirm it"
    )


def held_reply(reply: HouseholdReply, move: PendingMove) -> HouseholdReply:
    """The reply of a household whose move is held: a conflict on kode_wilayah, server kept."""
    conflict = ConflictRecord(FIELD, move.base, move.from_kode, move.to_kode)
    text = message(move) if not reply.message else f"{reply.message}; {message(move)}"
    return replace(reply, outcome="conflict", conflicts=[*reply.conflicts, conflict], message=text)


def flag_row(move: PendingMove, changeset_id: str | None, now: str) -> dict:
    """The open move_pending flag of a held move."""
    return {
        "household_id": move.household_id,
        "kind": FLAG_MOVE_PENDING,
        "detail": message(move),
        "changeset_id": changeset_id,
        "created_at": now,
    }


def propose(
    conn: Connection,
    move: PendingMove,
    user: User,
    now: str,
    changeset_id: str | None = None,
    source: str = rule.SOURCE_PUSH,
    note: str | None = None,
) -> int:
    """Store a pending move and return its id (one pending per household: an older one to
    elsewhere is superseded; the same move pending already is returned as it is)."""
    pending = conn.execute(
        select(household_moves.c.id, household_moves.c.to_kode).where(
            household_moves.c.household_id == move.household_id,
            household_moves.c.state == rule.PENDING,
        )
    ).all()
    same = [p.id for p in pending if p.to_kode == move.to_kode]
    if same:
        return same[0]
    if pending:
        conn.execute(
            update(household_moves)
            .where(household_moves.c.id.in_([p.id for p in pending]))
            .values(state=rule.SUPERSEDED, decided_at=now)
        )
    return conn.execute(
        insert(household_moves).values(
            household_id=move.household_id,
            from_kode=move.from_kode,
            to_kode=move.to_kode,
            base=move.base,
            state=rule.PENDING,
            source=source,
            changeset_id=changeset_id,
            proposed_by=user.id,
            proposed_at=now,
            note=note,
        )
    ).inserted_primary_key[0]


def listing(conn: Connection, user: User, scope: str | None, state: str | None) -> list[dict]:
    """Moves into or out of the reviewer's scope (pending by default), oldest first, each with
    the household as it is now and whether this reviewer may decide it."""
    scopes = reviewer_scopes(user, scope)
    q = _query().where(household_moves.c.state == (state or rule.PENDING))
    rows = [
        r
        for r in conn.execute(q)
        if covers_any(scopes, r.to_kode) or covers_any(scopes, r.from_kode)
    ]
    found, member_rows = load_rows(conn, sorted({r.household_id for r in rows}))
    out = []
    for r in rows:
        h = found.get(r.household_id)
        household = household_from_rows(h, member_rows[r.household_id]).to_json() if h else None
        out.append(_move(r) | {"household": household, "can_decide": _may_decide(user, r)})
    return out


def of_household(conn: Connection, user: User, household_id: str) -> list[dict]:
    """The household's pending moves, each saying whether this user may decide it (the review
    detail shows them: the move's own reviewer confirms or refuses it)."""
    q = _query().where(
        household_moves.c.household_id == household_id, household_moves.c.state == rule.PENDING
    )
    return [_move(r) | {"can_decide": _may_decide(user, r)} for r in conn.execute(q)]


def decide(
    engine: Engine, user: User, move_id: int, decision: str, note: str | None, device_id
) -> dict:
    """Confirm or refuse a pending move as a reviewer of its new wilayah; return the move."""
    new_state = rule.state_after(decision)
    with write_transaction(engine) as conn:
        row = conn.execute(_query().where(household_moves.c.id == move_id)).first()
        scopes = reviewer_scopes(user, None)
        if row is None or not (
            covers_any(scopes, row.to_kode) or covers_any(scopes, row.from_kode)
        ):
            raise NotFound(f"move {move_id} does not exist")
        if not _may_decide(user, row):
            raise ScopeViolation(
                f"move {move_id} of household {row.household_id}: only a reviewer of "
                f"{dotted(row.to_kode)} decides it",
                row.household_id,
            )
        if row.state != rule.PENDING:
            raise StateConflict(
                f"move {move_id} of household {row.household_id} is {row.state} already",
                row.household_id,
            )
        now = clock.now()
        if decision == rule.CONFIRM:
            _move_household(conn, user, row, now, device_id)
        conn.execute(
            update(household_moves)
            .where(household_moves.c.id == move_id)
            .values(state=new_state, decided_by=user.id, decided_at=now, decision_note=note)
        )
        if decision == rule.CONFIRM:
            # The worklist where it now lies: the confirmed move settles its wilayah.
            anomalies.refresh(conn, [row.household_id])
        else:
            _touch(conn, row.household_id)
        _settle(conn, user, row.household_id, now)
        return _move(conn.execute(_query().where(household_moves.c.id == move_id)).one())


def _move_household(conn: Connection, user: User, move, now: str, device_id) -> None:
    """Write the new kode_wilayah: version + 1, new seq, a tombstone for the old desa, audit
    (the caller re-checks the anomaly worklist once the move is confirmed)."""
    h = conn.execute(
        select(households).where(households.c.household_id == move.household_id)
    ).first()
    if h is None or h.deleted:
        raise StateConflict(
            f"household {move.household_id} is gone; the move cannot be confirmed",
            move.household_id,
        )
    values = jsontext.loads(h.values)
    old = h.kode_wilayah
    if old != move.from_kode:
        raise StateConflict(
            f"household {move.household_id} is in {dotted(old)} now, not {dotted(move.from_kode)}"
            "; refuse this move and let the field propose it again",
            move.household_id,
            FIELD,
        )
    values[FIELD] = move.to_kode
    seq = Sequence(conn)
    n = seq.next()
    conn.execute(
        update(households)
        .where(households.c.household_id == h.household_id)
        .values(
            values=jsontext.dumps(values),
            kode_wilayah=move.to_kode,
            version=h.version + 1,
            seq=n,
            updated_at=now,
        )
    )
    conn.execute(insert(tombstones).values(household_id=h.household_id, kode_wilayah=old, seq=n))
    conn.execute(
        insert(audit).values(
            at=now,
            user_id=user.id,
            device_id=device_id,
            changeset_id=move.changeset_id,
            household_id=h.household_id,
            member_id=None,
            field=FIELD,
            old=jsontext.dumps(old),
            new=jsontext.dumps(move.to_kode),
        )
    )
    seq.save()


def _touch(conn: Connection, household_id: str) -> None:
    """A new sequence number for the household: the next pull carries its moves."""
    seq = Sequence(conn)
    conn.execute(
        update(households).where(households.c.household_id == household_id).values(seq=seq.next())
    )
    seq.save()


def _settle(conn: Connection, user: User, household_id: str, now: str) -> None:
    """Clear the move_pending flag when no move of the household waits any more."""
    waiting = conn.execute(
        select(household_moves.c.id).where(
            household_moves.c.household_id == household_id,
            household_moves.c.state == rule.PENDING,
        )
    ).first()
    if waiting:
        return
    conn.execute(
        update(flags)
        .where(
            flags.c.household_id == household_id,
            flags.c.kind == FLAG_MOVE_PENDING,
            flags.c.cleared_at.is_(None),
        )
        .values(cleared_at=now, cleared_by=user.id)
    )
    remaining = {
        r.kind
        for r in conn.execute(
            select(flags.c.kind).where(
                flags.c.household_id == household_id, flags.c.cleared_at.is_(None)
            )
        )
    } - {FLAG_NEEDS_REVIEW}
    state = conn.execute(
        select(households.c.state).where(households.c.household_id == household_id)
    ).scalar_one()
    if state == NEEDS_REVIEW:
        conn.execute(
            update(households)
            .where(households.c.household_id == household_id)
            .values(state=state_after_resolve(remaining))
        )


def _may_decide(user: User, row) -> bool:
    return covers_any(user.scopes, row.to_kode)


def _query():
    proposer, decider = users.alias("proposer"), users.alias("decider")
    return (
        select(
            household_moves,
            proposer.c.username.label("proposed_by_name"),
            decider.c.username.label("decided_by_name"),
        )
        .join(proposer, proposer.c.id == household_moves.c.proposed_by)
        .outerjoin(decider, decider.c.id == household_moves.c.decided_by)
        .order_by(household_moves.c.id)
    )


def _move(r) -> dict:
    return {
        "move_id": r.id,
        "household_id": r.household_id,
        "from_kode": r.from_kode,
        "to_kode": r.to_kode,
        "state": r.state,
        "source": r.source,
        "changeset_id": r.changeset_id,
        "proposed_by": r.proposed_by_name,
        "proposed_at": r.proposed_at,
        "note": r.note,
        "decided_by": r.decided_by_name,
        "decided_at": r.decided_at,
        "decision_note": r.decision_note,
    }
