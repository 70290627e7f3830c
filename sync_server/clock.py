"""The server's clock, and timestamps as the database stores them: ISO-8601 UTC text.

Deadlines make time part of the server's behaviour, so tests must be able to set it:

- in the same process, ``clock.set(moment)`` (and ``clock.reset()``);
- for a server in another process, the environment variable ``VERIVALI_CLOCK_FILE`` names a
  file holding an ISO-8601 moment with its offset. The clock reads "that moment when the file
  was written" and runs on from there, so a test rewrites the file to jump in time while
  events keep their order. A missing or unreadable file means the real time.

>>> set(datetime(2026, 12, 11, 16, 0, tzinfo=UTC))
>>> now()
'2026-12-11T16:00:00.000000Z'
>>> reset()
"""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

CLOCK_FILE_ENV = "VERIVALI_CLOCK_FILE"

_fixed: datetime | None = None
_file_cache: tuple[str, float, timedelta] | None = None
"""(path, mtime, offset from the real time) of the clock file last read."""


def set(moment: datetime) -> None:  # noqa: A001 - clock.set reads as what it does
    """Stop the clock at an aware moment (tests in this process)."""
    if moment.tzinfo is None:
        raise ValueError("clock.set needs an aware datetime")
    global _fixed
    _fixed = moment.astimezone(UTC)


def reset() -> None:
    """Back to the real time (or the clock file)."""
    global _fixed
    _fixed = None


def write_clock_file(path: Path, moment: datetime) -> None:
    """Set the clock of a server started with VERIVALI_CLOCK_FILE=path (tests)."""
    tmp = Path(path).with_suffix(".tmp")
    tmp.write_text(moment.isoformat(), encoding="utf-8")
    os.replace(tmp, path)


def current() -> datetime:
    """The current moment, aware, in UTC."""
    if _fixed is not None:
        return _fixed
    real = datetime.now(UTC)
    return real + _file_offset(real)


def _file_offset(real: datetime) -> timedelta:
    """How far the clock file puts the server from the real time (zero without one)."""
    global _file_cache
    path = os.environ.get(CLOCK_FILE_ENV)
    if not path:
        return timedelta(0)
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return timedelta(0)
    if _file_cache and _file_cache[:2] == (path, mtime):
        return _file_cache[2]
    try:
        moment = datetime.fromisoformat(Path(path).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return timedelta(0)
    if moment.tzinfo is None:
        return timedelta(0)
    offset = moment - datetime.fromtimestamp(mtime, UTC)
    _file_cache = (path, mtime, offset)
    return offset


def now() -> str:
    """Return the current time as ISO-8601 UTC text, e.g. '2026-11-02T02:41:12.000123Z'."""
    return iso(current())


def iso(moment: datetime) -> str:
    """Write an aware datetime as the stored text form."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def in_days(days: float) -> str:
    """Return now + days as stored text."""
    return iso(current() + timedelta(days=days))
