"""The sync log: every sync, pull and bundle of this device, kept in the encrypted store.

One row per attempt, finished or not (when, who, what kind, how much went each way, how it
ended, the error), and one row per household the server answered in it (its outcome, new
version, the fields in conflict, the message). Written by ``capi_app.sync.sync_log`` at the
end of each sync; read by the sync log window and ``capi status``.

>>> entry = SyncLogEntry("sync", "2026-11-02T09:00:00+07:00", "2026-11-02T09:00:05+07:00",
...                      "enum1", "ok", households_sent=1,
...                      households=(HouseholdOutcome("3204122002000001", "applied", 4),))
>>> sync_id = record(db, entry)                                      # doctest: +SKIP
>>> [e.outcome for e in entries(db)]                                 # doctest: +SKIP
['ok']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from capi_app.store.codec import dump, load
from capi_app.store.db import write

KINDS = ("sync", "pull", "push", "bundle_export", "bundle_import")
"""sync: pull, photos and push; pull or push alone; a push bundle written; a reply imported."""

ENDINGS = ("ok", "problems", "failed", "cancelled")
"""ok: finished, nothing refused; problems: finished, the server refused something; failed:
stopped by an error (no network, expired login, a refused bundle); cancelled: by the user."""

HOUSEHOLD_OUTCOMES = ("applied", "merged", "conflict", "rejected", "refused")
"""The server's four outcomes of a household, and refused: its whole change-set was refused
(4xx) because of it, so it waits on the device for a fix."""


@dataclass(frozen=True)
class HouseholdOutcome:
    """What the server answered for one household in one sync."""

    household_id: str
    outcome: str
    version: int | None = None
    fields: tuple[str, ...] = ()
    message: str = ""
    changeset_id: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class SyncLogEntry:
    """One sync as kept: ``received`` counts households pulled, ``households_sent`` those the
    server answered (or a bundle carries); ``notes`` are the summary's notes as JSON;
    ``error_code`` is the server's reason (dtks.error_codes), ``error_kind`` the client's
    error type (ServerUnreachable, SessionExpired, Cancelled...) so a window can word it."""

    kind: str
    started_at: str
    finished_at: str
    username: str
    outcome: str
    households_sent: int = 0
    changesets_sent: int = 0
    photos_sent: int = 0
    received: int = 0
    removed: int = 0
    pending_changesets: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    error: str = ""
    error_code: str | None = None
    error_kind: str | None = None
    notes: tuple[dict, ...] = ()
    households: tuple[HouseholdOutcome, ...] = field(default=(), compare=False)
    id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"sync log kind {self.kind!r}: one of {', '.join(KINDS)}")
        if self.outcome not in ENDINGS:
            raise ValueError(f"sync log outcome {self.outcome!r}: one of {', '.join(ENDINGS)}")


_COLUMNS = (
    "kind, started_at, finished_at, username, outcome, households_sent, changesets_sent, "
    "photos_sent, received, removed, pending_changesets, bytes_sent, bytes_received, error, "
    "error_code, error_kind, notes"
)


def record(db: Database, entry: SyncLogEntry) -> int:
    """Keep one sync and its households' outcomes (one transaction); return its id."""
    with write(db):
        cursor = db.execute(
            f"INSERT INTO sync_log ({_COLUMNS}) VALUES ({', '.join('?' * 17)})",
            [
                entry.kind,
                entry.started_at,
                entry.finished_at,
                entry.username,
                entry.outcome,
                entry.households_sent,
                entry.changesets_sent,
                entry.photos_sent,
                entry.received,
                entry.removed,
                entry.pending_changesets,
                entry.bytes_sent,
                entry.bytes_received,
                entry.error,
                entry.error_code,
                entry.error_kind,
                dump(list(entry.notes)),
            ],
        )
        sync_id = cursor.lastrowid
        # A household answered twice in one sync (refused, then sent again) keeps the last.
        db.conn.executemany(
            "INSERT INTO sync_log_households (sync_id, household_id, outcome, version, fields, "
            "message, changeset_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (sync_id, household_id) DO UPDATE SET outcome = excluded.outcome, "
            "version = excluded.version, fields = excluded.fields, message = excluded.message, "
            "changeset_id = excluded.changeset_id, code = excluded.code",
            [
                (
                    sync_id,
                    h.household_id,
                    h.outcome,
                    h.version,
                    dump(list(h.fields)),
                    h.message,
                    h.changeset_id,
                    h.code,
                )
                for h in entry.households
            ],
        )
    return sync_id


def _entry(row: tuple) -> SyncLogEntry:
    values = list(row[1:])
    values[-1] = tuple(load(values[-1]) or ())
    return SyncLogEntry(*values, id=row[0])


def entries(db: Database, limit: int | None = None, offset: int = 0) -> list[SyncLogEntry]:
    """The kept syncs, newest first, without their households (``entry`` reads those)."""
    sql = f"SELECT id, {_COLUMNS} FROM sync_log ORDER BY id DESC"
    params: list = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    return [_entry(row) for row in db.execute(sql, params).fetchall()]


def entry(db: Database, sync_id: int) -> SyncLogEntry | None:
    """One kept sync with the outcome of each household, or None."""
    row = db.execute(f"SELECT id, {_COLUMNS} FROM sync_log WHERE id = ?", [sync_id]).fetchone()
    if row is None:
        return None
    rows = db.execute(
        "SELECT household_id, outcome, version, fields, message, changeset_id, code "
        "FROM sync_log_households WHERE sync_id = ? ORDER BY household_id",
        [sync_id],
    ).fetchall()
    households = tuple(
        HouseholdOutcome(hid, outcome, version, tuple(load(f) or ()), message or "", cid, code)
        for hid, outcome, version, f, message, cid, code in rows
    )
    return replace(_entry(row), households=households)


def count(db: Database) -> int:
    """How many syncs are kept."""
    return db.execute("SELECT count(*) FROM sync_log").fetchone()[0]


def of_household(db: Database, household_id: str) -> list[tuple[int, str, HouseholdOutcome]]:
    """(sync id, when it finished, outcome) of every kept sync that answered the household."""
    rows = db.execute(
        "SELECT l.id, l.finished_at, h.outcome, h.version, h.fields, h.message, "
        "h.changeset_id, h.code FROM sync_log_households h JOIN sync_log l ON l.id = h.sync_id "
        "WHERE h.household_id = ? ORDER BY l.id DESC",
        [household_id],
    ).fetchall()
    return [
        (sid, at, HouseholdOutcome(household_id, o, v, tuple(load(f) or ()), m or "", c, code))
        for sid, at, o, v, f, m, c, code in rows
    ]
