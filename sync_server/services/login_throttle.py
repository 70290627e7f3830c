"""Login throttling per username and client address, kept in the database.

Each login attempt is counted *before* the password is checked (the slow scrypt), in one
atomic UPDATE of the pair's row; a good password then deletes the row. After ``free``
counted attempts the pair is locked for 1 s, then 2 s, 4 s ... up to ``max_lockout_s``, and
a locked pair gets 429 without its password being looked at. So parallel guesses cannot all
reach the password check, and the state holds across restarts and every server process on
the database. A pair's row is forgotten ``forget_after_s`` after its last attempt (the
table is trimmed by age, never emptied wholesale).

>>> delay_for(4, free=5, max_lockout_s=900), delay_for(5, 5, 900), delay_for(7, 5, 900)
(0, 1, 4)
>>> delay_for(40, 5, 900)
900
"""

import math
import time

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sync_server.db.tables import login_attempts
from sync_server.errors import TooManyAttempts

FORGET_AFTER_S = 24 * 3600
TRIM_EVERY_S = 60


def delay_for(attempts: int, free: int, max_lockout_s: int) -> int:
    """Seconds a pair is locked after its attempts-th counted attempt."""
    if attempts < free:
        return 0
    return min(2 ** min(attempts - free, 32), max_lockout_s)


class LoginThrottle:
    """Counts login attempts per (username, address) in the login_attempts table."""

    def __init__(
        self,
        engine: Engine,
        free_failures: int,
        max_lockout_s: int,
        forget_after_s: int = FORGET_AFTER_S,
        clock=time.time,
    ):
        self.engine = engine
        self.free = free_failures
        self.max = max_lockout_s
        self.forget_after = max(forget_after_s, max_lockout_s)
        self.clock = clock
        self._trimmed_at = 0.0

    def attempt(self, username: str, address: str) -> None:
        """Count one attempt, or raise TooManyAttempts while the pair is locked."""
        for _ in range(20):
            now = self.clock()
            locked_until = self._count(username, address, now)
            if locked_until is None:
                return
            if locked_until > now:
                raise self._locked(username, locked_until - now)
            if self._first(username, address, now):
                return
        raise self._locked(username, 1)  # contended beyond reason: refuse, do not let it pass

    def succeeded(self, username: str, address: str) -> None:
        """Forget the pair's attempts after a good password."""
        with self.engine.begin() as conn:
            conn.execute(delete(login_attempts).where(*_key(username, address)))

    def _count(self, username: str, address: str, now: float) -> float | None:
        """Add the attempt to an unlocked pair (None: counted); else its locked_until (0: none)."""
        key = _key(username, address)
        with self.engine.begin() as conn:
            # The write comes first, so the transaction holds the row (PostgreSQL) or the write
            # lock (SQLite) before it reads: concurrent attempts are counted one after another.
            counted = conn.execute(
                update(login_attempts)
                .where(*key, login_attempts.c.locked_until <= now)
                .values(attempts=login_attempts.c.attempts + 1, last_at=now)
            ).rowcount
            if not counted:
                row = conn.execute(select(login_attempts.c.locked_until).where(*key)).first()
                return row.locked_until if row is not None else 0.0
            n = conn.execute(select(login_attempts.c.attempts).where(*key)).scalar_one()
            wait = delay_for(n, self.free, self.max)
            if wait:
                conn.execute(update(login_attempts).where(*key).values(locked_until=now + wait))
        return None

    def _first(self, username: str, address: str, now: float) -> bool:
        """Insert the pair's first attempt; False when another request inserted it meanwhile."""
        wait = delay_for(1, self.free, self.max)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(login_attempts).values(
                        username=username,
                        address=address,
                        attempts=1,
                        locked_until=now + wait if wait else 0.0,
                        last_at=now,
                    )
                )
        except IntegrityError:
            return False
        self._trim(now)
        return True

    def _trim(self, now: float) -> None:
        """Delete pairs idle for forget_after_s (at most once a minute per process)."""
        if now - self._trimmed_at < TRIM_EVERY_S:
            return
        self._trimmed_at = now
        with self.engine.begin() as conn:
            conn.execute(
                delete(login_attempts).where(login_attempts.c.last_at < now - self.forget_after)
            )

    def _locked(self, username: str, wait: float) -> TooManyAttempts:
        secs = max(1, math.ceil(wait))
        return TooManyAttempts(
            f"too many failed logins for {username}; try again in {secs} s", secs
        )


def _key(username: str, address: str):
    return (login_attempts.c.username == username, login_attempts.c.address == address)
