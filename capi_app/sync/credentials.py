"""The saved login (token, expiry, role, scopes), kept only inside the encrypted store.

The token lets a later sync run without typing the password to the server again, so it is as
secret as the household data: it lives in the store's ``settings`` table, never in settings.json.

>>> save(store, Credentials("tok", "2027-01-01T00:00:00+00:00", "enum1", "enumerator", ["32.04"]))  # doctest: +SKIP
>>> load(store).role                                                                                  # doctest: +SKIP
'enumerator'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from capi_app.store import Store

_KEY = "sync.credentials"
_LAST_SYNC = "sync.last"


@dataclass(frozen=True)
class Credentials:
    """What ``POST /auth/token`` answered, plus the server it came from."""

    token: str
    expires_at: str
    username: str
    role: str
    scopes: list[str] = field(default_factory=list)
    server_url: str = ""

    def expired(self, now: datetime | None = None) -> bool:
        """True once the server's expiry time has passed (an unreadable expiry counts as valid)."""
        try:
            expires = datetime.fromisoformat(self.expires_at.replace("Z", "+00:00"))
        except ValueError:
            return False
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        return (now or datetime.now(UTC)) >= expires


def _get(store: Store, name: str) -> str | None:
    row = store.db.execute("SELECT value FROM settings WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def _put(store: Store, name: str, value: str | None) -> None:
    with store.db.atomic():
        if value is None:
            store.db.execute("DELETE FROM settings WHERE name = ?", [name])
        else:
            store.db.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [name, value],
            )


def save(store: Store, credentials: Credentials) -> None:
    """Keep the login in the encrypted store (one transaction)."""
    _put(store, _KEY, json.dumps(asdict(credentials)))


def load(store: Store) -> Credentials | None:
    """The saved login, or None when there is none (never logged in, or logged out)."""
    text = _get(store, _KEY)
    if not text:
        return None
    data = json.loads(text)
    known = {k: v for k, v in data.items() if k in Credentials.__dataclass_fields__}
    return Credentials(**known)


def forget(store: Store) -> None:
    """Remove the saved login: the next sync needs an online login."""
    _put(store, _KEY, None)


def save_last_sync(store: Store, summary: dict) -> None:
    """Record when the last sync finished and what it did (shown by ``capi status``)."""
    _put(store, _LAST_SYNC, json.dumps(summary))


def last_sync(store: Store) -> dict | None:
    """The record of the last finished sync, or None."""
    text = _get(store, _LAST_SYNC)
    return json.loads(text) if text else None
