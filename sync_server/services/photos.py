"""House photos: stored once by SHA-256 under the data directory, named in verifications.

created = store_photo(engine, photos_dir, user, sha256_hex, jpeg_bytes, max_bytes)
"""

import hashlib
import re
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dtks.private_files import write_private
from sync_server import clock
from sync_server.db.tables import photos
from sync_server.errors import InvalidContent, NotFound, PhotoInvalid

JPEG_MAGIC = b"\xff\xd8\xff"
_SHA = re.compile(r"^[0-9a-f]{64}$")


def photo_path(photos_dir: Path, sha: str) -> Path:
    """Where a photo lives: photos/ab/abcdef....jpg."""
    return photos_dir / sha[:2] / f"{sha}.jpg"


def check_photo(sha: str, data: bytes, max_bytes: int) -> None:
    """Raise InvalidContent unless data is a JPEG of at most max_bytes whose SHA-256 is sha."""
    where = f"photo {sha}"
    if not _SHA.match(sha):
        raise InvalidContent(
            f"{where}: the name must be 64 lowercase hex digits (sha256)", field="sha256"
        )
    if len(data) > max_bytes:
        raise PhotoInvalid(f"{where}: {len(data)} bytes, the limit is {max_bytes}", field="body")
    if not data.startswith(JPEG_MAGIC):
        raise PhotoInvalid(f"{where}: not a JPEG file", field="body")
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha:
        raise PhotoInvalid(f"{where}: the body's sha256 is {actual}", field="sha256")


def store_photo(
    engine: Engine, photos_dir: Path, user_id: int, sha: str, data: bytes, max_bytes: int
) -> bool:
    """Check and store a photo; return False when it was there already (a no-op)."""
    check_photo(sha, data, max_bytes)
    with engine.connect() as conn:
        if conn.execute(select(photos.c.sha256).where(photos.c.sha256 == sha)).first():
            return False
    path = photo_path(photos_dir, sha)
    write_private(path, data)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(photos).values(
                    sha256=sha,
                    size=len(data),
                    path=str(path.relative_to(photos_dir)),
                    uploaded_by=user_id,
                    uploaded_at=clock.now(),
                )
            )
    except IntegrityError:
        return False  # the same photo arrived twice at once
    return True


def has_photo(engine: Engine, sha: str) -> bool:
    """Whether a photo with this hash was uploaded (so a client can skip sending it again)."""
    with engine.connect() as conn:
        return (
            conn.execute(select(photos.c.sha256).where(photos.c.sha256 == sha)).first() is not None
        )


def read_photo(engine: Engine, photos_dir: Path, sha: str) -> bytes:
    """Return a stored photo's bytes or raise NotFound."""
    with engine.connect() as conn:
        row = conn.execute(select(photos.c.path).where(photos.c.sha256 == sha)).first()
    if row is None:
        raise NotFound(f"photo {sha} was never uploaded")
    return (photos_dir / row.path).read_bytes()
