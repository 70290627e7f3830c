"""Files only their owner may read: directories 0700, files 0600, whatever the umask.

The server's database, photos and scans and the client's profile hold NIKs, password hashes
and house photos; the process umask (often 022, sometimes 000) must not make them readable by
other accounts on the machine. Every writer of such a file goes through these functions.

>>> import tempfile, pathlib
>>> d = private_dir(pathlib.Path(tempfile.mkdtemp()) / "data")
>>> oct(d.stat().st_mode & 0o777)
'0o700'
>>> f = write_private(d / "photos" / "ab" / "x.jpg", b"jpeg")
>>> oct(f.stat().st_mode & 0o777), oct(f.parent.stat().st_mode & 0o777)
('0o600', '0o700')
"""

import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; it creates them with the database file's mode."""


def private_dir(path: Path) -> Path:
    """Create a directory (and missing parents, also 0700) or fix an existing one: 0700."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for directory in reversed(missing):
        try:
            os.mkdir(directory, DIR_MODE)
        except FileExistsError:
            pass  # made meanwhile by another process
    os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file if there is none, and make it 0600 either way."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
    return path


def open_private(path: Path, mode: str = "wb", **kw):
    """Open a new or truncated file for writing, created 0600 (a file object, like open())."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return os.fdopen(fd, mode, **kw)


def append_private(path: Path):
    """Open a file for appending in binary (a log), created 0600 or made 0600 if it was laxer.

    >>> import tempfile, pathlib
    >>> log = pathlib.Path(tempfile.mkdtemp()) / "server.log"
    >>> with append_private(log) as f:
    ...     _ = f.write(b"started\\n")
    >>> oct(log.stat().st_mode & 0o777)
    '0o600'
    """
    fd = os.open(Path(path), os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return os.fdopen(fd, "ab")


def write_private(path: Path, data: bytes) -> Path:
    """Write a 0600 file whole or not at all (temp file, fsync, rename); parents made 0700."""
    path = Path(path)
    if not path.parent.is_dir():
        private_dir(path.parent)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    with open_private(tmp) as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return path


def private_sqlite(path: Path) -> Path:
    """Make a SQLite database file 0600 before SQLite opens it, and its existing sidecars.

    SQLite creates the WAL, shared-memory and journal files with the database file's mode, so
    a 0600 database keeps them 0600 too; sidecars left by an older, laxer run are fixed here.
    """
    path = Path(path)
    if not path.parent.is_dir():
        private_dir(path.parent)
    private_file(path)
    for suffix in SQLITE_SIDECARS:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, FILE_MODE)
    return path
