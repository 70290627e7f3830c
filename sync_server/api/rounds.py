"""GET /rounds/{round}: a round's windows in the local time of a region; an admin changes them."""

from datetime import date

from fastapi import Path as PathParam
from fastapi import Query
from pydantic import BaseModel, Field

from dtks import cycle as rule
from sync_server import clock
from sync_server.api.body import BodyIn
from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.review import ROUND_PATTERN
from sync_server.errors import Forbidden, ScopeViolation
from sync_server.roles import can
from sync_server.scopes import covers, normalise_scope
from sync_server.services import cycle
from sync_server.services.users import User

router = api_router(tags=["rounds"])
ACTIVITY_PATTERN = "^(" + "|".join(rule.ACTIVITIES) + ")$"


class WindowOut(BaseModel):
    """An activity's first and last day, inclusive, local dates (opens absent: the 1st)."""

    opens: date | None = None
    closes: date


class RoundOut(BaseModel):
    """The round's windows (DESIGN.md, "The monthly cycle") and each deadline as a moment."""

    round: str
    timezone: str = Field(description="IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA) …")
    windows: dict[str, WindowOut]
    deadlines: dict[str, str] = Field(
        description="when each window closes: midnight after its last day, local offset"
    )
    scope: str
    now: str = Field(description="the server's clock, to show days left")


class WindowIn(BodyIn):
    """The new window of one activity."""

    opens: date | None = None
    closes: date


def _scope(user: User, scope: str | None) -> str:
    """The asked scope (plain), inside the user's scopes; their first scope when not given."""
    if not scope:
        return user.scopes[0] if user.scopes else cycle.NATIONAL
    plain = normalise_scope(scope)
    if not covers(user.scopes, plain):
        raise ScopeViolation(f"scope {scope} lies outside your scopes")
    return plain


def _out(cal: rule.RoundCalendar, scope: str) -> RoundOut:
    return RoundOut(**cal.to_json(), scope=scope, now=clock.current().isoformat())


@router.get("/rounds/{round}", response_model=RoundOut)
def get_round(
    user: CurrentUser,
    db: Db,
    round: str = PathParam(pattern=ROUND_PATTERN),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """The windows of the round for a region: DTKS defaults with an admin's changes."""
    plain = _scope(user, scope)
    with db.connect() as conn:
        return _out(cycle.calendar(conn, round, plain), plain)


@router.put("/rounds/{round}/windows/{activity}", response_model=RoundOut)
def put_window(
    body: WindowIn,
    user: CurrentUser,
    db: Db,
    round: str = PathParam(pattern=ROUND_PATTERN),
    activity: str = PathParam(pattern=ACTIVITY_PATTERN),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """An admin changes one window for every region under the scope."""
    if not can(user.role, "manage"):
        raise Forbidden(f"role {user.role} cannot change round windows")
    plain = _scope(user, scope)
    with db.begin() as conn:
        cal = cycle.set_window(conn, round, activity, plain, body.closes, body.opens, user.id)
    return _out(cal, plain)


@router.delete("/rounds/{round}/windows/{activity}", response_model=RoundOut)
def delete_window(
    user: CurrentUser,
    db: Db,
    round: str = PathParam(pattern=ROUND_PATTERN),
    activity: str = PathParam(pattern=ACTIVITY_PATTERN),
    scope: str | None = Query(None, description="kode wilayah inside your scopes"),
):
    """An admin drops their change: the scope falls back to a wider change or the default."""
    if not can(user.role, "manage"):
        raise Forbidden(f"role {user.role} cannot change round windows")
    plain = _scope(user, scope)
    with db.begin() as conn:
        cycle.reset_window(conn, round, activity, plain)
        return _out(cycle.calendar(conn, round, plain), plain)
