"""A household's local revision: a counter that every saved change of the household moves on.

A window (or any other writer) reads the revision with the household and hands it back with
its save; the store refuses the save when the household moved on meanwhile (another window, a
sync, the ``capi`` command), so work saved later is never overwritten by an older screen.

>>> check(db, "3204122002000123", 4)   # doctest: +SKIP
Traceback (most recent call last):
StaleSave: household 3204122002000123: saved again since this copy was read (revision 4, now 6)
"""

from __future__ import annotations

from sqlite_utils import Database

from capi_app.store.errors import StaleSave, UnknownHousehold


def current(db: Database, household_id: str) -> int:
    """The household's revision now."""
    row = db.execute(
        "SELECT revision FROM households WHERE household_id = ?", [household_id]
    ).fetchone()
    if row is None:
        raise UnknownHousehold(f"household {household_id}: not in this store")
    return row[0]


def check(db: Database, household_id: str, expected: int | None) -> None:
    """Raise StaleSave unless the household is still at ``expected`` (None: no check)."""
    if expected is None:
        return
    now = current(db, household_id)
    if now != expected:
        raise StaleSave(
            f"household {household_id}: saved again since this copy was read "
            f"(revision {expected}, now {now})",
            household_id=household_id,
            expected=expected,
            current=now,
        )


def bump(db: Database, household_id: str) -> None:
    """Move the household's revision on (call inside the transaction of the change)."""
    db.execute(
        "UPDATE households SET revision = revision + 1 WHERE household_id = ?", [household_id]
    )
