"""The database key: random 256 bits, wrapped under the user's password and optionally a district key.

The key file is JSON beside the database; it never holds the key in clear.

>>> import tempfile
>>> tmp = Path(tempfile.mkdtemp())
>>> key = create_keyfile(tmp / "store.key", "rahasia-desa")
>>> unlock(tmp / "store.key", "rahasia-desa") == key
True
>>> key.hex() in (tmp / "store.key").read_text()
False
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from dtks.private_files import open_private

KEY_BYTES = 32
FORMAT = "verivali-keyfile"
SCRYPT_N = 2**15  # ~32 MiB and ~0.1 s per try on a field laptop: slow for guessing, fine for login
SCRYPT_R = 8
SCRYPT_P = 1
_PASSWORD_AAD = b"verivali db key v1 / password"
_RECOVERY_AAD = b"verivali db key v1 / district recovery"
_HKDF_INFO = b"verivali district recovery v1"
MAX_DELAY_S = 60.0


class KeyFileError(Exception):
    """The key file is missing, unreadable or not a Verivali key file."""


class WrongPassword(Exception):
    """The password does not unlock this key file (nothing was changed or wiped)."""


class NoRecoveryWrap(KeyFileError):
    """The key file has no district recovery wrap, so an admin cannot recover it."""


class WrongDistrictKey(KeyFileError):
    """The district private key given is not the one this key file was wrapped to."""


@dataclass(frozen=True)
class ScryptParams:
    """The password KDF parameters stored in the key file."""

    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(password: str, salt: bytes, params: ScryptParams) -> bytes:
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=params.n, r=params.r, p=params.p)
    return kdf.derive(password.encode("utf-8"))


def _password_wrap(key: bytes, password: str, params: ScryptParams) -> dict:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    ct = AESGCM(_derive(password, salt, params)).encrypt(nonce, key, _PASSWORD_AAD)
    return {
        "kdf": {"name": "scrypt", "n": params.n, "r": params.r, "p": params.p, "salt": _b64(salt)},
        "alg": "AES-256-GCM",
        "nonce": _b64(nonce),
        "ciphertext": _b64(ct),
    }


def _recovery_wrap(key: bytes, district_public_key: X25519PublicKey) -> dict:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(district_public_key)
    ephemeral_pub = ephemeral.public_key().public_bytes_raw()
    wrap_key = _hkdf(shared, ephemeral_pub)
    nonce = os.urandom(12)
    ct = AESGCM(wrap_key).encrypt(nonce, key, _RECOVERY_AAD)
    return {
        "alg": "X25519-HKDF-SHA256-AES-256-GCM",
        "district_key_id": district_key_id(district_public_key),
        "ephemeral_public": _b64(ephemeral_pub),
        "nonce": _b64(nonce),
        "ciphertext": _b64(ct),
    }


def _hkdf(shared: bytes, ephemeral_pub: bytes) -> bytes:
    # The ephemeral public key as salt binds the wrap key to this one exchange.
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral_pub, info=_HKDF_INFO)
    return hkdf.derive(shared)


def district_key_id(public_key: X25519PublicKey) -> str:
    """A short fingerprint of a district public key, so an admin can tell which key a device used."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(public_key.public_bytes_raw())
    return digest.finalize()[:8].hex()


def _read(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise KeyFileError(f"{path}: no key file here (has this profile been set up?)") from None
    except (OSError, ValueError) as e:
        raise KeyFileError(f"{path}: cannot read the key file: {e}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != 1:
        raise KeyFileError(f"{path}: not a Verivali key file (format version 1)")
    return data


def _write_atomic(path: Path, data: dict) -> None:
    # Write-then-rename with fsyncs: a crash leaves either the old or the new key file, never half.
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open_private(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_keyfile(
    path: Path,
    password: str,
    *,
    district_public_key: X25519PublicKey | None = None,
    params: ScryptParams = ScryptParams(),
) -> bytes:
    """Make a new random database key, write its wrapped form to ``path`` and return the key."""
    path = Path(path)
    if path.exists():
        raise KeyFileError(f"{path}: a key file already exists; refusing to replace it")
    if not password:
        raise ValueError("the password cannot be empty")
    key = os.urandom(KEY_BYTES)
    data = {
        "format": FORMAT,
        "version": 1,
        "created_at": _now_iso(),
        "password": _password_wrap(key, password, params),
        "recovery": _recovery_wrap(key, district_public_key) if district_public_key else None,
    }
    _write_atomic(path, data)
    return key


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unwrap_password(data: dict, password: str) -> bytes:
    wrap = data["password"]
    kdf = wrap["kdf"]
    params = ScryptParams(n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]))
    wrap_key = _derive(password, _unb64(kdf["salt"]), params)
    try:
        return AESGCM(wrap_key).decrypt(
            _unb64(wrap["nonce"]), _unb64(wrap["ciphertext"]), _PASSWORD_AAD
        )
    except InvalidTag:
        raise WrongPassword("wrong password for this profile (nothing was changed)") from None


# --- failed attempts -------------------------------------------------------------------------


def failures_path(keyfile: Path) -> Path:
    """Where failed attempts are counted: a side file, so a failed login never rewrites the key file."""
    keyfile = Path(keyfile)
    return keyfile.with_name(keyfile.name + ".failures")


def delay_for(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` failed ones: 0,0,0,2,4,8,... up to 60."""
    if failures < 3:
        return 0.0
    return min(MAX_DELAY_S, 2.0 ** (failures - 2))


def _read_failures(keyfile: Path) -> tuple[int, float]:
    try:
        data = json.loads(failures_path(keyfile).read_text("utf-8"))
        return int(data["count"]), float(data["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def _write_failures(keyfile: Path, count: int, last: float) -> None:
    side = failures_path(keyfile)
    if count == 0:
        side.unlink(missing_ok=True)
        return
    with open_private(side, "w", encoding="utf-8") as f:
        json.dump({"count": count, "last": last}, f)


def unlock(
    path: Path,
    password: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.time,
) -> bytes:
    """Return the database key, or raise ``WrongPassword`` after the growing delay for repeated failures."""
    path = Path(path)
    data = _read(path)
    count, last = _read_failures(path)
    wait = delay_for(count) - max(0.0, clock() - last)
    if wait > 0:
        sleep(wait)
    try:
        key = _unwrap_password(data, password)
    except WrongPassword:
        _write_failures(path, count + 1, clock())
        raise
    if count:
        _write_failures(path, 0, 0.0)
    return key


def failed_attempts(path: Path) -> int:
    """How many wrong passwords were tried since the last successful unlock."""
    return _read_failures(Path(path))[0]


def change_password(
    path: Path,
    old_password: str,
    new_password: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    params: ScryptParams = ScryptParams(),
) -> None:
    """Re-wrap the same database key under a new password; the database itself is untouched."""
    key = unlock(path, old_password, sleep=sleep)
    set_password(path, key, new_password, params=params)


def set_password(
    path: Path, key: bytes, new_password: str, *, params: ScryptParams = ScryptParams()
) -> None:
    """Wrap a known database key under ``new_password`` (after unlock or admin recovery)."""
    if not new_password:
        raise ValueError("the password cannot be empty")
    data = _read(Path(path))
    data["password"] = _password_wrap(key, new_password, params)
    data["password_changed_at"] = _now_iso()
    _write_atomic(Path(path), data)
    _write_failures(Path(path), 0, 0.0)


# --- district recovery -----------------------------------------------------------------------


def generate_district_keypair() -> tuple[bytes, bytes]:
    """A new district X25519 key pair as (private PEM, public PEM)."""
    private = X25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private_pem, public_pem


def load_public_key(pem: bytes) -> X25519PublicKey:
    """Read a district public key from PEM."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, X25519PublicKey):
        raise KeyFileError("the district public key is not an X25519 key")
    return key


def load_private_key(pem: bytes) -> X25519PrivateKey:
    """Read a district private key from PEM."""
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, X25519PrivateKey):
        raise KeyFileError("the district private key is not an X25519 key")
    return key


def add_recovery(path: Path, key: bytes, district_public_key: X25519PublicKey) -> None:
    """Add (or replace) the district recovery wrap of an unlocked key."""
    data = _read(Path(path))
    data["recovery"] = _recovery_wrap(key, district_public_key)
    _write_atomic(Path(path), data)


def recover(path: Path, district_private_key: X25519PrivateKey) -> bytes:
    """Unwrap the database key with the district private key (admin recovery)."""
    data = _read(Path(path))
    wrap = data.get("recovery")
    if not wrap:
        raise NoRecoveryWrap(f"{path}: this key file has no district recovery wrap")
    ephemeral_pub = _unb64(wrap["ephemeral_public"])
    shared = district_private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_pub))
    try:
        return AESGCM(_hkdf(shared, ephemeral_pub)).decrypt(
            _unb64(wrap["nonce"]), _unb64(wrap["ciphertext"]), _RECOVERY_AAD
        )
    except InvalidTag:
        have = district_key_id(district_private_key.public_key())
        raise WrongDistrictKey(
            f"{path}: the district key {have} does not open this key file "
            f"(it was wrapped to district key {wrap.get('district_key_id')})"
        ) from None
