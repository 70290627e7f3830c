"""Review: the queue of flagged households, one household's full picture, and decisions.

A decision is ``resolve`` (settle conflicts by taking the server's value, the client's, or a
new one), ``approve`` (only with no open conflict) or ``return`` (back to the enumerator with
a note). Every decision bumps the household's sequence number, so the enumerator's next pull
carries the resolved values and the review state and note.
"""

from sqlalchemy import Connection, Engine, func, insert, select, update

from dtks import moves, review
from dtks.merge import DATE_FIELD, DELETED_FIELD, REASON_FIELD, STATUS_FIELD
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import (
    audit,
    conflicts,
    flags,
    households,
    members,
    photos,
    tombstones,
    users,
    verifications,
)
from sync_server.errors import InvalidContent, ScopeViolation, StateConflict
from sync_server.services import (
    anomalies,
    approvals,
    citizen_requests,
    history,
    move_history,
    tasks,
    validation,
)
from sync_server.services.access import reviewable_household
from sync_server.services.anomalies import open_anomalies
from sync_server.services.household_store import household_from_rows, load_rows
from sync_server.services.levels import check_household_level
from sync_server.services.users import User


def open_flags(conn, ids) -> dict[str, set[str]]:
    """{household_id: its open flag kinds} for the ids."""
    out: dict[str, set[str]] = {}
    if ids:
        q = select(flags.c.household_id, flags.c.kind).where(
            flags.c.household_id.in_(ids), flags.c.cleared_at.is_(None)
        )
        for r in conn.execute(q):
            out.setdefault(r.household_id, set()).add(r.kind)
    return out


def open_conflict_counts(conn, ids) -> dict[str, int]:
    """{household_id: number of open conflicts} for the ids that have any."""
    if not ids:
        return {}
    q = (
        select(conflicts.c.household_id, func.count())
        .where(conflicts.c.household_id.in_(ids), conflicts.c.resolved_at.is_(None))
        .group_by(conflicts.c.household_id)
    )
    return dict(conn.execute(q).all())


def conflict_key(member_id: str | None, field: str) -> str:
    """How a conflict is named in ``choices``: the field, or 'member_id.field' for a member's."""
    return f"{member_id}.{field}" if member_id else field


def detail(conn: Connection, user: User, household_id: str) -> dict:
    """Everything a reviewer needs about one household (also for the receiving reviewer of
    its pending move, and a reviewer of a region its ids point to while it is listed in the
    wrong wilayah); ``household.moves`` is its record of moves, as the pull carries it."""
    row = reviewable_household(conn, user, household_id, incoming=True)
    rows, member_rows = load_rows(conn, [household_id])
    household = household_from_rows(row, member_rows[household_id]).to_json()
    found = open_anomalies(conn, [household_id]).get(household_id, [])
    asked = citizen_requests.of_households(conn, [household_id], open_only=True)
    household.update(
        state=row.state,
        note=row.review_note,
        kode_wilayah=row.kode_wilayah,
        proposed=row.proposed,
        anomalies=[a.to_json() for a in found],
        tasks=tasks.of(row, found, asked.get(household_id, ())),
        moves=[
            m.to_json()
            for m in move_history.of_households(conn, [household_id]).get(household_id, ())
        ],  # fmt: skip
    )
    return {
        "household": household,
        "conflicts": _conflicts(conn, household_id),
        "flags": _flags(conn, household_id),
        "verifications": _verifications(conn, household_id),
        "photos": _photos(conn, household_id),
        "history": history.events(conn, household_id),
        "anomalies": household["anomalies"],
        "requests": citizen_requests.shown(conn, household_id),
    }


def _conflicts(conn, household_id) -> list[dict]:
    resolver = users.alias("resolver")
    q = (
        select(conflicts, users.c.username, resolver.c.username.label("resolver_name"))
        .outerjoin(users, users.c.id == conflicts.c.user_id)
        .outerjoin(resolver, resolver.c.id == conflicts.c.resolved_by)
        .where(conflicts.c.household_id == household_id)
        .order_by(conflicts.c.id)
    )
    return [
        {
            "id": r.id,
            "key": conflict_key(r.member_id, r.field),
            "field": r.field,
            "member_id": r.member_id,
            "kind": r.kind,
            "base": jsontext.loads(r.base),
            "server": jsontext.loads(r.server),
            "client": jsontext.loads(r.client),
            "changeset_id": r.changeset_id,
            "user": r.username,
            "at": r.created_at,
            "resolved": r.resolved_at is not None,
            "resolved_by": r.resolver_name,
            "resolved_at": r.resolved_at,
            "resolution": jsontext.loads(r.resolution),
        }
        for r in conn.execute(q)
    ]


def _flags(conn, household_id) -> list[dict]:
    q = select(flags).where(flags.c.household_id == household_id).order_by(flags.c.id)
    return [
        {
            "kind": r.kind,
            "detail": r.detail,
            "changeset_id": r.changeset_id,
            "at": r.created_at,
            "open": r.cleared_at is None,
        }
        for r in conn.execute(q)
    ]


def _verifications(conn, household_id) -> list[dict]:
    q = (
        select(verifications, users.c.username)
        .join(users, users.c.id == verifications.c.user_id)
        .where(verifications.c.household_id == household_id)
        .order_by(verifications.c.id)
    )
    return [
        {
            "round": r.round,
            "user": r.username,
            "device_id": r.device_id,
            "mode": r.mode,
            "changeset_id": r.changeset_id,
            "form_id": r.form_id,
            "form_version": r.form_version,
            "status": r.status,
            "result": r.result,
            "answers": jsontext.loads(r.answers),
            "gps": jsontext.loads(r.gps),
            "photos": jsontext.loads(r.photos),
            "started_at": r.started_at,
            "finished_at": r.finished_at,
            "received_at": r.received_at,
            "late": bool(r.late),
            "late_for": r.late_for,
        }
        for r in conn.execute(q)
    ]


def _photos(conn, household_id) -> list[dict]:
    hashes = []
    for r in conn.execute(
        select(verifications.c.photos).where(verifications.c.household_id == household_id)
    ):
        hashes += [h for h in jsontext.loads(r.photos) if h not in hashes]
    if not hashes:
        return []
    rows = {r.sha256: r for r in conn.execute(select(photos).where(photos.c.sha256.in_(hashes)))}
    return [
        {"sha256": h, "size": rows[h].size, "url": f"/api/v1/photos/{h}"}
        for h in hashes
        if h in rows
    ]


def decide(
    engine: Engine, user: User, household_id: str, decision: str, choices: dict, note, device_id
):
    """Apply a reviewer's decision; return the household's new {household_id, state, version,
    note, replaces} (an approved proposal answers under its new permanent id)."""
    with write_transaction(engine) as conn:
        row = reviewable_household(conn, user, household_id)
        check_household_level(user, row.kode_wilayah, household_id)
        if row.deleted:
            raise StateConflict(_gone(row), household_id)
        seq, now = Sequence(conn), clock.now()
        ctx = DecisionContext(conn, user, row, now, device_id)
        state = _step(row, decision)
        if decision == review.RESOLVE:
            if not choices:
                raise InvalidContent(
                    f"household {household_id}: resolve needs choices", household_id, "choices"
                )
            version = _resolve(ctx, choices)
            state = _state_after_resolve(conn, household_id)
        elif decision == review.APPROVE:
            version = _resolve(ctx, choices) if choices else row.version
            _check_approvable(conn, household_id)
            clear_flags(conn, household_id, user, now)
        else:
            if not (note or "").strip():
                raise InvalidContent(
                    f"household {household_id}, field note: returning needs a note for the enumerator",
                    household_id,
                    "note",
                )
            version = row.version
        out = record_decision(ctx, seq, state, note, version)
        if ctx.row.kode_wilayah != row.kode_wilayah:  # resolved into another desa
            conn.execute(
                insert(tombstones).values(
                    household_id=household_id, kode_wilayah=row.kode_wilayah, seq=seq.next()
                )
            )
        if state == review.APPROVED and row.proposed and row.replaces is None:
            from sync_server.services.proposals import make_permanent

            out["household_id"] = make_permanent(ctx, seq)
            out["replaces"] = household_id
        seq.save()
        if out["replaces"]:
            # The worklist and the NIK index follow the new id and member ids (after
            # seq.save: the refresh hands out sequence numbers of its own).
            anomalies.refresh(conn, [household_id, out["household_id"]])
        return out


def _step(row, decision: str) -> str:
    """The state a household decision leads to (kabkota's), or 409 naming why not."""
    try:
        return review.household_step(row.state, decision, review.KABKOTA)
    except review.IllegalStep as e:
        raise StateConflict(f"household {row.household_id}: {e}", row.household_id) from None


def _check_approvable(conn, household_id: str) -> None:
    """409 while a conflict is open or another flag that blocks approval is."""
    if open_conflict_counts(conn, [household_id]):
        raise StateConflict(
            f"household {household_id}: resolve its open conflicts before approving",
            household_id,
        )
    held = review.blocking(open_flags(conn, [household_id]).get(household_id, set()))
    held.discard(review.FLAG_CONFLICT)  # settled once no conflict row is open
    if held:
        raise StateConflict(
            f"household {household_id}: clear its open {', '.join(sorted(held))} "
            "flag before approving",
            household_id,
        )


def _gone(row) -> str:
    if row.replaced_by:
        return f"household {row.household_id} was approved as {row.replaced_by}; use that id"
    return f"household {row.household_id} is deleted"


def record_decision(ctx: "DecisionContext", seq: Sequence, state: str, note, version: int) -> dict:
    """Write the household's new state and note (approval: a row of approvals), audited as @review."""
    row = ctx.row
    new_note = note if note is not None else row.review_note
    values = dict(state=state, review_note=new_note, version=version, seq=seq.next())
    if state == review.APPROVED:
        approvals.record(ctx.conn, row.household_id, review.KABKOTA, ctx.user.id, ctx.now)
        citizen_requests.close(ctx.conn, row.household_id, ctx.now)
    ctx.conn.execute(
        update(households)
        .where(households.c.household_id == row.household_id)
        .values(updated_at=ctx.now, **values)
    )
    ctx.audit(
        None,
        "@review",
        {"state": row.state, "note": row.review_note},
        {"state": state, "note": new_note},
    )
    return {
        "household_id": row.household_id,
        "state": state,
        "version": version,
        "note": new_note,
        "replaces": None,
    }


class DecisionContext:
    """What a decision needs at hand: connection, reviewer, household row, time, device."""

    def __init__(self, conn, user, row, now, device_id):
        self.conn, self.user, self.row, self.now, self.device_id = conn, user, row, now, device_id

    def audit(self, member_id, field, old, new):
        """Append one audit row for this household."""
        self.conn.execute(
            insert(audit).values(
                at=self.now,
                user_id=self.user.id,
                device_id=self.device_id,
                changeset_id=None,
                household_id=self.row.household_id,
                member_id=member_id,
                field=field,
                old=jsontext.dumps(old),
                new=jsontext.dumps(new),
            )
        )


def _resolve(ctx: DecisionContext, choices: dict) -> int:
    """Settle the named open conflicts; return the household's (possibly new) version."""
    hid = ctx.row.household_id
    open_rows = ctx.conn.execute(
        select(conflicts).where(conflicts.c.household_id == hid, conflicts.c.resolved_at.is_(None))
    ).all()
    by_key: dict[str, list] = {}
    for c in open_rows:
        by_key.setdefault(conflict_key(c.member_id, c.field), []).append(c)
    version = ctx.row.version + 1
    changed = False
    for key, choice in choices.items():
        rows = by_key.get(key)
        if not rows:
            raise InvalidContent(
                f"household {hid}, field {key}: no open conflict on this field", hid, key
            )
        value = _chosen_value(hid, key, rows, choice)
        if choice["take"] != "server":
            changed |= _set_value(ctx, rows[0].member_id, rows[0].field, value, version)
        for c in rows:
            ctx.conn.execute(
                update(conflicts)
                .where(conflicts.c.id == c.id)
                .values(
                    resolved_by=ctx.user.id,
                    resolved_at=ctx.now,
                    resolution=jsontext.dumps({"take": choice["take"], "value": value}),
                )
            )
    return version if changed else ctx.row.version


def _chosen_value(hid, key, rows, choice):
    take = choice.get("take")
    if take == "server":
        return None
    if take == "value":
        if "value" not in choice:
            raise InvalidContent(
                f"household {hid}, field {key}: take 'value' needs a value", hid, key
            )
        return choice["value"]
    clients = {c.client for c in rows}
    if len(clients) > 1:
        raise InvalidContent(
            f"household {hid}, field {key}: the clients sent different values; take 'value' and give one",
            hid,
            key,
        )
    return jsontext.loads(rows[0].client)


def set_value(ctx: DecisionContext, member_id, field, value, version) -> bool:
    """Write one chosen value (validated like a push) with its audit row; True if it changed
    (the review's resolve and the PAPI adjudication)."""
    return _set_value(ctx, member_id, field, value, version)


def _set_value(ctx: DecisionContext, member_id, field, value, version) -> bool:
    """Write one resolved value (validated like a push) with its audit row; True if it changed."""
    hid = ctx.row.household_id
    if member_id is None:
        if field == DELETED_FIELD:
            return _set_column(
                ctx,
                households,
                households.c.household_id == hid,
                "deleted",
                bool(value),
                field,
                None,
            )
        column = validation.HOUSEHOLD_FIELDS.get(field)
        if column is None:
            raise InvalidContent(f"household {hid}, field {field}: cannot be set", hid, field)
        validation.check_value("household", hid, column, value)
        values = jsontext.loads(ctx.row.values)
        if values.get(field) == value:
            return False
        if field == moves.FIELD:
            _check_move(ctx, value)
        ctx.audit(None, field, values.get(field), value)
        values[field] = value
        kode = values.get("kode_wilayah", ctx.row.kode_wilayah)
        ctx.conn.execute(
            update(households)
            .where(households.c.household_id == hid)
            .values(values=jsontext.dumps(values), kode_wilayah=kode)
        )
        ctx.row = ctx.conn.execute(
            select(households).where(households.c.household_id == hid)
        ).first()
        return True
    return _set_member_value(ctx, member_id, field, value, version)


def _check_move(ctx: DecisionContext, kode: str) -> None:
    """A resolve may move a household only where a push of the reviewer could: across
    kabupaten/kota or out of their scope it is the receiving side's move (services/moves)."""
    if moves.needs_confirmation(ctx.row.kode_wilayah, kode, ctx.user.scopes):
        hid = ctx.row.household_id
        raise ScopeViolation(
            f"household {hid}, field {moves.FIELD}: {kode} lies outside your scope or "
            "kabupaten/kota; a reviewer there confirms such a move (GET /review/moves)",
            hid,
            moves.FIELD,
        )


_PSEUDO = {STATUS_FIELD: "status", REASON_FIELD: "removal_reason", DATE_FIELD: "removal_date"}


def _set_member_value(ctx: DecisionContext, member_id, field, value, version) -> bool:
    hid = ctx.row.household_id
    where = members.c.member_id == member_id
    m = ctx.conn.execute(select(members).where(where)).first()
    if m is None:
        raise InvalidContent(
            f"household {hid}, field {member_id}.{field}: no such member", hid, field
        )
    if field in _PSEUDO:
        return _set_column(ctx, members, where, _PSEUDO[field], value, field, member_id, version)
    column = validation.MEMBER_FIELDS.get(field)
    if column is None:
        raise InvalidContent(
            f"household {hid}, field {member_id}.{field}: cannot be set", hid, field
        )
    validation.check_value("household", hid, column, value, f"{member_id}.{field}")
    values = jsontext.loads(m.values)
    if values.get(field) == value:
        return False
    ctx.audit(member_id, field, values.get(field), value)
    values[field] = value
    ctx.conn.execute(
        update(members).where(where).values(values=jsontext.dumps(values), version=version)
    )
    return True


def _set_column(ctx, table, where, column, value, field, member_id, version=None) -> bool:
    old = ctx.conn.execute(select(table.c[column]).where(where)).scalar_one()
    if old == value:
        return False
    ctx.audit(member_id, field, old, value)
    values = {column: value}
    if version is not None:
        values["version"] = version
    ctx.conn.execute(update(table).where(where).values(**values))
    return True


def _state_after_resolve(conn, household_id) -> str:
    now = clock.now()
    if not open_conflict_counts(conn, [household_id]):
        conn.execute(
            update(flags)
            .where(
                flags.c.household_id == household_id,
                flags.c.kind == review.FLAG_CONFLICT,
                flags.c.cleared_at.is_(None),
            )
            .values(cleared_at=now)
        )
    remaining = open_flags(conn, [household_id]).get(household_id, set())
    return review.state_after_resolve(remaining)


def clear_flags(conn, household_id, user, now) -> None:
    """Clear every open flag of a household (an approval)."""
    conn.execute(
        update(flags)
        .where(flags.c.household_id == household_id, flags.c.cleared_at.is_(None))
        .values(cleared_at=now, cleared_by=user.id)
    )
