"""Login throttling per username and client address: after a few failures, 429 for a while.

The wait doubles with each further failure (1 s, 2 s, 4 s ... up to the maximum) and a success
clears it. Kept in memory: one server process, as `sync-server serve` runs it.

>>> t = LoginThrottle(free_failures=1, max_lockout_s=60)
>>> t.check("enum1", "10.0.0.1"); t.failed("enum1", "10.0.0.1")
>>> t.check("enum1", "10.0.0.1")
Traceback (most recent call last):
...
sync_server.errors.TooManyAttempts: too many failed logins for enum1; try again in 1 s
"""

import math
import threading
import time

from sync_server.errors import TooManyAttempts


class LoginThrottle:
    """Counts failed logins per (username, address)."""

    def __init__(self, free_failures: int, max_lockout_s: int):
        self.free = free_failures
        self.max = max_lockout_s
        self._state: dict[tuple[str, str], tuple[int, float]] = {}
        self._lock = threading.Lock()

    def check(self, username: str, address: str) -> None:
        """Raise TooManyAttempts while the pair is locked out."""
        with self._lock:
            _, until = self._state.get((username, address), (0, 0.0))
        wait = until - time.monotonic()
        if wait > 0:
            secs = max(1, math.ceil(wait))
            raise TooManyAttempts(
                f"too many failed logins for {username}; try again in {secs} s", secs
            )

    def failed(self, username: str, address: str) -> None:
        """Record a failed login."""
        with self._lock:
            count, until = self._state.get((username, address), (0, 0.0))
            count += 1
            if count >= self.free:
                until = time.monotonic() + min(2 ** (count - self.free), self.max)
            self._state[(username, address)] = (count, until)
            if len(self._state) > 100_000:  # bounded memory under a flood of random names
                self._state.clear()

    def succeeded(self, username: str, address: str) -> None:
        """Forget failures after a good login."""
        with self._lock:
            self._state.pop((username, address), None)
