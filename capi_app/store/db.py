"""Open the SQLCipher database with a raw 256-bit key and the pragmas that make saves durable."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

DB_NAME = "store.db"


class WrongKey(Exception):
    """The key does not open this database (or the file is not a database)."""


def _apply_pragmas(conn) -> None:
    # WAL: a save appends to the log and readers never block the writer.
    conn.execute("PRAGMA journal_mode = WAL").fetchall()
    # FULL: in WAL mode each COMMIT fsyncs the log, so a saved edit survives power loss,
    # not only a killed process (NORMAL may lose the last commits on power loss).
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # Sorts and temp tables stay in memory: nothing decrypted is spilled to an unencrypted file.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA busy_timeout = 5000")
    # 32 MiB of page cache: with SQLCipher a page read again from disk is decrypted again,
    # so keeping a pull's working set in memory is what keeps it near plain SQLite's speed.
    conn.execute("PRAGMA cache_size = -32768")
    # A big pull page grows the WAL; after a checkpoint, cut it back instead of keeping it.
    conn.execute("PRAGMA journal_size_limit = 16777216")


def connect(path: Path, key: bytes) -> Database:
    """Open (or create) the encrypted database at ``path`` with a raw 32-byte key."""
    if len(key) != 32:
        raise ValueError("the database key must be 32 bytes")
    # isolation_level=None: no implicit transactions; every write goes through write().
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as e:
        conn.close()
        raise WrongKey(f"{path}: the key does not open this database ({e})") from None
    _apply_pragmas(conn)
    return Database(conn)


def connect_plain(path: Path) -> Database:
    """Open an unencrypted SQLite database with the same pragmas (benchmarks and tests only)."""
    import sqlite3

    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    _apply_pragmas(conn)
    return Database(conn)


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction (BEGIN IMMEDIATE), or a savepoint when one is already open.

    IMMEDIATE takes the write lock up front, so a second process on the same profile (the
    ``capi`` command beside the window) waits for busy_timeout instead of failing halfway.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def integrity_check(db: Database) -> str:
    """SQLite's ``PRAGMA integrity_check``: 'ok' or the problems found."""
    rows = db.execute("PRAGMA integrity_check").fetchall()
    return "\n".join(r[0] for r in rows)
