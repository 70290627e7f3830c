"""Devices' public keys: registered at login, looked up to check a bundle, revoked by an admin.

A device is known per user (two users of one laptop each register their own keys). An admin's
revoke of a device's login also revokes the device: its bundles are refused until the next
login from it registers keys again.
"""

from dataclasses import dataclass

from sqlalchemy import Connection, and_, insert, select, update

from dtks.bundles.keys import BadKey, PublicKeys
from sync_server import clock
from sync_server.db.tables import devices
from sync_server.errors import InvalidContent


@dataclass(frozen=True)
class Device:
    """A registered device of a user: its public keys and whether it was revoked."""

    user_id: int
    device_id: str
    keys: PublicKeys
    revoked_at: str | None


def check_keys(ed25519: str, x25519: str) -> PublicKeys:
    """Both public keys as sent at login, checked; 422 naming the field otherwise."""
    for name, value in (("device_public_key", ed25519), ("device_x25519_key", x25519)):
        try:
            PublicKeys(value, value).check()
        except BadKey as e:
            raise InvalidContent(
                f"{name}: not a base64 32-byte public key ({e})", None, name
            ) from None
    return PublicKeys(x25519=x25519, ed25519=ed25519).check()


def register(conn: Connection, user_id: int, device_id: str, keys: PublicKeys) -> None:
    """Keep (or replace) the device's public keys; a new login lifts a revocation."""
    now = clock.now()
    found = conn.execute(select(devices.c.device_id).where(_key(user_id, device_id))).first()
    values = {
        "ed25519": keys.ed25519,
        "x25519": keys.x25519,
        "registered_at": now,
        "revoked_at": None,
    }
    if found is None:
        conn.execute(insert(devices).values(user_id=user_id, device_id=device_id, **values))
    else:
        conn.execute(update(devices).where(_key(user_id, device_id)).values(**values))


def lookup(conn: Connection, user_id: int, device_id: str) -> Device | None:
    """The device of a user, or None when it never registered keys."""
    row = conn.execute(select(devices).where(_key(user_id, device_id))).first()
    if row is None:
        return None
    return Device(row.user_id, row.device_id, PublicKeys(row.x25519, row.ed25519), row.revoked_at)


def revoke(conn: Connection, user_id: int, device_id: str | None) -> int:
    """Mark a user's device (or all of their devices) revoked; return how many."""
    cond = and_(devices.c.user_id == user_id, devices.c.revoked_at.is_(None))
    if device_id:
        cond = and_(cond, devices.c.device_id == device_id)
    return conn.execute(update(devices).where(cond).values(revoked_at=clock.now())).rowcount


def _key(user_id: int, device_id: str):
    return and_(devices.c.user_id == user_id, devices.c.device_id == device_id)
