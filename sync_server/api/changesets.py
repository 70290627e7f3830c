"""POST /changesets: push a change-set; the reply says per household what happened."""

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool

from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.services.merge import push

router = api_router(tags=["push"])


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class FieldChangeIn(_Open):
    """The value the client saw and the value it wants."""

    base: Any = None
    value: Any = None


class GpsIn(_Open):
    """Where the house is and how the position was got."""

    lat: float
    lon: float
    accuracy_m: float | None = None
    source: str


class VerificationIn(_Open):
    """The verivali interview: answers, result, GPS, photo hashes (uploaded first)."""

    status: str
    result: str | None = None
    answers: dict[str, Any] = {}
    gps: GpsIn | None = None
    photos: list[str] = []
    started_at: str | None = None
    finished_at: str | None = None


class MemberChangeIn(_Open):
    """op add (values), change (fields) or remove (reason, date)."""

    op: str
    member_id: str
    fields: dict[str, FieldChangeIn] | None = None
    values: dict[str, Any] | None = None
    reason: str | None = None
    date: str | None = None


class HouseholdChangeIn(_Open):
    """Edits of one household since base_version, or a new household (new=true, values)."""

    household_id: str
    base_version: int
    new: bool = False
    fields: dict[str, FieldChangeIn] | None = None
    values: dict[str, Any] | None = None
    members: list[MemberChangeIn] | None = None
    verification: VerificationIn | None = None


class ChangeSetIn(_Open):
    """A change-set: idempotent by changeset_id."""

    changeset_id: str
    device_id: str
    form_id: str
    form_version: str
    mode: str
    created_at: str
    households: list[HouseholdChangeIn]


class ConflictOut(BaseModel):
    """Both sides of a field that diverged (member_id set for a member's field)."""

    field: str
    base: Any
    server: Any
    client: Any
    member_id: str | None = None


class HouseholdReplyOut(BaseModel):
    """What happened to one household: applied, merged, conflict or rejected."""

    household_id: str
    outcome: str
    version: int | None
    conflicts: list[ConflictOut]
    message: str | None


class ChangeSetReplyOut(BaseModel):
    """The reply, one entry per household in push order; replays return it unchanged."""

    changeset_id: str
    households: list[HouseholdReplyOut]


@router.post("/changesets", response_model=ChangeSetReplyOut)
async def post_changeset(
    body: ChangeSetIn,
    request: Request,
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
):
    """Apply a change-set in one transaction (all or nothing); 409 for a clashing replay."""
    raw = await request.body()  # dtks.model reads the exact bytes strictly
    reply = await run_in_threadpool(push, db, user, raw, cfg.forms_dir)
    return JSONResponse(reply)
