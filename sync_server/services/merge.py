"""Apply a pushed change-set: validate all of it, merge each household by dtks.merge, store.

One change-set is one transaction: either every household of it is stored (values, members,
conflicts, flags, verifications, audit rows, the stored reply) or nothing is. The rule itself
lives in ``dtks.merge.merge_household``; this module only loads state, checks what the rule
cannot know (scope, columns, photos, the form) and writes the result.

    reply = push(engine, user, body_bytes, forms_dir=None)
"""

import logging
import os
import re
import sys
import time
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import DBAPIError

from dtks import anomalies as anomaly_rules
from dtks import cycle as cycle_rule
from dtks import findings, review
from dtks import merge as rule
from dtks.model import ChangeSet, ChangeSetReply, HouseholdChange, InvalidPayload, load_json
from dtks.review import (
    FLAG_ELIGIBILITY_CHANGED,
    FLAG_LATE,
    FLAG_MEMBER_REMOVED,
    FLAG_MOVE_PENDING,
    FLAG_NEW_HOUSEHOLD,
    FLAG_RESUBMITTED,
    FLAG_VALIDATION_WARNING,
)
from sync_server import clock, gcpause
from sync_server.db import jsontext
from sync_server.db.bulk import insert_rows, update_rows
from sync_server.db.engine import Sequence, lock_items, write_transaction
from sync_server.db.tables import (
    audit,
    changesets,
    conflicts,
    flags,
    households,
    members,
    tombstones,
    verifications,
)
from sync_server.errors import (
    ChangesetMismatch,
    Forbidden,
    InvalidContent,
    MalformedBody,
    ParadataTooLarge,
    PhotoMissing,
    ScopeViolation,
    StateConflict,
    UnknownHousehold,
)
from sync_server.roles import can
from sync_server.scopes import covers
from sync_server.services import (
    anomalies,
    citizen_requests,
    cycle,
    integrity,
    papi,
    plausibility,
    pull,
    validation,
)
from sync_server.services import moves as move_service
from sync_server.services import photos as photo_service
from sync_server.services.assignments import rounds_for
from sync_server.services.eligibility import changes_eligibility
from sync_server.services.form_check import check_answers
from sync_server.services.household_store import load_rows, states_from_rows
from sync_server.services.users import User

RETRIES = 5
RETRY_STATES = frozenset({"40P01", "40001"})
"""PostgreSQL deadlock and serialization failure: the push is run again from the start."""
log = logging.getLogger(__name__)
_HOUSEHOLD_PATH = re.compile(r"^households\[(\d+)\](?:\.(.*))?$")


def push(
    engine: Engine, user: User, body: bytes | dict, forms_dir=None, relayer_id: int | None = None
) -> dict:
    """Apply a change-set body for user; return the reply JSON (the stored one on replay).

    ``relayer_id`` is the user who uploaded it for ``user`` in a bundle (services/bundles.py):
    kept on the change-set and on each audit row, the collector staying ``user``."""
    if not can(user.role, "push"):
        raise Forbidden(f"role {user.role} cannot push change-sets")
    with gcpause.paused():
        return _push(engine, user, body, forms_dir, relayer_id)


def _push(engine: Engine, user: User, body: bytes | dict, forms_dir, relayer_id) -> dict:
    data = _load(body) if isinstance(body, bytes | str) else body
    changeset = _parse(data)
    fingerprint = changeset.fingerprint()
    for attempt in range(RETRIES):
        try:
            reply = _push_once(engine, user, changeset, fingerprint, forms_dir, relayer_id)
            integrity.after_push(engine, changeset)
            return reply
        except DBAPIError as e:
            if getattr(e.orig, "sqlstate", None) not in RETRY_STATES or attempt == RETRIES - 1:
                raise
            log.info("push %s: %s, tried again", changeset.changeset_id, e.orig.sqlstate)
    raise AssertionError("unreachable")


def _push_once(engine, user, changeset: ChangeSet, fingerprint: str, forms_dir, relayer_id):
    """One attempt of push, in one transaction: pushes run concurrently on PostgreSQL, each
    locking its change-set and households first (write_transaction shared)."""
    with write_transaction(engine, shared=True) as conn:
        lock_items(conn, "changeset", [changeset.changeset_id])
        lock_items(conn, "household", [h.household_id for h in changeset.households])
        stored = conn.execute(
            select(changesets.c.fingerprint, changesets.c.reply).where(
                changesets.c.changeset_id == changeset.changeset_id
            )
        ).first()
        if stored is not None:
            if stored.fingerprint != fingerprint:
                raise ChangesetMismatch(
                    f"changeset {changeset.changeset_id} was received before with other content; "
                    "send changed data under a new changeset_id"
                )
            return jsontext.loads(stored.reply)
        reply = _apply(conn, user, changeset, forms_dir, relayer_id)
        _fault_pause()
        conn.execute(
            insert(changesets).values(
                changeset_id=changeset.changeset_id,
                fingerprint=fingerprint,
                user_id=user.id,
                device_id=changeset.device_id,
                form_id=changeset.form_id,
                form_version=changeset.form_version,
                mode=changeset.mode,
                created_at=changeset.created_at.isoformat(),
                received_at=clock.now(),
                reply=jsontext.dumps(reply),
                relayer_id=relayer_id,
            )
        )
        return reply


def _fault_pause() -> None:
    """Fault-injection for the crash tests: hold the written, uncommitted transaction open."""
    delay = os.environ.get("VERIVALI_FAULT_PAUSE_BEFORE_COMMIT_S")
    if delay:
        print("fault pause: holding the transaction open", file=sys.stderr, flush=True)
        time.sleep(float(delay))


def _load(body: bytes | str):
    try:
        return load_json(body)
    except InvalidPayload as e:
        raise MalformedBody(f"body: {e.problem}") from None


def _parse(data) -> ChangeSet:
    try:
        return ChangeSet.from_json(data)
    except InvalidPayload as e:
        raise _payload_error(data, e) from None


def _payload_error(data, e: InvalidPayload) -> InvalidContent:
    """Name the household (by id, not index) and field of a protocol error."""
    kind = ParadataTooLarge if e.code == ParadataTooLarge.code else InvalidContent
    m = _HOUSEHOLD_PATH.match(e.path)
    if not m:
        return kind(f"{e.path}: {e.problem}", None, e.path)
    index, rest = int(m.group(1)), m.group(2) or ""
    hid = None
    try:
        hid = str(data["households"][index]["household_id"])
    except (KeyError, IndexError, TypeError):
        pass
    field = re.sub(r"^(fields|values)\.", "", rest) or None
    where = f"household {hid}" if hid else f"households[{index}]"
    return kind(f"{where}, field {field}: {e.problem}", hid, field)


@dataclass
class _Writes:
    """Rows to write for a whole change-set, collected and then written with executemany."""

    new_households: list = field(default_factory=list)
    household_updates: list = field(default_factory=list)
    new_members: list = field(default_factory=list)
    member_updates: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    flags: list = field(default_factory=list)
    verifications: list = field(default_factory=list)
    audit: list = field(default_factory=list)
    tombstones: list = field(default_factory=list)
    late: dict = field(default_factory=dict)
    """household_id -> the round whose window its verification missed."""
    moves: list = field(default_factory=list)
    """kode_wilayah changes held for the receiving side (services/moves.py)."""
    asked: dict = field(default_factory=dict)
    """household_id -> its open requests (services/citizen_requests.py), read before."""
    findings: list = field(default_factory=list)
    """Findings on those requests the change-set brings (citizen_requests.PushedFinding)."""


def _apply(conn: Connection, user: User, changeset: ChangeSet, forms_dir, relayer_id=None) -> dict:
    ids = [h.household_id for h in changeset.households]
    rows, member_rows = load_rows(conn, ids)  # whole households rows: kode, state, version...
    states = states_from_rows(conn, rows, member_rows)
    scopes = user.write_scopes(conn)
    elsewhere = [h for h, r in rows.items() if r is not None and not covers(scopes, r.kode_wilayah)]
    reached = pull.reaches(conn, elsewhere, scopes) if elsewhere else {}
    for change in changeset.households:
        row = rows.get(change.household_id)
        _validate(change, row, scopes, changeset, forms_dir, change.household_id in reached)
    _check_photos(conn, user, changeset)
    seq, now, writes, replies = Sequence(conn), clock.now(), _Writes(), []
    writes.asked = citizen_requests.of_households(conn, ids, open_only=True)
    rules = anomaly_rules.MemberRules()  # the warnings' member checks, reused by the worklist
    rounds: dict[str, str] = {}
    round_of = rounds_for(conn, user, changeset.form_id)  # assignments read once
    windows = cycle.window_rows(conn)  # each round's window rows read once
    cals: dict[str, object] = {}  # kode wilayah -> its calendars, read once per change-set
    late: dict[tuple, tuple] = {}  # (round, kode, activity) -> lateness, worked out once
    after: dict[str, object] = {}  # household id -> as this push leaves it
    for change in changeset.households:
        row = rows.get(change.household_id)
        move = None
        if row is not None:
            change, move = move_service.split_move(change, row.kode_wilayah, scopes)
        kode = row.kode_wilayah if row else change.values.get("kode_wilayah")
        # Listed elsewhere but reached through its id's desa: worked in the writer's desa.
        if len(reached.get(change.household_id, "")) == 10:
            kode = reached[change.household_id]
        if kode not in rounds:
            rounds[kode] = round_of(kode) or (changeset.created_at.strftime("%Y-%m"))
        if kode not in cals:
            cals[kode] = cycle.calendars(conn, kode, windows)
        counts_in, late_for = _lateness(conn, change, row, kode, rounds[kode], cals[kode], late)
        if late_for:
            writes.late[change.household_id] = late_for
        source = rule.Source.of(changeset, counts_in, user.username)
        try:
            merged = papi.merged_part(change)
            result = rule.merge_household(states.get(change.household_id), merged, source)
        except rule.InvalidChange as e:
            field = f"members.{e.member_id}" if e.member_id else None
            raise InvalidContent(str(e), e.household_id, field) from None
        before = states.get(change.household_id)
        _collect(writes, result, before, row, change, changeset, user, seq, now, move, rules)
        after[change.household_id] = result.state.household
        if move is None:
            replies.append(result.reply())
        else:
            writes.moves.append(move)
            replies.append(move_service.held_reply(result.reply(), move))
    for row in writes.audit:
        row["relayer_id"] = relayer_id
    _write(conn, writes)
    citizen_requests.record_findings(conn, writes.findings, user.id)
    for move in writes.moves:
        move_service.propose(conn, move, user, now, changeset.changeset_id)
    if writes.verifications:
        photo_service.link_changeset(conn, changeset.changeset_id)
    papi.compare_pushed(conn, changeset, user, forms_dir, seq, now)
    seq.save()
    anomalies.refresh(conn, ids, after, rules=rules)
    return ChangeSetReply(changeset.changeset_id, replies).to_json()


def _lateness(
    conn: Connection, change, row, kode: str, round_: str, cals, seen: dict
) -> tuple[str, str | None]:
    """(round the verification counts toward, round it missed or None): field data is never
    refused for lateness, it is applied and marked late (dtks.cycle). seen: what this
    change-set worked out already, by (round, kode, activity): the same answer for each of
    its households, as its rows are stamped with one time."""
    if change.verification is None:
        return round_, None
    activity = cycle_rule.field_activity(row is None)
    key = (round_, kode, activity)
    if key not in seen:
        seen[key] = cycle.lateness(conn, round_, kode, activity, cals)
    return seen[key]


def _validate(
    change: HouseholdChange, row, scopes, changeset: ChangeSet, forms_dir, reached=False
) -> None:
    """reached: the household is listed elsewhere but its ids point into the writer's scope."""
    hid = change.household_id
    if row is not None and row.replaced_by:
        raise StateConflict(
            f"household {hid} was approved as {row.replaced_by}: pull first, then send the "
            "edits under the new id",
            hid,
        )
    if row is None and not change.new:
        raise UnknownHousehold(
            f"household {hid}, field household_id: the server has no such household; "
            'a household proposed in the field is sent with "new": true',
            hid,
            "household_id",
        )
    if change.new and row is None:
        validation.check_values(hid, change.values)
        kode = change.values["kode_wilayah"]
        if not covers(scopes, kode):
            raise ScopeViolation(
                f"household {hid}, field kode_wilayah: {kode} lies outside your scope",
                hid,
                "kode_wilayah",
            )
    else:
        if row is not None and not reached and not covers(scopes, row.kode_wilayah):
            raise ScopeViolation(
                f"household {hid} (wilayah {row.kode_wilayah}) lies outside your assignments",
                hid,
            )
        validation.check_fields(hid, change.fields)
    for op in change.members:
        if op.op == "add":
            validation.check_values(hid, op.values, op.member_id)
        elif op.op == "change":
            validation.check_fields(hid, op.fields, op.member_id)
        else:
            validation.check_removal(hid, op.member_id, op.reason)
    v = change.verification
    if v is not None and v.status == "finalized":
        paper = changeset.mode == "PAPI"
        check_answers(forms_dir, hid, changeset.form_id, changeset.form_version, v.answers, paper)


def _check_photos(conn: Connection, user: User, changeset: ChangeSet) -> None:
    """Each named photo must be one the user may know of (uploaded by them or in scope)."""
    named = {
        sha: h.household_id
        for h in changeset.households
        if h.verification
        for sha in h.verification.photos
    }
    if not named:
        return
    have = photo_service.visible_photos(conn, user, named)
    for sha, hid in named.items():
        if sha not in have:
            raise PhotoMissing(
                f"household {hid}, field verification.photos: photo {sha} was not uploaded; "
                "PUT /photos/{sha256} first",
                hid,
                "verification.photos",
            )


def _collect(
    w: _Writes, result, before, row, change, changeset, user, seq, now, move, rules=None
) -> None:
    """Turn one MergeResult (and a move held for the receiving side) into rows."""
    state, hid = result.state, change.household_id
    h = state.household
    cs = changeset.changeset_id
    new_flags = set(result.flags)
    if row is None or _first_visit_of_proposal(row, change):
        new_flags |= {FLAG_NEW_HOUSEHOLD, review.FLAG_NEEDS_REVIEW}
    elif row.state in review.REOPENED_BY_FIELD_CHANGE and (result.applied or change.verification):
        new_flags |= {FLAG_RESUBMITTED, review.FLAG_NEEDS_REVIEW}
    details = _information_flags(change, h, row is None, rules)
    _take_finding(w, hid, change, cs, now, details)
    if hid in w.late:
        counts_in = next(r.round for r in state.verifications if r.changeset_id == cs)
        details[FLAG_LATE] = (
            f"verification for round {w.late[hid]} arrived after its window closed; "
            f"counts toward round {counts_in}"
        )
    if move is not None:
        details[FLAG_MOVE_PENDING] = move_service.message(move)
        new_flags.add(review.FLAG_NEEDS_REVIEW)
    new_flags |= set(details)
    for a in result.applied:
        if a.field == rule.STATUS_FIELD and a.new == "removed":
            m = h.member(a.member_id)
            w.flags.append(_flag(hid, FLAG_MEMBER_REMOVED, cs, now, _removal_note(m)))
    old_flags = before.flags if before else frozenset()
    for kind in sorted(new_flags - old_flags):
        w.flags.append(_flag(hid, kind, cs, now, details.get(kind, result.message)))
    state_name = review.NEEDS_REVIEW if review.holds_review(new_flags) else None
    _collect_household(w, h, row, change, user, seq, now, state_name)
    _collect_members(w, result, before)
    for c in result.conflicts:
        w.conflicts.append(
            {
                "household_id": hid,
                "member_id": c.member_id,
                "field": c.field,
                "kind": "hard",
                "base": jsontext.dumps(c.base),
                "server": jsontext.dumps(c.server),
                "client": jsontext.dumps(c.client),
                "changeset_id": cs,
                "user_id": user.id,
                "created_at": now,
            }
        )
    for record in state.verifications:
        if record.changeset_id == cs:
            vrow = _verification_row(hid, record, change, changeset, user, now)
            w.verifications.append(vrow | {"late": hid in w.late, "late_for": w.late.get(hid)})
    for a in result.applied:
        w.audit.append(
            {
                "at": now,
                "user_id": user.id,
                "device_id": changeset.device_id,
                "changeset_id": cs,
                "household_id": hid,
                "member_id": a.member_id,
                "field": a.field,
                "old": jsontext.dumps(a.old),
                "new": jsontext.dumps(a.new),
            }
        )


def _take_finding(w: _Writes, hid: str, change, cs: str, now: str, details: dict) -> None:
    """Keep the finding (dtks.findings) of a verification of a household with open requests;
    answers with a finding that cannot be taken are kept too, with a validation warning."""
    v = change.verification
    if v is None:
        return
    try:
        found = findings.read(v.answers)
    except findings.BadFinding as e:
        problem = f"verification answers, {e}"
        old = details.get(FLAG_VALIDATION_WARNING)
        details[FLAG_VALIDATION_WARNING] = f"{old}; {problem}" if old else problem
        return
    if found is not None and w.asked.get(hid):
        at = clock.iso(v.finished_at) if v.finished_at else now
        w.findings.append(citizen_requests.PushedFinding(hid, cs, found, at))


def _first_visit_of_proposal(row, change) -> bool:
    """A proposal made on the server (an usul warga, an usulan Kemensos) waits open for its
    visit; the visit's verification puts it before a reviewer as an usulan baru is."""
    return bool(row.proposed and row.replaces is None and row.state == review.OPEN) and (
        change.verification is not None
    )


def _information_flags(change, household, new: bool, rules=None) -> dict[str, str]:
    """validation_warning and eligibility_changed with their details; they inform the reviewer
    (queue filter, bulk-approve skips them) without moving the household to needs_review."""
    out = {}
    v = change.verification
    if v is not None and changes_eligibility(v.answers, new):
        out[FLAG_ELIGIBILITY_CHANGED] = (
            f"status_rt {v.answers.get('status_rt')}, hasil {v.answers.get('hasil')}"
        )
    touched = {op.member_id for op in change.members if op.op in ("add", "change")}
    if new:
        touched |= {m.member_id for m in household.members}
    point = new or bool({"lat", "lon"} & set(change.fields))
    problems = plausibility.household_warnings(household, touched, point, v, rules)
    if problems:
        out[FLAG_VALIDATION_WARNING] = "; ".join(problems)[:2000]
    return out


def _removal_note(member) -> str:
    date = member.removal_date.isoformat() if member and member.removal_date else "?"
    reason = member.removal_reason if member else "?"
    return f"member {member.member_id if member else '?'} removed: {reason} ({date})"


def _flag(hid, kind, cs, now, detail) -> dict:
    return {
        "household_id": hid,
        "kind": kind,
        "detail": detail,
        "changeset_id": cs,
        "created_at": now,
    }


def _collect_household(w: _Writes, h, row, change, user, seq, now, state_name) -> None:
    values_text = jsontext.dumps(h.values)
    if row is None:
        w.new_households.append(
            {
                "household_id": h.household_id,
                "kode_wilayah": h.values["kode_wilayah"],
                "values": values_text,
                "version": h.version,
                "seq": seq.next(),
                "state": review.NEEDS_REVIEW,
                "deleted": False,
                "proposed": True,
                "proposed_by": user.id,
                "created_at": now,
                "updated_at": now,
            }
        )
        return
    new_state = state_name or row.state
    if h.version == row.version and new_state == row.state:
        return
    kode = h.values.get("kode_wilayah") or row.kode_wilayah
    n = seq.next()
    w.household_updates.append(
        {
            "household_id": h.household_id,
            "values": values_text,
            "kode_wilayah": kode,
            "version": h.version,
            "seq": n,
            "state": new_state,
            "updated_at": now,
        }
    )
    if kode != row.kode_wilayah:
        w.tombstones.append(
            {"household_id": h.household_id, "kode_wilayah": row.kode_wilayah, "seq": n}
        )


def _collect_members(w: _Writes, result, before_state) -> None:
    h = result.state.household
    touched = {a.member_id for a in result.applied if a.member_id}
    if not touched:
        return
    before = {m.member_id for m in before_state.household.members} if before_state else set()
    for m in h.members:
        if m.member_id not in touched:
            continue
        item = {
            "values": jsontext.dumps(m.values),
            "status": m.status,
            "removal_reason": m.removal_reason,
            "removal_date": m.removal_date.isoformat() if m.removal_date else None,
            "version": m.version,
        }
        if m.member_id in before:
            w.member_updates.append({"member_id": m.member_id, **item})
        else:
            w.new_members.append({"member_id": m.member_id, "household_id": h.household_id, **item})


def _verification_row(hid, record, change, changeset, user, now) -> dict:
    v = record.verification.to_json()
    return {
        "household_id": hid,
        "round": record.round,
        "changeset_id": record.changeset_id,
        "user_id": user.id,
        "device_id": record.device_id,
        "mode": record.mode,
        "form_id": changeset.form_id,
        "form_version": changeset.form_version,
        "status": v["status"],
        "result": v["result"],
        "answers": jsontext.dumps(v["answers"]),
        "gps": jsontext.dumps(v["gps"]) if v["gps"] else None,
        "photos": jsontext.dumps(v["photos"]),
        "started_at": v["started_at"],
        "finished_at": v["finished_at"],
        "received_at": now,
        "paradata": jsontext.dumps(v["paradata"]) if v.get("paradata") else None,
        **papi.papi_columns(v, change),
    }


def _write(conn: Connection, w: _Writes) -> None:
    insert_rows(conn, households, w.new_households)
    update_rows(conn, households, "household_id", w.household_updates)
    insert_rows(conn, members, w.new_members)
    update_rows(conn, members, "member_id", w.member_updates)
    for table, rows in (
        (conflicts, w.conflicts),
        (flags, w.flags),
        (verifications, w.verifications),
        (audit, w.audit),
        (tombstones, w.tombstones),
    ):
        insert_rows(conn, table, rows)
