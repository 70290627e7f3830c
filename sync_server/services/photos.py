"""House photos: stored once by SHA-256 under the data directory, named in verifications.

A photo is visible to a user who uploaded it and to a user whose read scope covers a household
whose verification names it, or to the reviewer receiving that household's pending move
(services/moves); to anyone else it does not exist (HEAD, GET and a change-set
naming it answer as for a photo never uploaded), so a hash tells nobody outside the scope that
a photo is there.

created = store_photo(engine, photos_dir, user, sha256_hex, jpeg_bytes, max_bytes)
"""

import hashlib
import io
import re
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dtks import integrity
from dtks.private_files import write_private
from dtks.scope import covers_any
from sync_server import clock
from sync_server.db import jsontext
from sync_server.db.tables import (
    households,
    photo_uploads,
    photos,
    verification_photos,
    verifications,
)
from sync_server.errors import InvalidContent, NotFound, PhotoInvalid
from sync_server.services.access import incoming_households, read_scopes
from sync_server.services.household_store import chunks
from sync_server.services.users import User

JPEG_MAGIC = b"\xff\xd8\xff"
JPEG_END = b"\xff\xd9"
MAX_PIXELS = 16_000_000
"""The client uploads photos of at most 1600 px a side; far larger is no processed photo."""
_SHA = re.compile(r"^[0-9a-f]{64}$")
_OTHER_KINDS = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP?)"),
    (b"%PDF", "a PDF document"),
    (b"<", "text (HTML or XML)"),
)


def photo_path(photos_dir: Path, sha: str) -> Path:
    """Where a photo lives: photos/ab/abcdef....jpg."""
    return photos_dir / sha[:2] / f"{sha}.jpg"


def check_photo(sha: str, data: bytes, max_bytes: int) -> None:
    """Raise InvalidContent unless data is a whole JPEG of at most max_bytes whose SHA-256 is sha."""
    where = f"photo {sha}"
    if not _SHA.match(sha):
        raise InvalidContent(
            f"{where}: the name must be 64 lowercase hex digits (sha256)", field="sha256"
        )
    if len(data) > max_bytes:
        raise PhotoInvalid(f"{where}: {len(data)} bytes, the limit is {max_bytes}", field="body")
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha:
        raise PhotoInvalid(f"{where}: the body's sha256 is {actual}", field="sha256")
    problem = jpeg_problem(data)
    if problem:
        raise PhotoInvalid(f"{where}: {problem}; upload the processed JPEG", field="body")


def jpeg_problem(data: bytes) -> str | None:
    """Why data is not a whole JPEG image that Pillow decodes, or None when it is one.

    >>> jpeg_problem(b"\\xff\\xd8\\xff<html><script>alert(1)</script>")
    'not a JPEG image (cannot identify image file)'
    >>> jpeg_problem(b"\\x89PNG\\r\\n\\x1a\\n")
    'not a JPEG but a PNG image'
    """
    if not data.startswith(JPEG_MAGIC):
        kind = next((name for magic, name in _OTHER_KINDS if data.startswith(magic)), None)
        return f"not a JPEG but {kind}" if kind else "not a JPEG image"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=("JPEG",)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return f"{width} x {height} pixels, more than {MAX_PIXELS:,} (not processed)"
                image.load()
    except (UnidentifiedImageError, Image.DecompressionBombWarning) as e:
        return f"not a JPEG image ({_reason(e)})"
    except (OSError, SyntaxError, ValueError) as e:
        return f"a damaged JPEG image ({_reason(e)})"
    if not data.rstrip(b"\0").endswith(JPEG_END):
        return "a JPEG image with data after its end"
    return None


def _reason(e: Exception) -> str:
    text = str(e).split(";")[0].strip()
    return re.sub(r" <_io\.BytesIO object at 0x[0-9a-f]+>", "", text) or type(e).__name__


def store_photo(
    engine: Engine, photos_dir: Path, user_id: int, sha: str, data: bytes, max_bytes: int
) -> bool:
    """Check and store a photo; return False when this user had uploaded it already."""
    check_photo(sha, data, max_bytes)
    with engine.connect() as conn:
        held = conn.execute(select(photos.c.sha256).where(photos.c.sha256 == sha)).first()
    if held is None:
        path = photo_path(photos_dir, sha)
        write_private(path, data)
        dhash, ahash = integrity.image_hashes(data)  # the server's own, beside the client's
        try:
            with engine.begin() as conn:
                conn.execute(
                    insert(photos).values(
                        sha256=sha,
                        size=len(data),
                        path=str(path.relative_to(photos_dir)),
                        uploaded_by=user_id,
                        uploaded_at=clock.now(),
                        dhash=dhash,
                        ahash=ahash,
                    )
                )
        except IntegrityError:
            pass  # the same photo arrived twice at once
    return _record_upload(engine, sha, user_id)


def _record_upload(engine: Engine, sha: str, user_id: int) -> bool:
    """Note that user_id uploaded the photo; False when they had already."""
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(photo_uploads).values(sha256=sha, user_id=user_id, uploaded_at=clock.now())
            )
    except IntegrityError:
        return False
    return True


def visible_photos(conn: Connection, user: User, shas) -> set[str]:
    """The hashes among shas the user may know of: uploaded by them, or named in scope."""
    wanted = sorted(set(shas))
    seen: set[str] = set()
    scopes = read_scopes(conn, user)
    for part in chunks(wanted):
        seen.update(
            conn.execute(
                select(photo_uploads.c.sha256).where(
                    photo_uploads.c.sha256.in_(part), photo_uploads.c.user_id == user.id
                )
            ).scalars()
        )
        named = (
            select(
                verification_photos.c.sha256, households.c.kode_wilayah, households.c.household_id
            )
            .join(verifications, verifications.c.id == verification_photos.c.verification_id)
            .join(households, households.c.household_id == verifications.c.household_id)
            .where(verification_photos.c.sha256.in_(part))
        )
        outside: dict[str, set[str]] = {}
        for r in conn.execute(named):
            if covers_any(scopes, r.kode_wilayah):
                seen.add(r.sha256)
            else:
                outside.setdefault(r.household_id, set()).add(r.sha256)
        for hid in incoming_households(conn, user, outside):  # the receiving reviewer of a move
            seen.update(outside[hid])
    return seen


def has_photo(engine: Engine, user: User, sha: str) -> bool:
    """Whether the server holds a photo this user may know of (else it must be uploaded)."""
    with engine.connect() as conn:
        return sha in visible_photos(conn, user, [sha])


def read_photo(engine: Engine, photos_dir: Path, user: User, sha: str) -> bytes:
    """Return a stored photo's bytes, or NotFound when it is not there or not for this user."""
    with engine.connect() as conn:
        row = conn.execute(select(photos.c.path).where(photos.c.sha256 == sha)).first()
        if row is None or sha not in visible_photos(conn, user, [sha]):
            raise NotFound(f"photo {sha} was never uploaded")
    return (photos_dir / row.path).read_bytes()


def link_changeset(conn: Connection, changeset_id: str) -> None:
    """Index the photos named by the verifications a change-set just stored."""
    rows = conn.execute(
        select(verifications.c.id, verifications.c.photos).where(
            verifications.c.changeset_id == changeset_id
        )
    ).all()
    links = [
        {"verification_id": r.id, "sha256": sha}
        for r in rows
        for sha in dict.fromkeys(jsontext.loads(r.photos) or [])
    ]
    if links:
        conn.execute(insert(verification_photos), links)
