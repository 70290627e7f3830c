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
    dhash: str | None = None  # perceptual hashes (dtks.integrity.image_hashes), at capture
    ahash: str | None = None


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
    """Index a stored photo for its household. The same bytes again for the same household
    is a no-op; for another household the photo is linked to it too (photo_households), so
    that household's verification names it and the server sees it shared."""
    with write(db):
        editable(db, photo.household_id)
        linked = db.execute(
            "SELECT 1 FROM photo_households WHERE sha256 = ? AND household_id = ?",
            [photo.sha256, photo.household_id],
        ).fetchone()
        if linked:
            return
        db.execute(
            "INSERT INTO photo_households (sha256, household_id, created_at) VALUES (?, ?, ?)",
            [photo.sha256, photo.household_id, now_iso()],
        )
        exists = db.execute("SELECT 1 FROM photos WHERE sha256 = ?", [photo.sha256]).fetchone()
        if exists:
            audit(db, user, photo.household_id, actions.PHOTO, new=photo.sha256)
            touched(db, photo.household_id)
            return
        db.execute(
            """INSERT INTO photos (sha256, household_id, taken_at, lat, lon, altitude_m, gps_at,
                   width, height, size, path, uploaded, created_at, dhash, ahash)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""",
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
                photo.dhash,
                photo.ahash,
            ],
        )
        audit(db, user, photo.household_id, actions.PHOTO, new=photo.sha256)
        touched(db, photo.household_id)


def photos(
    db: Database, household_id: str | None = None, *, uploaded: bool | None = None
) -> list[PhotoRecord]:
    """Photos of one household (or all), optionally only those (not) uploaded yet; a photo
    linked to this household as well as another is listed with this household's id."""
    where, params = [], []
    if household_id is not None:
        where.append("l.household_id = ?")
        params.append(household_id)
    if uploaded is not None:
        where.append("p.uploaded = ?")
        params.append(int(uploaded))
    sql = (
        "SELECT p.*, l.household_id AS linked_to, l.created_at AS linked_at FROM photos p"
        " JOIN photo_households l USING (sha256)"
    )
    if household_id is None:  # each photo once, under the household it was first taken for
        where.append("l.household_id = p.household_id")
    sql += " WHERE " + " AND ".join(where) if where else ""
    return [_record(r) for r in db.query(sql + " ORDER BY l.created_at, p.sha256", params)]


def to_upload(db: Database) -> list[PhotoRecord]:
    """Photos not uploaded yet of households whose finalized verification is to be sent.

    A draft's photos wait on the device: a visit saved over, or never finalized, sends none.
    """
    rows = db.query(
        """SELECT DISTINCT p.* FROM photos p JOIN photo_households l USING (sha256)
           JOIN verifications v ON v.household_id = l.household_id
           WHERE p.uploaded = 0 AND v.status = 'finalized'
           ORDER BY p.created_at, p.sha256"""
    )
    return [_record(r) for r in rows]


def households_of(db: Database, sha256: str) -> list[str]:
    """Every household a photo is linked to, first one first."""
    return [
        r[0]
        for r in db.execute(
            "SELECT household_id FROM photo_households WHERE sha256 = ? ORDER BY created_at",
            [sha256],
        )
    ]


def photo(db: Database, sha256: str) -> PhotoRecord | None:
    """The photo with this hash, or None."""
    rows = list(db.query("SELECT * FROM photos WHERE sha256 = ?", [sha256]))
    return _record(rows[0]) if rows else None


def _record(row: dict) -> PhotoRecord:
    fields = {k: row.get(k) for k in PhotoRecord.__dataclass_fields__}
    if row.get("linked_to"):
        fields["household_id"] = row["linked_to"]
    fields["uploaded"] = bool(fields["uploaded"])
    return PhotoRecord(**fields)


def mark_uploaded(db: Database, sha256: str) -> None:
    """Record that the server holds this photo (after PUT /photos/{sha256})."""
    with write(db):
        db.execute("UPDATE photos SET uploaded = 1 WHERE sha256 = ?", [sha256])
