"""The ``.vvb`` file: a zip of manifest.json, encrypted payloads and a signature.

Written with fixed member order, dates and modes and no compression (payloads are encrypted,
and compressed before that), so a reader can rebuild the file from its members and compare:
a changed byte anywhere (a payload, the manifest, a zip header) refuses the bundle whole.
The manifest holds the contract keys (``manifest.Manifest``) plus ``format``, the content key
sealed to the recipient (``key``) and each payload's name, kind, id and SHA-256; the
signature is Ed25519 over the manifest's bytes, so every payload is signed through its hash.

>>> from dtks.bundles.keys import KeyPair
>>> from dtks.bundles.manifest import Manifest
>>> device, server = KeyPair.generate(), KeyPair.generate()
>>> m = Manifest("b1", "push", "d1", "enum1", "2026-11-02T09:00:00+07:00", "k1", ["c1"])
>>> data = seal(m, [Item("changeset", "c1", b'{"a": 1}')], server.public().x25519, device)
>>> sealed = read(data)
>>> sealed.verify(device.public().ed25519)
>>> [(i.kind, i.id, i.data) for i in sealed.open(server)]
[('changeset', 'c1', b'{"a": 1}')]
>>> bad = bytearray(data); bad[len(bad) // 2] ^= 1
>>> try:
...     read(bytes(bad)).verify(device.public().ed25519)
... except BundleRefused as e:
...     print(e.reason)
bundle_damaged
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass

from dtks.bundles.keys import (
    KeyPair,
    Undecryptable,
    b64,
    decrypt,
    encrypt,
    unb64,
    unwrap_key,
    verify,
    wrap_key,
)
from dtks.bundles.manifest import BadManifest, Manifest
from dtks.error_codes import ErrorCode

__all__ = [
    "MAX_BUNDLE_BYTES",
    "REASON_DAMAGED",
    "REASON_FOREIGN",
    "REASON_REVOKED",
    "REASON_SIGNATURE",
    "REASON_TOO_LARGE",
    "BundleRefused",
    "Item",
    "Sealed",
    "read",
    "seal",
]

FORMAT = "vvb/1"
MANIFEST = "manifest.json"
SIGNATURE = "signature"
PAYLOADS = "payloads/"
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
"""The largest bundle read or accepted (a 200-household bundle with photos is about 15 MB)."""
MAX_MEMBERS = 20_000
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
KIND_PHOTO = "photo"
_DATE = (1980, 1, 1, 0, 0, 0)

REASON_DAMAGED = ErrorCode.BUNDLE_DAMAGED
"""Not a bundle, or a byte of it changed since it was written."""
REASON_SIGNATURE = ErrorCode.BUNDLE_SIGNATURE
"""Not signed by the key of the device (or server) it names."""
REASON_FOREIGN = ErrorCode.BUNDLE_FOREIGN
"""Made for another device, another server key or another user."""
REASON_REVOKED = ErrorCode.BUNDLE_REVOKED
"""From a device whose login an admin revoked, or of a disabled user."""
REASON_TOO_LARGE = ErrorCode.TOO_LARGE
"""Larger than MAX_BUNDLE_BYTES."""


class BundleRefused(ValueError):
    """A bundle that is refused whole; ``reason`` is one of the REASON_* error codes."""

    def __init__(self, reason: ErrorCode, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Item:
    """One payload: its kind (changeset, photo, reply), its id and its plain bytes."""

    kind: str
    id: str
    data: bytes


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    """The canonical zip of the members: stored, fixed dates, modes and order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return out.getvalue()


def _aad(bundle_id: str, name: str) -> bytes:
    return f"{bundle_id}/{name}".encode()


def _canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def seal(manifest: Manifest, items: list[Item], recipient_x25519: str, signer: KeyPair) -> bytes:
    """The bytes of a bundle carrying items, sealed to the recipient and signed by signer."""
    content_key = os.urandom(32)
    members, entries = [], []
    for n, item in enumerate(items):
        name = f"{PAYLOADS}{n:05d}"
        packed = item.kind != KIND_PHOTO  # JPEGs do not shrink; JSON does, about 5x
        plain = zlib.compress(item.data, 6) if packed else item.data
        blob = encrypt(content_key, plain, _aad(manifest.bundle_id, name))
        members.append((name, blob))
        entries.append(
            {
                "name": name,
                "kind": item.kind,
                "id": item.id,
                "sha256": hashlib.sha256(blob).hexdigest(),
                "size": len(item.data),
                "zlib": packed,
            }
        )
    key = wrap_key(content_key, recipient_x25519, manifest.bundle_id.encode())
    head = manifest.to_json() | {"format": FORMAT, "key": key, "payloads": entries}
    head_bytes = _canonical(head)
    signature = b64(signer.sign(head_bytes)).encode()
    return _zip([(MANIFEST, head_bytes), *members, (SIGNATURE, signature)])


def _damaged(what: str) -> BundleRefused:
    return BundleRefused(REASON_DAMAGED, f"the bundle is damaged or was changed: {what}")


@dataclass(frozen=True)
class Sealed:
    """A bundle read and checked for shape; verify() then open() it with the right keys."""

    manifest: Manifest
    head: dict
    head_bytes: bytes
    signature: bytes
    members: dict[str, bytes]

    def verify(self, ed25519_public: str) -> None:
        """Raise BundleRefused(signature) unless the manifest is signed by that key."""
        if not verify(ed25519_public, self.head_bytes, self.signature):
            raise BundleRefused(
                REASON_SIGNATURE,
                f"bundle {self.manifest.bundle_id} is not signed by the key registered for "
                f"device {self.manifest.device_id} of {self.manifest.username}",
            )

    def open(self, recipient: KeyPair) -> list[Item]:
        """Decrypt every payload; BundleRefused(foreign) when not sealed to this recipient."""
        bundle_id = self.manifest.bundle_id
        try:
            key = unwrap_key(self.head.get("key") or {}, recipient, bundle_id.encode())
        except Undecryptable:
            raise BundleRefused(
                REASON_FOREIGN,
                f"bundle {bundle_id} was sealed for another key: it is not for this "
                f"{'server' if self.manifest.kind == 'push' else 'device'}",
            ) from None
        items = []
        for entry in self.head["payloads"]:
            try:
                plain = decrypt(key, self.members[entry["name"]], _aad(bundle_id, entry["name"]))
                data = zlib.decompress(plain) if entry.get("zlib") else plain
            except (Undecryptable, zlib.error):
                raise _damaged(f"payload {entry['name']} does not open") from None
            items.append(Item(str(entry["kind"]), str(entry["id"]), data))
        return items


def _members(data: bytes) -> list[tuple[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _damaged(f"{len(infos)} members (at most {MAX_MEMBERS})")
            if sum(i.file_size for i in infos) > MAX_BUNDLE_BYTES:
                raise _damaged("its members unpack to more than the bundle limit")
            return [(i.filename, z.read(i)) for i in infos]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
        if isinstance(e, BundleRefused):
            raise
        raise _damaged(f"not a readable .vvb zip ({e})") from None


def _entries(head: dict, names: list[str]) -> None:
    entries = head.get("payloads")
    if not isinstance(entries, list) or head.get("format") != FORMAT:
        raise _damaged(f"manifest.json is not of format {FORMAT}")
    listed = [e.get("name") if isinstance(e, dict) else None for e in entries]
    if [MANIFEST, *listed, SIGNATURE] != names:
        raise _damaged("its members are not those its manifest lists")


def read(data: bytes) -> Sealed:
    """Check a bundle's bytes: size, zip, manifest, payload hashes, byte-for-byte layout."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRefused(
            REASON_TOO_LARGE,
            f"the bundle has {len(data)} bytes; at most {MAX_BUNDLE_BYTES} are accepted",
        )
    members = _members(data)
    if _zip(members) != data:
        raise _damaged("its bytes are not those it was written with")
    names = [n for n, _ in members]
    if len(names) < 2 or len(members[0][1]) > MAX_MANIFEST_BYTES:
        raise _damaged("no manifest and signature")
    content = dict(members)
    try:
        head = json.loads(content[MANIFEST])
        _entries(head, names)
        manifest = Manifest.from_json(head)
        signature = unb64(content[SIGNATURE].decode("ascii"), 64)
    except (ValueError, UnicodeDecodeError, BadManifest) as e:
        if isinstance(e, BundleRefused):
            raise
        raise _damaged(str(e)) from None
    for entry in head["payloads"]:
        if hashlib.sha256(content[entry["name"]]).hexdigest() != entry.get("sha256"):
            raise _damaged(f"payload {entry['name']} is not the one its manifest names")
    return Sealed(manifest, head, content[MANIFEST], signature, content)
