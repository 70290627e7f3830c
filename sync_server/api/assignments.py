"""GET /assignments/mine and the pull: GET /assignments/{id}/households."""

from typing import Any

from fastapi import Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from dtks.model import MAX_INT
from sync_server.api.deps import Cfg, CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.db.tables import MAX_ROW_ID
from sync_server.scopes import dotted
from sync_server.services import assignments as assignment_service
from sync_server.services.pull import pull_page

router = api_router(tags=["pull"])


class AssignmentOut(BaseModel):
    """One assignment: round, wilayah scope (dotted) and form."""

    id: int
    round: str
    scope: str
    form_id: str
    form_version: str


class AssignmentsOut(BaseModel):
    """The user's assignments, newest round first."""

    assignments: list[AssignmentOut]


class MemberOut(BaseModel):
    """A household member; removed members stay with reason and date."""

    member_id: str
    status: str
    values: dict
    version: int
    removal_reason: str | None = None
    removal_date: str | None = None
    replaces: str | None = None
    """For a member of an approved proposal: the client UUID it had before."""


class ReviewOut(BaseModel):
    """A reviewer's state and note."""

    state: str
    note: str | None


class AnomalyOut(BaseModel):
    """An open anomaly of the worklist (dtks.anomalies): fix field of member_id (or the household)."""

    kind: str
    member_id: str | None
    field: str
    message: str
    value: Any = None
    related: list[str] = []


class TaskOut(BaseModel):
    """What the enumerator is asked to do (dtks.tasks): verivali, anomali, sanggahan, ..."""

    kind: str
    id: str
    note: str | None = None


class HouseholdOut(BaseModel):
    """A household as pulled; deleted=true is a tombstone (left the scope)."""

    household_id: str
    version: int
    deleted: bool
    values: dict
    members: list[MemberOut]
    review: ReviewOut | None
    replaces: str | None = None
    """For an approved proposal under its permanent id: the client UUID it replaces."""
    anomalies: list[AnomalyOut] = []
    tasks: list[TaskOut] = []


class PullOut(BaseModel):
    """One page of households ordered by the global sequence; pass next_since to continue."""

    households: list[HouseholdOut]
    next_since: int
    more: bool


@router.get("/assignments/mine", response_model=AssignmentsOut)
def my_assignments(user: CurrentUser, db: Db):
    """The logged-in user's assignments."""
    with db.connect() as conn:
        rows = assignment_service.mine(conn, user)
    return AssignmentsOut(
        assignments=[
            AssignmentOut(
                id=a.id,
                round=a.round,
                scope=dotted(a.scope),
                form_id=a.form_id,
                form_version=a.form_version,
            )
            for a in rows
        ]
    )


@router.get("/assignments/{assignment_id}/households", response_model=PullOut)
def pull(
    user: CurrentUser,
    db: Db,
    cfg: Cfg,
    assignment_id: int = Path(ge=1, le=MAX_ROW_ID),
    since: int = Query(
        0, ge=0, le=MAX_INT, description="the next_since of the previous page; 0 for all"
    ),
    limit: int = Query(
        500, ge=1, le=MAX_INT, description="households per page (capped by the server)"
    ),
):
    """Households of the assignment's scope changed since `since`, with tombstones."""
    with db.connect() as conn:
        a = assignment_service.readable(conn, user, assignment_id)
        page = pull_page(conn, a.scope, since, min(limit, cfg.pull_max_limit))
    return JSONResponse(page)  # already protocol JSON: skip re-validation of thousands of rows
