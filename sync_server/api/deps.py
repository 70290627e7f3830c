"""FastAPI dependencies: the database engine, the settings, the logged-in user."""

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from sync_server.errors import Unauthenticated
from sync_server.services.users import User, user_for_token
from sync_server.settings import Settings

bearer = HTTPBearer(auto_error=False, description="the token from POST /auth/token")


def engine(request: Request) -> Engine:
    """The app's database engine."""
    return request.app.state.engine


def settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings


def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> User:
    """The user of the bearer token, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("log in first: send Authorization: Bearer <token>")
    with request.app.state.engine.connect() as conn:
        return user_for_token(conn, credentials.credentials)


Db = Annotated[Engine, Depends(engine)]
Cfg = Annotated[Settings, Depends(settings)]
CurrentUser = Annotated[User, Depends(current_user)]
