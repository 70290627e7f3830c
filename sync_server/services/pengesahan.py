"""Signed pengesahan scans kept with a round and wilayah: PDF, JPEG or PNG, by SHA-256.

Files live in the data directory (``pengesahan/ab/<sha256>.<ext>``), rows in the
``pengesahan`` table, which is insert-only: who uploaded what and when is its own audit.

    doc = upload(engine, settings.data_dir, user, "2026-11", "32.04", pdf_bytes, 10 * 2**20)
"""

import hashlib
import logging
from pathlib import Path

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dtks.cycle import PENGESAHAN
from dtks.private_files import write_private
from sync_server import clock
from sync_server.db.tables import pengesahan, users
from sync_server.errors import InvalidContent, NotFound, ScanInvalid
from sync_server.scopes import covers
from sync_server.services import cycle, scan_check
from sync_server.services.review_queue import reviewer_scopes
from sync_server.services.users import User
from sync_server.settings import SCANS_DIR_NAME

log = logging.getLogger("sync_server")
MAX_BYTES = 10 * 1024 * 1024
KINDS = scan_check.KINDS


def kind_of(data: bytes) -> tuple[str, str]:
    """(content type, extension) of a whole PDF, JPEG or PNG scan, or ScanInvalid saying why."""
    problem = scan_check.scan_problem(data)
    if problem:
        raise ScanInvalid(
            f"the scan must be a whole PDF, JPEG or PNG file: {problem}", field="body"
        )
    return scan_check.kind_of(data)


def scan_dir(data_dir: Path) -> Path:
    """Where the scans live."""
    return data_dir / SCANS_DIR_NAME


def upload(
    engine: Engine, data_dir: Path, user: User, round_: str, scope, data: bytes, max_bytes=MAX_BYTES
) -> tuple[dict, bool]:
    """Keep a scan for the round and scope; return (document, created); a repeat is a no-op.

    After the round's pengesahan deadline (local time of the scope) it is refused: 409 naming
    the deadline."""
    (plain,) = _one_scope(user, scope)
    with engine.connect() as conn:
        cycle.check_deadline(conn, round_, PENGESAHAN, plain)
    if len(data) > max_bytes:
        raise InvalidContent(
            f"the scan has {len(data)} bytes, the limit is {max_bytes}", field="body"
        )
    content_type, ext = kind_of(data)
    sha = hashlib.sha256(data).hexdigest()
    existing = _find(engine, round_, plain, sha)
    if existing:
        return existing, False
    relative = f"{sha[:2]}/{sha}.{ext}"
    write_private(scan_dir(data_dir) / relative, data)
    row = dict(round=round_, scope=plain, sha256=sha, size=len(data), content_type=content_type)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(pengesahan).values(
                    **row, path=relative, uploaded_by=user.id, uploaded_at=clock.now()
                )
            )
    except IntegrityError:
        pass  # the same scan arrived twice at once
    log.info("pengesahan %s for %s/%s uploaded by %s", sha, round_, plain, user.username)
    return _find(engine, round_, plain, sha), True


def documents(engine: Engine, user: User, round_: str, scope) -> list[dict]:
    """The scans of a round under the scope (all of yours when no scope), oldest first."""
    scopes = reviewer_scopes(user, scope, "export")
    with engine.connect() as conn:
        rows = conn.execute(_query().where(pengesahan.c.round == round_)).all()
    return [_doc(r) for r in rows if covers(scopes, r.scope)]


def read(engine: Engine, data_dir: Path, user: User, round_: str, sha: str) -> tuple[bytes, dict]:
    """(bytes, document) of one scan of the round within your scopes, else 404 (as for none)."""
    reviewer_scopes(user, None, "export")
    with engine.connect() as conn:
        rows = conn.execute(
            _query().where(pengesahan.c.round == round_, pengesahan.c.sha256 == sha)
        ).all()
    mine = [r for r in rows if covers(user.scopes, r.scope)]
    if not mine:  # outside your scopes a scan answers as one never uploaded
        raise NotFound(f"round {round_} has no pengesahan {sha}")
    return (scan_dir(data_dir) / mine[0].path).read_bytes(), _doc(mine[0])


def _one_scope(user: User, scope) -> list[str]:
    scopes = reviewer_scopes(user, scope, "export")
    if len(scopes) != 1:
        raise InvalidContent("give scope: you review more than one wilayah", field="scope")
    return scopes


def _query():
    return (
        select(pengesahan, users.c.username)
        .join(users, users.c.id == pengesahan.c.uploaded_by)
        .order_by(pengesahan.c.id)
    )


def _find(engine: Engine, round_: str, scope: str, sha: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(
            _query().where(
                pengesahan.c.round == round_,
                pengesahan.c.scope == scope,
                pengesahan.c.sha256 == sha,
            )
        ).first()
    return _doc(row) if row else None


def _doc(r) -> dict:
    return {
        "sha256": r.sha256,
        "size": r.size,
        "scope": r.scope,
        "round": r.round,
        "uploaded_by": r.username,
        "uploaded_at": r.uploaded_at,
        "content_type": r.content_type,
    }
