"""POST /auth/token (login) and POST /auth/revoke (log a device out)."""

from fastapi import Request
from pydantic import BaseModel, Field

from sync_server.api.body import BodyIn
from sync_server.api.client_address import request_address
from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.openapi_doc import errors
from sync_server.errors import Forbidden
from sync_server.roles import can
from sync_server.scopes import dotted
from sync_server.services import devices
from sync_server.services import users as user_service

router = api_router(tags=["auth"])


class LoginIn(BodyIn):
    """Username, password and the installation's device id."""

    username: str = Field(max_length=64)
    password: str = Field(max_length=200)
    device_id: str = Field(min_length=1, max_length=64)
    device_public_key: str | None = Field(
        None, max_length=64, description="the device's Ed25519 public key (base64), for bundles"
    )
    device_x25519_key: str | None = Field(
        None, max_length=64, description="the device's X25519 public key (base64), for replies"
    )


class LoginOut(BaseModel):
    """A bearer token and who it belongs to."""

    token: str
    expires_at: str
    user: str
    role: str
    scopes: list[str]


class RevokeIn(BodyIn):
    """Whose tokens to revoke: your own (no username) or, for an admin, a user of your scopes."""

    username: str | None = None
    device_id: str | None = Field(None, description="only this device; all devices when absent")


class RevokeOut(BaseModel):
    """How many tokens were revoked."""

    revoked: int


@router.post("/auth/token", response_model=LoginOut, responses=errors(401, 429))
def login(
    body: LoginIn,
    request: Request,
    db: Db,
    cfg: Cfg,
):
    """Log in; answers 429 with Retry-After after repeated failures (counted before the
    password is checked, per username and client address)."""
    throttle = request.app.state.throttle
    address = request_address(request)
    throttle.attempt(body.username, address)
    with db.begin() as conn:
        user = user_service.check_password(conn, body.username, body.password)
        token, expires = user_service.issue_token(conn, user, body.device_id, cfg.token_days)
        if body.device_public_key or body.device_x25519_key:
            keys = devices.check_keys(body.device_public_key or "", body.device_x25519_key or "")
            devices.register(conn, user.id, body.device_id, keys)
    throttle.succeeded(body.username, address)
    return LoginOut(
        token=token,
        expires_at=expires,
        user=user.username,
        role=user.role,
        scopes=[dotted(s) for s in user.scopes],
    )


@router.post("/auth/revoke", response_model=RevokeOut)
def revoke(body: RevokeIn, user: CurrentUser, db: Db):
    """Revoke tokens: yours on one device (default: the calling device) or, as admin, those of a
    user whose scopes lie inside yours (anyone else: 404, as an unknown user)."""
    target = body.username or user.username
    if target != user.username and not can(user.role, "manage"):
        raise Forbidden("only an admin can revoke another user's tokens")
    device = body.device_id if body.username else (body.device_id or user.device_id)
    with db.begin() as conn:
        if target != user.username:
            user_service.managed_user(conn, user, target)
        revoked = user_service.revoke_tokens(
            conn, target, device, revoke_device=target != user.username
        )
        return RevokeOut(revoked=revoked)
