"""The outbox: change-sets built once from finalized households, and the server's replies.

A change-set's id and bytes are fixed when it is built, so a retry after a cut connection
sends exactly the same thing and the server applies it once. While a household sits in a
pending change-set it is locked against edits (they would not be in the frozen bytes).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from capi_app.store import households, state
from capi_app.store.codec import dump, load, now_iso
from capi_app.store.db import write
from capi_app.store.errors import UnknownChangeset
from dtks.model import (
    ChangeSet,
    ChangeSetReply,
    FieldChange,
    HouseholdChange,
    HouseholdReply,
    InvalidPayload,
    MemberChange,
    Mode,
    dumps,
)


@dataclass(frozen=True)
class OutboxItem:
    """A change-set waiting for the server: the exact bytes to POST, and its households."""

    changeset_id: str
    payload: bytes
    household_ids: list[str]
    created_at: str


def household_change(db: Database, household_id: str) -> HouseholdChange:
    """The pending edits, member ops and verification of one household as protocol values."""
    hv = households.view(db, household_id)
    member_ops = []
    for m in hv.members:
        if m.origin == "local":
            member_ops.append(MemberChange(op="add", member_id=m.member_id, values=m.values))
            continue
        if m.pending:
            fields = {f: FieldChange(base=p.base, value=p.value) for f, p in m.pending.items()}
            member_ops.append(MemberChange(op="change", member_id=m.member_id, fields=fields))
    for m in hv.members:
        if m.removal_pending:
            member_ops.append(
                MemberChange(
                    op="remove", member_id=m.member_id, reason=m.removal_reason, date=m.removal_date
                )
            )
    if hv.is_new:
        return HouseholdChange(
            household_id=household_id,
            base_version=0,
            new=True,
            values=hv.values,
            members=member_ops,
            verification=hv.verification,
        )
    return HouseholdChange(
        household_id=household_id,
        base_version=hv.base_version if hv.base_version is not None else hv.version,
        fields={f: FieldChange(base=p.base, value=p.value) for f, p in hv.pending.items()},
        members=member_ops,
        verification=hv.verification,
    )


def _ready(db: Database, form_id: str, form_version: str, limit: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            """SELECT h.household_id FROM households h JOIN verifications v USING (household_id)
               LEFT JOIN assignments a ON a.id = h.assignment_id
               WHERE h.dirty = 1 AND h.rejected = 0 AND v.status = 'finalized'
                 AND (a.id IS NULL OR (a.form_id = ? AND a.form_version = ?))
               ORDER BY h.updated_at, h.household_id LIMIT ?""",
            [form_id, form_version, limit],
        )
    ]


def _reject_locally(
    db: Database,
    household_id: str,
    message: str,
    code: str | None = None,
    field: str | None = None,
) -> None:
    db.execute(
        """UPDATE households SET rejected = 1, sync_message = ?, sync_code = ?, sync_field = ?
           WHERE household_id = ?""",
        [message, code and str(code), field, household_id],
    )


def build_changeset(
    db: Database,
    device_id: str,
    form_id: str,
    form_version: str,
    mode: Mode = "CAPI",
    *,
    max_households: int = 100,
    created_at: datetime | None = None,
) -> tuple[str, bytes] | None:
    """Freeze the finalized, unsent households into a new change-set; None when there are none."""
    with write(db):
        changes = []
        for household_id in _ready(db, form_id, form_version, max_households):
            change = household_change(db, household_id)
            try:
                # The server reads it with the same code: refuse locally what it would refuse.
                HouseholdChange.from_json(json.loads(dumps(change)), f"household {household_id}")
            except InvalidPayload as e:
                _reject_locally(db, household_id, f"cannot be sent: {e}")
                state.refresh(db, household_id)
                continue
            changes.append(change)
        if not changes:
            return None
        changeset = ChangeSet(
            changeset_id=str(uuid.uuid4()),
            device_id=device_id,
            form_id=form_id,
            form_version=form_version,
            mode=mode,
            created_at=created_at or datetime.now().astimezone(),
            households=changes,
        )
        payload = dumps(changeset).encode("utf-8")
        db.execute(
            "INSERT INTO changesets (changeset_id, created_at, payload, state) VALUES (?, ?, ?, 'pending')",
            [changeset.changeset_id, now_iso(), payload],
        )
        for change in changes:
            db.execute(
                "INSERT INTO changeset_households (changeset_id, household_id) VALUES (?, ?)",
                [changeset.changeset_id, change.household_id],
            )
            db.execute(
                "UPDATE households SET dirty = 0 WHERE household_id = ?", [change.household_id]
            )
            state.refresh(db, change.household_id)
        return changeset.changeset_id, payload


def pending(db: Database) -> list[OutboxItem]:
    """Change-sets built and not yet answered, oldest first: send each as its stored bytes."""
    out = []
    for cid, payload, created in db.execute(
        "SELECT changeset_id, payload, created_at FROM changesets WHERE state = 'pending' ORDER BY created_at, rowid"
    ).fetchall():
        hids = [
            r[0]
            for r in db.execute(
                "SELECT household_id FROM changeset_households WHERE changeset_id = ?", [cid]
            )
        ]
        out.append(OutboxItem(cid, bytes(payload), hids, created))
    return out


def _payload(db: Database, changeset_id: str) -> tuple[str, ChangeSet]:
    row = db.execute(
        "SELECT state, payload FROM changesets WHERE changeset_id = ?", [changeset_id]
    ).fetchone()
    if row is None:
        raise UnknownChangeset(f"change-set {changeset_id}: not in the outbox")
    return row[0], ChangeSet.from_json(json.loads(bytes(row[1])))


def apply_reply(db: Database, reply: ChangeSetReply) -> dict[str, str]:
    """Apply the server's reply: applied/merged clear the pending edits, conflict puts the
    household in review, rejected keeps its edits pending with the server's message.
    Returns each household's new state; a repeated reply changes nothing."""
    with write(db):
        cs_state, changeset = _payload(db, reply.changeset_id)
        if cs_state != "pending":
            return {}
        sent = {c.household_id: c for c in changeset.households}
        answered: set[str] = set()
        for hr in reply.households:
            change = sent.get(hr.household_id)
            if change is None:
                continue
            answered.add(hr.household_id)
            if hr.outcome == "rejected":
                _rejected(db, hr)
            else:
                _acknowledged(db, change, hr)
        for household_id in set(sent) - answered:
            # Not in the reply: send it again in a later change-set (the merge rule converges).
            db.execute("UPDATE households SET dirty = 1 WHERE household_id = ?", [household_id])
        _close(db, reply.changeset_id, "acknowledged", dump(reply.to_json()), None)
        return {hid: state.refresh(db, hid) for hid in sent}


def fail_changeset(
    db: Database,
    changeset_id: str,
    message: str,
    household_id: str | None = None,
    code: str | None = None,
    field: str | None = None,
) -> None:
    """The server refused the whole change-set (4xx): nothing of it was written, so its
    households go back to unsent; the one the message names waits for the user's fix."""
    with write(db):
        _, changeset = _payload(db, changeset_id)
        _close(db, changeset_id, "failed", None, message)
        for change in changeset.households:
            db.execute(
                "UPDATE households SET dirty = 1 WHERE household_id = ?", [change.household_id]
            )
            if change.household_id == household_id:
                _reject_locally(db, household_id, message, code, field)
            state.refresh(db, change.household_id)


def _close(
    db: Database, changeset_id: str, status: str, reply: str | None, message: str | None
) -> None:
    db.execute(
        "UPDATE changesets SET state = ?, reply = ?, message = ?, closed_at = ? WHERE changeset_id = ?",
        [status, reply, message, now_iso(), changeset_id],
    )


def _rejected(db: Database, hr: HouseholdReply) -> None:
    db.execute(
        """UPDATE households SET dirty = 1, rejected = 1, sync_message = ?, sync_code = NULL,
               sync_field = NULL WHERE household_id = ?""",
        [hr.message or "rejected by the server", hr.household_id],
    )


def _acknowledged(db: Database, change: HouseholdChange, hr: HouseholdReply) -> None:
    """The server holds the change now: fold it into the server copy and clear the edits."""
    hid = change.household_id
    conflicts = {(c.member_id or "", c.field): c.server for c in hr.conflicts}
    row = db.execute(
        "SELECT server_values, version FROM households WHERE household_id = ?", [hid]
    ).fetchone()
    values = load(row[0], {})
    new_values = change.values if change.new else {f: c.value for f, c in change.fields.items()}
    for field, value in new_values.items():
        values[field] = conflicts.get(("", field), value)
    db.execute(
        """UPDATE households SET server_values = ?, version = ?, base_version = NULL, is_new = 0,
               rejected = 0, sync_message = ?, sync_code = NULL, sync_field = NULL,
               sync_state = ?
           WHERE household_id = ?""",
        [
            dump(values),
            hr.version if hr.version is not None else row[1],
            hr.message,
            "in_review" if hr.outcome == "conflict" else "synced",
            hid,
        ],
    )
    for op in change.members:
        _fold_member(db, hid, op, conflicts)
    db.execute("DELETE FROM pending_fields WHERE household_id = ?", [hid])
    db.execute("DELETE FROM pending_members WHERE household_id = ?", [hid])
    db.execute("UPDATE verifications SET sent = 1 WHERE household_id = ?", [hid])
    households.reindex_household(db, hid)


def _fold_member(db: Database, hid: str, op, conflicts: dict) -> None:
    if op.op == "add":
        db.execute(
            "UPDATE members SET origin = 'server', server_values = ? WHERE member_id = ?",
            [dump(op.values), op.member_id],
        )
    elif op.op == "remove":
        db.execute(
            """UPDATE members SET status = 'removed', removal_reason = ?, removal_date = ?
               WHERE member_id = ?""",
            [op.reason, op.date.isoformat() if op.date else None, op.member_id],
        )
    else:
        row = db.execute(
            "SELECT server_values FROM members WHERE member_id = ?", [op.member_id]
        ).fetchone()
        values = load(row[0], {}) if row else {}
        for field, change in op.fields.items():
            values[field] = conflicts.get((op.member_id, field), change.value)
        db.execute(
            "UPDATE members SET server_values = ? WHERE member_id = ?", [dump(values), op.member_id]
        )
