"""GET /requests: usul warga, sanggahan and usulan Kemensos of a scope with their household,
status and finding, for Dinas Sosial (docs/review-api.md)."""

from typing import Literal

from fastapi import Query
from pydantic import BaseModel, Field

from dtks import cycle, tasks
from dtks.model import MAX_INT
from sync_server.api.deps import CurrentUser, Db
from sync_server.api.json_route import api_router
from sync_server.api.openapi_doc import errors
from sync_server.api.review import RequestOut
from sync_server.services import citizen_requests as service
from sync_server.services.review_queue import reviewer_scopes

router = api_router(tags=["review"])


class ListedRequestOut(RequestOut):
    """A request with where it stands: its household, that household's desa, its status."""

    household_id: str | None = Field(
        None, description="the household whose pull carries its task (null: none)"
    )
    kode_wilayah: str = Field(description="the household's desa now (else the request's)")
    status: Literal[service.STATUSES] = Field(
        description="pending (no finding yet), found (a finding, household not yet approved), "
        "approved (the household's approval closed it)"
    )


class RequestsOut(BaseModel):
    """One page of requests, oldest first, and how many match."""

    requests: list[ListedRequestOut]
    total: int


@router.get("/requests", response_model=RequestsOut, responses=errors(403))
def list_requests(
    user: CurrentUser,
    db: Db,
    scope: str | None = Query(None, max_length=16, description="a kode wilayah inside yours"),
    round: str | None = Query(  # noqa: A002
        None, pattern=cycle.ROUND_PATTERN, description="YYYY-MM: requests dated in that month"
    ),
    kind: Literal[tasks.REQUEST_KINDS] | None = Query(None, description="only this kind"),
    status: Literal[service.STATUSES] | None = Query(None, description="only this status"),
    limit: int = Query(200, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=MAX_INT),
):
    """Supervisors, reviewers and admins: the requests of a scope inside theirs."""
    scopes = reviewer_scopes(user, scope, "read_household")
    with db.connect() as conn:
        return service.listed(conn, scopes, round, kind, status, limit, offset)
