"""Numbered schema migrations; ``PRAGMA user_version`` holds how many have been applied.

Never edit a migration that has shipped: add the next one at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from capi_app.store.db import write


class SchemaTooNew(Exception):
    """The database was written by a newer version of the app than this one."""


def _run(db: Database, statements: list[str]) -> None:
    # One statement at a time: executescript() would COMMIT the surrounding transaction.
    for sql in statements:
        db.execute(sql)


def m001_initial(db: Database) -> None:
    """Assignments, pulled households/members, local edits, verifications, photos, outbox, audit."""
    _run(
        db,
        [
            """CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)""",
            """CREATE TABLE assignments (
                id INTEGER PRIMARY KEY,
                round TEXT NOT NULL,
                scope TEXT NOT NULL,
                form_id TEXT NOT NULL,
                form_version TEXT NOT NULL,
                last_seq INTEGER NOT NULL DEFAULT 0,
                pulled_at TEXT)""",
            """CREATE TABLE households (
                household_id TEXT PRIMARY KEY,
                assignment_id INTEGER,
                version INTEGER NOT NULL DEFAULT 0,
                base_version INTEGER,
                deleted INTEGER NOT NULL DEFAULT 0,
                is_new INTEGER NOT NULL DEFAULT 0,
                server_values TEXT NOT NULL DEFAULT '{}',
                review_state TEXT,
                review_note TEXT,
                sync_state TEXT,
                sync_message TEXT,
                rejected INTEGER NOT NULL DEFAULT 0,
                dirty INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL DEFAULT 'not_visited',
                no_kk TEXT,
                nama_krt TEXT,
                alamat TEXT,
                kode_wilayah TEXT,
                pulled_at TEXT,
                updated_at TEXT)""",
            "CREATE INDEX households_state ON households(state)",
            "CREATE INDEX households_no_kk ON households(no_kk)",
            "CREATE INDEX households_assignment ON households(assignment_id)",
            """CREATE TABLE members (
                member_id TEXT PRIMARY KEY,
                household_id TEXT NOT NULL,
                origin TEXT NOT NULL CHECK (origin IN ('server', 'local')),
                status TEXT NOT NULL DEFAULT 'active',
                version INTEGER NOT NULL DEFAULT 0,
                server_values TEXT,
                removal_reason TEXT,
                removal_date TEXT,
                nik TEXT,
                nama TEXT)""",
            "CREATE INDEX members_household ON members(household_id)",
            "CREATE INDEX members_nik ON members(nik)",
            # Word-prefix search over names and addresses: one row per lowercase word.
            """CREATE TABLE search_words (
                word TEXT NOT NULL,
                household_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                PRIMARY KEY (word, household_id, member_id)) WITHOUT ROWID""",
            "CREATE INDEX search_words_owner ON search_words(household_id, member_id)",
            """CREATE TABLE pending_fields (
                household_id TEXT NOT NULL,
                member_id TEXT NOT NULL DEFAULT '',
                field TEXT NOT NULL,
                base TEXT,
                value TEXT,
                server TEXT,
                user TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (household_id, member_id, field)) WITHOUT ROWID""",
            """CREATE TABLE pending_members (
                member_id TEXT PRIMARY KEY,
                household_id TEXT NOT NULL,
                op TEXT NOT NULL CHECK (op IN ('add', 'remove')),
                add_values TEXT,
                reason TEXT,
                date TEXT,
                user TEXT,
                updated_at TEXT NOT NULL)""",
            "CREATE INDEX pending_members_household ON pending_members(household_id)",
            """CREATE TABLE verifications (
                household_id TEXT PRIMARY KEY,
                status TEXT NOT NULL CHECK (status IN ('draft', 'finalized')),
                result TEXT,
                answers TEXT NOT NULL DEFAULT '{}',
                started_at TEXT,
                finished_at TEXT,
                lat REAL,
                lon REAL,
                accuracy_m REAL,
                altitude_m REAL,
                gps_source TEXT,
                user TEXT,
                sent INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL)""",
            """CREATE TABLE photos (
                sha256 TEXT PRIMARY KEY,
                household_id TEXT NOT NULL,
                taken_at TEXT,
                lat REAL,
                lon REAL,
                altitude_m REAL,
                gps_at TEXT,
                width INTEGER,
                height INTEGER,
                size INTEGER,
                path TEXT NOT NULL,
                uploaded INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL)""",
            "CREATE INDEX photos_household ON photos(household_id)",
            """CREATE TABLE media_keys (
                id INTEGER PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL)""",
            """CREATE TABLE changesets (
                changeset_id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                payload BLOB NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'acknowledged', 'failed')),
                reply TEXT,
                message TEXT,
                closed_at TEXT)""",
            "CREATE INDEX changesets_state ON changesets(state)",
            """CREATE TABLE changeset_households (
                changeset_id TEXT NOT NULL REFERENCES changesets(changeset_id),
                household_id TEXT NOT NULL,
                PRIMARY KEY (changeset_id, household_id)) WITHOUT ROWID""",
            "CREATE INDEX changeset_households_household ON changeset_households(household_id)",
            """CREATE TABLE review_notes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                household_id TEXT NOT NULL,
                state TEXT NOT NULL,
                note TEXT,
                received_at TEXT NOT NULL)""",
            "CREATE INDEX review_notes_household ON review_notes(household_id)",
            """CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                user TEXT,
                household_id TEXT NOT NULL,
                member_id TEXT NOT NULL DEFAULT '',
                action TEXT NOT NULL,
                field TEXT,
                old TEXT,
                new TEXT)""",
            "CREATE INDEX audit_household ON audit(household_id)",
        ],
    )


def m002_household_revision(db: Database) -> None:
    """A revision per household, moved on by every saved change, so a stale save is refused."""
    _run(db, ["ALTER TABLE households ADD COLUMN revision INTEGER NOT NULL DEFAULT 0"])


def m003_worklist_and_rounds(db: Database) -> None:
    """The anomaly worklist and tasks of each household, and the windows of rounds."""
    _run(
        db,
        [
            # As pulled: the server's anomalies and tasks (JSON lists).
            "ALTER TABLE households ADD COLUMN server_anomalies TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE households ADD COLUMN tasks TEXT NOT NULL DEFAULT '[]'",
            # As the enumerator sees them now: re-checked after every local edit.
            "ALTER TABLE households ADD COLUMN anomalies TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE households ADD COLUMN anomaly_count INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX households_anomaly_count ON households(anomaly_count)",
            """CREATE TABLE round_calendars (
                round TEXT NOT NULL,
                scope TEXT NOT NULL,
                body TEXT NOT NULL,
                server_time TEXT,
                fetched_at TEXT NOT NULL,
                PRIMARY KEY (round, scope)) WITHOUT ROWID""",
        ],
    )


def m004_papi(db: Database) -> None:
    """The papi block of a verification keyed from paper (batch, questionnaire number, entry,
    clerk; JSON), null for CAPI."""
    _run(db, ["ALTER TABLE verifications ADD COLUMN papi TEXT"])


def m005_paradata(db: Database) -> None:
    """Paradata of each verification (dtks.integrity, compact JSON), a photo's perceptual
    hashes, and photo_households: the same image linked to a second household (photos keeps
    one row per sha256; the link rows say which households show it)."""
    _run(
        db,
        [
            """CREATE TABLE paradata (
                household_id TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                updated_at TEXT NOT NULL)""",
            "ALTER TABLE photos ADD COLUMN dhash TEXT",
            "ALTER TABLE photos ADD COLUMN ahash TEXT",
            """CREATE TABLE photo_households (
                sha256 TEXT NOT NULL,
                household_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (sha256, household_id)) WITHOUT ROWID""",
            "CREATE INDEX photo_households_household ON photo_households(household_id)",
            """INSERT INTO photo_households (sha256, household_id, created_at)
               SELECT sha256, household_id, created_at FROM photos""",
        ],
    )


def m006_sync_reason(db: Database) -> None:
    """Why the server refused a household's last push, as data (dtks.error_codes code and the
    field it names) beside its English message, so a window says it in the user's language."""
    _run(
        db,
        [
            "ALTER TABLE households ADD COLUMN sync_code TEXT",
            "ALTER TABLE households ADD COLUMN sync_field TEXT",
        ],
    )


def m007_sync_log(db: Database) -> None:
    """The sync log: every sync, pull and bundle of the device (store/sync_log.py), and each
    household's outcome in it; only the last sync was kept before (settings 'sync.last')."""
    _run(
        db,
        [
            """CREATE TABLE sync_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                username TEXT NOT NULL,
                outcome TEXT NOT NULL,
                households_sent INTEGER NOT NULL DEFAULT 0,
                changesets_sent INTEGER NOT NULL DEFAULT 0,
                photos_sent INTEGER NOT NULL DEFAULT 0,
                received INTEGER NOT NULL DEFAULT 0,
                removed INTEGER NOT NULL DEFAULT 0,
                pending_changesets INTEGER NOT NULL DEFAULT 0,
                bytes_sent INTEGER NOT NULL DEFAULT 0,
                bytes_received INTEGER NOT NULL DEFAULT 0,
                error TEXT NOT NULL DEFAULT '',
                error_code TEXT,
                error_kind TEXT,
                notes TEXT NOT NULL DEFAULT '[]')""",
            """CREATE TABLE sync_log_households (
                sync_id INTEGER NOT NULL REFERENCES sync_log(id),
                household_id TEXT NOT NULL,
                outcome TEXT NOT NULL,
                version INTEGER,
                fields TEXT NOT NULL DEFAULT '[]',
                message TEXT,
                changeset_id TEXT,
                code TEXT,
                PRIMARY KEY (sync_id, household_id)) WITHOUT ROWID""",
            "CREATE INDEX sync_log_households_household ON sync_log_households(household_id)",
        ],
    )


def m008_household_moves(db: Database) -> None:
    """Each household's moves between wilayah as pulled (dtks.moves.MoveRecord JSON list): a
    confirmed move settles its wilayah for the worklist (dtks.anomalies), a refused one is told
    in the household's window and the list."""
    _run(db, ["ALTER TABLE households ADD COLUMN moves TEXT NOT NULL DEFAULT '[]'"])


MIGRATIONS: list[Callable[[Database], None]] = [
    m001_initial,
    m002_household_revision,
    m003_worklist_and_rounds,
    m004_papi,
    m005_paradata,
    m006_sync_reason,
    m007_sync_log,
    m008_household_moves,
]


def schema_version(db: Database) -> int:
    """How many migrations this database has applied."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: Database) -> int:
    """Apply the missing migrations, each in its own transaction; return the new version."""
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise SchemaTooNew(
            f"the local database is at schema {current}, this app knows {len(MIGRATIONS)}: "
            "update the app"
        )
    for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with write(db):
            step(db)
            # user_version lives in the database header, so it commits with the step.
            db.execute(f"PRAGMA user_version = {number}")
    return schema_version(db)
