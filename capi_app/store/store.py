"""The client's local store: one encrypted database per profile, one transaction per save.

>>> key = keys.create_keyfile(profile / "store.key", "rahasia")   # doctest: +SKIP
>>> store = Store.open(profile, key)                              # doctest: +SKIP
>>> store.set_field("3204122002000123", "alamat", "Jl. Mawar 5", user="siti")  # doctest: +SKIP
True
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from capi_app.store import (
    assignments,
    changesets,
    edits,
    households,
    keys,
    migrations,
    photos,
    revisions,
    rounds,
    search,
    state,
    verifications,
    worklist,
)
from capi_app.store import (
    db as dbmod,
)
from capi_app.store.changesets import OutboxItem
from capi_app.store.db import write
from capi_app.store.errors import UnknownHousehold
from capi_app.store.photos import PhotoRecord
from capi_app.store.search import SearchHit
from capi_app.store.views import HouseholdSummary, HouseholdView
from dtks.anomalies import Anomaly
from dtks.cycle import RoundCalendar
from dtks.integrity import Paradata
from dtks.model import Assignment, ChangeSetReply, Gps, Household, Mode, Papi, PullPage
from dtks.moves import MoveRecord
from dtks.private_files import private_dir, private_file, private_sqlite
from dtks.tasks import Task

KEY_FILE = "store.key"
PHOTO_DIR = "photos"


def _private_profile(profile_dir: Path) -> Path:
    """Make the profile 0700 and its key file and photo files 0600 (fixing an older profile)."""
    private_dir(profile_dir)
    for path in [profile_dir / KEY_FILE, *(profile_dir / PHOTO_DIR).glob("*")]:
        if path.is_file():
            private_file(path)
    if (profile_dir / PHOTO_DIR).is_dir():
        private_dir(profile_dir / PHOTO_DIR)
    return profile_dir


class Store:
    """An open local store; every method that writes is one transaction."""

    def __init__(self, db: Database, profile_dir: Path):
        self.db = db
        self.profile_dir = Path(profile_dir)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, profile_dir: Path, key: bytes) -> Store:
        """Open (creating if needed) the profile's database with its 32-byte key and migrate it."""
        profile_dir = _private_profile(Path(profile_dir))
        db = dbmod.connect(private_sqlite(profile_dir / dbmod.DB_NAME), key)
        migrations.migrate(db)
        return cls(db, profile_dir)

    @classmethod
    def create(cls, profile_dir: Path, password: str, **keyfile_options: Any) -> Store:
        """Set up a new profile: key file from the password, then an empty database."""
        profile_dir = private_dir(Path(profile_dir))
        key = keys.create_keyfile(profile_dir / KEY_FILE, password, **keyfile_options)
        return cls.open(profile_dir, key)

    @classmethod
    def unlock(cls, profile_dir: Path, password: str, **unlock_options: Any) -> Store:
        """Offline login: unwrap the key with the password (``keys.WrongPassword`` if wrong)."""
        key = keys.unlock(Path(profile_dir) / KEY_FILE, password, **unlock_options)
        return cls.open(profile_dir, key)

    @classmethod
    def attach(cls, db: Database, profile_dir: Path) -> Store:
        """Use an already open database (benchmarks compare SQLCipher with plain SQLite)."""
        migrations.migrate(db)
        return cls(db, profile_dir)

    def close(self) -> None:
        """Close the database (the WAL is checkpointed by SQLite)."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        """How many migrations the database has applied."""
        return migrations.schema_version(self.db)

    def integrity_check(self) -> str:
        """'ok', or SQLite's list of problems."""
        return dbmod.integrity_check(self.db)

    def device_id(self) -> str:
        """This installation's UUID, made on first use."""
        with write(self.db):
            row = self.db.execute("SELECT value FROM settings WHERE name = 'device_id'").fetchone()
            if row:
                return row[0]
            value = str(uuid.uuid4())
            self.db.execute("INSERT INTO settings VALUES ('device_id', ?)", [value])
            return value

    # --- pulled data -------------------------------------------------------------------------

    def save_assignments(self, items: list[Assignment]) -> None:
        """Store the user's assignments (keeps each one's pull position)."""
        assignments.save_assignments(self.db, items)

    def assignments(self) -> list[Assignment]:
        """The stored assignments."""
        return assignments.assignments(self.db)

    def last_seq(self, assignment_id: int) -> int:
        """The ``since`` of the next pull of this assignment."""
        return assignments.last_seq(self.db, assignment_id)

    def set_last_seq(self, assignment_id: int, seq: int) -> None:
        """Set the pull position of an assignment."""
        with write(self.db):
            assignments.set_last_seq(self.db, assignment_id, seq)

    def upsert_pulled(self, items: list[Household], assignment_id: int | None = None) -> None:
        """Store pulled households; pending local edits are never overwritten."""
        with write(self.db):
            households.upsert_pulled(self.db, items, assignment_id)

    def apply_pull_page(self, assignment_id: int, page: PullPage) -> None:
        """Store one pull page and advance the assignment's last seq, in one transaction."""
        with write(self.db):
            households.upsert_pulled(self.db, page.households, assignment_id)
            assignments.set_last_seq(self.db, assignment_id, page.next_since)

    # --- reading -----------------------------------------------------------------------------

    def household(self, household_id: str) -> HouseholdView:
        """One household with server values, local edits, members, verification and state."""
        return households.view(self.db, household_id)

    def household_exists(self, household_id: str) -> bool:
        """Whether the store holds this household (not deleted)."""
        row = self.db.execute(
            "SELECT 1 FROM households WHERE household_id = ? AND deleted = 0", [household_id]
        ).fetchone()
        return row is not None

    def households_numbered(self, number: str) -> list[str]:
        """The ids of the households whose pre-list number (the id's last digits) is ``number``."""
        rows = self.db.execute(
            "SELECT household_id FROM households WHERE deleted = 0 AND substr(household_id, ?) = ?"
            " ORDER BY household_id",
            [-len(number), number],
        )
        return [r[0] for r in rows]

    def household_state(self, household_id: str) -> str:
        """not_visited, draft, finalized, pending_sync, synced, in_review or returned."""
        row = self.db.execute(
            "SELECT state FROM households WHERE household_id = ?", [household_id]
        ).fetchone()
        if row is None:
            raise UnknownHousehold(f"household {household_id}: not in this store")
        return row[0]

    def save_calendar(self, calendar: RoundCalendar, scope: str, server_time=None) -> None:
        """Keep a round's windows for a scope (GET /rounds/{round}), for offline days-left."""
        rounds.save(self.db, calendar, scope, server_time)

    def calendars(self) -> list[tuple[str, RoundCalendar, str | None, str]]:
        """(scope, calendar, server and laptop time when fetched) of the rounds kept."""
        return rounds.calendars(self.db)

    def anomalies(self, household_id: str) -> list[Anomaly]:
        """The household's open anomalies as they stand after the local edits."""
        return worklist.current(self.db, household_id)

    def server_anomalies(self, household_id: str) -> list[Anomaly]:
        """The anomalies the server sent with the household (before the local re-check)."""
        return worklist.server_anomalies(self.db, household_id)

    def moves(self, household_id: str) -> list[MoveRecord]:
        """The household's moves between wilayah, as the server sent them (dtks.moves)."""
        return worklist.moves(self.db, household_id)

    def refused_move(self, household_id: str) -> MoveRecord | None:
        """The household's latest move when its receiving reviewer refused it (the family
        stays listed where it was), else None."""
        return worklist.refused_move(self.db, household_id)

    def tasks(self, household_id: str) -> list[Task]:
        """What the enumerator is asked to do with the household (the server's tasks)."""
        return worklist.tasks(self.db, household_id)

    def revision(self, household_id: str) -> int:
        """The household's revision: moved on by every saved change (see ``saving``)."""
        return revisions.current(self.db, household_id)

    @contextlib.contextmanager
    def saving(self, household_id: str, revision: int | None) -> Iterator[Store]:
        """One write transaction for a save made from the household at ``revision``.

        Raises ``StaleSave`` (and writes nothing) when the household was saved again since
        that revision was read: a second window, a sync or the ``capi`` command got there first.
        """
        with write(self.db):
            revisions.check(self.db, household_id, revision)
            yield self

    def counts_by_state(self) -> dict[str, int]:
        """Number of households in each state."""
        return state.counts(self.db)

    def list_households(
        self, state: str | None = None, limit: int = 1000, offset: int = 0
    ) -> list[HouseholdSummary]:
        """Households for the list screen, optionally of one state."""
        return households.summaries(self.db, state, limit, offset)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Find households by name prefix, NIK, No KK or address words."""
        return search.search(self.db, text, limit)

    def audit(self, household_id: str) -> list[dict]:
        """The local audit of edits of one household, oldest first."""
        return list(
            self.db.query(
                "SELECT at, user, member_id, action, field, old, new FROM audit WHERE household_id = ? ORDER BY id",
                [household_id],
            )
        )

    def review_notes(self, household_id: str) -> list[dict]:
        """Reviewer states and notes received for a household, oldest first."""
        return list(
            self.db.query(
                "SELECT state, note, received_at FROM review_notes WHERE household_id = ? ORDER BY id",
                [household_id],
            )
        )

    # --- edits -------------------------------------------------------------------------------

    def set_field(self, household_id: str, field: str, value: Any, user: str | None) -> bool:
        """Edit a household field (False when the value is unchanged)."""
        return edits.set_field(self.db, household_id, field, value, user)

    def change_member(
        self, household_id: str, member_id: str, fields: dict[str, Any], user: str | None
    ) -> bool:
        """Edit fields of a member."""
        return edits.change_member(self.db, household_id, member_id, fields, user)

    def add_member(self, household_id: str, values: dict[str, Any], user: str | None) -> str:
        """Add a member; returns its new client UUID."""
        return edits.add_member(self.db, household_id, values, user)

    def remove_member(
        self,
        household_id: str,
        member_id: str,
        reason: str,
        when: date | None,
        user: str | None,
    ) -> None:
        """Mark a member removed with a reason (meninggal, pindah, ...) and date."""
        edits.remove_member(self.db, household_id, member_id, reason, when, user)

    def restore_member(self, household_id: str, member_id: str, user: str | None) -> None:
        """Undo an unsent removal."""
        edits.restore_member(self.db, household_id, member_id, user)

    def add_household(
        self, values: dict[str, Any], assignment_id: int | None, user: str | None
    ) -> str:
        """Propose a new household (usulan baru); returns its client UUID."""
        return edits.add_household(self.db, values, assignment_id, user)

    def save_verification(
        self,
        household_id: str,
        answers: dict[str, Any],
        status: str,
        user: str | None,
        *,
        result: str | None = None,
        gps: Gps | None = None,
        started_at: datetime | None = None,
        finished_at: datetime | None = None,
        revision: int | None = None,
        papi: Papi | None = None,
        paradata: Paradata | None = None,
    ) -> str:
        """Save the household's verification (draft or finalized) and its paradata; returns
        the new state.

        With ``revision`` the save is refused (``StaleSave``) if the household moved on since.
        """
        with self.saving(household_id, revision):
            return verifications.save_verification(
                self.db,
                household_id,
                answers,
                status,
                user,
                result=result,
                gps=gps,
                started_at=started_at,
                finished_at=finished_at,
                papi=papi,
                paradata=paradata,
            )

    def paradata(self, household_id: str) -> Paradata | None:
        """The paradata recorded for the household's verification, or None."""
        return households.paradata(self.db, household_id)

    def photo_households(self, sha256: str) -> list[str]:
        """Every household this photo is linked to (the same image on a second one)."""
        return photos.households_of(self.db, sha256)

    # --- photos ------------------------------------------------------------------------------

    def photo_key(self) -> bytes:
        """The key photo files are encrypted with (kept inside the encrypted database)."""
        return photos.photo_key(self.db)

    def photo_dir(self) -> Path:
        """Where encrypted photo files live."""
        return private_dir(self.profile_dir / PHOTO_DIR)

    def add_photo(
        self, photo: PhotoRecord, user: str | None, *, revision: int | None = None
    ) -> None:
        """Index a stored photo (see ``capi_app.media.import_photo``); refused when stale."""
        with self.saving(photo.household_id, revision):
            photos.add_photo(self.db, photo, user)

    def photos(
        self, household_id: str | None = None, *, uploaded: bool | None = None
    ) -> list[PhotoRecord]:
        """Photos of a household (or all), optionally filtered on upload state."""
        return photos.photos(self.db, household_id, uploaded=uploaded)

    def photo(self, sha256: str) -> PhotoRecord | None:
        """The photo with this hash, or None."""
        return photos.photo(self.db, sha256)

    def photos_to_upload(self) -> list[PhotoRecord]:
        """Photos the server does not have yet, of households whose finalized visit is to be sent."""
        return photos.to_upload(self.db)

    def mark_photo_uploaded(self, sha256: str) -> None:
        """Record a successful (or already done) photo upload."""
        photos.mark_uploaded(self.db, sha256)

    # --- outbox ------------------------------------------------------------------------------

    def build_changeset(
        self,
        device_id: str,
        form_id: str,
        form_version: str,
        mode: Mode = "CAPI",
        *,
        max_households: int = 100,
    ) -> tuple[str, bytes] | None:
        """Freeze finalized households into a change-set: (changeset_id, payload) or None."""
        return changesets.build_changeset(
            self.db, device_id, form_id, form_version, mode, max_households=max_households
        )

    def pending_changesets(self) -> list[OutboxItem]:
        """Change-sets waiting for a reply; resend each as its stored bytes."""
        return changesets.pending(self.db)

    def apply_reply(self, reply: ChangeSetReply) -> dict[str, str]:
        """Apply the server's reply to a change-set; returns each household's new state."""
        return changesets.apply_reply(self.db, reply)

    def fail_changeset(
        self,
        changeset_id: str,
        message: str,
        household_id: str | None = None,
        code: str | None = None,
        field: str | None = None,
    ) -> None:
        """The server refused the whole change-set with a 4xx: un-freeze its households; the
        one named keeps the refusal (message, dtks.error_codes code, field)."""
        changesets.fail_changeset(self.db, changeset_id, message, household_id, code, field)
