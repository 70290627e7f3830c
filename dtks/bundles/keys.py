"""Key pairs of a device or a server, and the two primitives bundles need: seal and sign.

A party has an X25519 pair (others encrypt to it) and an Ed25519 pair (it signs). Sealing is
ECIES: an ephemeral X25519 key agreement, HKDF-SHA256, AES-256-GCM around a random 32-byte
content key; the content key then encrypts each payload with AES-256-GCM. Keys travel as
base64 of their 32 raw bytes.

>>> device, server = KeyPair.generate(), KeyPair.generate()
>>> wrapped = wrap_key(b"k" * 32, server.public().x25519, b"bundle-1")
>>> unwrap_key(wrapped, server, b"bundle-1") == b"k" * 32
True
>>> sig = device.sign(b"manifest")
>>> verify(device.public().ed25519, b"manifest", sig)
True
>>> verify(device.public().ed25519, b"manifesT", sig)
False
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "BadKey",
    "KeyPair",
    "PublicKeys",
    "Undecryptable",
    "b64",
    "decrypt",
    "encrypt",
    "unb64",
    "unwrap_key",
    "verify",
    "wrap_key",
]

_INFO = b"verivali bundle key v1"
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class BadKey(ValueError):
    """A key that is not base64 of 32 bytes."""


class Undecryptable(ValueError):
    """Ciphertext that does not open with this key (changed bytes, or meant for another key)."""


def b64(data: bytes) -> str:
    """Standard base64 text of bytes."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, size: int | None = 32) -> bytes:
    """Bytes of base64 text; BadKey when it is not base64 (of ``size`` bytes, if given)."""
    try:
        data = base64.b64decode(str(text).encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise BadKey("not base64") from None
    if size is not None and len(data) != size:
        raise BadKey(f"{len(data)} bytes where {size} were expected")
    return data


@dataclass(frozen=True)
class PublicKeys:
    """The public halves: what a device registers at login and GET /server/keys answers."""

    x25519: str
    ed25519: str

    @property
    def key_id(self) -> str:
        """A short fingerprint of both halves (names the server key a bundle was sealed to)."""
        digest = hashlib.sha256(unb64(self.x25519) + unb64(self.ed25519)).hexdigest()
        return digest[:16]

    def check(self) -> PublicKeys:
        """Self when both halves are valid keys, else BadKey."""
        try:
            X25519PublicKey.from_public_bytes(unb64(self.x25519))
            Ed25519PublicKey.from_public_bytes(unb64(self.ed25519))
        except ValueError as e:
            raise BadKey(str(e)) from None
        return self


@dataclass(frozen=True)
class KeyPair:
    """Both private keys of a party, as raw 32-byte seeds."""

    x25519_private: bytes
    ed25519_private: bytes

    @classmethod
    def generate(cls) -> KeyPair:
        """Fresh random keys."""
        x = X25519PrivateKey.generate().private_bytes_raw()
        e = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(x, e)

    @classmethod
    def from_json(cls, data: dict) -> KeyPair:
        """From {"x25519_private", "ed25519_private"} (base64)."""
        return cls(unb64(data["x25519_private"]), unb64(data["ed25519_private"]))

    def to_json(self) -> dict:
        """The private halves as base64 (to be kept only inside encrypted or 0600 storage)."""
        return {
            "x25519_private": b64(self.x25519_private),
            "ed25519_private": b64(self.ed25519_private),
        }

    def public(self) -> PublicKeys:
        """The public halves."""
        x = X25519PrivateKey.from_private_bytes(self.x25519_private).public_key()
        e = Ed25519PrivateKey.from_private_bytes(self.ed25519_private).public_key()
        return PublicKeys(b64(x.public_bytes(*_RAW)), b64(e.public_bytes(*_RAW)))

    def sign(self, data: bytes) -> bytes:
        """The Ed25519 signature of data (64 bytes)."""
        return Ed25519PrivateKey.from_private_bytes(self.ed25519_private).sign(data)

    def agree(self, peer_public: bytes) -> bytes:
        """The X25519 shared secret with a peer's public key."""
        private = X25519PrivateKey.from_private_bytes(self.x25519_private)
        return private.exchange(X25519PublicKey.from_public_bytes(peer_public))

    def __repr__(self) -> str:  # never print private keys into a log
        return f"KeyPair(public={self.public()!r})"


def verify(ed25519_public: str, data: bytes, signature: bytes) -> bool:
    """True when signature is the Ed25519 signature of data by that public key."""
    try:
        Ed25519PublicKey.from_public_bytes(unb64(ed25519_public)).verify(signature, data)
    except (InvalidSignature, BadKey, ValueError):
        return False
    return True


def _kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO)
    return hkdf.derive(shared)


def wrap_key(content_key: bytes, recipient_x25519: str, aad: bytes) -> dict:
    """Seal a content key to a recipient's X25519 public key: {ephemeral, nonce, ciphertext}."""
    recipient = unb64(recipient_x25519)
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    eph_pub = ephemeral.public_key().public_bytes(*_RAW)
    nonce = os.urandom(12)
    sealed = AESGCM(_kek(shared, eph_pub, recipient)).encrypt(nonce, content_key, aad)
    return {
        "ephemeral": b64(eph_pub),
        "nonce": b64(
            nonce,
        ),
        "ciphertext": b64(sealed),
    }


def unwrap_key(wrapped: dict, recipient: KeyPair, aad: bytes) -> bytes:
    """Open a wrapped content key with the recipient's private key; Undecryptable if not theirs."""
    try:
        eph_pub = unb64(wrapped["ephemeral"])
        nonce = unb64(wrapped["nonce"], 12)
        sealed = unb64(wrapped["ciphertext"], None)
        shared = recipient.agree(eph_pub)
        own = unb64(recipient.public().x25519)
        return AESGCM(_kek(shared, eph_pub, own)).decrypt(nonce, sealed, aad)
    except (InvalidTag, BadKey, KeyError, TypeError, ValueError):
        raise Undecryptable("the bundle's key is not sealed to this key") from None


def encrypt(content_key: bytes, data: bytes, aad: bytes) -> bytes:
    """AES-256-GCM of data: a 12-byte nonce followed by ciphertext and tag."""
    nonce = os.urandom(12)
    return nonce + AESGCM(content_key).encrypt(nonce, data, aad)


def decrypt(content_key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Open what ``encrypt`` made; Undecryptable when a byte changed."""
    try:
        return AESGCM(content_key).decrypt(blob[:12], blob[12:], aad)
    except (InvalidTag, ValueError):
        raise Undecryptable("a payload of the bundle does not open: its bytes changed") from None
