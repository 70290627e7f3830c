"""The user's own edits: pending field changes with their base, member ops, and their audit."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from sqlite_utils import Database

from capi_app.store import audit_actions as actions
from capi_app.store import households, state, worklist
from capi_app.store.codec import dump, load, now_iso
from capi_app.store.db import write
from capi_app.store.errors import HouseholdLocked, InvalidEdit, UnknownHousehold, UnknownMember
from dtks.removal import check_reason

_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}")
_IDENTITY = {"household_id", "member_id"}
_SEARCHED = {"nama", "nik", "nama_krt", "alamat", "no_kk", "kode_wilayah"}


def audit(
    db: Database,
    user: str | None,
    household_id: str,
    action: str,
    *,
    member_id: str = "",
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> None:
    """Append one line to the local audit of edits (who, when, what, old, new)."""
    db.execute(
        """INSERT INTO audit (at, user, household_id, member_id, action, field, old, new)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [now_iso(), user, household_id, member_id, action, field, dump(old), dump(new)],
    )


def editable(db: Database, household_id: str) -> None:
    """Raise unless the household exists and is not waiting in the outbox."""
    row = db.execute("SELECT 1 FROM households WHERE household_id = ?", [household_id]).fetchone()
    if row is None:
        raise UnknownHousehold(f"household {household_id}: not in this store")
    if state.in_outbox(db, household_id):
        raise HouseholdLocked(
            f"household {household_id}: sent to the server and waiting for its reply; "
            "edit it after the next sync"
        )


def touched(db: Database, household_id: str, *, reindex: bool = False) -> str:
    """Mark a household as holding unsent local data and refresh its state."""
    db.execute(
        """UPDATE households SET dirty = 1, rejected = 0, updated_at = ?,
               base_version = coalesce(base_version, version)
           WHERE household_id = ?""",
        [now_iso(), household_id],
    )
    if reindex:
        households.reindex_household(db, household_id)
    worklist.refresh(db, household_id)
    return state.refresh(db, household_id)


def check_field(name: str, value: Any) -> None:
    """Refuse field names the protocol cannot carry and values that are not JSON scalars."""
    if not isinstance(name, str) or not _FIELD.fullmatch(name) or name in _IDENTITY:
        raise InvalidEdit(f"field {name!r}: not a field that can be edited")
    if value is not None and not isinstance(value, str | int | float | bool):
        raise InvalidEdit(f"field {name}: value must be text, a number, true/false or empty")
    if isinstance(value, str) and len(value) > 10_000:
        raise InvalidEdit(f"field {name}: longer than 10000 characters")


def _pending_row(db: Database, household_id: str, member_id: str, field: str):
    return db.execute(
        "SELECT base, value FROM pending_fields WHERE household_id = ? AND member_id = ? AND field = ?",
        [household_id, member_id, field],
    ).fetchone()


def _record_field(
    db: Database,
    household_id: str,
    member_id: str,
    field: str,
    server_value: Any,
    value: Any,
    user: str | None,
) -> bool:
    """Write one field edit against its base; return False when nothing changed."""
    check_field(field, value)
    row = _pending_row(db, household_id, member_id, field)
    current = load(row[1]) if row else server_value
    if current == value and type(current) is type(value):
        return False
    base = load(row[0]) if row else server_value
    if value == base and type(value) is type(base):
        # Back to what the server had: the edit is undone, nothing left to send.
        db.execute(
            "DELETE FROM pending_fields WHERE household_id = ? AND member_id = ? AND field = ?",
            [household_id, member_id, field],
        )
    else:
        db.execute(
            """INSERT INTO pending_fields (household_id, member_id, field, base, value, user, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (household_id, member_id, field) DO UPDATE SET
                   value = excluded.value, user = excluded.user, updated_at = excluded.updated_at""",
            [household_id, member_id, field, dump(base), dump(value), user, now_iso()],
        )
    audit(
        db,
        user,
        household_id,
        actions.SET,
        member_id=member_id,
        field=field,
        old=current,
        new=value,
    )
    return True


def set_field(db: Database, household_id: str, field: str, value: Any, user: str | None) -> bool:
    """Set a household field; the first edit keeps the server value as its base."""
    with write(db):
        editable(db, household_id)
        server = load(
            db.execute(
                "SELECT server_values FROM households WHERE household_id = ?", [household_id]
            ).fetchone()[0],
            {},
        )
        changed = _record_field(db, household_id, "", field, server.get(field), value, user)
        if changed:
            touched(db, household_id, reindex=field in _SEARCHED)
        return changed


def _member(db: Database, household_id: str, member_id: str) -> tuple[str, dict]:
    row = db.execute(
        "SELECT origin, server_values FROM members WHERE member_id = ? AND household_id = ?",
        [member_id, household_id],
    ).fetchone()
    if row is None:
        raise UnknownMember(f"household {household_id}: no member {member_id}")
    return row[0], load(row[1], {})


def change_member(
    db: Database, household_id: str, member_id: str, fields: dict[str, Any], user: str | None
) -> bool:
    """Change fields of a member; a member added on this device just gets new values."""
    with write(db):
        editable(db, household_id)
        origin, server = _member(db, household_id, member_id)
        if origin == "local":
            changed = _change_added(db, household_id, member_id, fields, user)
        else:
            changed = False
            for field, value in fields.items():
                changed |= _record_field(
                    db, household_id, member_id, field, server.get(field), value, user
                )
        if changed:
            touched(db, household_id, reindex=bool(_SEARCHED & set(fields)))
        return changed


def _change_added(
    db: Database, household_id: str, member_id: str, fields: dict[str, Any], user: str | None
) -> bool:
    row = db.execute(
        "SELECT add_values FROM pending_members WHERE member_id = ? AND op = 'add'", [member_id]
    ).fetchone()
    values = load(row[0], {}) if row else {}
    changed = False
    for field, value in fields.items():
        check_field(field, value)
        if values.get(field) != value or field not in values:
            audit(db, user, household_id, actions.SET, member_id=member_id, field=field,
                  old=values.get(field), new=value)  # fmt: skip
            values[field] = value
            changed = True
    db.execute(
        "UPDATE pending_members SET add_values = ?, user = ?, updated_at = ? WHERE member_id = ?",
        [dump(values), user, now_iso(), member_id],
    )
    return changed


def add_member(db: Database, household_id: str, values: dict[str, Any], user: str | None) -> str:
    """Add a member found in the field; returns its client-made id (a UUID)."""
    for field, value in values.items():
        check_field(field, value)
    member_id = str(uuid.uuid4())
    with write(db):
        editable(db, household_id)
        db.execute(
            """INSERT INTO pending_members (member_id, household_id, op, add_values, user, updated_at)
               VALUES (?, ?, 'add', ?, ?, ?)""",
            [member_id, household_id, dump(values), user, now_iso()],
        )
        db.execute(
            "INSERT INTO members (member_id, household_id, origin, status) VALUES (?, ?, 'local', 'active')",
            [member_id, household_id],
        )
        audit(db, user, household_id, actions.ADD_MEMBER, member_id=member_id, new=values)
        touched(db, household_id, reindex=True)
    return member_id


def remove_member(
    db: Database,
    household_id: str,
    member_id: str,
    reason: str,
    when: date | None,
    user: str | None,
) -> None:
    """Mark a member removed with a reason of dtks.removal; never a delete on the server."""
    if not reason or not reason.strip():
        raise InvalidEdit(f"household {household_id}, member {member_id}: a reason is required")
    try:
        reason = check_reason(reason)
    except ValueError as e:
        raise InvalidEdit(f"household {household_id}, member {member_id}: {e}") from None
    with write(db):
        editable(db, household_id)
        origin, _ = _member(db, household_id, member_id)
        if origin == "local":
            # Never reached the server: taking it back is enough.
            db.execute("DELETE FROM pending_members WHERE member_id = ?", [member_id])
            db.execute("DELETE FROM members WHERE member_id = ?", [member_id])
        else:
            db.execute(
                """INSERT INTO pending_members (member_id, household_id, op, reason, date, user, updated_at)
                   VALUES (?, ?, 'remove', ?, ?, ?, ?)
                   ON CONFLICT (member_id) DO UPDATE SET reason = excluded.reason,
                       date = excluded.date, user = excluded.user, updated_at = excluded.updated_at""",
                [member_id, household_id, reason.strip(), _iso(when), user, now_iso()],
            )
        audit(db, user, household_id, actions.REMOVE_MEMBER, member_id=member_id,
              new={"reason": reason.strip(), "date": _iso(when)})  # fmt: skip
        touched(db, household_id, reindex=True)


def restore_member(db: Database, household_id: str, member_id: str, user: str | None) -> None:
    """Take back a removal that has not been sent yet."""
    with write(db):
        editable(db, household_id)
        db.execute(
            "DELETE FROM pending_members WHERE member_id = ? AND household_id = ? AND op = 'remove'",
            [member_id, household_id],
        )
        audit(db, user, household_id, actions.RESTORE_MEMBER, member_id=member_id)
        touched(db, household_id)


def add_household(
    db: Database, values: dict[str, Any], assignment_id: int | None, user: str | None
) -> str:
    """Propose a new household found in the field (usulan baru); returns its client UUID."""
    household_id = str(uuid.uuid4())
    with write(db):
        db.execute(
            """INSERT INTO households (household_id, assignment_id, version, is_new, server_values)
               VALUES (?, ?, 0, 1, '{}')""",
            [household_id, assignment_id],
        )
        for field, value in values.items():
            _record_field(db, household_id, "", field, None, value, user)
        audit(db, user, household_id, actions.ADD_HOUSEHOLD, new=values)
        touched(db, household_id, reindex=True)
    return household_id


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
