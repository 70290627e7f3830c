"""The photo index: which encrypted file holds which photo, its GPS and time, and upload state."""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlite_utils import Database

from capi_app.store import audit_actions as actions
from capi_app.store.codec import now_iso
from capi_app.store.db import write
from capi_app.store.edits import audit, editable, touched


@dataclass(frozen=True)
class PhotoRecord:
    """A processed photo: hash of the stored JPEG, where it was taken and when, its file."""

    sha256: str
    household_id: str
    path: str  # relative to the profile directory
    taken_at: str | None = (
        None  # capture time as the camera wrote it (ISO; with its offset if the camera wrote one)
    )
    lat: float | None = None
    lon: float | None = None
    altitude_m: float | None = None
    gps_at: str | None = None  # the GPS timestamp (UTC, ISO)
    width: int | None = None
    height: int | None = None
    size: int | None = None
    uploaded: bool = False


def photo_key(db: Database) -> bytes:
    """The AES-256 key for photo files, made on first use and kept only in the encrypted db."""
    with write(db):
        row = db.execute("SELECT key FROM media_keys ORDER BY id LIMIT 1").fetchone()
        if row:
            return bytes(row[0])
        key = os.urandom(32)
        db.execute("INSERT INTO media_keys (key, created_at) VALUES (?, ?)", [key, now_iso()])
        return key


def add_photo(db: Database, photo: PhotoRecord, user: str | None) -> None:
    """Index a stored photo for its household (a repeat of the same bytes is a no-op)."""
    with write(db):
        editable(db, photo.household_id)
        exists = db.execute("SELECT 1 FROM photos WHERE sha256 = ?", [photo.sha256]).fetchone()
        if exists:
            return
        db.execute(
            """INSERT INTO photos (sha256, household_id, taken_at, lat, lon, altitude_m, gps_at,
                   width, height, size, path, uploaded, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""",
            [
                photo.sha256,
                photo.household_id,
                photo.taken_at,
                photo.lat,
                photo.lon,
                photo.altitude_m,
                photo.gps_at,
                photo.width,
                photo.height,
                photo.size,
                photo.path,
                now_iso(),
            ],
        )
        audit(db, user, photo.household_id, actions.PHOTO, new=photo.sha256)
        touched(db, photo.household_id)


def photos(
    db: Database, household_id: str | None = None, *, uploaded: bool | None = None
) -> list[PhotoRecord]:
    """Photos of one household (or all), optionally only those (not) uploaded yet."""
    where, params = [], []
    if household_id is not None:
        where.append("household_id = ?")
        params.append(household_id)
    if uploaded is not None:
        where.append("uploaded = ?")
        params.append(int(uploaded))
    sql = "SELECT * FROM photos" + (" WHERE " + " AND ".join(where) if where else "")
    return [_record(r) for r in db.query(sql + " ORDER BY created_at, sha256", params)]


def to_upload(db: Database) -> list[PhotoRecord]:
    """Photos not uploaded yet of households whose finalized verification is to be sent.

    A draft's photos wait on the device: a visit saved over, or never finalized, sends none.
    """
    rows = db.query(
        """SELECT p.* FROM photos p JOIN verifications v USING (household_id)
           WHERE p.uploaded = 0 AND v.status = 'finalized'
           ORDER BY p.created_at, p.sha256"""
    )
    return [_record(r) for r in rows]


def photo(db: Database, sha256: str) -> PhotoRecord | None:
    """The photo with this hash, or None."""
    rows = list(db.query("SELECT * FROM photos WHERE sha256 = ?", [sha256]))
    return _record(rows[0]) if rows else None


def _record(row: dict) -> PhotoRecord:
    fields = {k: row[k] for k in PhotoRecord.__dataclass_fields__}
    fields["uploaded"] = bool(fields["uploaded"])
    return PhotoRecord(**fields)


def mark_uploaded(db: Database, sha256: str) -> None:
    """Record that the server holds this photo (after PUT /photos/{sha256})."""
    with write(db):
        db.execute("UPDATE photos SET uploaded = 1 WHERE sha256 = ?", [sha256])
