"""Photo files at rest: AES-256-GCM under the photo key, bound to the photo's sha256."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"VVPHOTO1"


class PhotoDecryptError(Exception):
    """An encrypted photo file that is damaged, swapped or under another key."""


def _aad(sha256: str) -> bytes:
    # Binding to the hash means a file renamed to another photo's name does not decrypt.
    return MAGIC + sha256.encode("ascii")


def encrypt(key: bytes, sha256: str, plain: bytes) -> bytes:
    """File bytes: magic, 12-byte nonce, ciphertext with its tag."""
    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, _aad(sha256))


def decrypt(key: bytes, sha256: str, blob: bytes) -> bytes:
    """The plain JPEG bytes of an encrypted photo file."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + 12 + 16:
        raise PhotoDecryptError(f"photo {sha256}: not an encrypted Verivali photo file")
    nonce = blob[len(MAGIC) : len(MAGIC) + 12]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + 12 :], _aad(sha256))
    except InvalidTag:
        raise PhotoDecryptError(f"photo {sha256}: damaged or not this store's photo") from None
