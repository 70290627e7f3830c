"""Users, their wilayah scopes, login tokens and revocation."""

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, and_, insert, select, update

from dtks.scope import covers_any
from sync_server import clock
from sync_server.db.tables import assignments, tokens, user_scopes, users
from sync_server.errors import Forbidden, NotFound, Unauthenticated, UsageError
from sync_server.passwords import burn_time, hash_password, verify_password
from sync_server.roles import FIELD_ROLES, ROLES, can
from sync_server.scopes import normalise_scope

MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class User:
    """A logged-in user as the API sees it."""

    id: int
    username: str
    role: str
    scopes: tuple[str, ...]
    """Plain kode wilayah prefixes from add-user."""
    device_id: str | None = None

    def write_scopes(self, conn: Connection) -> tuple[str, ...]:
        """Scopes this user may write in: assignments for field roles, user scopes otherwise."""
        if self.role in FIELD_ROLES:
            rows = conn.execute(
                select(assignments.c.scope).where(assignments.c.user_id == self.id)
            ).scalars()
            return tuple(sorted(set(rows)))
        return self.scopes


def create_user(conn: Connection, username: str, role: str, scopes, password: str) -> User:
    """Create a user with a role and wilayah scopes; raises UsageError if it cannot."""
    if role not in ROLES:
        raise UsageError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not username or not username.replace("_", "").replace("-", "").replace(".", "").isalnum():
        raise UsageError(f"username {username!r}: use letters, digits, '.', '-' or '_'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    plain = sorted({normalise_scope(s) for s in scopes})
    if not plain:
        raise UsageError("give at least one --scope (a kode wilayah prefix)")
    if "" in plain and role in FIELD_ROLES | {"supervisor"}:
        raise UsageError(f"role {role}: a national scope is for reviewers and admins (Kemensos)")
    if "" in plain and len(plain) > 1:
        raise UsageError("a national scope covers every other: give it alone")
    if conn.execute(select(users.c.id).where(users.c.username == username)).first():
        raise UsageError(f"user {username!r} exists already")
    uid = conn.execute(
        insert(users).values(
            username=username,
            role=role,
            password_hash=hash_password(password),
            created_at=clock.now(),
            disabled=False,
        )
    ).inserted_primary_key[0]
    conn.execute(insert(user_scopes), [{"user_id": uid, "scope": s} for s in plain])
    return User(uid, username, role, tuple(plain))


def get_user(conn: Connection, username: str) -> User:
    """Return a user by name, or raise UsageError."""
    row = conn.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        raise UsageError(f"no user named {username!r}")
    return _user(conn, row)


def managed_user(conn: Connection, admin: User, username: str) -> User:
    """The user an admin acts on (revoke, and any later action on users): only one whose every
    scope lies inside the admin's; anyone else answers as an unknown user (404), so an admin
    of another wilayah learns nothing of them."""
    if not can(admin.role, "manage"):
        raise Forbidden(f"role {admin.role} cannot manage other users")
    row = conn.execute(select(users).where(users.c.username == username)).first()
    target = _user(conn, row) if row is not None else None
    if (
        target is None
        or not target.scopes
        or not all(covers_any(admin.scopes, s) for s in target.scopes)
    ):
        raise NotFound(f"no user named {username!r} within your scopes")
    return target


def _user(conn: Connection, row, device_id: str | None = None) -> User:
    scopes = conn.execute(
        select(user_scopes.c.scope).where(user_scopes.c.user_id == row.id)
    ).scalars()
    return User(row.id, row.username, row.role, tuple(sorted(scopes)), device_id)


def check_password(conn: Connection, username: str, password: str) -> User:
    """Return the user when the password is right, else raise Unauthenticated."""
    row = conn.execute(select(users).where(users.c.username == username)).first()
    if row is None or row.disabled:
        burn_time()
        raise Unauthenticated("wrong username or password")
    if not verify_password(password, row.password_hash):
        raise Unauthenticated("wrong username or password")
    return _user(conn, row)


def token_hash(token: str) -> str:
    """The stored form of a token: its SHA-256 (tokens are random, so no salt is needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(conn: Connection, user: User, device_id: str, days: float) -> tuple[str, str]:
    """Make a new random token for user on device; return (token, expires_at)."""
    token = secrets.token_urlsafe(32)
    expires = clock.in_days(days)
    conn.execute(
        insert(tokens).values(
            user_id=user.id,
            token_hash=token_hash(token),
            device_id=device_id,
            created_at=clock.now(),
            expires_at=expires,
        )
    )
    return token, expires


def user_for_token(conn: Connection, token: str) -> User:
    """Return the user a bearer token belongs to, or raise Unauthenticated."""
    row = conn.execute(
        select(users, tokens.c.device_id, tokens.c.expires_at, tokens.c.revoked_at)
        .join(tokens, tokens.c.user_id == users.c.id)
        .where(tokens.c.token_hash == token_hash(token))
    ).first()
    if row is None:
        raise Unauthenticated("unknown token: log in again")
    if row.revoked_at is not None:
        raise Unauthenticated("this token was revoked: log in again")
    if row.expires_at <= clock.now():
        raise Unauthenticated("this token has expired: log in again")
    if row.disabled:
        raise Unauthenticated("this user is disabled")
    return _user(conn, row, row.device_id)


def revoke_tokens(
    conn: Connection, username: str, device_id: str | None = None, *, revoke_device: bool = True
) -> int:
    """Revoke a user's live tokens (of one device, or all); return how many.

    With ``revoke_device`` (an admin's revoke) the device's bundles are refused too, until its
    next login; a user logging their own device out passes False."""
    from sync_server.services import devices

    user = get_user(conn, username)
    if revoke_device:
        devices.revoke(conn, user.id, device_id)
    cond = and_(tokens.c.user_id == user.id, tokens.c.revoked_at.is_(None))
    if device_id:
        cond = and_(cond, tokens.c.device_id == device_id)
    return conn.execute(update(tokens).where(cond).values(revoked_at=clock.now())).rowcount


def set_password(conn: Connection, username: str, password: str) -> None:
    """Change a user's password and revoke all their tokens."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    user = get_user(conn, username)
    conn.execute(
        update(users).where(users.c.id == user.id).values(password_hash=hash_password(password))
    )
    revoke_tokens(conn, username)
