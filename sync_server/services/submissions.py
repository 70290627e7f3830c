"""Submissions (pengajuan berjenjang): a kabupaten/kota's approved households climb the chain.

A kabkota reviewer makes a draft of a round's approved households (``create``), attaches the
signed pengesahan scan and submits it; each level above forwards it, returns it (whole, or
single households with notes) one level down, and the last level establishes it. Every step
is decided by ``dtks.review`` (submission_step, household_step), written to the submission's
events and to each household's audit log (field ``@submission``). What a submission carries is
frozen when it is made (``submission_households.content``): a later change from the field
reopens the live household for kabkota's review and leaves the submission as it was.

    out = create(engine, user, "2026-11", "bnba", "32.04", None, device_id)
    decide(engine, user, out["submission_id"], "submit", pengesahan_sha256="...")
"""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, and_, bindparam, func, insert, select, update

from dtks import cycle, review, wilayah
from dtks import scope as scope_rule
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.engine import Sequence, write_transaction
from sync_server.db.tables import (
    audit,
    established,
    flags,
    households,
    pengesahan,
    submission_events,
    submission_households,
    submissions,
    users,
)
from sync_server.errors import (
    Forbidden,
    InvalidContent,
    NotFound,
    PengesahanMissing,
    ScopeViolation,
    StateConflict,
)
from sync_server.roles import can
from sync_server.scopes import normalise_scope
from sync_server.services import approvals, exports, reports, rounds
from sync_server.services import cycle as cycle_service
from sync_server.services.household_store import chunks, household_from_rows, load_rows
from sync_server.services.levels import acts_at, levels_of
from sync_server.services.users import User

ACTIVITIES = cycle.FIELD_ACTIVITIES
"""What a submission carries: the field work of one activity of the round (default bnba)."""
DEFAULT_ACTIVITY = cycle.BNBA
LIVE = (review.DRAFT, review.SUBMITTED, review.RETURNED)
"""Submission states in which its households are still held (returned: unless at kabkota)."""


@dataclass(frozen=True)
class Step:
    """One decision on a submission, as the service carries it."""

    decision: str
    note: str | None = None
    household_returns: dict | None = None
    pengesahan_sha256: str | None = None
    device_id: str | None = None


# --- who acts at which level ---------------------------------------------------------------


def _check_reviewer(user: User) -> None:
    if not can(user.role, "review"):
        raise Forbidden(f"role {user.role} cannot take part in submissions")


def _sees(user: User, scope: str) -> bool:
    """A submission is visible to its own kabkota and every level above that covers it."""
    return any(scope_rule.covers(s, scope) or scope_rule.covers(scope, s) for s in user.scopes)


# --- making a submission -------------------------------------------------------------------


def create(
    engine: Engine,
    user: User,
    round_: str,
    activity: str | None,
    scope: str | None,
    household_ids: list[str] | None,
    device_id: str | None = None,
) -> dict:
    """Make a draft of the round's approved households of scope not in another submission."""
    _check_reviewer(user)
    activity = activity or DEFAULT_ACTIVITY
    if activity not in ACTIVITIES:
        raise InvalidContent(
            f"activity {activity!r}: use {', '.join(ACTIVITIES)}", field="activity"
        )
    plain = _kabkota_scope(user, scope)
    with write_transaction(engine) as conn:
        seq, now = Sequence(conn), clock.now()
        ids = _candidates(conn, round_, plain, household_ids)
        sid = conn.execute(
            insert(submissions).values(
                round=round_,
                activity=activity,
                scope=plain,
                level=review.KABKOTA,
                state=review.DRAFT,
                created_by=user.id,
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        _add_households(conn, sid, ids, round_)
        sub = _row(conn, sid)
        _event(conn, sub, user, now, review.CREATE, sub.level, sub.state, None, {"count": len(ids)})
        step = Step(review.CREATE, device_id=device_id)
        rows = list(_live_rows(conn, ids).values())
        for part in chunks(rows):
            conn.execute(insert(audit), [_audit_row(user, now, step, r, sub) for r in part])
        seq.save()
        return {
            "submission_id": sid,
            "level": review.KABKOTA,
            "state": review.DRAFT,
            "count": len(ids),
            "round": round_,
            "activity": activity,
            "scope": plain,
        }


def _kabkota_scope(user: User, scope: str | None) -> str:
    """The scope a kabkota reviewer submits for: the one given (inside theirs) or their only one."""
    mine = [s for s, lv in levels_of(user).items() if lv == review.KABKOTA]
    if not mine:
        raise Forbidden(
            f"user {user.username} reviews at {', '.join(sorted(set(levels_of(user).values())))}: "
            "only a kabupaten/kota reviewer makes submissions"
        )
    if not scope:
        if len(mine) != 1:
            raise InvalidContent("give scope: you review more than one wilayah", field="scope")
        return mine[0]
    plain = normalise_scope(scope)
    if not any(scope_rule.covers(s, plain) for s in mine):
        raise ScopeViolation(f"scope {scope} lies outside your kabupaten/kota scopes")
    return plain


def held(conn: Connection, ids: list[str]) -> dict[str, int]:
    """{household_id: the submission holding it} for ids in a live submission."""
    out = {}
    for part in chunks(ids):
        q = (
            select(submission_households.c.household_id, submissions.c.id)
            .join(submissions, submissions.c.id == submission_households.c.submission_id)
            .where(
                submission_households.c.household_id.in_(part),
                submission_households.c.state == review.SUBMITTED,
                submissions.c.state.in_(LIVE),
            )
        )
        out.update(dict(conn.execute(q).all()))
    return out


def _candidates(conn, round_: str, scope: str, wanted: list[str] | None) -> list[str]:
    """The approved households of the round under scope (or the wanted ones, each checked)."""
    q = select(households.c.household_id, households.c.state, households.c.kode_wilayah).where(
        rounds.under([scope]), households.c.deleted.is_(False), rounds.in_round(conn, round_)
    )
    if wanted is not None:
        q = q.where(households.c.household_id.in_(wanted))
    rows = {r.household_id: r for r in conn.execute(q.order_by(households.c.household_id))}
    busy = held(conn, list(rows))
    if wanted is None:
        ids = [h for h, r in rows.items() if r.state == review.APPROVED and h not in busy]
        if not ids:
            raise StateConflict(
                f"round {round_}, scope {scope}: no approved household waits for a submission"
            )
        return ids
    for hid in dict.fromkeys(wanted):
        r = rows.get(hid)
        if r is None:
            raise InvalidContent(
                f"household {hid} is not a household of round {round_} under {scope}",
                hid,
                "household_ids",
            )
        if hid in busy:
            raise StateConflict(f"household {hid} is in submission {busy[hid]} already", hid)
        if r.state != review.APPROVED:
            raise StateConflict(f"household {hid} is {r.state}, not approved", hid)
    return list(dict.fromkeys(wanted))


def _add_households(conn, sid: int, ids: list[str], round_: str) -> None:
    """Freeze what the submission carries: each household, its members and its result row."""
    for part in chunks(ids):
        rows, member_rows = load_rows(conn, part)
        result = {r["household_id"]: r for r in exports.rows_of(conn, list(rows.values()), round_)}
        conn.execute(
            insert(submission_households),
            [
                {
                    "submission_id": sid,
                    "household_id": hid,
                    "state": review.SUBMITTED,
                    "content": jsontext.dumps(
                        {
                            "household": household_from_rows(rows[hid], member_rows[hid]).to_json(),
                            "row": result[hid],
                        }
                    ),
                }
                for hid in part
            ],
        )


# --- deciding --------------------------------------------------------------------------------


def decide(engine: Engine, user: User, sid: int, step: Step, chain=review.DEFAULT_CHAIN) -> dict:
    """Apply one decision of the level the submission waits at; return the submission."""
    _check_reviewer(user)
    with write_transaction(engine) as conn:
        sub = _visible(conn, user, sid)
        if not acts_at(user, sub.level, sub.scope):
            raise Forbidden(
                f"submission {sid} waits at {sub.level}; you review at "
                f"{', '.join(sorted(set(levels_of(user).values())))}"
            )
        if step.decision == review.RETURN and step.household_returns:
            _return_some(conn, user, sub, step, chain)
        else:
            _whole(conn, user, sub, step, chain)
        return _detail(conn, _row(conn, sid), user, chain)


def _whole(conn, user, sub, step: Step, chain) -> None:
    """A decision on the whole submission (submit, forward, return, establish, withdraw)."""
    try:
        state, level = review.submission_step(sub.state, step.decision, sub.level, chain)
    except review.IllegalStep as e:
        raise StateConflict(f"submission {sub.id}: {e}") from None
    seq, now = Sequence(conn), clock.now()
    ids = _members(conn, sub.id)
    detail: dict = {}
    if step.decision == review.SUBMIT:
        detail = _submit(conn, user, sub, step, ids, now)
    elif step.decision in (review.FORWARD, review.ESTABLISH) and not ids:
        raise StateConflict(f"submission {sub.id} has no household left in it")
    elif step.decision == review.RETURN:
        _need_note(step.note, "note")
    conn.execute(
        update(submissions)
        .where(submissions.c.id == sub.id)
        .values(state=state, level=level, updated_at=now, note=step.note or sub.note, **detail)
    )
    after = _row(conn, sub.id)
    _households_after(conn, user, sub, after, step, ids, seq, now)
    info = {"count": len(ids)}
    if detail:
        info["pengesahan_sha256"] = step.pengesahan_sha256
    _event(conn, sub, user, now, step.decision, level, state, step.note, info)
    seq.save()


def _households_after(conn, user, before, after, step: Step, ids, seq, now) -> None:
    """What a whole decision does to the submission's households."""
    decision, level = step.decision, before.level
    if decision == review.WITHDRAW:
        _set_members(conn, before.id, ids, review.WITHDRAWN)
    elif decision == review.FORWARD:
        approvals.record(conn, ids, level, user.id, now, before.id)
    elif decision == review.ESTABLISH:
        approvals.record(conn, ids, level, user.id, now, before.id)
        _establish(conn, user, before, ids, now)
    elif decision == review.RETURN and after.level == review.KABKOTA:
        _set_members(conn, before.id, ids, review.RETURNED, step.note)
    moves = _Moves(conn, user, now, seq)
    for row in _live_rows(conn, ids).values():
        moves.move(row, step, after, level)
    moves.write()


def _submit(conn, user, sub, step: Step, ids, now) -> dict:
    """The pengesahan gate, the deadline, and the households still approved; the scan's id."""
    activity = sub.activity if sub.activity in cycle.DESK_ACTIVITIES else cycle.PENGESAHAN
    cycle_service.check_deadline(conn, sub.round, activity, sub.scope)
    scan = _scan(conn, sub, step.pengesahan_sha256)
    if not ids:
        raise StateConflict(f"submission {sub.id} has no household left in it")
    states = dict(
        conn.execute(
            select(households.c.household_id, households.c.state).where(
                households.c.household_id.in_(ids)
            )
        ).all()
    )
    moved = sorted(h for h in ids if states.get(h) != review.APPROVED)
    if moved:
        raise StateConflict(
            f"submission {sub.id}: household {moved[0]} is {states.get(moved[0])} since the draft"
            f" was made ({len(moved)} in all); withdraw it and make a new one",
            moved[0],
        )
    return {"pengesahan_id": scan.id}


def _scan(conn, sub, sha: str | None):
    """The signed scan of the submission's round and scope named by sha, or 409 naming it."""
    where = f"round {sub.round}, scope {wilayah.dotted(sub.scope)}"
    upload = f"PUT /rounds/{sub.round}/pengesahan?scope={sub.scope}"
    if not sha:
        raise PengesahanMissing(
            f"submission {sub.id} needs the signed pengesahan scan of {where}: upload it "
            f"({upload}) and give its pengesahan_sha256",
            sub.id,
            sub.round,
            sub.scope,
        )
    scan = conn.execute(
        select(pengesahan).where(
            pengesahan.c.round == sub.round,
            pengesahan.c.scope == sub.scope,
            pengesahan.c.sha256 == sha.lower(),
        )
    ).first()
    if scan is None:
        raise PengesahanMissing(
            f"submission {sub.id}: no pengesahan scan {sha} of {where} was uploaded ({upload})",
            sub.id,
            sub.round,
            sub.scope,
        )
    other = conn.execute(
        select(submissions.c.id).where(submissions.c.pengesahan_id == scan.id)
    ).scalar()
    if other is not None:
        raise StateConflict(
            f"pengesahan {sha} is the signed scan of submission {other}; "
            f"submission {sub.id} needs its own",
            field="pengesahan_sha256",
        )
    return scan


def _return_some(conn, user, sub, step: Step, chain) -> None:
    """Return the named households one level down, split off into a returned child submission."""
    try:
        state, level = review.submission_step(sub.state, review.RETURN, sub.level, chain)
    except review.IllegalStep as e:
        raise StateConflict(f"submission {sub.id}: {e}") from None
    returns = dict(step.household_returns)
    inside = set(_members(conn, sub.id))
    for hid, note in returns.items():
        if hid not in inside:
            raise InvalidContent(
                f"submission {sub.id}, household_returns: household {hid} is not in it",
                hid,
                "household_returns",
            )
        returns[hid] = _need_note(note or step.note, f"household_returns.{hid}")
    seq, now = Sequence(conn), clock.now()
    child_id = conn.execute(
        insert(submissions).values(
            round=sub.round,
            activity=sub.activity,
            scope=sub.scope,
            level=level,
            state=state,
            note=step.note,
            parent_id=sub.id,
            created_by=user.id,
            created_at=now,
            updated_at=now,
        )
    ).inserted_primary_key[0]
    _split(conn, sub.id, child_id, returns, released=level == review.KABKOTA)
    child = _row(conn, child_id)
    detail = {"household_returns": returns, "into": child_id}
    _event(conn, sub, user, now, review.RETURN, sub.level, sub.state, step.note, detail)
    _event(conn, child, user, now, review.RETURN, level, state, step.note, {"from": sub.id})
    moves = _Moves(conn, user, now, seq)
    for hid, row in _live_rows(conn, list(returns)).items():
        moves.move(
            row, Step(review.RETURN, returns[hid], device_id=step.device_id), child, sub.level
        )
    moves.write()
    conn.execute(update(submissions).where(submissions.c.id == sub.id).values(updated_at=now))
    seq.save()


def _split(conn, parent: int, child: int, returns: dict, released: bool) -> None:
    """Move the returned households' rows from the parent into the child, with their notes."""
    rows = conn.execute(
        select(submission_households).where(
            submission_households.c.submission_id == parent,
            submission_households.c.household_id.in_(list(returns)),
        )
    ).all()
    for r in rows:
        note = returns[r.household_id]
        conn.execute(
            update(submission_households)
            .where(
                submission_households.c.submission_id == parent,
                submission_households.c.household_id == r.household_id,
            )
            .values(state=review.RETURNED, note=note)
        )
        conn.execute(
            insert(submission_households).values(
                submission_id=child,
                household_id=r.household_id,
                state=review.RETURNED if released else review.SUBMITTED,
                note=note,
                content=r.content,
            )
        )


def _live_rows(conn, ids: list[str]) -> dict:
    """{household_id: households row} of the ids, read in batches."""
    out = {}
    for part in chunks(ids):
        q = select(households).where(households.c.household_id.in_(part))
        out.update({r.household_id: r for r in conn.execute(q)})
    return out


class _Moves:
    """What one decision does to the live households, written together at the end: the state
    by the table, the note and a returned_from_above flag when returned to kabkota, and the
    step in each household's history. A household changed in the field since it was
    submitted (not where the table expects it) keeps its state."""

    def __init__(self, conn, user, now, seq):
        self.conn, self.user, self.now, self.seq = conn, user, now, seq
        self.updates, self.flags, self.audits = [], [], []

    def move(self, row, step: Step, sub, level: str) -> None:
        """Queue one household's move after step at level (sub: the submission after it)."""
        returned_here = step.decision == review.RETURN and sub.level == review.KABKOTA
        try:
            state = review.household_step(row.state, step.decision, level)
        except review.IllegalStep:  # changed in the field since: kabkota has it in review
            state = row.state if returned_here and row.state == review.NEEDS_REVIEW else None
        if state is None or (state == row.state and not returned_here):
            self.audits.append(_audit_row(self.user, self.now, step, row, sub))
            return
        note = step.note if returned_here else row.review_note
        self.updates.append(
            {"h_id": row.household_id, "state": state, "note": note, "seq": self.seq.next()}
        )
        if returned_here:
            self.flags.append(
                {
                    "household_id": row.household_id,
                    "kind": review.FLAG_RETURNED_FROM_ABOVE,
                    "detail": f"{level}: {step.note}"[:2000],
                    "created_at": self.now,
                }
            )
        self.audits.append(_audit_row(self.user, self.now, step, row, sub, state))

    def write(self) -> None:
        """Write the queued updates, flags and audit rows."""
        if self.updates:
            self.conn.execute(
                update(households)
                .where(households.c.household_id == bindparam("h_id"))
                .values(
                    state=bindparam("state"),
                    review_note=bindparam("note"),
                    seq=bindparam("seq"),
                    updated_at=self.now,
                ),
                self.updates,
            )
        for table, rows in ((flags, self.flags), (audit, self.audits)):
            if rows:
                self.conn.execute(insert(table), rows)


def _establish(conn, user, sub, ids: list[str], now: str) -> None:
    """The submission's content becomes the data of record of its households."""
    rows = conn.execute(
        select(submission_households).where(
            submission_households.c.submission_id == sub.id,
            submission_households.c.household_id.in_(ids),
        )
    ).all()
    conn.execute(
        insert(established),
        [
            {
                "household_id": r.household_id,
                "kode_wilayah": jsontext.loads(r.content)["household"]["values"]["kode_wilayah"],
                "round": sub.round,
                "submission_id": sub.id,
                "content": jsontext.dumps(jsontext.loads(r.content)["household"]),
                "established_by": user.id,
                "established_at": now,
            }
            for r in rows
        ],
    )
    _set_members(conn, sub.id, ids, review.ESTABLISHED)


def _need_note(note: str | None, field: str) -> str:
    if not (note or "").strip():
        raise InvalidContent(f"{field}: returning needs a note saying what to fix", field=field)
    return note.strip()


def _set_members(conn, sid: int, ids: list[str], state: str, note: str | None = None) -> None:
    values = {"state": state} | ({"note": note} if note else {})
    for part in chunks(ids):
        conn.execute(
            update(submission_households)
            .where(
                submission_households.c.submission_id == sid,
                submission_households.c.household_id.in_(part),
            )
            .values(**values)
        )


def _members(conn, sid: int) -> list[str]:
    """The households still in the submission."""
    return list(
        conn.execute(
            select(submission_households.c.household_id)
            .where(
                submission_households.c.submission_id == sid,
                submission_households.c.state == review.SUBMITTED,
            )
            .order_by(submission_households.c.household_id)
        ).scalars()
    )


def _event(conn, sub, user, now, decision, level, state, note, detail) -> None:
    conn.execute(
        insert(submission_events).values(
            submission_id=sub.id,
            at=now,
            user_id=user.id,
            decision=decision,
            from_level=sub.level,
            to_level=level,
            from_state=sub.state,
            to_state=state,
            note=note,
            detail=jsontext.dumps(detail),
        )
    )


def _audit_row(user, now, step: Step, row, sub, state=None) -> dict:
    """The step in the household's history (audit field @submission), as a row to insert."""
    new = {
        "decision": step.decision,
        "submission_id": sub.id,
        "level": sub.level,
        "submission_state": sub.state,
    }
    if state is not None:
        new["state"] = state
    if step.note and state is not None:
        new["note"] = step.note
    return {
        "at": now,
        "user_id": user.id,
        "device_id": step.device_id,
        "household_id": row.household_id if row is not None else None,
        "field": "@submission",
        "old": jsontext.dumps({"state": row.state} if row is not None else None),
        "new": jsontext.dumps(new),
    }


# --- reading ---------------------------------------------------------------------------------


def _row(conn, sid: int):
    row = conn.execute(select(submissions).where(submissions.c.id == sid)).first()
    if row is None:
        raise NotFound(f"submission {sid} does not exist")
    return row


def _visible(conn, user: User, sid: int):
    row = _row(conn, sid)
    if not _sees(user, row.scope):
        raise ScopeViolation(f"submission {sid} (wilayah {row.scope}) lies outside your scopes")
    return row


def listing(
    engine: Engine,
    user: User,
    level=None,
    state=None,
    round_=None,
    scope=None,
    limit=200,
    offset=0,
) -> dict:
    """{submissions, total}: those visible to the user, newest change first."""
    _check_reviewer(user)
    q = select(submissions)
    if level:
        q = q.where(submissions.c.level == level)
    if state:
        q = q.where(submissions.c.state == state)
    if round_:
        q = q.where(submissions.c.round == round_)
    with engine.connect() as conn:
        rows = [r for r in conn.execute(q.order_by(submissions.c.updated_at.desc(), submissions.c.id.desc())) if _sees(user, r.scope)]  # fmt: skip
        if scope:
            plain = normalise_scope(scope)
            rows = [r for r in rows if scope_rule.covers(plain, r.scope)]
        page = rows[offset : offset + limit]
        counts = _counts(conn, [r.id for r in page])
        names = _names(conn, {r.created_by for r in page})
        return {"submissions": [_summary(r, counts, names) for r in page], "total": len(rows)}


def _counts(conn, ids: list[int]) -> dict[int, Counter]:
    out: dict[int, Counter] = {i: Counter() for i in ids}
    if ids:
        q = (
            select(
                submission_households.c.submission_id, submission_households.c.state, func.count()
            )
            .where(submission_households.c.submission_id.in_(ids))
            .group_by(submission_households.c.submission_id, submission_households.c.state)
        )
        for sid, state, n in conn.execute(q):
            out[sid][state] = n
    return out


def _names(conn, ids) -> dict[int, str]:
    ids = [i for i in ids if i is not None]
    if not ids:
        return {}
    return dict(conn.execute(select(users.c.id, users.c.username).where(users.c.id.in_(ids))).all())


def _summary(r, counts, names) -> dict:
    c = counts.get(r.id, Counter())
    return {
        "submission_id": r.id,
        "round": r.round,
        "activity": r.activity,
        "scope": r.scope,
        "scope_name": wilayah.lookup(r.scope) if r.scope else None,
        "level": r.level,
        "state": r.state,
        "note": r.note,
        "parent_id": r.parent_id,
        "count": c[review.SUBMITTED] + c[review.ESTABLISHED],
        "returned": c[review.RETURNED],
        "created_by": names.get(r.created_by),
        "created_at": r.created_at,
        "updated_at": r.updated_at,
    }


def detail(engine: Engine, user: User, sid: int, chain=review.DEFAULT_CHAIN) -> dict:
    """One submission: its households (as submitted), recap, history, scan and relatives."""
    _check_reviewer(user)
    with engine.connect() as conn:
        return _detail(conn, _visible(conn, user, sid), user, chain)


def decisions(user: User, sub, chain=review.DEFAULT_CHAIN) -> list[str]:
    """The decisions the user may take on the submission now (by the chain's table)."""
    if not acts_at(user, sub.level, sub.scope):
        return []
    table = review.submission_transitions(chain)
    return [d for d in review.SUBMISSION_DECISIONS if (sub.state, d, sub.level) in table]


def _detail(conn, sub, user, chain) -> dict:
    rows = conn.execute(
        select(submission_households)
        .where(submission_households.c.submission_id == sub.id)
        .order_by(submission_households.c.household_id)
    ).all()
    items = [_household_item(r) for r in rows]
    out = _summary(sub, _counts(conn, [sub.id]), _names(conn, {sub.created_by}))
    kept = [i for i in items if i["state"] != review.RETURNED]
    out.update(
        households=items,
        recap=recap(kept),
        history=_events(conn, sub.id),
        pengesahan=_scan_doc(conn, sub.pengesahan_id),
        decisions=decisions(user, sub, chain),
        children=list(
            conn.execute(
                select(submissions.c.id).where(submissions.c.parent_id == sub.id)
            ).scalars()
        ),
    )
    return out


def _household_item(r) -> dict:
    content = jsontext.loads(r.content)
    row = content["row"]
    return {
        "household_id": r.household_id,
        "state": r.state,
        "note": r.note,
        "kode_wilayah": row["kode_wilayah"],
        "desa": row["desa"],
        "nama_krt": row["nama_krt"],
        "alamat": row["alamat"],
        "hasil": row["hasil"],
        "status_rt": row["status_rt"],
        "eligibility_changed": bool(row["eligibility_changed"]),
        "approved_by": row["approved_by"],
    }


def recap(items: list[dict]) -> dict:
    """Counts of households by result (hasil '1', '2', '' for none) and by desa, with names."""
    by_result = Counter({"1": 0, "2": 0, "": 0})
    by_result.update(i["hasil"] or "" for i in items)
    desa: dict[str, Counter] = {}
    for i in items:
        c = desa.setdefault(i["kode_wilayah"], Counter())
        c["households"] += 1
        c[i["hasil"] or ""] += 1
    return {
        "households": len(items),
        "by_result": dict(by_result),
        "by_desa": [
            {
                "kode_wilayah": k,
                "desa": wilayah.lookup(k) or "",
                "households": c["households"],
                "layak": c["1"],
                "tidak_layak": c["2"],
                "tanpa_hasil": c[""],
            }
            for k, c in sorted(desa.items())
        ],
    }


def _events(conn, sid: int) -> list[dict]:
    q = (
        select(submission_events, users.c.username)
        .join(users, users.c.id == submission_events.c.user_id)
        .where(submission_events.c.submission_id == sid)
        .order_by(submission_events.c.id)
    )
    return [
        {
            "at": e.at,
            "user": e.username,
            "decision": e.decision,
            "from_level": e.from_level,
            "to_level": e.to_level,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "note": e.note,
            "detail": jsontext.loads(e.detail),
        }
        for e in conn.execute(q)
    ]


def _scan_doc(conn, scan_id) -> dict | None:
    if scan_id is None:
        return None
    r = conn.execute(
        select(pengesahan, users.c.username)
        .join(users, users.c.id == pengesahan.c.uploaded_by)
        .where(pengesahan.c.id == scan_id)
    ).first()
    return {
        "sha256": r.sha256,
        "size": r.size,
        "content_type": r.content_type,
        "uploaded_by": r.username,
        "uploaded_at": r.uploaded_at,
        "round": r.round,
        "scope": r.scope,
    }


def report(engine: Engine, user: User, sid: int) -> dict:
    """The BNBA JSON (docs/review-api.md) of the submission's content: the pengesahan draft's data."""
    _check_reviewer(user)
    with engine.connect() as conn:
        sub = _visible(conn, user, sid)
        rows = conn.execute(
            select(submission_households.c.content).where(
                and_(
                    submission_households.c.submission_id == sid,
                    submission_households.c.state != review.RETURNED,
                )
            )
        ).scalars()
        result = sorted((jsontext.loads(c)["row"] for c in rows), key=lambda r: r["household_id"])
    doc = reports.document(sub.round, sub.scope, result)
    doc.update(submission_id=sub.id, submission_state=sub.state, submission_level=sub.level)
    return doc
