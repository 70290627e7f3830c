"""Password hashing with scrypt (hashlib), a random salt per user.

>>> h = hash_password("rahasia")
>>> verify_password("rahasia", h), verify_password("salah", h)
(True, False)
"""

import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1
"""scrypt cost: about 16 MiB and ~50 ms per check on a laptop."""


def hash_password(password: str) -> str:
    """Return 'scrypt$N$r$p$salt$hash' (hex) for a password."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when the password matches a hash made by hash_password."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(
        password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(got.hex(), digest)


_DUMMY = hash_password(secrets.token_hex(8))


def burn_time() -> None:
    """Spend the time of one check, so unknown usernames answer as slowly as wrong passwords."""
    verify_password("x", _DUMMY)
