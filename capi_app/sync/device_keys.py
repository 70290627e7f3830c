"""This device's bundle keys and the server's public keys, kept inside the encrypted store.

The private halves (X25519 and Ed25519, dtks.bundles.keys) live only in the store's
``settings`` table, which SQLCipher encrypts: never in clear on disk. The public halves are
also kept in ``device_keys.pub.json`` beside the store, so a login can register them with the
server before the store is unlocked (public keys are no secret). The server's public keys
(GET /server/keys) are kept in the store at each online login, so a bundle can be sealed to
the server offline.

>>> keys = ensure(store)              # doctest: +SKIP
>>> public_for_login(store.profile_dir)   # doctest: +SKIP
PublicKeys(x25519='...', ed25519='...')
"""

from __future__ import annotations

import json
from pathlib import Path

from capi_app.store import Store
from dtks.bundles.keys import BadKey, KeyPair, PublicKeys
from dtks.private_files import write_private

_DEVICE = "bundle.device_keys"
_SERVER = "bundle.server_keys"
PUBLIC_FILE = "device_keys.pub.json"


def _get(store: Store, name: str) -> str | None:
    row = store.db.execute("SELECT value FROM settings WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def _put(store: Store, name: str, value: str) -> None:
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO settings (name, value) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [name, value],
        )


def load(store: Store) -> KeyPair | None:
    """The device's key pair, or None before the first online login made one."""
    text = _get(store, _DEVICE)
    return KeyPair.from_json(json.loads(text)) if text else None


def ensure(store: Store, fresh: KeyPair | None = None) -> KeyPair:
    """The device's key pair; made (or ``fresh`` kept) the first time, its public file written."""
    keys = load(store)
    if keys is None:
        keys = fresh or KeyPair.generate()
        _put(store, _DEVICE, json.dumps(keys.to_json()))
    write_public(Path(store.profile_dir), keys.public())
    return keys


def write_public(directory: Path, public: PublicKeys) -> None:
    """Keep the public halves beside the store (read by the next login before unlocking)."""
    data = {"x25519": public.x25519, "ed25519": public.ed25519}
    write_private(directory / PUBLIC_FILE, json.dumps(data).encode())


def public_for_login(directory: Path) -> PublicKeys | None:
    """The public halves kept beside the store, or None (first login, or a lost file)."""
    try:
        data = json.loads((Path(directory) / PUBLIC_FILE).read_text(encoding="utf-8"))
        return PublicKeys(str(data["x25519"]), str(data["ed25519"])).check()
    except (OSError, ValueError, KeyError, TypeError, BadKey):
        return None


def save_server_keys(store: Store, reply: dict) -> PublicKeys:
    """Keep the server's public keys (GET /server/keys) for sealing bundles offline."""
    public = PublicKeys(str(reply["x25519"]), str(reply["ed25519"])).check()
    _put(store, _SERVER, json.dumps({"x25519": public.x25519, "ed25519": public.ed25519}))
    return public


def server_keys(store: Store) -> PublicKeys | None:
    """The server's public keys as last fetched online, or None."""
    text = _get(store, _SERVER)
    if not text:
        return None
    data = json.loads(text)
    return PublicKeys(data["x25519"], data["ed25519"])
